package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.servicemetrics.schema.GoldColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Shapes computed frames into a gold table's exact schema. */
final class GoldFrames {
  private GoldFrames() {}

  /**
   * The schema's columns, in its order and types, keeping the plan. Not its nullability: Delta
   * creates a table written from a DataFrame with every column nullable whatever the frame says,
   * so giving the frame the contract's NOT NULL (a round trip through an RDD, a query of its own
   * per write) recorded nothing.
   */
  static Dataset<Row> select(Dataset<Row> rows, StructType schema) {
    return rows.select(Arrays.stream(schema.fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new));
  }

  /** The run's stamp on every gold row: its as_of and the definitions version it computed under. */
  static Dataset<Row> stamp(Dataset<Row> rows, Instant asOf) {
    return rows
        .withColumn(GoldColumns.AS_OF, lit(Timestamp.from(asOf)))
        .withColumn(GoldColumns.DEFINITIONS_VERSION, lit(GoldColumns.CURRENT_DEFINITIONS_VERSION));
  }
}
