package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.servicemetrics.chains.BusinessWaitTransforms;
import io.servicemetrics.chains.ContactChainTransforms;
import io.servicemetrics.chains.ContactChainTransforms.ChainLegs;
import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.io.DateFiles;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.schema.MetricDefinitionsSchema;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.schema.QuarantineSchema;
import io.servicemetrics.schema.SurveysSchema;
import io.servicemetrics.spark.LineageCut;
import io.servicemetrics.staffing.StaffingConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics stage: silver contacts, surveys and customer_handles to gold contact_chains and
 * daily_service_metrics, plus meta/metric_definitions, recorded in meta/run_log.
 *
 * <p>A nightly run for date D recomputes the contact dates [D - (restatementDays - 1), D] and
 * replaces exactly that slice of each gold table; {@code fromScratch} recomputes and replaces
 * everything. Both give the same rows for a contact date (docs/METRICS.md "Restatement"), because a
 * chain depends only on legs that start at most {@link ContactChainTransforms#MAX_LINK_GAP} before
 * its root, and its flags only on chains that start after it.
 */
public final class MetricsJob {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsJob.class);
  public static final String COMMAND = "metrics";
  public static final String STAGE_CHAINS = "contact_chains";
  public static final String STAGE_DAILY = "daily_service_metrics";
  public static final String STAGE_PERIOD = "period_tables";
  public static final String STAGE_DEFINITIONS = "metric_definitions";

  /**
   * The stages a run computes. {@link #ALL} is what {@code metrics}, {@code nightly} and
   * {@code backfill} run. {@link #DATE_TABLES} stops after contact_chains and daily_service_metrics,
   * the tables restated per contact date: for callers that need no period table nor the definitions
   * (tests of restatement and of silver's contents), whose run log then has those two stages only.
   */
  public enum Scope { ALL, DATE_TABLES }

  /** What a run did, for the command line and tests. */
  public record Result(
      String runId, Instant asOf, long legsRead, Map<String, Long> legsRejected, long chains, long dailyRows) {}

  private final SparkSession spark;
  private final MetricsConfig config;
  private final DeltaIo delta;
  private final RunLog runLog;
  private final RunLog.Batch stages;
  private final List<Dataset<Row>> cached = new ArrayList<>();
  private final LineageCut lineageCut;
  private final StaffingConfig staffing;
  private String stage = "start";
  private Instant stageStarted;

  private final Scope scope;

  private MetricsJob(SparkSession spark, MetricsConfig config, StaffingConfig staffing, Scope scope) {
    this.spark = spark;
    this.config = config;
    this.staffing = staffing;
    this.scope = scope;
    this.delta = new DeltaIo(spark, new Warehouse(config.warehouse()));
    this.runLog = new RunLog(delta, COMMAND, UUID.randomUUID().toString(), Clock.systemUTC());
    this.stages = runLog.batch();
    this.lineageCut = LineageCut.forRun(spark.sparkContext(), config.warehouse(), runLog.runId());
  }

  /** Runs the stage; on failure appends a {@code failed} run-log row and rethrows. */
  public static Result run(SparkSession spark, MetricsConfig config) {
    return run(spark, config, StaffingConfig.DEFAULTS);
  }

  /** As {@link #run(SparkSession, MetricsConfig)} with the staffing tables' settings given. */
  public static Result run(SparkSession spark, MetricsConfig config, StaffingConfig staffing) {
    return run(spark, config, staffing, Scope.ALL);
  }

  /** As {@link #run(SparkSession, MetricsConfig, StaffingConfig)}, computing only the stages of {@code scope}. */
  public static Result run(SparkSession spark, MetricsConfig config, StaffingConfig staffing, Scope scope) {
    return new MetricsJob(spark, config, staffing, scope).execute();
  }

  private Result execute() {
    try {
      Result result = doExecute();
      stages.append();
      return result;
    } catch (RuntimeException e) {
      stages.failed(stage, stageTable(stage), config.date(), stageStarted(), String.valueOf(e.getMessage()));
      try {
        stages.append();
      } catch (RuntimeException logFailure) {
        e.addSuppressed(logFailure);
      }
      throw e;
    } finally {
      cached.forEach(Dataset::unpersist);
      // After the caches: the cached chain assignment was computed from the checkpointed tables.
      lineageCut.close();
      spark.sparkContext().clearJobGroup();
    }
  }

  private Result doExecute() {
    Instant asOf = config.asOf();
    LOG.info("Metrics for {} as of {} ({}), {}", config.date(), asOf, config.timezone(),
        config.fromScratch() ? "from scratch" : "restating " + config.windowStart() + ".." + config.date());

    begin(STAGE_CHAINS, "Contact chains: legs to chains, surveys, repeat flags");
    Dataset<Row> legs = persist(ContactChainTransforms.withCustomerKey(readLegs(asOf), readHandles()));
    ChainLegs split = new ChainLegs(persist(
        ContactChainTransforms.assignChains(legs, lineageCut::apply, d -> !d.isEmpty()).assigned()));
    Dataset<Row> chained = split.chained();
    // Every leg read has one verdict, so one count by verdict gives both the legs read and the
    // rejections by reason (and fills the assignment's cache).
    Map<String, Long> verdicts = countByVerdict(split.assigned());
    long legsRead = verdicts.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Long> rejected = new TreeMap<>(verdicts);
    rejected.remove(CHAINED);
    // The assignment is cached now and holds every leg column: the legs' own cache is a second
    // copy of the same rows (1.2 M in a nightly, 10 M in a year's backfill).
    legs.unpersist();
    // Rejected legs are pseudonymized silver rows, kept with their reason for the data stewards.
    long legsRejected = rejected.values().stream().mapToLong(Long::longValue).sum();
    // Most nights reject no leg and the slice holds none from earlier runs: no commit then.
    delta.replaceDateRange(Table.QUARANTINE_CONTACT_CHAINS,
        split.rejected().withColumnRenamed(ContactChainTransforms.REJECT_REASON, QuarantineSchema.REASON_CODE),
        legsRejected, readSlice(asOf), Provenance.EVENT_DATE,
        config.fromScratch() ? null : readStart(), config.fromScratch() ? null : utcDate(asOf));

    Dataset<Row> summary = ContactChainTransforms.summarizeChains(chained, config.timezone());
    if (!config.fromScratch()) {
      // Chains rooted before the window were read only so their legs are not mistaken for new
      // chains; they belong to slices this run does not replace.
      summary = summary.filter(col(ContactChainsSchema.CONTACT_DATE).geq(lit(Date.valueOf(config.windowStart()))));
    }
    Dataset<Row> withSurvey = ContactChainTransforms.withLatestSurvey(summary, chained, readSurveys(asOf));
    Dataset<Row> chains = persist(conform(
        stamp(BusinessWaitTransforms.withBusinessWait(ContactChainTransforms.withRepeatFlags(withSurvey, asOf),
            config.businessHours()), asOf), ContactChainsSchema.SCHEMA));
    // One file per contact_date, not one per shuffle task and date: a year's backfill otherwise
    // writes thousands of small files, and every night rewrites its window's share of them.
    delta.replaceSlice(Table.GOLD_CONTACT_CHAINS,
        DateFiles.onePerDate(chains, ContactChainsSchema.CONTACT_DATE, config.windowStart(), config.date()),
        sliceCondition(), ContactChainsSchema.CONTACT_DATE);
    long chainCount = rowsWritten(Table.GOLD_CONTACT_CHAINS, chains);
    LOG.info("contact_chains: {} legs read, {} rejected {}, {} chains written", legsRead, legsRejected, rejected,
        chainCount);
    succeeded(legsRead, legsRead - legsRejected, legsRejected, chainCount, reasons(rejected));

    begin(STAGE_DAILY, "Daily service metrics per contact date, channel and queue");
    Dataset<Row> daily = conform(
        stamp(DailyServiceMetricsTransforms.dailyServiceMetrics(chains, config.serviceLevel()), asOf), DailyServiceMetricsSchema.SCHEMA);
    delta.replaceSlice(Table.GOLD_DAILY_SERVICE_METRICS,
        DateFiles.onePerDate(daily, DailyServiceMetricsSchema.CONTACT_DATE, config.windowStart(), config.date()),
        sliceCondition(), DailyServiceMetricsSchema.CONTACT_DATE);
    long dailyRows = rowsWritten(Table.GOLD_DAILY_SERVICE_METRICS, daily);
    LOG.info("daily_service_metrics: {} rows written", dailyRows);
    succeeded(null, null, null, dailyRows, null);
    if (scope == Scope.DATE_TABLES) {
      return new Result(runLog.runId(), asOf, legsRead, rejected, chainCount, dailyRows);
    }

    begin(STAGE_PERIOD, "Period tables: resolution versus speed, agents, word of mouth");
    PeriodMetricsJob.run(delta, config.date(), config.timezone(), config.periodDays(), staffing);
    succeeded(null, null, null, null, null);

    begin(STAGE_DEFINITIONS, "Metric definitions");
    List<Row> definitions = new ArrayList<>();
    List<MetricDefinition> catalog = new ArrayList<>(MetricCatalog.DEFINITIONS);
    catalog.addAll(PeriodMetricCatalog.DEFINITIONS);
    for (MetricDefinition d : catalog) {
      definitions.add(RowFactory.create(d.name(), d.version(), d.definition(), d.parameters()));
    }
    // The catalogue is small and whole: replace the table, so removed metrics disappear too. It
    // changes only with a release, so most nights it is already there: the commit that wrote it
    // carries its fingerprint, and a table whose latest commit has this catalogue's is left alone
    // (no commit, and none of the queries a replace runs).
    String fingerprint = catalogFingerprint(catalog);
    boolean current = delta.lastCommit(Table.META_METRIC_DEFINITIONS)
        .flatMap(DeltaIo.Commit::note).filter(fingerprint::equals).isPresent();
    if (current) {
      LOG.info("metric_definitions: the {} definitions are already written", definitions.size());
    } else {
      delta.replaceSliceNoting(Table.META_METRIC_DEFINITIONS,
          spark.createDataFrame(definitions, MetricDefinitionsSchema.SCHEMA), "true", fingerprint);
      LOG.info("metric_definitions: {} definitions written", definitions.size());
    }
    succeeded(null, null, null, (long) definitions.size(), null);

    return new Result(runLog.runId(), asOf, legsRead, rejected, chainCount, dailyRows);
  }

  /**
   * Legs initiated before as_of. A nightly run reads, by the silver event_date partition, only from
   * {@link ContactChainTransforms#MAX_LINK_GAP} before the window's first instant: every leg of a
   * chain rooted in the window initiated after its root, and every leg that could link a window leg
   * to an earlier root initiated at most that gap before it.
   */
  private Dataset<Row> readLegs(Instant asOf) {
    Dataset<Row> legs = delta.read(Table.SILVER_CONTACTS);
    if (!config.fromScratch()) {
      legs = legs.filter(eventDateBetween(readStart(), utcDate(asOf)));
    }
    return legs.filter(col(ContactsSchema.INITIATED_AT).lt(lit(Timestamp.from(asOf))));
  }

  /** Surveys responded before as_of; a nightly run needs none older than its legs. */
  private Dataset<Row> readSurveys(Instant asOf) {
    Dataset<Row> surveys = delta.readOrEmpty(Table.SILVER_SURVEYS, SurveysSchema.SILVER);
    if (!config.fromScratch()) {
      surveys = surveys.filter(eventDateBetween(readStart(), utcDate(asOf)));
    }
    return surveys.filter(col(SurveysSchema.RESPONDED_AT).lt(lit(Timestamp.from(asOf))));
  }

  /** The identity map is not dated: all of it, as it stands now. */
  private Dataset<Row> readHandles() {
    return delta.readOrEmpty(Table.SILVER_CUSTOMER_HANDLES, CustomerHandlesSchema.SILVER);
  }

  /** First silver event_date (UTC) a nightly run reads. */
  LocalDate readStart() {
    Instant windowStart = config.windowStart().atStartOfDay(config.timezone()).toInstant();
    return utcDate(windowStart.minus(ContactChainTransforms.MAX_LINK_GAP));
  }

  private static LocalDate utcDate(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Column eventDateBetween(LocalDate first, LocalDate last) {
    return col(Provenance.EVENT_DATE).geq(lit(Date.valueOf(first)))
        .and(col(Provenance.EVENT_DATE).leq(lit(Date.valueOf(last))));
  }

  /** The silver event dates this run read, as a Delta replaceWhere predicate. */
  private String readSlice(Instant asOf) {
    return config.fromScratch()
        ? "true"
        : Provenance.EVENT_DATE + " >= '" + readStart() + "' AND " + Provenance.EVENT_DATE + " <= '" + utcDate(asOf) + "'";
  }

  /** The gold slice this run replaces, as a Delta replaceWhere predicate on contact_date. */
  private String sliceCondition() {
    return config.fromScratch()
        ? "true"
        : ContactChainsSchema.CONTACT_DATE + " >= '" + config.windowStart() + "' AND "
            + ContactChainsSchema.CONTACT_DATE + " <= '" + config.date() + "'";
  }

  private Dataset<Row> stamp(Dataset<Row> rows, Instant asOf) {
    return rows
        .withColumn(GoldColumns.AS_OF, lit(Timestamp.from(asOf)))
        .withColumn(GoldColumns.DEFINITIONS_VERSION, lit(GoldColumns.CURRENT_DEFINITIONS_VERSION));
  }

  /** Exactly the contract's columns, in its order and types. */
  private static Dataset<Row> conform(Dataset<Row> rows, StructType schema) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : schema.fields()) {
      columns.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /** The key of {@link #countByVerdict} for legs in a chain (a reject reason is never empty). */
  private static final String CHAINED = "";

  /** Legs per verdict: {@link #CHAINED} or the reject reason. */
  private static Map<String, Long> countByVerdict(Dataset<Row> assignedLegs) {
    Map<String, Long> counts = new TreeMap<>();
    // At most one row per reason code and one for chained legs: bounded, safe to collect.
    for (Row r : assignedLegs.groupBy(ContactChainTransforms.REJECT_REASON).count().collectAsList()) {
      counts.put(r.isNullAt(0) ? CHAINED : r.getString(0), r.getLong(1));
    }
    return counts;
  }

  /**
   * Rows the table's latest commit (this run's replace) wrote, from Delta's commit metrics; counts
   * {@code written} (cached) only when the commit does not record them.
   */
  private long rowsWritten(Table table, Dataset<Row> written) {
    return delta.lastCommit(table)
        .map(DeltaIo.Commit::outputRows)
        .filter(OptionalLong::isPresent)
        .map(OptionalLong::getAsLong)
        .orElseGet(written::count);
  }

  /**
   * What identifies the rows written to meta/metric_definitions: a SHA-256 over its schema and
   * every definition's fields, in order. Recorded with the commit that writes them.
   */
  static String catalogFingerprint(List<MetricDefinition> catalog) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    List<String> fields = new ArrayList<>(List.of(MetricDefinitionsSchema.SCHEMA.toDDL()));
    for (MetricDefinition d : catalog) {
      fields.addAll(java.util.Arrays.asList(d.name(), d.version(), d.definition(), d.parameters()));
    }
    for (String field : fields) {
      // Length-prefixed (-1 for NULL), so no two different catalogues give the same bytes.
      byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
      digest.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
      digest.update(bytes);
    }
    return "metric_definitions sha256=" + HexFormat.of().formatHex(digest.digest());
  }

  private static String reasons(Map<String, Long> counts) {
    StringJoiner joiner = new StringJoiner(";");
    counts.forEach((reason, n) -> joiner.add(reason + "=" + n));
    return counts.isEmpty() ? null : joiner.toString();
  }

  private Dataset<Row> persist(Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  private void begin(String name, String description) {
    stage = name;
    stageStarted = runLog.now();
    spark.sparkContext().setJobGroup(COMMAND + ":" + name, description + " (" + config.date() + ")", false);
    LOG.info("Stage {}: {}", name, description);
  }

  private void succeeded(Long read, Long accepted, Long quarantined, Long written, String reasons) {
    stages.succeeded(stage, stageTable(stage), config.date(), stageStarted(), read, accepted, quarantined, written,
        reasons);
  }

  private Instant stageStarted() {
    return stageStarted != null ? stageStarted : runLog.now();
  }

  private static String stageTable(String stage) {
    return switch (stage) {
      case STAGE_CHAINS -> Table.GOLD_CONTACT_CHAINS.viewName();
      case STAGE_DAILY -> Table.GOLD_DAILY_SERVICE_METRICS.viewName();
      case STAGE_DEFINITIONS -> Table.META_METRIC_DEFINITIONS.viewName();
      case STAGE_PERIOD -> "gold_period_tables";
      default -> null;
    };
  }
}
