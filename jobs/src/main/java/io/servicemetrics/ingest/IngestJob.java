package io.servicemetrics.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.identity.Pseudonymizer;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.schema.BronzeSchema;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.schema.QuarantineSchema;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one delivery day of every source: landing files to bronze, rejected records to
 * quarantine, the latest version of each record into silver (Delta MERGE), and the reconciliation
 * read = accepted + quarantined + superseded into the run log. Re-running a day changes no silver
 * row: bronze and quarantine slices of the day are replaced, silver keeps what it has.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
  static final String STAGE = "ingest";
  /**
   * How far a corrected version may move a record's event time (and so its silver partition):
   * the silver rows compared with a delivery are read within this margin of its event dates.
   */
  public static final int EVENT_DATE_MARGIN_DAYS = 7;

  private final DeltaIo delta;
  private final IngestConfig config;
  private final RunLog runLog;

  public IngestJob(DeltaIo delta, IngestConfig config, RunLog runLog) {
    this.delta = delta;
    this.config = config;
    this.runLog = runLog;
  }

  /** Ingests every source for the configured day; returns the counts per source. */
  public Map<Source, RunLog.IngestCounts> run() {
    SparkSession spark = delta.spark();
    if (!LandingReader.rootExists(spark, config.landing())) {
      throw Errors.landingMissing(config.landing());
    }
    if (config.piiKey().isDemo()) {
      LOG.warn("Using the public DEMO pseudonymization key: fine for sample data, never for real customers");
    }
    Map<Source, RunLog.IngestCounts> counts = new EnumMap<>(Source.class);
    for (Source source : Source.values()) {
      counts.put(source, ingest(source));
    }
    return counts;
  }

  RunLog.IngestCounts ingest(Source source) {
    SparkSession spark = delta.spark();
    LocalDate day = config.deliveryDate();
    Instant startedAt = runLog.now();
    spark.sparkContext().setJobGroup("ingest-" + source.sourceName(), "ingest " + source.sourceName() + " " + day, false);
    try {
      RunLog.IngestCounts c = ingestSource(source, day);
      LOG.info("ingest {} {}: read {} = accepted {} + quarantined {} + superseded {}{}",
          source.sourceName(), day, c.read(), c.accepted(), c.quarantined(), c.superseded(),
          c.quarantineReasons().isEmpty() ? "" : " (quarantined: " + c.reasonsText() + ")");
      return c;
    } catch (RuntimeException e) {
      runLog.failed(STAGE, source.sourceName(), day, startedAt, e);
      throw e;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private RunLog.IngestCounts ingestSource(Source source, LocalDate day) {
    SparkSession spark = delta.spark();
    Instant startedAt = runLog.now();
    String slice = Provenance.DELIVERY_DATE + " = DATE'" + day + "'";
    Dataset<Row> landed = LandingReader.read(
        spark, config.landing(), source, day, runLog.runId(), Provenance.SOURCE_SYSTEM_CANONICAL);
    String message = null;
    if (landed == null) {
      message = "no landing folder " + LandingReader.folder(config.landing(), source, day);
      LOG.warn("ingest {} {}: {}", source.sourceName(), day, message);
      landed = spark.createDataFrame(List.of(), BronzeSchema.SCHEMA);
    }
    delta.replaceSlice(source.bronze(), landed, slice, Provenance.DELIVERY_DATE);

    Dataset<Row> bronze = delta.read(source.bronze()).where(col(Provenance.DELIVERY_DATE).equalTo(lit(Date.valueOf(day))));
    Pseudonymizer pseudonyms = new Pseudonymizer(config.piiKey().bytes());
    Dataset<Row> validated = IngestTransforms.validate(bronze, source, config.businessZone(), pseudonyms)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      delta.replaceSlice(source.quarantine(), IngestTransforms.quarantined(validated), slice, Provenance.DELIVERY_DATE);
      Dataset<Row> accepted = IngestTransforms.accepted(validated, source);
      Dataset<Row> classified = IngestTransforms.classify(accepted, currentSilver(source, accepted), source, day)
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Dataset<Row> written = classified.where(col(IngestTransforms.OUTCOME).equalTo(IngestTransforms.WRITTEN))
            .select(IngestTransforms.silverColumns(source));
        delta.upsert(source.silver(), written, mergeCondition(source, classified),
            source.partitionedByEventDate() ? new String[] {Provenance.EVENT_DATE} : new String[0]);
        RunLog.IngestCounts counts = count(bronze, validated, classified);
        if (!counts.reconciles()) {
          throw Errors.reconciliationFailed(source.sourceName(), counts.read(), counts.accepted(),
              counts.quarantined(), counts.superseded());
        }
        runLog.ingestSucceeded(source.sourceName(), day, startedAt, counts, message);
        return counts;
      } finally {
        classified.unpersist();
      }
    } finally {
      validated.unpersist();
    }
  }

  /** Silver rows that can share a key with the candidates: their event dates within the margin. */
  private Dataset<Row> currentSilver(Source source, Dataset<Row> candidates) {
    if (!delta.exists(source.silver())) {
      return delta.spark().createDataFrame(List.of(), source.silverSchema());
    }
    Dataset<Row> silver = delta.read(source.silver());
    if (!source.partitionedByEventDate()) {
      return silver;
    }
    Row range = candidates.agg(min(Provenance.EVENT_DATE), max(Provenance.EVENT_DATE)).first();
    if (range.isNullAt(0)) {
      return silver.limit(0);
    }
    return silver.where(eventDateWithinMargin(col(Provenance.EVENT_DATE), range.getDate(0), range.getDate(1)));
  }

  private static Column eventDateWithinMargin(Column eventDate, Date first, Date last) {
    LocalDate from = first.toLocalDate().minusDays(EVENT_DATE_MARGIN_DAYS);
    LocalDate to = last.toLocalDate().plusDays(EVENT_DATE_MARGIN_DAYS);
    return eventDate.between(lit(Date.valueOf(from)), lit(Date.valueOf(to)));
  }

  /** Key equality, narrowed to the partitions the delivery can touch so the MERGE prunes files. */
  private Column mergeCondition(Source source, Dataset<Row> classified) {
    Column on = lit(true);
    for (String k : source.keyColumns()) {
      on = on.and(col("t." + k).equalTo(col("s." + k)));
    }
    if (source.partitionedByEventDate()) {
      Row range = classified.agg(min(Provenance.EVENT_DATE), max(Provenance.EVENT_DATE)).first();
      if (!range.isNullAt(0)) {
        on = on.and(eventDateWithinMargin(col("t." + Provenance.EVENT_DATE), range.getDate(0), range.getDate(1)));
      }
    }
    return on;
  }

  private static RunLog.IngestCounts count(Dataset<Row> bronze, Dataset<Row> validated, Dataset<Row> classified) {
    long read = bronze.count();
    Map<String, Long> reasons = new TreeMap<>();
    for (Row r : validated.where(col(QuarantineSchema.REASON_CODE).isNotNull())
        .groupBy(QuarantineSchema.REASON_CODE).count().collectAsList()) {
      reasons.put(r.getString(0), r.getLong(1));
    }
    long quarantined = reasons.values().stream().mapToLong(Long::longValue).sum();
    long accepted = 0;
    long superseded = 0;
    for (Row r : classified.groupBy(IngestTransforms.OUTCOME).count().collectAsList()) {
      if (IngestTransforms.SUPERSEDED.equals(r.getString(0))) {
        superseded += r.getLong(1);
      } else {
        accepted += r.getLong(1);
      }
    }
    return new RunLog.IngestCounts(read, accepted, quarantined, superseded, reasons);
  }
}
