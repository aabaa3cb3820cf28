package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.PeriodSummarySchema;
import io.servicemetrics.schema.RepeatDriversSchema;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Gold period_summary and repeat_drivers: what the report shows that only contact_chains knows,
 * computed once per period by the period stage (docs/METRICS.md "Period summary" and "Repeat
 * drivers") so the report renders gold instead of re-aggregating chains. The NPS bands are
 * {@link DailyServiceMetricsTransforms}'s, so these counts add up to daily_service_metrics' nps.
 */
public final class PeriodSummaryTransforms {
  private PeriodSummaryTransforms() {}

  /** First day of the period_days before the window's period: the earliest chain these tables read. */
  public static LocalDate previousPeriodStart(PeriodWindow window) {
    return window.periodStart().minusDays(window.periodDays());
  }

  /**
   * @param chains rows of {@link ContactChainsSchema} covering at least [{@link
   *     #previousPeriodStart}, period end] (any dates: the periods are selected here)
   * @return one row in {@link PeriodSummarySchema}'s columns, zeros when a period has no answers
   */
  public static Dataset<Row> periodSummary(Dataset<Row> chains, PeriodWindow window, GoldStamp stamp) {
    LocalDate previousStart = previousPeriodStart(window);
    LocalDate previousEnd = window.periodStart().minusDays(1);
    Column current = inDays(window.periodStart(), window.periodEnd());
    Column previous = inDays(previousStart, previousEnd);
    Column nps = col(ContactChainsSchema.NPS);
    Column promoter = nps.geq(lit(DailyServiceMetricsTransforms.NPS_PROMOTER_MIN));
    Column detractor = nps.leq(lit(DailyServiceMetricsTransforms.NPS_DETRACTOR_MAX));
    Column passive = nps.isNotNull().and(promoter.or(detractor).unary_$bang());
    // One pass over both periods' answers: a global aggregate is one row even when none match.
    Dataset<Row> counts = chains
        .where(col(ContactChainsSchema.CONTACT_DATE).between(lit(Date.valueOf(previousStart)),
            lit(Date.valueOf(window.periodEnd()))).and(nps.isNotNull()))
        .agg(countWhere(current.and(promoter)).as(PeriodSummarySchema.NPS_PROMOTERS),
            countWhere(current.and(passive)).as(PeriodSummarySchema.NPS_PASSIVES),
            countWhere(current.and(detractor)).as(PeriodSummarySchema.NPS_DETRACTORS),
            countWhere(current).as(PeriodSummarySchema.NPS_RESPONSES),
            countWhere(previous.and(promoter)).as(PeriodSummarySchema.PREVIOUS_NPS_PROMOTERS),
            countWhere(previous.and(passive)).as(PeriodSummarySchema.PREVIOUS_NPS_PASSIVES),
            countWhere(previous.and(detractor)).as(PeriodSummarySchema.PREVIOUS_NPS_DETRACTORS),
            countWhere(previous).as(PeriodSummarySchema.PREVIOUS_NPS_RESPONSES))
        .withColumn(PeriodSummarySchema.PERIOD_START, lit(Date.valueOf(window.periodStart())))
        .withColumn(PeriodSummarySchema.PREVIOUS_PERIOD_START, lit(Date.valueOf(previousStart)));
    return GoldFrames.select(stamp.stamp(counts), PeriodSummarySchema.SCHEMA);
  }

  /**
   * @param chains rows of {@link ContactChainsSchema} (any dates: the period is selected here)
   * @return per dimension (queue, issue_category) and value with chains in the period, NULL named
   *     {@link RepeatDriversSchema#NONE}: chains, repeat_7d_eligible, repeat_7d_count and rank (1 =
   *     most repeats, ties by name), in {@link RepeatDriversSchema}'s columns
   */
  public static Dataset<Row> repeatDrivers(Dataset<Row> chains, PeriodWindow window, GoldStamp stamp) {
    Dataset<Row> period = chains.where(inDays(window.periodStart(), window.periodEnd()));
    Column repeat = col(ContactChainsSchema.REPEAT_7D);
    Dataset<Row> drivers = null;
    for (String dimension : RepeatDriversSchema.DIMENSIONS) {
      Dataset<Row> byValue = period
          .groupBy(lit(dimension).as(RepeatDriversSchema.DIMENSION),
              coalesce(col(dimension), lit(RepeatDriversSchema.NONE)).as(RepeatDriversSchema.NAME))
          .agg(count(lit(1)).as(RepeatDriversSchema.CHAINS),
              count(repeat).as(RepeatDriversSchema.REPEAT_7D_ELIGIBLE),
              countWhere(repeat).as(RepeatDriversSchema.REPEAT_7D_COUNT));
      drivers = drivers == null ? byValue : drivers.unionByName(byValue);
    }
    // Partitioned by dimension: two small groups, never one partition for the whole period.
    var mostRepeatsFirst = Window.partitionBy(RepeatDriversSchema.DIMENSION)
        .orderBy(col(RepeatDriversSchema.REPEAT_7D_COUNT).desc(), col(RepeatDriversSchema.NAME).asc());
    return GoldFrames.select(
        stamp.stamp(drivers.withColumn(RepeatDriversSchema.RANK, row_number().over(mostRepeatsFirst))),
        RepeatDriversSchema.SCHEMA);
  }

  private static Column inDays(LocalDate from, LocalDate to) {
    return col(ContactChainsSchema.CONTACT_DATE).between(lit(Date.valueOf(from)), lit(Date.valueOf(to)));
  }

  /** Rows where {@code condition} is true (NULL counts as false); 0 when none. */
  private static Column countWhere(Column condition) {
    return coalesce(sum(when(condition, 1L).otherwise(0L)), lit(0L));
  }
}
