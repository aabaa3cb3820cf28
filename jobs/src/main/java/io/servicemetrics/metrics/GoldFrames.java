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
   * The schema's columns, in its order, cast to its types, with its nullability (so Delta records
   * NOT NULL where the contract promises it). Extra columns are dropped. For a table's first write
   * only: the round trip through an RDD runs the plan as a query of its own, and a table that exists
   * keeps its NOT NULL columns whatever a write's frame says (Delta checks them on every write).
   */
  static Dataset<Row> conform(Dataset<Row> rows, StructType schema) {
    return rows.sparkSession().createDataFrame(select(rows, schema).rdd(), schema);
  }

  /**
   * The schema's columns, in its order and types, keeping the plan (no nullability, no round trip
   * through an RDD): the date tables' frames, which their writes and the next stage read as planned.
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
