package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.col;

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
   * NOT NULL where the contract promises it). Extra columns are dropped.
   */
  static Dataset<Row> conform(Dataset<Row> rows, StructType schema) {
    Column[] columns = Arrays.stream(schema.fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new);
    Dataset<Row> selected = rows.select(columns);
    return rows.sparkSession().createDataFrame(selected.rdd(), schema);
  }
}
