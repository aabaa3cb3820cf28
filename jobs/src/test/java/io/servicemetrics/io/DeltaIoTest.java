package io.servicemetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class DeltaIoTest {
  private static final StructType SCHEMA = new StructType()
      .add("day", DataTypes.StringType, false)
      .add("value", DataTypes.IntegerType, false);

  @Test
  void replacingASliceKeepsOtherSlicesAndIsSafeToRepeat(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.GOLD_DAILY_SERVICE_METRICS;
    assertFalse(delta.exists(table), "a fresh warehouse has no tables");

    delta.replaceSlice(table, rows(spark, RowFactory.create("d1", 1), RowFactory.create("d2", 2)), "day IN ('d1','d2')", "day");
    delta.replaceSlice(table, rows(spark, RowFactory.create("d2", 20)), "day = 'd2'");
    delta.replaceSlice(table, rows(spark, RowFactory.create("d2", 20)), "day = 'd2'");

    assertTrue(delta.exists(table));
    List<Row> all = delta.read(table).orderBy("day").collectAsList();
    assertEquals(List.of(RowFactory.create("d1", 1), RowFactory.create("d2", 20)), all,
        "d1 kept, d2 replaced once however often the slice is rewritten");
    assertEquals(List.of("gold_daily_service_metrics"), WarehouseViews.register(delta));
    assertEquals(21L, spark.sql("SELECT sum(value) FROM gold_daily_service_metrics").first().getLong(0));
  }

  private static Dataset<Row> rows(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }
}
