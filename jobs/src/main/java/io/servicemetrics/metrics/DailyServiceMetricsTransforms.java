package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.chains.ContactChainTransforms;
import io.servicemetrics.config.ServiceLevelConfig;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * gold daily_service_metrics from gold contact_chains: one row per contact_date x channel x queue
 * (docs/METRICS.md "Daily service metrics" and "Survey scores"). Every rate is NULL when its
 * denominator is 0, never NaN or an error.
 */
public final class DailyServiceMetricsTransforms {
  // The survey thresholds' one home: every table and the report count with these (docs/DECISIONS.md).
  /** CSAT top-2-box: csat at or above this counts as satisfied (4 and 5 on the 1-5 scale). */
  public static final int CSAT_TOP2_MIN = 4;
  /** NPS promoters answer 9-10. */
  public static final int NPS_PROMOTER_MIN = 9;
  /** NPS detractors answer 0-6. */
  public static final int NPS_DETRACTOR_MAX = 6;

  // Working columns; never written.
  private static final String TRANSFERRED = "_transferred";
  private static final String ESCALATED = "_escalated";
  private static final String RESOLVED = "_resolved";
  private static final String RESOLVED_KNOWN = "_resolved_known";
  private static final String REPEATS = "_repeats";
  private static final String FCRS = "_fcrs";
  private static final String TOP2 = "_top2";
  private static final String PROMOTERS = "_promoters";
  private static final String DETRACTORS = "_detractors";
  private static final String QUEUED_ABANDONS = "_queued_abandons";
  private static final String IN_TARGET_BUSINESS = "_in_target_business";

  private DailyServiceMetricsTransforms() {}

  /** {@link #dailyServiceMetrics(Dataset, ServiceLevelConfig)} with the default queue-time parameters. */
  public static Dataset<Row> dailyServiceMetrics(Dataset<Row> chains) {
    return dailyServiceMetrics(chains, ServiceLevelConfig.DEFAULT);
  }

  /**
   * @param chains rows of {@link ContactChainsSchema} (the stamp columns are ignored)
   * @param serviceLevel short-abandon threshold and the service-level target per channel
   * @return the metric columns of {@link DailyServiceMetricsSchema}, without as_of and
   *     definitions_version
   */
  public static Dataset<Row> dailyServiceMetrics(Dataset<Row> chains, ServiceLevelConfig serviceLevel) {
    Column answered = col(ContactChainsSchema.ANSWERED);
    Column queued = col(ContactChainsSchema.QUEUED);
    Column queueWait = col(ContactChainsSchema.QUEUE_WAIT_SECONDS);
    Column target = targetSeconds(col(ContactChainsSchema.CHANNEL), serviceLevel);
    // Where queued_at was delivered the speed of answer is the queue wait of answered queued chains
    // (time in the IVR is not waiting for an agent; a chain answered without queuing has no wait);
    // where it was not, it is the wait from initiation, as before.
    Column speedWait = when(queued.isNull().and(answered), col(ContactChainsSchema.WAIT_SECONDS))
        .when(queued.and(answered), queueWait);
    Column queuedAbandon = queued.and(col(ContactChainsSchema.ABANDONED));
    Column shortAbandon = queuedAbandon.and(queueWait.lt(lit((double) serviceLevel.shortAbandonSeconds())));
    Dataset<Row> counts = chains
        .groupBy(
            col(ContactChainsSchema.CONTACT_DATE).as(DailyServiceMetricsSchema.CONTACT_DATE),
            col(ContactChainsSchema.CHANNEL).as(DailyServiceMetricsSchema.CHANNEL),
            col(ContactChainsSchema.QUEUE).as(DailyServiceMetricsSchema.QUEUE))
        .agg(
            count(lit(1)).as(DailyServiceMetricsSchema.CHAINS),
            countWhere(answered).as(DailyServiceMetricsSchema.ANSWERED),
            countWhere(col(ContactChainsSchema.ABANDONED)).as(DailyServiceMetricsSchema.ABANDONED),
            avg(speedWait).as(DailyServiceMetricsSchema.ASA_SECONDS),
            count(speedWait).as(DailyServiceMetricsSchema.ASA_N),
            avg(when(answered, col(ContactChainsSchema.HANDLE_SECONDS))).as(DailyServiceMetricsSchema.AHT_SECONDS),
            avg(when(answered, col(ContactChainsSchema.HOLD_SECONDS))).as(DailyServiceMetricsSchema.HOLD_SECONDS_MEAN),
            countWhere(answered.and(col(ContactChainsSchema.TRANSFERS).gt(lit(0)))).as(TRANSFERRED),
            countWhere(answered.and(col(ContactChainsSchema.ESCALATED))).as(ESCALATED),
            countWhere(answered.and(col(ContactChainsSchema.RESOLVED))).as(RESOLVED),
            // resolved is NULL when no outcome was reported: such chains are neither side of the rate.
            countWhere(answered.and(col(ContactChainsSchema.RESOLVED).isNotNull())).as(RESOLVED_KNOWN),
            countWhere(col(ContactChainsSchema.REPEAT_7D)).as(REPEATS),
            count(col(ContactChainsSchema.REPEAT_7D)).as(DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE),
            countWhere(col(ContactChainsSchema.FCR_7D)).as(FCRS),
            count(col(ContactChainsSchema.FCR_7D)).as(DailyServiceMetricsSchema.FCR_7D_ELIGIBLE),
            countWhere(col(ContactChainsSchema.FCR_BASIS).equalTo(lit(ContactChainTransforms.FCR_BASIS_NO_REPEAT)))
                .as(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS),
            countWhere(col(ContactChainsSchema.CSAT).geq(lit(CSAT_TOP2_MIN))).as(TOP2),
            count(col(ContactChainsSchema.CSAT)).as(DailyServiceMetricsSchema.CSAT_N),
            avg(col(ContactChainsSchema.CSAT)).as(DailyServiceMetricsSchema.MEAN_SATISFACTION),
            countWhere(col(ContactChainsSchema.NPS).geq(lit(NPS_PROMOTER_MIN))).as(PROMOTERS),
            countWhere(col(ContactChainsSchema.NPS).leq(lit(NPS_DETRACTOR_MAX))).as(DETRACTORS),
            count(col(ContactChainsSchema.NPS)).as(DailyServiceMetricsSchema.NPS_N),
            avg(col(ContactChainsSchema.CES)).as(DailyServiceMetricsSchema.CES_MEAN),
            count(col(ContactChainsSchema.CES)).as(DailyServiceMetricsSchema.CES_N),
            // Business hours: NULL over chains without the columns' values (no schedule), never 0.
            avg(when(answered, col(ContactChainsSchema.WAIT_BUSINESS_SECONDS)))
                .as(DailyServiceMetricsSchema.ASA_BUSINESS_SECONDS),
            sum(col(ContactChainsSchema.ARRIVED_WHILE_CLOSED).cast(DataTypes.LongType))
                .as(DailyServiceMetricsSchema.ARRIVED_CLOSED),
            count(queued).as(DailyServiceMetricsSchema.QUEUE_MEASURED),
            countWhere(queued).as(DailyServiceMetricsSchema.QUEUED),
            countWhere(queued.and(answered).and(queueWait.leq(target))).as(DailyServiceMetricsSchema.ANSWERED_IN_TARGET),
            // A queued chain's wait_business_seconds is its queue wait counted in business time.
            countWhere(queued.and(answered).and(col(ContactChainsSchema.WAIT_BUSINESS_SECONDS).leq(target)))
                .as(IN_TARGET_BUSINESS),
            countWhere(shortAbandon).as(DailyServiceMetricsSchema.SHORT_ABANDONS),
            countWhere(queuedAbandon).as(QUEUED_ABANDONS),
            countWhere(queued.unary_$bang().and(col(ContactChainsSchema.ABANDONED)))
                .as(DailyServiceMetricsSchema.ABANDONED_BEFORE_QUEUE),
            max(target).as(DailyServiceMetricsSchema.SERVICE_LEVEL_TARGET_SECONDS));

    Column answeredN = col(DailyServiceMetricsSchema.ANSWERED);
    // Queued chains that count for service level: short abandons never had a chance to be answered.
    Column offered = col(DailyServiceMetricsSchema.QUEUED).minus(col(DailyServiceMetricsSchema.SHORT_ABANDONS));
    return counts.select(
        col(DailyServiceMetricsSchema.CONTACT_DATE),
        col(DailyServiceMetricsSchema.CHANNEL),
        col(DailyServiceMetricsSchema.QUEUE),
        col(DailyServiceMetricsSchema.CHAINS),
        answeredN,
        col(DailyServiceMetricsSchema.ABANDONED),
        ratio(col(DailyServiceMetricsSchema.ABANDONED), col(DailyServiceMetricsSchema.CHAINS))
            .as(DailyServiceMetricsSchema.ABANDON_RATE),
        col(DailyServiceMetricsSchema.ASA_SECONDS),
        col(DailyServiceMetricsSchema.AHT_SECONDS),
        col(DailyServiceMetricsSchema.HOLD_SECONDS_MEAN),
        ratio(col(TRANSFERRED), answeredN).as(DailyServiceMetricsSchema.TRANSFER_RATE),
        ratio(col(ESCALATED), answeredN).as(DailyServiceMetricsSchema.ESCALATION_RATE),
        ratio(col(RESOLVED), col(RESOLVED_KNOWN)).as(DailyServiceMetricsSchema.RESOLVED_RATE),
        ratio(col(REPEATS), col(DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE)).as(DailyServiceMetricsSchema.REPEAT_7D_RATE),
        col(DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE),
        ratio(col(FCRS), col(DailyServiceMetricsSchema.FCR_7D_ELIGIBLE)).as(DailyServiceMetricsSchema.FCR_7D_RATE),
        col(DailyServiceMetricsSchema.FCR_7D_ELIGIBLE),
        col(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS),
        ratio(col(TOP2), col(DailyServiceMetricsSchema.CSAT_N)).as(DailyServiceMetricsSchema.CSAT_TOP2),
        col(DailyServiceMetricsSchema.CSAT_N),
        col(DailyServiceMetricsSchema.MEAN_SATISFACTION),
        ratio(col(PROMOTERS).minus(col(DETRACTORS)), col(DailyServiceMetricsSchema.NPS_N)).multiply(lit(100.0))
            .as(DailyServiceMetricsSchema.NPS),
        col(DailyServiceMetricsSchema.NPS_N),
        col(DailyServiceMetricsSchema.CES_MEAN),
        col(DailyServiceMetricsSchema.CES_N),
        col(DailyServiceMetricsSchema.ASA_BUSINESS_SECONDS),
        col(DailyServiceMetricsSchema.ARRIVED_CLOSED),
        col(DailyServiceMetricsSchema.QUEUE_MEASURED),
        measured(col(DailyServiceMetricsSchema.QUEUED)).as(DailyServiceMetricsSchema.QUEUED),
        col(DailyServiceMetricsSchema.ASA_N),
        measured(col(DailyServiceMetricsSchema.ANSWERED_IN_TARGET)).as(DailyServiceMetricsSchema.ANSWERED_IN_TARGET),
        measured(col(DailyServiceMetricsSchema.SHORT_ABANDONS)).as(DailyServiceMetricsSchema.SHORT_ABANDONS),
        measured(col(QUEUED_ABANDONS).minus(col(DailyServiceMetricsSchema.SHORT_ABANDONS)))
            .as(DailyServiceMetricsSchema.QUEUE_ABANDONS),
        measured(col(DailyServiceMetricsSchema.ABANDONED_BEFORE_QUEUE)).as(DailyServiceMetricsSchema.ABANDONED_BEFORE_QUEUE),
        ratio(col(DailyServiceMetricsSchema.ANSWERED_IN_TARGET), offered).as(DailyServiceMetricsSchema.SERVICE_LEVEL),
        col(DailyServiceMetricsSchema.SERVICE_LEVEL_TARGET_SECONDS),
        ratio(col(QUEUED_ABANDONS).minus(col(DailyServiceMetricsSchema.SHORT_ABANDONS)), offered)
            .as(DailyServiceMetricsSchema.QUEUE_ABANDON_RATE),
        withSchedule(measured(col(IN_TARGET_BUSINESS))).as(DailyServiceMetricsSchema.ANSWERED_IN_TARGET_BUSINESS),
        withSchedule(measured(ratio(col(IN_TARGET_BUSINESS), offered))).as(DailyServiceMetricsSchema.SERVICE_LEVEL_BUSINESS));
  }

  /**
   * A business-hours figure, NULL where no schedule was given: with one every chain has
   * arrived_while_closed, so arrived_closed is NULL exactly without one.
   */
  private static Column withSchedule(Column value) {
    return when(col(DailyServiceMetricsSchema.ARRIVED_CLOSED).isNotNull(), value);
  }

  /** A queue count, NULL where no chain of the row delivered queued_at (not measured, not zero). */
  private static Column measured(Column count) {
    return when(col(DailyServiceMetricsSchema.QUEUE_MEASURED).gt(lit(0L)), count);
  }

  /** Target T of the chain's channel, in seconds (the config has one for every channel of the contract). */
  static Column targetSeconds(Column channel, ServiceLevelConfig serviceLevel) {
    Column t = lit(null).cast(DataTypes.LongType);
    for (String c : new java.util.TreeSet<>(serviceLevel.targetSeconds().keySet())) {
      t = when(channel.equalTo(lit(c)), lit(serviceLevel.targetSeconds(c))).otherwise(t);
    }
    return t;
  }

  /** Number of rows where the condition is true (NULL counts as not true). */
  private static Column countWhere(Column condition) {
    return sum(when(condition, lit(1L)).otherwise(lit(0L)));
  }

  /** numerator / denominator as a double, NULL when the denominator is 0. */
  static Column ratio(Column numerator, Column denominator) {
    return when(denominator.gt(lit(0)),
        numerator.cast(DataTypes.DoubleType).divide(denominator.cast(DataTypes.DoubleType)));
  }
}
