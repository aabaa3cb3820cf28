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
 * gold/staffing_intervals: per staffed queue x channel x weekday x interval of the day, the agents
 * Erlang C and Erlang A need for the period's mean arrivals (docs/METRICS.md "Staffing and what
 * resolution is worth").
 */
public final class StaffingIntervalsSchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  public static final String QUEUE = "queue";
  public static final String CHANNEL = "channel";
  /** ISO day of the week in the business zone: 1 = Monday .. 7 = Sunday. */
  public static final String WEEKDAY = "weekday";
  /** Start of the interval in the business zone, "HH:mm". */
  public static final String INTERVAL_START = "interval_start";
  public static final String INTERVAL_MINUTES = "interval_minutes";
  /** How many times the weekday occurs in the period: the divisor of the mean. */
  public static final String WEEKS = "weeks";
  public static final String ARRIVALS_TOTAL = "arrivals_total";
  public static final String ARRIVALS = "arrivals";
  public static final String AHT_SECONDS = "aht_seconds";
  public static final String AHT_CHAINS = "aht_chains";
  public static final String PATIENCE_SECONDS = "patience_seconds";
  public static final String PATIENCE_ABANDONS = "patience_abandons";
  public static final String TRAFFIC_ERLANGS = "traffic_erlangs";
  public static final String TARGET_SECONDS = "target_seconds";
  public static final String SERVICE_LEVEL_GOAL = "service_level_goal";
  public static final String MAX_OCCUPANCY = "max_occupancy";
  public static final String SHRINKAGE = "shrinkage";
  public static final String AGENTS_ERLANG_C = "agents_erlang_c";
  public static final String POSITIONS_ERLANG_C = "positions_erlang_c";
  public static final String SERVICE_LEVEL_ERLANG_C = "service_level_erlang_c";
  public static final String ASA_SECONDS_ERLANG_C = "asa_seconds_erlang_c";
  public static final String OCCUPANCY_ERLANG_C = "occupancy_erlang_c";
  public static final String AGENTS_ERLANG_A = "agents_erlang_a";
  public static final String POSITIONS_ERLANG_A = "positions_erlang_a";
  public static final String SERVICE_LEVEL_ERLANG_A = "service_level_erlang_a";
  public static final String ASA_SECONDS_ERLANG_A = "asa_seconds_erlang_a";
  public static final String OCCUPANCY_ERLANG_A = "occupancy_erlang_a";
  public static final String ABANDON_PROBABILITY_ERLANG_A = "abandon_probability_erlang_a";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(QUEUE, StringType),
          required(CHANNEL, StringType),
          required(WEEKDAY, IntegerType),
          required(INTERVAL_START, StringType),
          required(INTERVAL_MINUTES, IntegerType),
          required(WEEKS, IntegerType),
          required(ARRIVALS_TOTAL, LongType),
          required(ARRIVALS, DoubleType),
          nullable(AHT_SECONDS, DoubleType),
          required(AHT_CHAINS, LongType),
          nullable(PATIENCE_SECONDS, DoubleType),
          required(PATIENCE_ABANDONS, LongType),
          nullable(TRAFFIC_ERLANGS, DoubleType),
          required(TARGET_SECONDS, DoubleType),
          required(SERVICE_LEVEL_GOAL, DoubleType),
          required(MAX_OCCUPANCY, DoubleType),
          required(SHRINKAGE, DoubleType),
          nullable(AGENTS_ERLANG_C, IntegerType),
          nullable(POSITIONS_ERLANG_C, IntegerType),
          nullable(SERVICE_LEVEL_ERLANG_C, DoubleType),
          nullable(ASA_SECONDS_ERLANG_C, DoubleType),
          nullable(OCCUPANCY_ERLANG_C, DoubleType),
          nullable(AGENTS_ERLANG_A, IntegerType),
          nullable(POSITIONS_ERLANG_A, IntegerType),
          nullable(SERVICE_LEVEL_ERLANG_A, DoubleType),
          nullable(ASA_SECONDS_ERLANG_A, DoubleType),
          nullable(OCCUPANCY_ERLANG_A, DoubleType),
          nullable(ABANDON_PROBABILITY_ERLANG_A, DoubleType)),
      GoldColumns.STAMP);

  private StaffingIntervalsSchema() {}
}
