package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** gold/daily_service_metrics: one row per contact_date x channel x queue. */
public final class DailyServiceMetricsSchema {
  public static final String CONTACT_DATE = "contact_date";
  public static final String CHANNEL = "channel";
  public static final String QUEUE = "queue";
  public static final String CHAINS = "chains";
  public static final String ANSWERED = "answered";
  public static final String ABANDONED = "abandoned";
  public static final String ABANDON_RATE = "abandon_rate";
  public static final String ASA_SECONDS = "asa_seconds";
  public static final String AHT_SECONDS = "aht_seconds";
  public static final String HOLD_SECONDS_MEAN = "hold_seconds_mean";
  public static final String TRANSFER_RATE = "transfer_rate";
  public static final String ESCALATION_RATE = "escalation_rate";
  public static final String RESOLVED_RATE = "resolved_rate";
  public static final String REPEAT_7D_RATE = "repeat_7d_rate";
  public static final String REPEAT_7D_ELIGIBLE = "repeat_7d_eligible";
  public static final String FCR_7D_RATE = "fcr_7d_rate";
  public static final String FCR_7D_ELIGIBLE = "fcr_7d_eligible";
  /** Of fcr_7d_eligible, the chains whose fcr_7d rests on no repeat alone (no outcome reported). */
  public static final String FCR_7D_NO_REPEAT_BASIS = "fcr_7d_no_repeat_basis";
  public static final String CSAT_TOP2 = "csat_top2";
  public static final String CSAT_N = "csat_n";
  public static final String MEAN_SATISFACTION = "mean_satisfaction";
  public static final String NPS = "nps";
  public static final String NPS_N = "nps_n";
  public static final String CES_MEAN = "ces_mean";
  public static final String CES_N = "ces_n";
  // Business hours: NULL when no --business-hours schedule was given (not measured, never 0).
  public static final String ASA_BUSINESS_SECONDS = "asa_business_seconds";
  public static final String ARRIVED_CLOSED = "arrived_closed";
  // Queue time (docs/METRICS.md "Queue time"); appended so earlier columns keep their places.
  /** Chains whose every leg delivered queued_at: the chains the queue columns below describe. */
  public static final String QUEUE_MEASURED = "queue_measured";
  /** Measured chains that queued; NULL when queue_measured = 0. */
  public static final String QUEUED = "queued";
  /** Chains in asa_seconds (its denominator), so periods can weight it exactly. */
  public static final String ASA_N = "asa_n";
  /** Answered queued chains with queue_wait_seconds <= service_level_target_seconds. */
  public static final String ANSWERED_IN_TARGET = "answered_in_target";
  public static final String SHORT_ABANDONS = "short_abandons";
  /** Abandoned queued chains that are not short abandons: the numerator of queue_abandon_rate. */
  public static final String QUEUE_ABANDONS = "queue_abandons";
  public static final String ABANDONED_BEFORE_QUEUE = "abandoned_before_queue";
  public static final String SERVICE_LEVEL = "service_level";
  public static final String SERVICE_LEVEL_TARGET_SECONDS = "service_level_target_seconds";
  public static final String QUEUE_ABANDON_RATE = "queue_abandon_rate";
  // Business-hours service level (docs/METRICS.md "Business hours"); appended last. NULL without a
  // --business-hours schedule or without queue measurement (queue_measured = 0).
  /** Answered queued chains with wait_business_seconds <= service_level_target_seconds. */
  public static final String ANSWERED_IN_TARGET_BUSINESS = "answered_in_target_business";
  /** answered_in_target_business / (queued - short_abandons). */
  public static final String SERVICE_LEVEL_BUSINESS = "service_level_business";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(CONTACT_DATE, DateType),
          required(CHANNEL, StringType),
          required(QUEUE, StringType),
          required(CHAINS, LongType),
          required(ANSWERED, LongType),
          required(ABANDONED, LongType),
          nullable(ABANDON_RATE, DoubleType),
          nullable(ASA_SECONDS, DoubleType),
          nullable(AHT_SECONDS, DoubleType),
          nullable(HOLD_SECONDS_MEAN, DoubleType),
          nullable(TRANSFER_RATE, DoubleType),
          nullable(ESCALATION_RATE, DoubleType),
          nullable(RESOLVED_RATE, DoubleType),
          nullable(REPEAT_7D_RATE, DoubleType),
          required(REPEAT_7D_ELIGIBLE, LongType),
          nullable(FCR_7D_RATE, DoubleType),
          required(FCR_7D_ELIGIBLE, LongType),
          required(FCR_7D_NO_REPEAT_BASIS, LongType),
          nullable(CSAT_TOP2, DoubleType),
          required(CSAT_N, LongType),
          nullable(MEAN_SATISFACTION, DoubleType),
          nullable(NPS, DoubleType),
          required(NPS_N, LongType),
          nullable(CES_MEAN, DoubleType),
          required(CES_N, LongType),
          nullable(ASA_BUSINESS_SECONDS, DoubleType),
          nullable(ARRIVED_CLOSED, LongType),
          required(QUEUE_MEASURED, LongType),
          nullable(QUEUED, LongType),
          required(ASA_N, LongType),
          nullable(ANSWERED_IN_TARGET, LongType),
          nullable(SHORT_ABANDONS, LongType),
          nullable(QUEUE_ABANDONS, LongType),
          nullable(ABANDONED_BEFORE_QUEUE, LongType),
          nullable(SERVICE_LEVEL, DoubleType),
          nullable(SERVICE_LEVEL_TARGET_SECONDS, LongType),
          nullable(QUEUE_ABANDON_RATE, DoubleType),
          nullable(ANSWERED_IN_TARGET_BUSINESS, LongType),
          nullable(SERVICE_LEVEL_BUSINESS, DoubleType)),
      GoldColumns.STAMP);

  private DailyServiceMetricsSchema() {}
}
