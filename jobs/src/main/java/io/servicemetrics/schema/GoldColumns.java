package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.StructField;

/** Columns every gold row carries, and the definitions version they are computed under. */
public final class GoldColumns {
  /** End of the run date in the business zone (exclusive start of the next day), as UTC. */
  public static final String AS_OF = "as_of";
  /** Version of docs/METRICS.md and meta/metric_definitions the row was computed under. */
  public static final String DEFINITIONS_VERSION = "definitions_version";
  /** Last day (inclusive) of the period a period table describes. */
  public static final String PERIOD_END = "period_end";

  /** Bump when any definition in docs/METRICS.md changes meaning. */
  public static final String CURRENT_DEFINITIONS_VERSION = "2";

  public static final List<StructField> STAMP = List.of(
      required(AS_OF, TimestampType), required(DEFINITIONS_VERSION, StringType));

  private GoldColumns() {}
}
