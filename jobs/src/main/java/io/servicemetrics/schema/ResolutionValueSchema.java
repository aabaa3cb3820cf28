package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * gold/resolution_value: per queue and for the whole centre, what first-contact-resolution gains
 * of a few points are worth in repeat chains, contacts, agent hours, positions and money
 * (docs/METRICS.md "Staffing and what resolution is worth").
 */
public final class ResolutionValueSchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  /** {@link #SCOPE_QUEUE} or {@link #SCOPE_CENTER}. */
  public static final String SCOPE = "scope";
  public static final String SCOPE_QUEUE = "queue";
  public static final String SCOPE_CENTER = "center";
  /** The queue; NULL on the centre rows. */
  public static final String QUEUE = "queue";
  public static final String FCR_GAIN_POINTS = "fcr_gain_points";
  public static final String FCR_7D_ELIGIBLE = "fcr_7d_eligible";
  public static final String FCR_7D_FAILED = "fcr_7d_failed";
  public static final String FCR_7D_RATE = "fcr_7d_rate";
  public static final String REPEATS_PER_FAILURE = "repeats_per_failure";
  public static final String CHAINS_CONVERTED = "chains_converted";
  public static final String REPEAT_CHAINS_AVOIDED = "repeat_chains_avoided";
  public static final String CONTACTS_AVOIDED = "contacts_avoided";
  public static final String AGENT_HOURS_AVOIDED = "agent_hours_avoided";
  public static final String ARRIVAL_REDUCTION = "arrival_reduction";
  public static final String POSITION_HOURS_NOW = "position_hours_now";
  public static final String POSITION_HOURS_AFTER = "position_hours_after";
  public static final String POSITION_HOURS_SAVED = "position_hours_saved";
  public static final String PEAK_POSITIONS_NOW = "peak_positions_now";
  public static final String PEAK_POSITIONS_AFTER = "peak_positions_after";
  public static final String AGENT_HOUR_COST = "agent_hour_cost";
  public static final String CURRENCY = "currency";
  public static final String COST_SAVED = "cost_saved";
  public static final String REPEAT_CHAINS = "repeat_chains";
  public static final String REPEAT_CONTACTS = "repeat_contacts";
  public static final String REPEAT_HANDLE_HOURS = "repeat_handle_hours";
  public static final String REPEAT_COST = "repeat_cost";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(SCOPE, StringType),
          nullable(QUEUE, StringType),
          required(FCR_GAIN_POINTS, IntegerType),
          required(FCR_7D_ELIGIBLE, LongType),
          required(FCR_7D_FAILED, LongType),
          nullable(FCR_7D_RATE, DoubleType),
          nullable(REPEATS_PER_FAILURE, DoubleType),
          required(CHAINS_CONVERTED, DoubleType),
          required(REPEAT_CHAINS_AVOIDED, DoubleType),
          required(CONTACTS_AVOIDED, DoubleType),
          required(AGENT_HOURS_AVOIDED, DoubleType),
          nullable(ARRIVAL_REDUCTION, DoubleType),
          nullable(POSITION_HOURS_NOW, DoubleType),
          nullable(POSITION_HOURS_AFTER, DoubleType),
          nullable(POSITION_HOURS_SAVED, DoubleType),
          nullable(PEAK_POSITIONS_NOW, IntegerType),
          nullable(PEAK_POSITIONS_AFTER, IntegerType),
          nullable(AGENT_HOUR_COST, DoubleType),
          required(CURRENCY, StringType),
          nullable(COST_SAVED, DoubleType),
          required(REPEAT_CHAINS, LongType),
          required(REPEAT_CONTACTS, LongType),
          required(REPEAT_HANDLE_HOURS, DoubleType),
          nullable(REPEAT_COST, DoubleType)),
      GoldColumns.STAMP);

  private ResolutionValueSchema() {}
}
