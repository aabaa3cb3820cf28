package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** gold/csat_by_fcr_speed: CSAT top-2-box by fcr_7d x handle-time quartile. */
public final class CsatByFcrSpeedSchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  public static final String FCR_7D = "fcr_7d";
  public static final String HANDLE_QUARTILE = "handle_quartile";
  public static final String N = "n";
  public static final String CSAT_TOP2 = "csat_top2";
  public static final String CI_LOW = "ci_low";
  public static final String CI_HIGH = "ci_high";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(FCR_7D, BooleanType),
          required(HANDLE_QUARTILE, IntegerType),
          required(N, LongType),
          nullable(CSAT_TOP2, DoubleType),
          nullable(CI_LOW, DoubleType),
          nullable(CI_HIGH, DoubleType)),
      GoldColumns.STAMP);

  private CsatByFcrSpeedSchema() {}
}
