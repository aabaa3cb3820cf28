package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** gold/resolution_speed_model: OLS of csat on fcr_7d and speed, one row per term. */
public final class ResolutionSpeedModelSchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  public static final String TERM = "term";
  public static final String COEFFICIENT = "coefficient";
  public static final String STD_ERROR = "std_error";
  public static final String T_STAT = "t_stat";
  public static final String P_VALUE = "p_value";
  public static final String STANDARDIZED_BETA = "standardized_beta";
  public static final String N = "n";
  public static final String R_SQUARED = "r_squared";
  public static final String NOTE = "note";

  public static final String TERM_INTERCEPT = "intercept";
  public static final String TERM_FCR_7D = "fcr_7d";
  public static final String TERM_HANDLE_MINUTES = "handle_minutes";
  public static final String TERM_WAIT_MINUTES = "wait_minutes";
  public static final String TERM_TRANSFERS = "transfers";
  public static final List<String> TERMS =
      List.of(TERM_INTERCEPT, TERM_FCR_7D, TERM_HANDLE_MINUTES, TERM_WAIT_MINUTES, TERM_TRANSFERS);

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(TERM, StringType),
          nullable(COEFFICIENT, DoubleType),
          nullable(STD_ERROR, DoubleType),
          nullable(T_STAT, DoubleType),
          nullable(P_VALUE, DoubleType),
          nullable(STANDARDIZED_BETA, DoubleType),
          required(N, LongType),
          nullable(R_SQUARED, DoubleType),
          nullable(NOTE, StringType)),
      GoldColumns.STAMP);

  private ResolutionSpeedModelSchema() {}
}
