package io.servicemetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

@ExtendWith(SharedSpark.class)
class DirectReadTest {
  private static final StructType SCHEMA = new StructType()
      .add("event_date", DataTypes.DateType, true)
      .add("id", DataTypes.StringType, true)
      .add("n", DataTypes.LongType, true)
      .add("at", DataTypes.TimestampType, true);
  private static final Timestamp AT = Timestamp.from(Instant.parse("2024-03-31T23:59:59.123456Z"));

  private static Row row(String day, String id, long n) {
    return RowFactory.create(day == null ? null : Date.valueOf(day), id, n, AT);
  }

  private static Dataset<Row> rows(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }

  @Test
  void aSmallTableReadsAsTheLatestVersionsFilesWithTheTablesColumnsAndTypes(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.SILVER_CONTACTS;
    delta.replaceSlice(table, rows(spark, row("2024-03-30", "a", 1), row("2024-03-31", "b", 2), row(null, "z", 9)),
        "true", "event_date");
    // A replaced partition (its old file removed in the log, still on disk) and a column added later.
    delta.replaceSlice(table, rows(spark, row("2024-03-31", "c", 3)), "event_date = DATE'2024-03-31'");
    delta.append(table, spark.createDataFrame(List.of(RowFactory.create(Date.valueOf("2024-04-01"), "d", 4L, AT, "x")),
        SCHEMA.add("note", DataTypes.StringType, true)));

    Dataset<Row> direct = delta.readLatest(table);

    assertEquals(ParquetFileFormat.class, fileFormat(direct), "read as plain Parquet, not by Delta's reader");
    assertEquals(List.of(delta.read(table).schema().fields()), List.of(direct.schema().fields()),
        "Delta's columns, in Delta's order, with Delta's types and nullability");
    assertEquals(sorted(delta.read(table)), sorted(direct), "the rows Delta reads");
    assertEquals(List.of("[2024-03-30,a,1,2024-03-31 23:59:59.123456,null]",
        "[2024-03-31,c,3,2024-03-31 23:59:59.123456,null]",
        "[2024-04-01,d,4,2024-03-31 23:59:59.123456,x]", "[null,z,9,2024-03-31 23:59:59.123456,null]"), sorted(direct),
        "the replaced row gone, the NULL partition read as NULL, the new column NULL in older files");
    assertEquals(List.of("[c]"), direct.where("event_date = DATE'2024-03-31'").select("id").collectAsList().stream()
        .map(Row::toString).toList(), "partition filters work on the directories' values");
  }

  @Test
  void theRowsAreThoseOfTheVersionAtTheCall(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.SILVER_SURVEYS;
    delta.replaceSlice(table, rows(spark, row("2024-03-30", "a", 1)), "true", "event_date");
    Dataset<Row> before = delta.readLatest(table);

    delta.replaceSlice(table, rows(spark, row("2024-03-30", "b", 2)), "event_date = DATE'2024-03-30'");

    assertEquals(List.of("a"), before.select("id").collectAsList().stream().map(r -> r.getString(0)).toList());
    assertEquals(List.of("b"), delta.readLatest(table).select("id").collectAsList().stream().map(r -> r.getString(0))
        .toList());
  }

  @Test
  void aTableWithMoreFilesThanSparkListsOnTheDriverIsReadByDelta(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.SILVER_MENTIONS;
    delta.replaceSlice(table, rows(spark, row("2024-03-30", "a", 1), row("2024-03-31", "b", 2)), "true", "event_date");
    withListingThreshold(spark, 1, () -> {
      Dataset<Row> rows = delta.readLatest(table);
      assertFalse(ParquetFileFormat.class.equals(fileFormat(rows)), "two files, one allowed: Delta's reader");
      assertEquals(sorted(delta.read(table)), sorted(rows));
    });
  }

  @Test
  void aSliceCountsOnlyItsPartitionsFiles(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.SILVER_CONTACTS;
    delta.replaceSlice(table, rows(spark, row("2024-03-29", "a", 1), row("2024-03-30", "b", 2),
        row("2024-03-31", "c", 3), row(null, "z", 9)), "true", "event_date");
    java.time.LocalDate from = java.time.LocalDate.of(2024, 3, 30);
    java.time.LocalDate to = java.time.LocalDate.of(2024, 3, 31);
    withListingThreshold(spark, 2, () -> {
      Dataset<Row> slice = delta.readLatest(table, "event_date", from, to);
      assertEquals(ParquetFileFormat.class, fileFormat(slice), "two of the four files: read directly");
      assertEquals(sorted(delta.read(table).where("event_date BETWEEN DATE'2024-03-30' AND DATE'2024-03-31'")),
          sorted(slice), "Delta's rows of the slice, NULL's partition not among them");
      assertEquals(2, slice.count());
      assertFalse(ParquetFileFormat.class.equals(fileFormat(delta.readLatest(Table.SILVER_CONTACTS))),
          "the whole table, four files: Delta's reader");
    });
  }

  @Test
  void aMissingTableIsAnErrorOrEmpty(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    assertThrows(ServiceMetricsException.class, () -> delta.readLatest(Table.SILVER_CONTACTS));
    Dataset<Row> empty = delta.readLatestOrEmpty(Table.SILVER_CONTACTS, SCHEMA);
    assertEquals(SCHEMA, empty.schema());
    assertTrue(empty.isEmpty());
  }

  @Test
  void aFileCountsAsInItsPartitionOnlyInTheDirectoriesItsValuesName() {
    String root = "file:/w/silver/contacts";
    assertTrue(DirectRead.inPartitionDirectories(root, root + "/event_date=2024-03-31/part-0.parquet",
        List.of("event_date"), Map.of("event_date", "2024-03-31")));
    assertTrue(DirectRead.inPartitionDirectories(root, root + "/queue=a%2Fb/part-0.parquet",
        List.of("queue"), Map.of("queue", "a/b")), "escaped as Spark escapes a path");
    assertTrue(DirectRead.inPartitionDirectories(root, root + "/queue=__HIVE_DEFAULT_PARTITION__/part-0.parquet",
        List.of("queue"), Map.of("queue", "")), "Delta's empty value for NULL");
    assertFalse(DirectRead.inPartitionDirectories(root, root + "/event_date=2024-03-30/part-0.parquet",
        List.of("event_date"), Map.of("event_date", "2024-03-31")), "another value's directory");
    assertFalse(DirectRead.inPartitionDirectories(root, root + "/ab/part-0.parquet", List.of("event_date"),
        Map.of("event_date", "2024-03-31")), "not Hive-style");
    assertFalse(DirectRead.inPartitionDirectories(root, root + "/event_date=2024-03-31/x/part-0.parquet",
        List.of("event_date"), Map.of("event_date", "2024-03-31")), "deeper than its partition");
    assertTrue(DirectRead.inPartitionDirectories(root, root + "/part-0.parquet", List.of(), Map.of()));
  }

  /** Runs {@code body} with Spark's listing threshold (a direct read's file limit) at {@code files}. */
  private static void withListingThreshold(SparkSession spark, int files, Runnable body) {
    String before = spark.conf().get(DirectRead.LISTING_THRESHOLD, null);
    spark.conf().set(DirectRead.LISTING_THRESHOLD, Integer.toString(files));
    try {
      body.run();
    } finally {
      if (before == null) {
        spark.conf().unset(DirectRead.LISTING_THRESHOLD);
      } else {
        spark.conf().set(DirectRead.LISTING_THRESHOLD, before);
      }
    }
  }

  private static Class<?> fileFormat(Dataset<Row> rows) {
    List<LogicalPlan> leaves = CollectionConverters.asJava(rows.queryExecution().analyzed().collectLeaves());
    LogicalRelation relation = (LogicalRelation) leaves.get(0);
    return ((HadoopFsRelation) relation.relation()).fileFormat().getClass();
  }

  private static List<String> sorted(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
