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

  @Test
  void aWarehouseOfAnEarlierVersionTakesNewColumnsByName(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.GOLD_DAILY_SERVICE_METRICS;
    delta.replaceSlice(table, rows(spark, RowFactory.create("d1", 1)), "day = 'd1'", "day");
    // The new version's schema has a column in the middle, as when a schema class gains one.
    StructType wider = new StructType()
        .add("day", DataTypes.StringType, false)
        .add("basis", DataTypes.StringType, true)
        .add("value", DataTypes.IntegerType, false);
    delta.replaceSlice(table, spark.createDataFrame(List.of(RowFactory.create("d2", "no_repeat", 2)), wider),
        "day = 'd2'");
    delta.append(table, spark.createDataFrame(List.of(RowFactory.create("d3", 3, "x", 7L)),
        SCHEMA.add("note", DataTypes.StringType, true).add("n", DataTypes.LongType, true)));
    Dataset<Row> all = delta.read(table).orderBy("day");
    assertEquals(List.of("day", "value", "basis", "note", "n"), List.of(all.columns()),
        "new columns appended at the end, the old ones where they were");
    assertEquals(List.of(RowFactory.create("d1", 1, null, null, null), RowFactory.create("d2", 2, "no_repeat", null, null),
        RowFactory.create("d3", 3, null, "x", 7L)), all.collectAsList(),
        "values matched by column name; older rows read NULL in the new columns");
  }

  @Test
  void anUpsertIntoATableOfAnEarlierVersionAddsTheNewColumns(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.SILVER_CONTACTS;
    delta.upsert(table, rows(spark, RowFactory.create("d1", 1), RowFactory.create("d2", 2)),
        org.apache.spark.sql.functions.expr("t.day = s.day"));
    StructType wider = SCHEMA.add("queued_at", DataTypes.StringType, true);
    delta.upsert(table, spark.createDataFrame(List.of(RowFactory.create("d2", 20, "q")), wider),
        org.apache.spark.sql.functions.expr("t.day = s.day"));
    assertEquals(List.of(RowFactory.create("d1", 1, null), RowFactory.create("d2", 20, "q")),
        delta.read(table).orderBy("day").collectAsList(), "the matched row updated with the new column, the other NULL");
  }

  @Test
  void aColumnRequiredByAnEarlierVersionTakesNullsAfterOneRelaxation(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.SILVER_CONTACTS;
    assertEquals(List.of(), delta.relaxNotNull(table, SCHEMA), "no table: nothing to relax");
    // An earlier version's table with both columns NOT NULL, as DDL keeps them.
    spark.sql("CREATE TABLE delta.`" + delta.warehouse().path(table) + "` (day STRING NOT NULL, value INT NOT NULL)"
        + " USING delta");
    spark.sql("INSERT INTO delta.`" + delta.warehouse().path(table) + "` VALUES ('d1', 1)");
    StructType now = new StructType()
        .add("day", DataTypes.StringType, false)
        .add("value", DataTypes.IntegerType, true);
    assertEquals(List.of("value"), DeltaIo.columnsToRelax(delta.read(table).schema(), now));

    assertEquals(List.of("value"), delta.relaxNotNull(table, now), "value may now be NULL; day stays required");
    assertEquals(List.of(), delta.relaxNotNull(table, now), "once: the table now agrees");
    delta.upsert(table, spark.createDataFrame(List.of(RowFactory.create("d2", null)), now),
        org.apache.spark.sql.functions.expr("t.day = s.day"));
    assertEquals(List.of(RowFactory.create("d1", 1), RowFactory.create("d2", null)),
        delta.read(table).orderBy("day").collectAsList(), "the NULL is written, the old row kept");
    assertFalse(delta.read(table).schema().apply("day").nullable(), "nothing else relaxed");
  }

  @Test
  void aNewPartitionIsAppendedAndAWrittenOneReplacedWithTheSameRowsEitherWay(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.BRONZE_SURVEYS;
    assertFalse(delta.holdsNoFileOf(table, "day", List.of("d1")), "no table: not provably empty");
    assertFalse(delta.replacePartitions(table, rows(spark, RowFactory.create("d1", 1)), 1, "day = 'd1'", "day",
        List.of("d1")), "the first write creates the table");
    assertTrue(delta.holdsNoFileOf(table, "day", List.of("d2", "d3")), "only d1 has files");
    assertFalse(delta.holdsNoFileOf(table, "day", List.of("d1", "d2")));

    assertTrue(delta.replacePartitions(table, rows(spark, RowFactory.create("d2", 2), RowFactory.create("d2", 3)), 2,
        "day = 'd2'", "day", List.of("d2")), "a new day's rows are appended");
    assertFalse(delta.replacePartitions(table, rows(spark, RowFactory.create("d2", 20)), 1, "day = 'd2'", "day",
        List.of("d2")), "a written day is replaced");
    long version = delta.deltaTable(table).orElseThrow().history(1).first().<Long>getAs("version");
    assertFalse(delta.replacePartitions(table, rows(spark), 0, "day = 'd3'", "day", List.of("d3")),
        "no rows for a new day: nothing written");
    assertEquals(version, delta.deltaTable(table).orElseThrow().history(1).first().<Long>getAs("version"),
        "and no commit");
    delta.clearPartitions(table, "day = 'd4'", "day", List.of("d4"));
    delta.clearPartitions(table, "day = 'd1'", "day", List.of("d1"));
    assertEquals(List.of(RowFactory.create("d2", 20)), delta.read(table).collectAsList(),
        "d1 cleared, d2 replaced once, d3 and d4 never written");
    assertTrue(delta.holdsNoFileOf(table, "day", List.of("d1")), "the log knows d1 was emptied");
    assertTrue(delta.holdsNoFileOf(Table.BRONZE_SURVEYS, "day", List.of("d5")));
    assertFalse(delta.holdsNoFileOf(Table.BRONZE_SURVEYS, "other", List.of("d5")),
        "not partitioned by that column: not provably empty");
  }

  private static Dataset<Row> rows(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }
}
