package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.schema.ChannelSpeedSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Gold channel_speed: the period's speed per channel (docs/METRICS.md "Speed per channel"), summed
 * from daily_service_metrics so it agrees with the daily rows to the count: every count is a sum
 * of daily counts, every rate a ratio of summed counts, ASA the asa_n-weighted mean of daily ASA.
 */
public final class ChannelSpeedTransforms {
  // Working column; never written.
  private static final String ASA_SUM = "_asa_sum";
  private static final String ASA_BUSINESS_SUM = "_asa_business_sum";
  private static final String ASA_BUSINESS_N = "_asa_business_n";
  private static final String OFFERED_BUSINESS = "_offered_business";
  /** Grouping column: the row is of the period (true) or of the one before (false). */
  private static final String IN_PERIOD = "_in_period";

  private ChannelSpeedTransforms() {}

  /**
   * @param daily rows of {@link DailyServiceMetricsSchema} (any dates: the period is selected here)
   * @return one row per channel with chains in the period, in {@link ChannelSpeedSchema}'s columns,
   *     with the same channel's chains, ASA and service level over the period_days before it
   */
  public static Dataset<Row> channelSpeed(Dataset<Row> daily, PeriodWindow window, GoldStamp stamp) {
    LocalDate previousEnd = window.periodStart().minusDays(1);
    LocalDate previousStart = previousEnd.minusDays(window.periodDays() - 1L);
    // One pass over daily for both periods: the speed columns per channel and period, then each
    // channel's two rows side by side (a join of two filtered passes would read daily twice).
    Dataset<Row> perPeriod = speeds(inDays(daily, previousStart, window.periodEnd()),
        col(DailyServiceMetricsSchema.CHANNEL).as(ChannelSpeedSchema.CHANNEL),
        col(DailyServiceMetricsSchema.CONTACT_DATE).geq(lit(Date.valueOf(window.periodStart()))).as(IN_PERIOD));
    Column inPeriod = col(IN_PERIOD);
    List<Column> sideBySide = new ArrayList<>();
    for (String column : perPeriod.columns()) {
      if (!column.equals(ChannelSpeedSchema.CHANNEL) && !column.equals(IN_PERIOD)) {
        sideBySide.add(max(when(inPeriod, col(column))).as(column));
      }
    }
    sideBySide.add(max(when(not(inPeriod), col(ChannelSpeedSchema.CHAINS))).as(ChannelSpeedSchema.PREVIOUS_CHAINS));
    sideBySide.add(max(when(not(inPeriod), col(ChannelSpeedSchema.ASA_SECONDS))).as(ChannelSpeedSchema.PREVIOUS_ASA_SECONDS));
    sideBySide.add(max(when(not(inPeriod), col(ChannelSpeedSchema.SERVICE_LEVEL))).as(ChannelSpeedSchema.PREVIOUS_SERVICE_LEVEL));
    // Only channels with chains in the period; the previous period's figures are NULL without any.
    Dataset<Row> rows = perPeriod.groupBy(col(ChannelSpeedSchema.CHANNEL))
        .agg(max(inPeriod).as(IN_PERIOD), sideBySide.toArray(Column[]::new))
        .where(col(IN_PERIOD));
    List<Column> columns = new ArrayList<>();
    for (StructField f : ChannelSpeedSchema.SCHEMA.fields()) {
      columns.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return stamp.stamp(rows).select(columns.toArray(Column[]::new));
  }

  /** The speed columns per channel with chains in [from, to]. */
  static Dataset<Row> period(Dataset<Row> daily, LocalDate from, LocalDate to) {
    return speeds(inDays(daily, from, to), col(DailyServiceMetricsSchema.CHANNEL).as(ChannelSpeedSchema.CHANNEL));
  }

  private static Dataset<Row> inDays(Dataset<Row> daily, LocalDate from, LocalDate to) {
    return daily.where(col(DailyServiceMetricsSchema.CONTACT_DATE).between(lit(Date.valueOf(from)), lit(Date.valueOf(to))));
  }

  /** The speed columns per group of {@code keys} (the channel first) with chains. */
  private static Dataset<Row> speeds(Dataset<Row> daily, Column... keys) {
    Column measuredAny = col(ChannelSpeedSchema.QUEUE_MEASURED).gt(lit(0L));
    Dataset<Row> sums = daily
        .groupBy(keys)
        .agg(
            sum(DailyServiceMetricsSchema.CHAINS).as(ChannelSpeedSchema.CHAINS),
            sum(DailyServiceMetricsSchema.ANSWERED).as(ChannelSpeedSchema.ANSWERED),
            sum(DailyServiceMetricsSchema.ABANDONED).as(ChannelSpeedSchema.ABANDONED),
            sum(DailyServiceMetricsSchema.QUEUE_MEASURED).as(ChannelSpeedSchema.QUEUE_MEASURED),
            count(DailyServiceMetricsSchema.QUEUED).as(ChannelSpeedSchema.QUEUED),
            sum(DailyServiceMetricsSchema.ASA_N).as(ChannelSpeedSchema.ASA_N),
            sum(col(DailyServiceMetricsSchema.ASA_SECONDS).multiply(col(DailyServiceMetricsSchema.ASA_N))).as(ASA_SUM),
            count(DailyServiceMetricsSchema.ANSWERED_IN_TARGET).as(ChannelSpeedSchema.ANSWERED_IN_TARGET),
            count(DailyServiceMetricsSchema.SHORT_ABANDONS).as(ChannelSpeedSchema.SHORT_ABANDONS),
            count(DailyServiceMetricsSchema.QUEUE_ABANDONS).as(ChannelSpeedSchema.QUEUE_ABANDONS),
            count(DailyServiceMetricsSchema.ABANDONED_BEFORE_QUEUE).as(ChannelSpeedSchema.ABANDONED_BEFORE_QUEUE),
            // One target per channel unless --service-level-target changed within the period; then
            // the largest is shown (each day's service level used that day's target).
            max(DailyServiceMetricsSchema.SERVICE_LEVEL_TARGET_SECONDS).as(ChannelSpeedSchema.SERVICE_LEVEL_TARGET_SECONDS),
            // Business hours only over the days a schedule was given (their figures are not NULL).
            // With a schedule every chain in asa_seconds has a business wait, so asa_n weighs both.
            sum(col(DailyServiceMetricsSchema.ASA_BUSINESS_SECONDS).multiply(col(DailyServiceMetricsSchema.ASA_N)))
                .as(ASA_BUSINESS_SUM),
            sum(when(col(DailyServiceMetricsSchema.ASA_BUSINESS_SECONDS).isNotNull(), col(DailyServiceMetricsSchema.ASA_N)))
                .as(ASA_BUSINESS_N),
            sum(col(DailyServiceMetricsSchema.ANSWERED_IN_TARGET_BUSINESS)).as(ChannelSpeedSchema.ANSWERED_IN_TARGET_BUSINESS),
            sum(when(col(DailyServiceMetricsSchema.ANSWERED_IN_TARGET_BUSINESS).isNotNull(),
                col(DailyServiceMetricsSchema.QUEUED).minus(col(DailyServiceMetricsSchema.SHORT_ABANDONS))))
                .as(OFFERED_BUSINESS))
        .where(col(ChannelSpeedSchema.CHAINS).gt(lit(0L)));
    Column offered = col(ChannelSpeedSchema.QUEUED).minus(col(ChannelSpeedSchema.SHORT_ABANDONS));
    return sums
        .withColumn(ChannelSpeedSchema.QUEUED, when(measuredAny, col(ChannelSpeedSchema.QUEUED)))
        .withColumn(ChannelSpeedSchema.ANSWERED_IN_TARGET, when(measuredAny, col(ChannelSpeedSchema.ANSWERED_IN_TARGET)))
        .withColumn(ChannelSpeedSchema.SHORT_ABANDONS, when(measuredAny, col(ChannelSpeedSchema.SHORT_ABANDONS)))
        .withColumn(ChannelSpeedSchema.QUEUE_ABANDONS, when(measuredAny, col(ChannelSpeedSchema.QUEUE_ABANDONS)))
        .withColumn(ChannelSpeedSchema.ABANDONED_BEFORE_QUEUE,
            when(measuredAny, col(ChannelSpeedSchema.ABANDONED_BEFORE_QUEUE)))
        .withColumn(ChannelSpeedSchema.ASA_SECONDS,
            DailyServiceMetricsTransforms.ratio(col(ASA_SUM), col(ChannelSpeedSchema.ASA_N)))
        .withColumn(ChannelSpeedSchema.SERVICE_LEVEL,
            DailyServiceMetricsTransforms.ratio(col(ChannelSpeedSchema.ANSWERED_IN_TARGET), offered))
        .withColumn(ChannelSpeedSchema.QUEUE_ABANDON_RATE,
            DailyServiceMetricsTransforms.ratio(col(ChannelSpeedSchema.QUEUE_ABANDONS), offered))
        .withColumn(ChannelSpeedSchema.ASA_BUSINESS_SECONDS,
            DailyServiceMetricsTransforms.ratio(col(ASA_BUSINESS_SUM), col(ASA_BUSINESS_N)))
        .withColumn(ChannelSpeedSchema.SERVICE_LEVEL_BUSINESS,
            DailyServiceMetricsTransforms.ratio(col(ChannelSpeedSchema.ANSWERED_IN_TARGET_BUSINESS), col(OFFERED_BUSINESS)))
        .drop(ASA_SUM, ASA_BUSINESS_SUM, ASA_BUSINESS_N, OFFERED_BUSINESS);
  }

  /** Sum of a count column, NULLs (not measured) skipped; 0 when all are NULL (masked by the caller). */
  private static Column count(String column) {
    return coalesce(sum(col(column)), lit(0L));
  }
}
