package io.servicemetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class DeltaSlicesTest {
  private static final StructType SCHEMA = new StructType()
      .add("period_end", DataTypes.DateType, false)
      .add("name", DataTypes.StringType, true)
      .add("n", DataTypes.LongType, false)
      .add("rank", DataTypes.IntegerType, true)
      .add("rate", DataTypes.DoubleType, true)
      .add("flag", DataTypes.BooleanType, true)
      .add("as_of", DataTypes.TimestampType, false);
  private static final Timestamp AS_OF = Timestamp.from(Instant.parse("2024-04-01T00:00:00.123456Z"));

  private static Row row(String end, String name, long n, Integer rank, Double rate, Boolean flag) {
    return RowFactory.create(Date.valueOf(end), name, n, rank, rate, flag, AS_OF);
  }

  private static final List<Row> ROWS = List.of(
      row("2024-03-31", "a", 1L, 1, 0.25, true),
      row("2024-03-31", null, 2L, null, null, null),
      row("2024-03-30", "b", 3L, 2, 1.5, false));

  @Test
  void readsAPartitionOnTheDriverAsSparkCollectsIt(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    delta.replaceSlice(Table.GOLD_REPEAT_DRIVERS, spark.createDataFrame(ROWS, SCHEMA), "true", "period_end");

    List<Row> slice = DeltaSlices.read(delta, Table.GOLD_REPEAT_DRIVERS, "period_end", LocalDate.of(2024, 3, 31))
        .orElseThrow();
    List<Row> spark31 = delta.read(Table.GOLD_REPEAT_DRIVERS).where("period_end = DATE'2024-03-31'").collectAsList();

    Comparator<Row> byN = Comparator.comparingLong(r -> r.getLong(r.fieldIndex("n")));
    assertEquals(values(sorted(spark31, byN)), values(sorted(slice, byN)), "the same values, types and nulls");
    assertEquals(List.of(values(ROWS.get(0)), values(ROWS.get(1))), values(sorted(slice, byN)),
        "the 31 March rows, the timestamp to the microsecond");
    assertEquals(List.of(spark31.get(0).schema().fieldNames()), List.of(slice.get(0).schema().fieldNames()),
        "the table's columns, by name");
    assertEquals(1, ((Number) slice.stream().filter(r -> "a".equals(r.getAs("name"))).findFirst().orElseThrow()
        .getAs("rank")).intValue(), "getAs by name");
  }

  @Test
  void readsAnUnpartitionedTableWholeAndFiltersIt(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    delta.append(Table.GOLD_REPEAT_DRIVERS, spark.createDataFrame(ROWS, SCHEMA));

    List<Row> slice = DeltaSlices.read(delta, Table.GOLD_REPEAT_DRIVERS, "period_end", LocalDate.of(2024, 3, 30))
        .orElseThrow();

    assertEquals(List.of(3L), slice.stream().map(r -> r.<Long>getAs("n")).toList());
    assertTrue(DeltaSlices.read(delta, Table.GOLD_REPEAT_DRIVERS, "period_end", LocalDate.of(2024, 1, 1))
        .orElseThrow().isEmpty(), "no rows for another day");
  }

  @Test
  void aMissingTableIsEmpty(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    assertTrue(DeltaSlices.read(delta, Table.GOLD_PERIOD_SUMMARY, "period_end", LocalDate.of(2024, 3, 31)).isEmpty());
  }

  private static List<Object> values(Row r) {
    return java.util.stream.IntStream.range(0, r.size()).mapToObj(r::get).toList();
  }

  private static List<List<Object>> values(List<Row> rows) {
    return rows.stream().map(DeltaSlicesTest::values).toList();
  }

  private static List<Row> sorted(List<Row> rows, Comparator<Row> order) {
    return rows.stream().sorted(order).toList();
  }
}
