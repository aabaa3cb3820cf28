package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** gold/agent_metrics: per first-contact agent, with the speed-versus-resolution quadrant. */
public final class AgentMetricsSchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  public static final String AGENT_ID = "agent_id";
  public static final String TEAM = "team";
  public static final String CHAINS = "chains";
  public static final String AHT_SECONDS = "aht_seconds";
  public static final String FCR_7D_RATE = "fcr_7d_rate";
  public static final String FCR_7D_ELIGIBLE = "fcr_7d_eligible";
  /** Of fcr_7d_eligible, the chains whose fcr_7d rests on no repeat alone (no outcome reported). */
  public static final String FCR_7D_NO_REPEAT_BASIS = "fcr_7d_no_repeat_basis";
  public static final String CSAT_TOP2 = "csat_top2";
  public static final String CSAT_N = "csat_n";
  public static final String QUADRANT = "quadrant";

  public static final String FAST_RESOLVING = "fast_resolving";
  public static final String SPEED_TRAP = "speed_trap";
  public static final String SLOW_RESOLVING = "slow_resolving";
  public static final String STRUGGLING = "struggling";
  public static final String INSUFFICIENT_DATA = "insufficient_data";
  /** Agents with fewer fcr-eligible chains than this get {@link #INSUFFICIENT_DATA}. */
  public static final int MIN_FCR_ELIGIBLE_CHAINS = 20;

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(AGENT_ID, StringType),
          nullable(TEAM, StringType),
          required(CHAINS, LongType),
          nullable(AHT_SECONDS, DoubleType),
          nullable(FCR_7D_RATE, DoubleType),
          required(FCR_7D_ELIGIBLE, LongType),
          required(FCR_7D_NO_REPEAT_BASIS, LongType),
          nullable(CSAT_TOP2, DoubleType),
          required(CSAT_N, LongType),
          required(QUADRANT, StringType)),
      GoldColumns.STAMP);

  private AgentMetricsSchema() {}
}
