package io.servicemetrics.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.identity.Pseudonymizer;
import io.servicemetrics.ingest.formats.LandingFormat;
import io.servicemetrics.ingest.formats.LandingFormats;
import io.servicemetrics.io.DateFiles;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.schema.QuarantineSchema;
import io.servicemetrics.sentiment.SentimentModels;
import io.servicemetrics.sentiment.SentimentRescoring;
import io.servicemetrics.spark.ConcurrentActions;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
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
  /** Sources ingested at once by a multi-day (bulk) run (see {@link #run()}). */
  static final int SOURCE_THREADS = 2;
  /** Sources ingested at once by a one-day run: all of them (see {@link #run()}). */
  static final int NIGHTLY_SOURCE_THREADS = Source.values().length;

  private final DeltaIo delta;
  private final IngestConfig config;
  private final RunLog runLog;

  public IngestJob(DeltaIo delta, IngestConfig config, RunLog runLog) {
    this.delta = delta;
    this.config = config;
    this.runLog = runLog;
  }

  /** Ingests every source for the configured days; returns the counts per source over all days. */
  public Map<Source, RunLog.IngestCounts> run() {
    SparkSession spark = delta.spark();
    if (!LandingReader.rootExists(spark, config.landing())) {
      throw Errors.landingMissing(config.landing());
    }
    if (config.piiKey().isDemo()) {
      LOG.warn("Using the public DEMO pseudonymization key: fine for sample data, never for real customers");
    }
    // Sources are independent tables, so they are ingested concurrently: most of a small night's
    // ingest is driver-side latency (Delta log replay, planning, commits) that one source can
    // spend while another's tasks run, so one day runs all four at once. A bulk run holds each
    // source's parsed and validated rows in cache, so it runs two, in Source order: contacts, the
    // big one, on one, the smaller sources in turn on the other.
    int threads = config.firstDay().equals(config.lastDay()) ? NIGHTLY_SOURCE_THREADS : SOURCE_THREADS;
    // Every source's run-log rows, succeeded or failed, go into one commit once all have ended:
    // one run-log commit per ingest instead of one per source.
    RunLog.Batch log = runLog.batch();
    Map<Source, Callable<RunLog.IngestCounts>> tasks = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      tasks.put(source, () -> ingest(source, log));
    }
    return new EnumMap<>(appendingLog(spark, log, () -> ConcurrentActions.runAll("ingest-source", threads, tasks,
        source -> "Ingest of " + source.sourceName())));
  }

  /** Ingests one source, its run-log rows in a commit of their own. */
  RunLog.IngestCounts ingest(Source source) {
    RunLog.Batch log = runLog.batch();
    return appendingLog(delta.spark(), log, () -> ingest(source, log));
  }

  /** Runs {@code work}, then appends {@code log}'s rows, also when the work failed. */
  private static <T> T appendingLog(SparkSession spark, RunLog.Batch log, java.util.function.Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      try {
        appendLog(spark, log);
      } catch (RuntimeException logFailure) {
        e.addSuppressed(logFailure);
      }
      throw e;
    }
    appendLog(spark, log);
    return result;
  }

  private static void appendLog(SparkSession spark, RunLog.Batch log) {
    spark.sparkContext().setJobGroup("ingest-run-log", "ingest: run log", false);
    try {
      log.append();
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private RunLog.IngestCounts ingest(Source source, RunLog.Batch log) {
    SparkSession spark = delta.spark();
    LocalDate first = config.firstDay();
    LocalDate last = config.lastDay();
    String days = first.equals(last) ? first.toString() : first + ".." + last;
    Instant startedAt = runLog.now();
    spark.sparkContext().setJobGroup("ingest-" + source.sourceName(), "ingest " + source.sourceName() + " " + days, false);
    try {
      Map<LocalDate, RunLog.IngestCounts> perDay = ingestSource(source, startedAt, log);
      RunLog.IngestCounts total = RunLog.IngestCounts.sum(perDay.values());
      LOG.info("ingest {} {}: read {} = accepted {} + quarantined {} + superseded {}{}",
          source.sourceName(), days, total.read(), total.accepted(), total.quarantined(), total.superseded(),
          total.quarantineReasons().isEmpty() ? "" : " (quarantined: " + total.reasonsText() + ")");
      return total;
    } catch (Exception e) {
      // Exception, not RuntimeException: Spark throws its checked SparkException from Scala.
      ServiceMetricsException known = ServiceMetricsException.findIn(e);
      log.failed(STAGE, source.sourceName(), last, startedAt, known != null ? known : e);
      if (known != null) {
        throw known;
      }
      throw e;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private Map<LocalDate, RunLog.IngestCounts> ingestSource(Source source, Instant startedAt, RunLog.Batch log) {
    SparkSession spark = delta.spark();
    LocalDate first = config.firstDay();
    LocalDate last = config.lastDay();
    String slice = Provenance.DELIVERY_DATE + " >= DATE'" + first + "' AND " + Provenance.DELIVERY_DATE + " <= DATE'" + last + "'";
    List<LocalDate> sliceDays = first.datesUntil(last.plusDays(1)).toList();
    List<LocalDate> missingDays = new ArrayList<>();
    LandingFormat format = LandingFormats.forSource(source, config.formats());
    if (!format.name().equals(SourceFormats.CANONICAL)) {
      LOG.info("ingest {}: reading the {} format ({})", source.sourceName(), format.name(), format.filesDescription());
    }
    Dataset<Row> landed = LandingReader.read(spark, config.landing(), source, first, last, runLog.runId(),
        format, config.formats().options(), missingDays);
    if (!missingDays.isEmpty()) {
      LOG.warn("ingest {}: no landing folder for {} day(s): {}", source.sourceName(), missingDays.size(),
          missingDays.size() <= 5 ? missingDays : missingDays.subList(0, 5) + "...");
    }
    long dayCount = ChronoUnit.DAYS.between(first, last) + 1;
    if (missingDays.size() == dayCount && delta.exists(source.bronze()) && delta.exists(source.quarantine())
        && delta.exists(source.silver())) {
      // Nothing landed (a source delivered weekly, on one of its off days): no record to parse,
      // validate or merge, so none of the Spark jobs and commits that would do it on no rows.
      // Rows an earlier run of these days wrote are still removed, as a replaced slice would be;
      // days never written are known from the tables' logs, without a Spark query.
      delta.clearPartitions(source.bronze(), slice, Provenance.DELIVERY_DATE, sliceDays);
      delta.clearPartitions(source.quarantine(), slice, Provenance.DELIVERY_DATE, sliceDays);
      return succeeded(source, startedAt, Map.of(), missingDays, log);
    }
    // Parsed once: the same rows go to bronze and to validation, instead of validating a re-read
    // of the bronze slice just written (a second scan of every record).
    landed = landed.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> validated;
    Validation validation;
    try {
      Pseudonymizer pseudonyms = new Pseudonymizer(config.piiKey().bytes());
      validated = IngestTransforms.validate(landed, source, config.businessZone(), config.validFrom(), pseudonyms)
          .persist(StorageLevel.MEMORY_AND_DISK());
      // One aggregate gives the counts per day and reason, each reason's first detail and the
      // accepted rows' event range, and fills both caches: the writes below read them from memory.
      validation = Validation.of(validated, source.partitionedByEventDate());
      // A new day's slice holds nothing to replace: its rows are appended (see replacePartitions),
      // and a quarantine slice with no rows and nothing to replace is not written at all.
      delta.replacePartitions(source.bronze(), landed, validation.read(), slice, Provenance.DELIVERY_DATE, sliceDays);
      delta.replacePartitions(source.quarantine(), IngestTransforms.quarantined(validated), validation.quarantined(),
          slice, Provenance.DELIVERY_DATE, sliceDays);
    } finally {
      landed.unpersist();
    }
    try {
      Dataset<Row> accepted = withActiveSentimentModel(IngestTransforms.accepted(validated, source), source);
      Row eventRange = source.partitionedByEventDate() ? validation.eventRange() : null;
      Dataset<Row> classified = IngestTransforms.classify(accepted, currentSilver(source, eventRange), source, first, last)
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        // Counting first fills the cache of the classified rows, so the write below reads them
        // from memory instead of classifying again, and a count that does not reconcile stops
        // the run before silver changes.
        Tally tally = count(validation, classified, source.partitionedByEventDate());
        Map<LocalDate, RunLog.IngestCounts> perDay = tally.perDay();
        for (Map.Entry<LocalDate, RunLog.IngestCounts> day : perDay.entrySet()) {
          RunLog.IngestCounts c = day.getValue();
          if (!c.reconciles()) {
            throw Errors.reconciliationFailed(source.sourceName() + " " + day.getKey(), c.read(), c.accepted(),
                c.quarantined(), c.superseded());
          }
        }
        Dataset<Row> written = classified.where(col(IngestTransforms.OUTCOME).equalTo(IngestTransforms.WRITTEN))
            .select(IngestTransforms.silverColumns(source));
        boolean firstWrite = !delta.exists(source.silver());
        if (source.partitionedByEventDate() && firstWrite) {
          // The first (bulk) write: one file per event_date instead of one per shuffle task and
          // date. Later writes repartition by event_date, as a MERGE would (Delta's default).
          written = eventRange.isNullAt(0) ? written : DateFiles.onePerDate(written, Provenance.EVENT_DATE,
              eventRange.getDate(0).toLocalDate(), eventRange.getDate(1).toLocalDate());
        }
        if (!firstWrite && tally.written() > 0) {
          // The records, held apart from the cached classification, which is then released: after
          // a write to silver, Delta has Spark re-plan every cached frame that reads silver (three
          // queries listing silver's files), where keeping the few written rows costs one.
          written = written.localCheckpoint(true);
          classified.unpersist();
        }
        // Nothing to write (a rerun, only superseded versions): no write at all, except to create
        // the table on the first run.
        if (firstWrite || tally.written() > 0) {
          // A table written when a column was required (hold_seconds, acw_seconds) takes NULLs now.
          delta.relaxNotNull(source.silver(), source.silverSchema());
          if (!firstWrite && tally.replacing() == 0) {
            // No written record's key has a silver row among those the MERGE would match:
            // classify compared them with exactly those rows (currentSilver is the MERGE
            // condition's slice), so the MERGE would only insert them. Appended, the same rows
            // reach silver without the MERGE's scans for matches (about ten Spark queries).
            delta.append(source.silver(), source.partitionedByEventDate()
                ? written.repartition(col(Provenance.EVENT_DATE)) : written);
          } else if (!firstWrite && source.partitionedByEventDate()) {
            replaceTouchedDates(source, written, tally.touchedDates());
          } else {
            delta.upsert(source.silver(), written, mergeCondition(source, eventRange),
                source.partitionedByEventDate() ? new String[] {Provenance.EVENT_DATE} : new String[0]);
          }
        }
        return succeeded(source, startedAt, perDay, missingDays, log);
      } finally {
        classified.unpersist();
      }
    } finally {
      validated.unpersist();
    }
  }

  /**
   * Writes records of which some replace silver rows by replacing the event dates they touch (their
   * own and those of the rows they replace) with those dates' rows minus the replaced ones, plus the
   * records: a known slice replaced instead of a MERGE (about half its Spark queries). The same rows
   * as the MERGE on {@link #mergeCondition}: every row the MERGE replaces is a key match inside the
   * margin, so its date is among the touched ones, and every row of those dates with a written key
   * is such a match; each written key matches at most one silver row, or the classified rows would
   * outnumber the records read and the reconciliation would have stopped the run.
   */
  private void replaceTouchedDates(Source source, Dataset<Row> written, List<LocalDate> dates) {
    Column inDates = col(Provenance.EVENT_DATE).isin(dates.stream().map(Date::valueOf).toArray());
    String slice = Provenance.EVENT_DATE + " IN (" + String.join(", ", dates.stream().map(d -> "DATE'" + d + "'").toList())
        + ")";
    Column sameKey = lit(true);
    for (String k : source.keyColumns()) {
      sameKey = sameKey.and(col("t." + k).equalTo(col("s." + k)));
    }
    Column[] keys = source.keyColumns().stream().map(k -> col(k)).toArray(Column[]::new);
    Dataset<Row> kept = delta.readLatest(source.silver()).where(inDates).as("t")
        .join(written.select(keys).as("s"), sameKey, "left_anti");
    delta.replaceSlice(source.silver(), kept.unionByName(written, true).repartition(col(Provenance.EVENT_DATE)), slice);
  }

  /**
   * Mentions without vendor sentiment labelled by the active sentiment model, when one was trained
   * and activated (docs/SENTIMENT.md); validation scored them with the lexicon, which stays when
   * none is active. Other sources pass unchanged.
   */
  private Dataset<Row> withActiveSentimentModel(Dataset<Row> accepted, Source source) {
    if (source != Source.MENTIONS) {
      return accepted;
    }
    return new SentimentModels(delta).active()
        .map(m -> SentimentRescoring.withModel(accepted, m.model(), m.modelId()))
        .orElse(accepted);
  }

  /** Records the source's counts for every day of the run, zero for days nothing landed. */
  private Map<LocalDate, RunLog.IngestCounts> succeeded(Source source, Instant startedAt,
      Map<LocalDate, RunLog.IngestCounts> perDay, List<LocalDate> missingDays, RunLog.Batch log) {
    Map<LocalDate, RunLog.IngestCounts> everyDay = new TreeMap<>();
    Map<LocalDate, String> messages = new TreeMap<>();
    for (LocalDate day = config.firstDay(); !day.isAfter(config.lastDay()); day = day.plusDays(1)) {
      everyDay.put(day, perDay.getOrDefault(day, RunLog.IngestCounts.ZERO));
      if (missingDays.contains(day)) {
        messages.put(day, "no landing folder " + LandingReader.folder(config.landing(), source, day));
      }
    }
    log.ingestSucceeded(source.sourceName(), startedAt, everyDay, messages);
    return perDay;
  }

  /** Silver rows that can share a key with the candidates: their event dates within the margin. */
  private Dataset<Row> currentSilver(Source source, Row eventRange) {
    if (!delta.exists(source.silver())) {
      return delta.spark().createDataFrame(List.of(), source.silverSchema());
    }
    if (eventRange == null) {
      return delta.readLatest(source.silver());
    }
    if (eventRange.isNullAt(0)) {
      return delta.readLatest(source.silver()).limit(0);
    }
    // Only the margin's partitions are listed: on a long history they are few files, read directly.
    return delta.readLatest(source.silver(), Provenance.EVENT_DATE, marginFrom(eventRange), marginTo(eventRange));
  }

  private static LocalDate marginFrom(Row eventRange) {
    return eventRange.getDate(0).toLocalDate().minusDays(EVENT_DATE_MARGIN_DAYS);
  }

  private static LocalDate marginTo(Row eventRange) {
    return eventRange.getDate(1).toLocalDate().plusDays(EVENT_DATE_MARGIN_DAYS);
  }

  private static Column eventDateWithinMargin(Column eventDate, Row eventRange) {
    return eventDate.between(lit(Date.valueOf(marginFrom(eventRange))), lit(Date.valueOf(marginTo(eventRange))));
  }

  /** Key equality, narrowed to the partitions the delivery can touch so the MERGE prunes files. */
  private static Column mergeCondition(Source source, Row eventRange) {
    Column on = lit(true);
    for (String k : source.keyColumns()) {
      on = on.and(col("t." + k).equalTo(col("s." + k)));
    }
    if (eventRange != null && !eventRange.isNullAt(0)) {
      on = on.and(eventDateWithinMargin(col("t." + Provenance.EVENT_DATE), eventRange));
    }
    return on;
  }

  /**
   * What one aggregate over the validated rows tells, per delivery day: read (validation maps each
   * bronze record to exactly one row, so the validated rows count the records read) and
   * quarantined by reason with each reason's first detail (by file and record number), which a
   * breach message quotes; and the accepted rows' event range (null at 0 when none was accepted).
   */
  private record Validation(Map<LocalDate, Long> readPerDay, Map<LocalDate, Map<String, Long>> reasons,
      Map<LocalDate, Map<String, String>> firstDetails, Row eventRange) {
    long read() {
      return readPerDay.values().stream().mapToLong(Long::longValue).sum();
    }

    long quarantined() {
      return reasons.values().stream().flatMap(r -> r.values().stream()).mapToLong(Long::longValue).sum();
    }

    static Validation of(Dataset<Row> validated, boolean withEventRange) {
      Map<LocalDate, Long> read = new TreeMap<>();
      Map<LocalDate, Map<String, Long>> reasons = new TreeMap<>();
      Map<LocalDate, Map<String, String>> firstDetails = new TreeMap<>();
      // One pass: a null reason is a record that passed validation.
      Column firstDetail = min_by(col(QuarantineSchema.REASON_DETAIL),
          struct(col(Provenance.SOURCE_FILE), col(Provenance.RECORD_NUMBER)));
      List<Column> aggregates = new ArrayList<>(List.of(firstDetail));
      if (withEventRange) {
        aggregates.add(min(Provenance.EVENT_DATE));
        aggregates.add(max(Provenance.EVENT_DATE));
      }
      Date from = null;
      Date to = null;
      for (Row r : validated.groupBy(Provenance.DELIVERY_DATE, QuarantineSchema.REASON_CODE)
          .agg(functions.count(lit(1)), aggregates.toArray(Column[]::new)).collectAsList()) {
        LocalDate day = r.getDate(0).toLocalDate();
        read.merge(day, r.getLong(2), Long::sum);
        if (!r.isNullAt(1)) {
          reasons.computeIfAbsent(day, d -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
          if (!r.isNullAt(3)) {
            firstDetails.computeIfAbsent(day, d -> new TreeMap<>()).put(r.getString(1), r.getString(3));
          }
        } else if (withEventRange && !r.isNullAt(4)) {
          from = from == null || r.getDate(4).before(from) ? r.getDate(4) : from;
          to = to == null || r.getDate(5).after(to) ? r.getDate(5) : to;
        }
      }
      return new Validation(read, reasons, firstDetails, RowFactory.create(from, to));
    }
  }

  /**
   * Per delivery day: read and quarantined from the validation, accepted and superseded by
   * outcome; and how many records go to silver, and how many of those replace a silver row.
   */
  private static Tally count(Validation validation, Dataset<Row> classified, boolean partitionedByEventDate) {
    Map<LocalDate, long[]> tallies = new TreeMap<>();
    validation.readPerDay().forEach((day, read) -> tallies.computeIfAbsent(day, d -> new long[3])[0] += read);
    long written = 0;
    long replacing = 0;
    java.util.SortedSet<LocalDate> touched = new java.util.TreeSet<>();
    // Written records of sources partitioned by event_date are also grouped by their event date
    // and the date of the silver row they replace: the dates a write touches.
    Column isWritten = col(IngestTransforms.OUTCOME).equalTo(IngestTransforms.WRITTEN);
    List<Column> groups = new ArrayList<>(List.of(col(Provenance.DELIVERY_DATE), col(IngestTransforms.OUTCOME),
        col(IngestTransforms.MATCHES_SILVER)));
    if (partitionedByEventDate) {
      groups.add(functions.when(isWritten, col(Provenance.EVENT_DATE)));
      groups.add(functions.when(isWritten, col(IngestTransforms.MATCHED_EVENT_DATE)));
    }
    for (Row r : classified.groupBy(groups.toArray(Column[]::new)).agg(functions.count(lit(1)))
        .collectAsList()) {
      long n = r.getLong(r.length() - 1);
      if (IngestTransforms.WRITTEN.equals(r.getString(1))) {
        written += n;
        replacing += r.getBoolean(2) ? n : 0;
        for (int i = 3; i < r.length() - 1; i++) {
          if (!r.isNullAt(i)) {
            touched.add(r.getDate(i).toLocalDate());
          }
        }
      }
      long[] t = tallies.computeIfAbsent(r.getDate(0).toLocalDate(), d -> new long[3]);
      t[IngestTransforms.SUPERSEDED.equals(r.getString(1)) ? 2 : 1] += n;
    }
    Map<LocalDate, RunLog.IngestCounts> counts = new TreeMap<>();
    for (Map.Entry<LocalDate, long[]> e : tallies.entrySet()) {
      Map<String, Long> dayReasons = validation.reasons().getOrDefault(e.getKey(), Map.of());
      long quarantined = dayReasons.values().stream().mapToLong(Long::longValue).sum();
      long[] t = e.getValue();
      counts.put(e.getKey(), new RunLog.IngestCounts(t[0], t[1], quarantined, t[2], dayReasons,
          validation.firstDetails().getOrDefault(e.getKey(), Map.of())));
    }
    return new Tally(counts, written, replacing, List.copyOf(touched));
  }

  /**
   * Per-day counts, the records to write into silver over all days, those replacing a silver row,
   * and the event dates the write touches (sources partitioned by event_date).
   */
  private record Tally(Map<LocalDate, RunLog.IngestCounts> perDay, long written, long replacing,
      List<LocalDate> touchedDates) {}
}
