package io.servicemetrics.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.DeltaSlices;
import io.servicemetrics.io.Table;
import io.servicemetrics.report.ReportModel.Agent;
import io.servicemetrics.report.ReportModel.ChannelSpeed;
import io.servicemetrics.report.ReportModel.CsatCell;
import io.servicemetrics.report.ReportModel.DailyPoint;
import io.servicemetrics.report.ReportModel.ModelTerm;
import io.servicemetrics.report.ReportModel.PeriodKpis;
import io.servicemetrics.report.ReportModel.RepeatDriver;
import io.servicemetrics.report.ReportModel.SourceQuality;
import io.servicemetrics.report.ReportModel.WomMentions;
import io.servicemetrics.report.ReportModel.WomMultiplier;
import io.servicemetrics.schema.AgentMetricsSchema;
import io.servicemetrics.schema.ChannelSpeedSchema;
import io.servicemetrics.schema.CsatByFcrSpeedSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.schema.PeriodSummarySchema;
import io.servicemetrics.schema.RepeatDriversSchema;
import io.servicemetrics.schema.ResolutionSpeedModelSchema;
import io.servicemetrics.schema.RunLogSchema;
import io.servicemetrics.schema.WomMentionsSchema;
import io.servicemetrics.schema.WomMultiplierSchema;
import io.servicemetrics.spark.ConcurrentActions;
import io.servicemetrics.spark.ConcurrentActions.Pending;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the gold and meta tables for the period ending D (and the period before it), reduces them
 * with Spark to a few hundred numbers at most, and returns them as a {@link ReportModel}. The only
 * Spark code of the report; everything after runs on plain Java records.
 */
public final class ReportData {
  private static final Logger LOG = LoggerFactory.getLogger(ReportData.class);
  public static final int DEFAULT_PERIOD_DAYS = io.servicemetrics.metrics.PeriodWindow.DEFAULT_PERIOD_DAYS;
  /** run_log stage name of ingest rows (issue 2's contract). */
  public static final String INGEST_STAGE = "ingest";
  /** Queues or categories brought to the driver, most repeats first. */
  public static final int MAX_DRIVERS = 50;
  /** Label for chains without an issue category (gold repeat_drivers' name). */
  public static final String NO_CATEGORY = RepeatDriversSchema.NONE;
  /** Reductions running at once: enough to overlap driver work with tasks on a few cores. */
  static final int REDUCTION_THREADS = 3;
  /** NPS counts when period_summary has no row for the period: no interval. */
  private static final long[] NO_NPS_COUNTS = {-1, -1, -1};

  // Column names of the reduced frames below (not warehouse columns).
  static final String REPEAT_7D_COUNT = "repeat_7d_count";
  static final String FCR_7D_COUNT = "fcr_7d_count";
  static final String CSAT_TOP2_COUNT = "csat_top2_count";
  static final String NPS_SUM = "nps_sum";
  static final String WAIT_SUM = "wait_seconds_sum";
  static final String HANDLE_SUM = "handle_seconds_sum";
  /** Which period a totals row belongs to: {@link #CURRENT} or {@link #PREVIOUS}. */
  static final String PERIOD = "period";
  static final String CURRENT = "current";
  static final String PREVIOUS = "previous";
  /** 1 on a period's totals row, 0 on a day's. */
  static final String PERIOD_TOTAL = "period_total";
  static final String DELIVERY_DAYS = "delivery_days";
  static final String REASONS = "reasons";

  private ReportData() {}

  /**
   * Loads everything the report shows for the period ending {@code date}. Each table is read once:
   * daily_service_metrics in one grouped Spark query over both periods, the run log in one, and
   * every period table's slice (period_end = D, a few rows) on the driver with {@link DeltaSlices}
   * (no Spark query); the figures are derived from those rows on the driver. Chain-level figures
   * come from gold period_summary and repeat_drivers: the report never reads contact_chains.
   */
  public static ReportModel load(DeltaIo delta, LocalDate date, int periodDays) {
    LocalDate from = date.minusDays(periodDays - 1L);
    LocalDate prevTo = from.minusDays(1);
    LocalDate prevFrom = prevTo.minusDays(periodDays - 1L);
    delta.spark().sparkContext().setJobGroup("report", "report: reduce gold for the period ending " + date, false);
    Optional<Dataset<Row>> dsm = delta.exists(Table.GOLD_DAILY_SERVICE_METRICS)
        ? Optional.of(withBasisColumn(delta.readLatest(Table.GOLD_DAILY_SERVICE_METRICS))) : Optional.empty();

    // Two Spark queries (each mostly planning and code generation in a fresh JVM) and a dozen small
    // driver-side reads: run a few at once so one's driver work overlaps another's. The slowest start first.
    try (ConcurrentActions.Batch reductions = new ConcurrentActions.Batch("report-reduction", REDUCTION_THREADS)) {
      Pending<Optional<List<Row>>> totalRows = reductions.start("The daily and period totals of both periods",
          () -> dsm.map(d -> periodAndDailyTotals(d, prevFrom, prevTo, from, date).collectAsList()));
      Pending<Optional<List<Row>>> summaryRows = reductions.start("The period summary row",
          () -> periodRows(delta, Table.GOLD_PERIOD_SUMMARY, date));
      Pending<Optional<List<Row>>> driverRows = reductions.start("The repeat driver rows",
          () -> periodRows(delta, Table.GOLD_REPEAT_DRIVERS, date));
      Pending<Optional<List<Row>>> speedRows = reductions.start("The CSAT by FCR and speed rows",
          () -> periodRows(delta, Table.GOLD_CSAT_BY_FCR_SPEED, date));
      Pending<Optional<List<Row>>> modelRows = reductions.start("The resolution-versus-speed model rows",
          () -> periodRows(delta, Table.GOLD_RESOLUTION_SPEED_MODEL, date));
      Pending<Optional<List<Row>>> agentRows = reductions.start("The agent rows",
          () -> periodRows(delta, Table.GOLD_AGENT_METRICS, date));
      Pending<Optional<List<Row>>> womRows = reductions.start("The word-of-mouth multiplier rows",
          () -> periodRows(delta, Table.GOLD_WOM_MULTIPLIER, date));
      Pending<Optional<List<Row>>> prevWomRows = reductions.start("The previous word-of-mouth multiplier rows",
          () -> periodRows(delta, Table.GOLD_WOM_MULTIPLIER, date.minusDays(periodDays)));
      Pending<Optional<List<Row>>> mentionRows = reductions.start("The word-of-mouth mention rows",
          () -> periodRows(delta, Table.GOLD_WOM_MENTIONS, date));
      Pending<Optional<List<Row>>> channelRows = reductions.start("The speed per channel rows",
          () -> periodRows(delta, Table.GOLD_CHANNEL_SPEED, date));
      Pending<ResolutionWorthData.Loaded> worth = reductions.start("The staffing and resolution value rows",
          () -> ResolutionWorthData.load(delta, date));
      Pending<Optional<List<SourceQuality>>> quality = reductions.start("The source quality rows",
          () -> read(delta, Table.META_RUN_LOG)
              .map(log -> sourceQuality(latestIngestRuns(log, from, date)).collectAsList().stream()
                  .map(ReportData::sourceQualityRow).toList()));

      Optional<Row> summary = summaryRows.get()
          .flatMap(rows -> rows.stream().findFirst())
          .filter(r -> forPeriod(r, from));
      Optional<DailyTotals> totals = totalRows.get().map(DailyTotals::of);
      Optional<PeriodKpis> current = totals.map(t -> kpis(t.current(), npsCounts(summary, false)));
      Optional<PeriodKpis> previous = totals.map(t -> kpis(t.previous(), npsCounts(summary, true)))
          .filter(k -> k.chains() > 0);
      Optional<List<Row>> drivers = summary.isPresent() ? driverRows.get() : Optional.empty();
      Optional<List<Row>> agents = agentRows.get();
      // The report's as_of is the latest of its tables', its versions all of theirs: order-free.
      TreeSet<String> versions = new TreeSet<>();
      Instant[] asOf = {null};
      totals.flatMap(DailyTotals::currentStamp).ifPresent(r -> stamp(r, versions, asOf));
      summary.ifPresent(r -> stamp(r, versions, asOf));
      drivers.ifPresent(list -> list.forEach(r -> stamp(r, versions, asOf)));
      for (Pending<Optional<List<Row>>> rows : List.of(speedRows, modelRows, womRows, mentionRows, channelRows)) {
        rows.get().ifPresent(list -> list.forEach(r -> stamp(r, versions, asOf)));
      }
      agents.ifPresent(list -> list.stream().filter(ReportData::qualified).forEach(r -> stamp(r, versions, asOf)));
      worth.get().rows().forEach(r -> stamp(r, versions, asOf));

      return new ReportModel(date, periodDays, current, previous,
          totals.map(DailyTotals::daily).orElse(List.of()),
          drivers.map(rows -> drivers(rows, RepeatDriversSchema.QUEUE)),
          drivers.map(rows -> drivers(rows, RepeatDriversSchema.ISSUE_CATEGORY)),
          speedRows.get().map(rows -> rows.stream().map(ReportData::csatCell)
              .sorted(Comparator.comparing(CsatCell::fcr7d).thenComparingInt(CsatCell::handleQuartile)).toList()),
          modelRows.get().map(rows -> rows.stream().map(ReportData::modelTerm)
              .sorted(Comparator.comparingInt(t -> termOrder(t.term()))).toList()),
          agents.map(rows -> rows.stream().filter(ReportData::qualified).map(ReportData::agent)
              .sorted(Comparator.comparing(Agent::agentId, ReportData::compareUtf8)).toList()),
          agents.map(rows -> rows.stream().filter(r -> !qualified(r)).count()).orElse(0L),
          womRows.get().flatMap(rows -> rows.stream().findFirst()).map(ReportData::womMultiplier),
          prevWomRows.get().flatMap(rows -> rows.stream().findFirst()).map(ReportData::womMultiplier),
          mentionRows.get().flatMap(rows -> rows.stream().findFirst()).map(ReportData::womMentions),
          quality.get(), List.copyOf(versions), Optional.ofNullable(asOf[0]),
          channelRows.get().map(ReportData::channelSpeeds))
          .withWorth(worth.get().worth());
    } finally {
      // What runs next (the run log's row, the next stage) is not the report's.
      delta.spark().sparkContext().clearJobGroup();
    }
  }

  /** channel_speed rows (at most one per channel) in page order. */
  static List<ChannelSpeed> channelSpeeds(List<Row> rows) {
    return rows.stream().map(ReportData::channelSpeed)
        .sorted(Comparator.comparingInt((ChannelSpeed c) -> {
          int i = ChannelSpeed.ORDER.indexOf(c.channel());
          return i < 0 ? ChannelSpeed.ORDER.size() : i;
        }).thenComparing(ChannelSpeed::channel))
        .toList();
  }

  private static ChannelSpeed channelSpeed(Row r) {
    return new ChannelSpeed(r.getAs(ChannelSpeedSchema.CHANNEL), longOf(r, ChannelSpeedSchema.CHAINS),
        longOf(r, ChannelSpeedSchema.ANSWERED), longOf(r, ChannelSpeedSchema.QUEUE_MEASURED),
        r.getAs(ChannelSpeedSchema.QUEUED), longOf(r, ChannelSpeedSchema.ASA_N), r.getAs(ChannelSpeedSchema.ASA_SECONDS),
        r.getAs(ChannelSpeedSchema.ANSWERED_IN_TARGET), r.getAs(ChannelSpeedSchema.SHORT_ABANDONS),
        r.getAs(ChannelSpeedSchema.SERVICE_LEVEL), r.getAs(ChannelSpeedSchema.SERVICE_LEVEL_TARGET_SECONDS),
        r.getAs(ChannelSpeedSchema.QUEUE_ABANDON_RATE), r.getAs(ChannelSpeedSchema.ABANDONED_BEFORE_QUEUE),
        r.getAs(ChannelSpeedSchema.ASA_BUSINESS_SECONDS), r.getAs(ChannelSpeedSchema.SERVICE_LEVEL_BUSINESS),
        r.getAs(ChannelSpeedSchema.PREVIOUS_CHAINS), r.getAs(ChannelSpeedSchema.PREVIOUS_ASA_SECONDS),
        r.getAs(ChannelSpeedSchema.PREVIOUS_SERVICE_LEVEL));
  }

  // ---- transforms: Dataset -> Dataset, no actions ---------------------------------------------

  static Dataset<Row> inPeriod(Dataset<Row> rows, String dateColumn, LocalDate from, LocalDate to) {
    return rows.where(col(dateColumn).between(lit(Date.valueOf(from)), lit(Date.valueOf(to))));
  }

  /**
   * Sums of numerators and denominators over daily_service_metrics rows: a period rate is
   * sum(rate x denominator) / sum(denominator), never a mean of daily rates. Counts recovered from
   * rates are rounded to whole numbers.
   */
  static Column[] totals() {
    return new Column[] {
        coalesce(sum(DailyServiceMetricsSchema.CHAINS), lit(0L)).as(DailyServiceMetricsSchema.CHAINS),
        coalesce(sum(DailyServiceMetricsSchema.ANSWERED), lit(0L)).as(DailyServiceMetricsSchema.ANSWERED),
        coalesce(sum(DailyServiceMetricsSchema.ABANDONED), lit(0L)).as(DailyServiceMetricsSchema.ABANDONED),
        weightedCount(DailyServiceMetricsSchema.REPEAT_7D_RATE, DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE).as(REPEAT_7D_COUNT),
        coalesce(sum(DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE), lit(0L)).as(DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE),
        weightedCount(DailyServiceMetricsSchema.FCR_7D_RATE, DailyServiceMetricsSchema.FCR_7D_ELIGIBLE).as(FCR_7D_COUNT),
        coalesce(sum(DailyServiceMetricsSchema.FCR_7D_ELIGIBLE), lit(0L)).as(DailyServiceMetricsSchema.FCR_7D_ELIGIBLE),
        weightedCount(DailyServiceMetricsSchema.CSAT_TOP2, DailyServiceMetricsSchema.CSAT_N).as(CSAT_TOP2_COUNT),
        coalesce(sum(DailyServiceMetricsSchema.CSAT_N), lit(0L)).as(DailyServiceMetricsSchema.CSAT_N),
        weightedSum(DailyServiceMetricsSchema.NPS, DailyServiceMetricsSchema.NPS_N).as(NPS_SUM),
        coalesce(sum(DailyServiceMetricsSchema.NPS_N), lit(0L)).as(DailyServiceMetricsSchema.NPS_N),
        weightedSum(DailyServiceMetricsSchema.ASA_SECONDS, DailyServiceMetricsSchema.ANSWERED).as(WAIT_SUM),
        weightedSum(DailyServiceMetricsSchema.AHT_SECONDS, DailyServiceMetricsSchema.ANSWERED).as(HANDLE_SUM),
        coalesce(sum(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS), lit(0L))
            .as(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS)};
  }

  /**
   * The daily table with fcr_7d_no_repeat_basis: a table written before the column existed has
   * every FCR resting on the reported outcome, so the count is 0.
   */
  static Dataset<Row> withBasisColumn(Dataset<Row> daily) {
    return java.util.Arrays.asList(daily.columns()).contains(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS)
        ? daily : daily.withColumn(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS, lit(0L));
  }

  private static Column weightedSum(String value, String weight) {
    return coalesce(sum(coalesce(col(value), lit(0.0)).multiply(col(weight))), lit(0.0));
  }

  private static Column weightedCount(String rate, String denominator) {
    return round(weightedSum(rate, denominator), 0).cast("long");
  }

  /**
   * The totals of both periods and of each day, in one grouped query over [prevFrom, to]
   * (prevTo + 1 = from): per day of either period ({@link #PERIOD_TOTAL} 0) and per period
   * ({@link #PERIOD_TOTAL} 1), each row with {@link #PERIOD} = {@link #CURRENT} or {@link
   * #PREVIOUS}, the totals above, and the rows' latest as_of and their definitions versions.
   */
  static Dataset<Row> periodAndDailyTotals(Dataset<Row> daily, LocalDate prevFrom, LocalDate prevTo, LocalDate from,
      LocalDate to) {
    Column[] t = totals();
    Column[] stamps = {
        max(GoldColumns.AS_OF).as(GoldColumns.AS_OF),
        collect_set(GoldColumns.DEFINITIONS_VERSION).as(GoldColumns.DEFINITIONS_VERSION),
        grouping(DailyServiceMetricsSchema.CONTACT_DATE).cast("int").as(PERIOD_TOTAL)};
    Column[] rest = java.util.stream.Stream.concat(java.util.Arrays.stream(t).skip(1), java.util.Arrays.stream(stamps))
        .toArray(Column[]::new);
    return inPeriod(daily, DailyServiceMetricsSchema.CONTACT_DATE, prevFrom, to)
        .withColumn(PERIOD, when(col(DailyServiceMetricsSchema.CONTACT_DATE).leq(lit(Date.valueOf(prevTo))), lit(PREVIOUS))
            .otherwise(lit(CURRENT)))
        // rollup(period, day): one row per day, one per period, and the grand total (dropped).
        .rollup(col(PERIOD), col(DailyServiceMetricsSchema.CONTACT_DATE))
        .agg(t[0], rest)
        .where(col(PERIOD).isNotNull());
  }

  /** The latest succeeded ingest run per source and delivery date in the period. */
  static Dataset<Row> latestIngestRuns(Dataset<Row> runLog, LocalDate from, LocalDate to) {
    var latestFirst = Window.partitionBy(RunLogSchema.SOURCE, RunLogSchema.RUN_DATE)
        .orderBy(col(RunLogSchema.FINISHED_AT).desc_nulls_last(), col(RunLogSchema.STARTED_AT).desc(),
            col(RunLogSchema.RUN_ID).desc());
    return inPeriod(runLog, RunLogSchema.RUN_DATE, from, to)
        .where(col(RunLogSchema.STAGE).equalTo(INGEST_STAGE)
            .and(col(RunLogSchema.STATUS).equalTo(RunLogSchema.STATUS_SUCCEEDED))
            .and(col(RunLogSchema.SOURCE).isNotNull()))
        .withColumn("rank", row_number().over(latestFirst))
        .where(col("rank").equalTo(1))
        .drop("rank");
  }

  /** Per source: delivery days, summed counts and the list of "reason=count;..." strings. */
  static Dataset<Row> sourceQuality(Dataset<Row> latestRuns) {
    return latestRuns.groupBy(RunLogSchema.SOURCE)
        .agg(countDistinct(RunLogSchema.RUN_DATE).as(DELIVERY_DAYS),
            coalesce(sum(RunLogSchema.READ), lit(0L)).as(RunLogSchema.READ),
            coalesce(sum(RunLogSchema.ACCEPTED), lit(0L)).as(RunLogSchema.ACCEPTED),
            coalesce(sum(RunLogSchema.QUARANTINED), lit(0L)).as(RunLogSchema.QUARANTINED),
            coalesce(sum(RunLogSchema.SUPERSEDED), lit(0L)).as(RunLogSchema.SUPERSEDED),
            collect_list(RunLogSchema.QUARANTINE_REASONS).as(REASONS))
        .orderBy(RunLogSchema.SOURCE);
  }

  // ---- driver side: bounded rows to records ------------------------------------------------------

  private static Optional<Dataset<Row>> read(DeltaIo delta, Table table) {
    if (!delta.exists(table)) {
      LOG.warn("{} is missing: its report section will say the stage has not run", table.viewName());
      return Optional.empty();
    }
    return Optional.of(delta.readLatest(table));
  }

  /**
   * The table's slice period_end = D, read on the driver ({@link DeltaSlices}: a few rows, no
   * Spark query); empty with a warning when the table is missing.
   */
  static Optional<List<Row>> periodRows(DeltaIo delta, Table table, LocalDate periodEnd) {
    Optional<List<Row>> rows = DeltaSlices.read(delta, table, GoldColumns.PERIOD_END, periodEnd);
    if (rows.isEmpty()) {
      LOG.warn("{} is missing: its report section will say the stage has not run", table.viewName());
    }
    return rows;
  }

  /**
   * Whether a period_summary row describes the report's period: a report asked for other
   * --period-days than the metrics stage ran with finds a row of another period, and shows no
   * chain figures rather than another period's.
   */
  private static boolean forPeriod(Row summary, LocalDate from) {
    Date start = summary.getAs(PeriodSummarySchema.PERIOD_START);
    if (Date.valueOf(from).equals(start)) {
      return true;
    }
    LOG.warn("{} for this period_end starts on {}, not {}: the metrics stage ran with other --period-days;"
        + " the report leaves out the NPS interval and the repeat drivers", Table.GOLD_PERIOD_SUMMARY.viewName(),
        start, from);
    return false;
  }

  /** Promoters, detractors and responses of the period (or the previous one); unknown: -1 each. */
  private static long[] npsCounts(Optional<Row> summary, boolean previous) {
    return summary.map(r -> previous
        ? new long[] {longOf(r, PeriodSummarySchema.PREVIOUS_NPS_PROMOTERS),
            longOf(r, PeriodSummarySchema.PREVIOUS_NPS_DETRACTORS), longOf(r, PeriodSummarySchema.PREVIOUS_NPS_RESPONSES)}
        : new long[] {longOf(r, PeriodSummarySchema.NPS_PROMOTERS), longOf(r, PeriodSummarySchema.NPS_DETRACTORS),
            longOf(r, PeriodSummarySchema.NPS_RESPONSES)})
        .orElse(NO_NPS_COUNTS);
  }

  /** One dimension's repeat_drivers rows, most repeats first (gold's rank), at most {@link #MAX_DRIVERS}. */
  private static List<RepeatDriver> drivers(List<Row> rows, String dimension) {
    return rows.stream()
        .filter(r -> dimension.equals(r.getAs(RepeatDriversSchema.DIMENSION)))
        .filter(r -> ((Number) r.getAs(RepeatDriversSchema.RANK)).intValue() <= MAX_DRIVERS)
        .sorted(Comparator.comparingInt(r -> ((Number) r.getAs(RepeatDriversSchema.RANK)).intValue()))
        .map(r -> new RepeatDriver(r.getAs(RepeatDriversSchema.NAME), longOf(r, RepeatDriversSchema.CHAINS),
            longOf(r, RepeatDriversSchema.REPEAT_7D_ELIGIBLE), longOf(r, RepeatDriversSchema.REPEAT_7D_COUNT)))
        .toList();
  }

  /** agent_metrics rows placed in a quadrant (not insufficient_data). */
  private static boolean qualified(Row r) {
    return !AgentMetricsSchema.INSUFFICIENT_DATA.equals(r.getAs(AgentMetricsSchema.QUADRANT));
  }

  /** Spark's string order (UTF-8 bytes), so the driver sorts as the query used to. */
  static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The rows of {@link #periodAndDailyTotals}: each period's totals (null when it has no rows: all
   * zeros) and the current period's days in date order.
   */
  record DailyTotals(Row current, Row previous, List<DailyPoint> daily) {
    static DailyTotals of(List<Row> rows) {
      Row current = null;
      Row previous = null;
      List<DailyPoint> days = new java.util.ArrayList<>();
      for (Row r : rows) {
        boolean isCurrent = CURRENT.equals(r.getAs(PERIOD));
        if (((Number) r.getAs(PERIOD_TOTAL)).intValue() == 1) {
          if (isCurrent) {
            current = r;
          } else {
            previous = r;
          }
        } else if (isCurrent) {
          days.add(dailyPoint(r));
        }
      }
      days.sort(Comparator.comparing(DailyPoint::date));
      return new DailyTotals(current, previous, List.copyOf(days));
    }

    /** The current period's latest as_of and versions; empty when it has no rows. */
    Optional<Row> currentStamp() {
      return Optional.ofNullable(current);
    }
  }

  /** A period's KPIs from its totals row; a null row (no daily rows in the period) is all zeros. */
  private static PeriodKpis kpis(Row r, long[] nps) {
    long npsN = longOf(r, DailyServiceMetricsSchema.NPS_N);
    long promoters = nps[0];
    long detractors = nps[1];
    if (nps[2] >= 0 && nps[2] != npsN) {
      // The interval needs promoter and detractor counts, which period_summary carries from
      // contact_chains; when it disagrees with daily_service_metrics the two were written by different runs.
      LOG.warn("NPS responses differ between period_summary ({}) and daily_service_metrics ({}): no NPS interval",
          nps[2], npsN);
      promoters = -1;
      detractors = -1;
    }
    return new PeriodKpis(longOf(r, DailyServiceMetricsSchema.CHAINS), longOf(r, DailyServiceMetricsSchema.ANSWERED),
        longOf(r, DailyServiceMetricsSchema.ABANDONED), longOf(r, REPEAT_7D_COUNT),
        longOf(r, DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE), longOf(r, FCR_7D_COUNT),
        longOf(r, DailyServiceMetricsSchema.FCR_7D_ELIGIBLE), longOf(r, CSAT_TOP2_COUNT),
        longOf(r, DailyServiceMetricsSchema.CSAT_N), doubleOf(r, NPS_SUM), npsN, promoters, detractors,
        doubleOf(r, WAIT_SUM), doubleOf(r, HANDLE_SUM), longOf(r, DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS));
  }

  private static DailyPoint dailyPoint(Row r) {
    return new DailyPoint(((Date) r.getAs(DailyServiceMetricsSchema.CONTACT_DATE)).toLocalDate(),
        longOf(r, DailyServiceMetricsSchema.CHAINS), longOf(r, REPEAT_7D_COUNT),
        longOf(r, DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE), longOf(r, FCR_7D_COUNT),
        longOf(r, DailyServiceMetricsSchema.FCR_7D_ELIGIBLE));
  }

  private static CsatCell csatCell(Row r) {
    return new CsatCell(r.getAs(CsatByFcrSpeedSchema.FCR_7D), ((Number) r.getAs(CsatByFcrSpeedSchema.HANDLE_QUARTILE)).intValue(),
        longOf(r, CsatByFcrSpeedSchema.N), r.getAs(CsatByFcrSpeedSchema.CSAT_TOP2), r.getAs(CsatByFcrSpeedSchema.CI_LOW),
        r.getAs(CsatByFcrSpeedSchema.CI_HIGH));
  }

  private static ModelTerm modelTerm(Row r) {
    return new ModelTerm(r.getAs(ResolutionSpeedModelSchema.TERM), r.getAs(ResolutionSpeedModelSchema.COEFFICIENT),
        r.getAs(ResolutionSpeedModelSchema.STD_ERROR), r.getAs(ResolutionSpeedModelSchema.T_STAT),
        r.getAs(ResolutionSpeedModelSchema.P_VALUE), r.getAs(ResolutionSpeedModelSchema.STANDARDIZED_BETA),
        longOf(r, ResolutionSpeedModelSchema.N), r.getAs(ResolutionSpeedModelSchema.R_SQUARED),
        r.getAs(ResolutionSpeedModelSchema.NOTE));
  }

  private static int termOrder(String term) {
    int i = ResolutionSpeedModelSchema.TERMS.indexOf(term);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private static Agent agent(Row r) {
    return new Agent(r.getAs(AgentMetricsSchema.AGENT_ID), r.getAs(AgentMetricsSchema.TEAM),
        longOf(r, AgentMetricsSchema.CHAINS), r.getAs(AgentMetricsSchema.AHT_SECONDS),
        r.getAs(AgentMetricsSchema.FCR_7D_RATE), longOf(r, AgentMetricsSchema.FCR_7D_ELIGIBLE),
        r.getAs(AgentMetricsSchema.CSAT_TOP2), longOf(r, AgentMetricsSchema.CSAT_N), r.getAs(AgentMetricsSchema.QUADRANT));
  }

  private static WomMultiplier womMultiplier(Row r) {
    return new WomMultiplier(longOf(r, WomMultiplierSchema.NEGATIVE_EXPERIENCES),
        longOf(r, WomMultiplierSchema.POSITIVE_EXPERIENCES), r.getAs(WomMultiplierSchema.NEGATIVE_MENTIONING_SHARE),
        r.getAs(WomMultiplierSchema.POSITIVE_MENTIONING_SHARE), r.getAs(WomMultiplierSchema.TOLD_PER_NEGATIVE),
        r.getAs(WomMultiplierSchema.TOLD_PER_POSITIVE), r.getAs(WomMultiplierSchema.MULTIPLIER),
        r.getAs(WomMultiplierSchema.MULTIPLIER_CI_LOW), r.getAs(WomMultiplierSchema.MULTIPLIER_CI_HIGH),
        r.getAs(WomMultiplierSchema.SURVEY_MULTIPLIER), r.getAs(WomMultiplierSchema.NOTE),
        hasColumn(r, WomMultiplierSchema.UNKNOWN_EXPERIENCES) ? longOf(r, WomMultiplierSchema.UNKNOWN_EXPERIENCES) : 0L,
        hasColumn(r, WomMultiplierSchema.PERIOD_MENTIONS) ? longOf(r, WomMultiplierSchema.PERIOD_MENTIONS)
            : WomMultiplier.UNKNOWN_MENTIONS);
  }

  /** A row of a table written before the column was added does not have it. */
  private static boolean hasColumn(Row r, String column) {
    return java.util.Arrays.asList(r.schema().fieldNames()).contains(column);
  }

  private static WomMentions womMentions(Row r) {
    return new WomMentions(longOf(r, WomMentionsSchema.N_NEGATIVE), longOf(r, WomMentionsSchema.N_POSITIVE),
        r.getAs(WomMentionsSchema.INCIDENCE_RATIO), r.getAs(WomMentionsSchema.INCIDENCE_CI_LOW),
        r.getAs(WomMentionsSchema.INCIDENCE_CI_HIGH), r.getAs(WomMentionsSchema.REACH_RATIO),
        r.getAs(WomMentionsSchema.REACH_CI_LOW), r.getAs(WomMentionsSchema.REACH_CI_HIGH),
        r.getAs(WomMentionsSchema.EXPOSURE_MULTIPLIER), r.getAs(WomMentionsSchema.EXPOSURE_CI_LOW),
        r.getAs(WomMentionsSchema.EXPOSURE_CI_HIGH))
        // Rows written before the sentiment columns existed have none of them: nothing to show.
        .withSentiment(stringOrNull(r, WomMentionsSchema.SENTIMENT_MODEL_ID),
            hasColumn(r, WomMentionsSchema.N_LEXICON_LABELLED) ? longOf(r, WomMentionsSchema.N_LEXICON_LABELLED) : 0L,
            doubleOrNull(r, WomMentionsSchema.SCORER_ACCURACY),
            hasColumn(r, WomMentionsSchema.SCORER_LABELS) ? r.<Long>getAs(WomMentionsSchema.SCORER_LABELS) : null,
            doubleOrNull(r, WomMentionsSchema.N_NEGATIVE_CORRECTED),
            doubleOrNull(r, WomMentionsSchema.N_POSITIVE_CORRECTED),
            doubleOrNull(r, WomMentionsSchema.INCIDENCE_RATIO_CORRECTED),
            doubleOrNull(r, WomMentionsSchema.INCIDENCE_CORRECTED_CI_LOW),
            doubleOrNull(r, WomMentionsSchema.INCIDENCE_CORRECTED_CI_HIGH))
        .withReshares(doubleOrNull(r, WomMentionsSchema.RESHARE_RATIO),
            doubleOrNull(r, WomMentionsSchema.RESHARE_CI_LOW), doubleOrNull(r, WomMentionsSchema.RESHARE_CI_HIGH));
  }

  private static Double doubleOrNull(Row r, String column) {
    return hasColumn(r, column) ? r.getAs(column) : null;
  }

  private static String stringOrNull(Row r, String column) {
    return hasColumn(r, column) ? r.getAs(column) : null;
  }

  private static SourceQuality sourceQualityRow(Row r) {
    List<String> reasonLists = r.getList(r.fieldIndex(REASONS));
    return new SourceQuality(r.getAs(RunLogSchema.SOURCE), (int) longOf(r, DELIVERY_DAYS), longOf(r, RunLogSchema.READ),
        longOf(r, RunLogSchema.ACCEPTED), longOf(r, RunLogSchema.QUARANTINED), longOf(r, RunLogSchema.SUPERSEDED),
        sumReasons(reasonLists));
  }

  /** Adds up "reason=count;reason=count" strings by reason. */
  static SortedMap<String, Long> sumReasons(List<String> encoded) {
    SortedMap<String, Long> totals = new TreeMap<>();
    for (String list : encoded) {
      if (list == null || list.isBlank()) {
        continue;
      }
      for (String pair : list.split(";")) {
        int eq = pair.lastIndexOf('=');
        if (eq <= 0) {
          continue;
        }
        try {
          totals.merge(pair.substring(0, eq).trim(), Long.parseLong(pair.substring(eq + 1).trim()), Long::sum);
        } catch (NumberFormatException e) {
          throw new IllegalStateException("run_log quarantine_reasons entry is not reason=count: '" + pair + "'", e);
        }
      }
    }
    return totals;
  }

  private static void stamp(Row r, TreeSet<String> versions, Instant[] asOf) {
    Object v = r.getAs(GoldColumns.DEFINITIONS_VERSION);
    if (v instanceof String s) {
      versions.add(s);
    } else if (v instanceof scala.collection.Iterable<?> || v instanceof List<?>) {
      r.getList(r.fieldIndex(GoldColumns.DEFINITIONS_VERSION)).forEach(x -> versions.add(String.valueOf(x)));
    }
    Timestamp t = r.getAs(GoldColumns.AS_OF);
    if (t != null && (asOf[0] == null || t.toInstant().isAfter(asOf[0]))) {
      asOf[0] = t.toInstant();
    }
  }

  private static long longOf(Row r, String column) {
    Object v = r == null ? null : r.getAs(column);
    return v == null ? 0L : ((Number) v).longValue();
  }

  private static double doubleOf(Row r, String column) {
    Object v = r == null ? null : r.getAs(column);
    return v == null ? 0.0 : ((Number) v).doubleValue();
  }
}
