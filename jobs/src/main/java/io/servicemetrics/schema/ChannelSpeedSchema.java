package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * gold/channel_speed: speed per channel over a period, one row per channel with contacts in it
 * (docs/METRICS.md "Speed per channel"). Waits of channels with different clocks (seconds on the
 * phone, hours by e-mail) are never averaged together: the report shows these rows as they are.
 */
public final class ChannelSpeedSchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  public static final String CHANNEL = "channel";
  public static final String CHAINS = "chains";
  public static final String ANSWERED = "answered";
  public static final String ABANDONED = "abandoned";
  public static final String QUEUE_MEASURED = "queue_measured";
  public static final String QUEUED = "queued";
  public static final String ASA_N = "asa_n";
  public static final String ASA_SECONDS = "asa_seconds";
  public static final String ANSWERED_IN_TARGET = "answered_in_target";
  public static final String SHORT_ABANDONS = "short_abandons";
  public static final String QUEUE_ABANDONS = "queue_abandons";
  public static final String ABANDONED_BEFORE_QUEUE = "abandoned_before_queue";
  public static final String SERVICE_LEVEL = "service_level";
  public static final String SERVICE_LEVEL_TARGET_SECONDS = "service_level_target_seconds";
  public static final String QUEUE_ABANDON_RATE = "queue_abandon_rate";
  // Business hours (docs/METRICS.md "Business hours"); appended last. NULL without a schedule.
  /** asa_n-weighted mean of the daily asa_business_seconds over the days with a schedule. */
  public static final String ASA_BUSINESS_SECONDS = "asa_business_seconds";
  /** Sum of the daily answered_in_target_business; NULL when no day has it. */
  public static final String ANSWERED_IN_TARGET_BUSINESS = "answered_in_target_business";
  /** answered_in_target_business / (queued - short_abandons) over the days that have it. */
  public static final String SERVICE_LEVEL_BUSINESS = "service_level_business";
  // The previous period (the period_days before this one) on the same channel, for the report's changes.
  public static final String PREVIOUS_CHAINS = "previous_chains";
  public static final String PREVIOUS_ASA_SECONDS = "previous_asa_seconds";
  public static final String PREVIOUS_SERVICE_LEVEL = "previous_service_level";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(CHANNEL, StringType),
          required(CHAINS, LongType),
          required(ANSWERED, LongType),
          required(ABANDONED, LongType),
          required(QUEUE_MEASURED, LongType),
          nullable(QUEUED, LongType),
          required(ASA_N, LongType),
          nullable(ASA_SECONDS, DoubleType),
          nullable(ANSWERED_IN_TARGET, LongType),
          nullable(SHORT_ABANDONS, LongType),
          nullable(QUEUE_ABANDONS, LongType),
          nullable(ABANDONED_BEFORE_QUEUE, LongType),
          nullable(SERVICE_LEVEL, DoubleType),
          nullable(SERVICE_LEVEL_TARGET_SECONDS, LongType),
          nullable(QUEUE_ABANDON_RATE, DoubleType),
          nullable(ASA_BUSINESS_SECONDS, DoubleType),
          nullable(ANSWERED_IN_TARGET_BUSINESS, LongType),
          nullable(SERVICE_LEVEL_BUSINESS, DoubleType),
          nullable(PREVIOUS_CHAINS, LongType),
          nullable(PREVIOUS_ASA_SECONDS, DoubleType),
          nullable(PREVIOUS_SERVICE_LEVEL, DoubleType)),
      GoldColumns.STAMP);

  private ChannelSpeedSchema() {}
}
