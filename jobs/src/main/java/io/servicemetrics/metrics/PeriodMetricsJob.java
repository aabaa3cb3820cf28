package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.sentiment.SentimentModels;
import io.servicemetrics.spark.ConcurrentActions;
import io.servicemetrics.staffing.StaffingConfig;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the period tables (resolution_speed_model, csat_by_fcr_speed, agent_metrics,
 * wom_mentions, wom_multiplier, staffing_intervals, resolution_value, channel_speed, period_summary,
 * repeat_drivers) for the period ending at a date and replaces each table's slice
 * {@code period_end = D}. Reads gold contact_chains (required) and silver mentions and
 * customer_handles (empty when never ingested) and gold daily_service_metrics (channel_speed). Run
 * after contact_chains and daily_service_metrics are restated.
 */
public final class PeriodMetricsJob {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodMetricsJob.class);
  private static final String JOB_GROUP = "period-metrics";

  /** Follow window (14 days) + the longest leg (7 days) + a day for time zones. */
  static final int ATTRIBUTION_LOOKBACK_DAYS = 22;
  /**
   * Tables computed at once: each is a few small jobs and a commit, mostly driver latency, so
   * three overlap well on two cores.
   */
  static final int PERIOD_TABLE_THREADS = 3;

  private PeriodMetricsJob() {}

  /**
   * @param periodEnd the run date D; the period is [D − periodDays + 1, D] and as_of the start of
   *     D + 1 in {@code zone}
   * @param periodDays period length in days (default {@link PeriodWindow#DEFAULT_PERIOD_DAYS})
   */
  public static void run(DeltaIo delta, LocalDate periodEnd, ZoneId zone, int periodDays) {
    run(delta, periodEnd, zone, periodDays, StaffingConfig.DEFAULTS);
  }

  /** As {@link #run(DeltaIo, LocalDate, ZoneId, int)} with the staffing tables' settings given. */
  public static void run(DeltaIo delta, LocalDate periodEnd, ZoneId zone, int periodDays, StaffingConfig staffing) {
    run(delta, periodEnd, zone, periodDays, staffing, table -> true);
  }

  /**
   * Restates only wom_mentions and wom_multiplier for the period ending at {@code periodEnd}: what
   * changes when mentions are labelled again ({@code sentiment apply}).
   */
  public static void runWordOfMouth(DeltaIo delta, LocalDate periodEnd, ZoneId zone, int periodDays) {
    run(delta, periodEnd, zone, periodDays, StaffingConfig.DEFAULTS,
        table -> table == Table.GOLD_WOM_MENTIONS || table == Table.GOLD_WOM_MULTIPLIER);
  }

  private static void run(DeltaIo delta, LocalDate periodEnd, ZoneId zone, int periodDays, StaffingConfig staffing,
      java.util.function.Predicate<Table> which) {
    PeriodWindow window = new PeriodWindow(periodEnd, periodDays, zone);
    GoldStamp stamp = GoldStamp.of(window);
    SparkSession spark = delta.spark();
    LOG.info("Period metrics for {} .. {} ({} days, zone {}), as_of {}",
        window.periodStart(), periodEnd, periodDays, zone, window.asOf());

    // Only the slices a period can touch, so a night's cost does not grow with the years behind it:
    // mentions posted from the period's start, and the chains they could be attributed to (those
    // that ended within the follow window before; a chain lasts at most a week, see INPUTS.md) or
    // that period_summary compares with (the previous period). Both are read once and cached: each
    // uncached query would read the Delta table again (file listing included).
    LocalDate attributionStart = window.periodStart().minusDays(ATTRIBUTION_LOOKBACK_DAYS);
    LocalDate firstChainDate = Collections.min(List.of(attributionStart, PeriodSummaryTransforms.previousPeriodStart(window)));
    List<Dataset<Row>> cached = new ArrayList<>();
    Dataset<Row> periodChains = cache(cached, delta.readLatest(Table.GOLD_CONTACT_CHAINS)
        .where(col(ContactChainsSchema.CONTACT_DATE).between(lit(Date.valueOf(firstChainDate)), lit(Date.valueOf(periodEnd)))));
    // The other tables see the chains from the attribution lookback: resolution_value's repeat
    // cascades run over every chain given, so more days would cost work and change nothing.
    Dataset<Row> chains = periodChains.where(col(ContactChainsSchema.CONTACT_DATE).geq(lit(Date.valueOf(attributionStart))));
    Dataset<Row> mentions = cache(cached, delta.readLatestOrEmpty(Table.SILVER_MENTIONS, MentionsSchema.SILVER)
        .where(col(Provenance.EVENT_DATE).geq(lit(Date.valueOf(window.periodStart().minusDays(1))))));
    Dataset<Row> handles = delta.readLatestOrEmpty(Table.SILVER_CUSTOMER_HANDLES, CustomerHandlesSchema.SILVER);
    Dataset<Row> daily = delta.readLatestOrEmpty(Table.GOLD_DAILY_SERVICE_METRICS, DailyServiceMetricsSchema.SCHEMA);
    // The staffing cells (arrivals per queue, weekday and interval) feed both staffing tables.
    Dataset<Row> staffingCells = cache(cached, StaffingTransforms.cells(chains, window, staffing));

    // The tables are independent. The slowest (the multiplier's bootstrap) starts first.
    List<PeriodTable> tables = List.of(
        new PeriodTable(Table.GOLD_WOM_MULTIPLIER, "Word of mouth: multiplier",
            () -> WordOfMouthTransforms.womMultiplier(chains, mentions, handles, window, stamp)),
        new PeriodTable(Table.GOLD_AGENT_METRICS, "Agent metrics and quadrants",
            () -> AgentMetricsTransforms.agentMetrics(chains, window, stamp)),
        new PeriodTable(Table.GOLD_RESOLUTION_SPEED_MODEL, "Resolution-versus-speed model (OLS)",
            () -> ResolutionSpeedTransforms.model(chains, window, stamp)),
        new PeriodTable(Table.GOLD_CSAT_BY_FCR_SPEED, "CSAT by FCR and handle quartile",
            () -> ResolutionSpeedTransforms.csatByFcrSpeed(chains, window, stamp)),
        new PeriodTable(Table.GOLD_WOM_MENTIONS, "Word of mouth: mentions",
            () -> WordOfMouthTransforms.womMentions(mentions, new SentimentModels(delta).confusions(), window, stamp)),
        new PeriodTable(Table.GOLD_STAFFING_INTERVALS, "Staffing per queue and interval (Erlang C and A)",
            () -> StaffingTransforms.staffingIntervals(staffingCells, stamp)),
        new PeriodTable(Table.GOLD_RESOLUTION_VALUE, "What resolution is worth",
            () -> StaffingTransforms.resolutionValue(chains, staffingCells, window, staffing, stamp)),
        new PeriodTable(Table.GOLD_CHANNEL_SPEED, "Speed per channel",
            () -> ChannelSpeedTransforms.channelSpeed(daily, window, stamp)),
        // The report's chain figures, this period's and the previous one's.
        new PeriodTable(Table.GOLD_PERIOD_SUMMARY, "Period summary (NPS components, this and the previous period)",
            () -> PeriodSummaryTransforms.periodSummary(periodChains, window, stamp)),
        new PeriodTable(Table.GOLD_REPEAT_DRIVERS, "Repeat drivers per queue and issue category",
            () -> PeriodSummaryTransforms.repeatDrivers(chains, window, stamp)));
    Map<Table, Callable<Void>> tasks = new LinkedHashMap<>();
    tables.stream().filter(t -> which.test(t.table()))
        .forEach(t -> tasks.put(t.table(), () -> write(delta, spark, t, stamp)));
    try {
      ConcurrentActions.runAll("period-table", PERIOD_TABLE_THREADS, tasks, table -> "The period table " + table.viewName());
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  /**
   * Marks {@code rows} for caching; the first query that reads them fills the cache (no action
   * here: one would cost a query of its own).
   */
  private static Dataset<Row> cache(List<Dataset<Row>> cached, Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  /** One period table: where it goes, what the Spark UI calls its jobs, and how its rows are computed. */
  private record PeriodTable(Table table, String description, Supplier<Dataset<Row>> compute) {}

  private static Void write(DeltaIo delta, SparkSession spark, PeriodTable periodTable, GoldStamp stamp) {
    Table table = periodTable.table();
    spark.sparkContext().setJobGroup(JOB_GROUP + ":" + table.tableName(), periodTable.description(), false);
    try {
      delta.replacePartition(table, periodTable.compute().get(), GoldColumns.PERIOD_END, stamp.periodEnd());
      // The count from the commit's metrics: counting the rows first would cost a query of its own.
      LOG.info("{}: wrote {} rows for period_end {}", table.viewName(), delta.lastCommit(table)
          .map(commit -> commit.outputRows().isPresent() ? Long.toString(commit.outputRows().getAsLong()) : "?")
          .orElse("?"), stamp.periodEnd());
      return null;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }
}
