package io.servicemetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What a commit records (rows written, a note) and the partition replace that appends when it can. */
@ExtendWith(SharedSpark.class)
class DeltaIoCommitsTest {
  private static final StructType SCHEMA = new StructType()
      .add("period_end", DataTypes.DateType, false)
      .add("value", DataTypes.IntegerType, false);
  private static final LocalDate D1 = LocalDate.of(2024, 3, 30);
  private static final LocalDate D2 = LocalDate.of(2024, 3, 31);

  @Test
  void replacingAPartitionAppendsANewOneAndReplacesAnExistingOne(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.GOLD_AGENT_METRICS;

    delta.replacePartition(table, rows(spark, D1, 1, 2), "period_end", D1);
    assertFalse(delta.partitionIsEmpty(table, "period_end", D1), "D1 written");
    assertTrue(delta.partitionIsEmpty(table, "period_end", D2), "D2 not yet");
    assertTrue(delta.partitionsEmpty(table, "period_end", D1.minusDays(5), D1.minusDays(1)), "nothing before D1");
    assertFalse(delta.partitionsEmpty(table, "period_end", D1.minusDays(5), null), "D1 is after the range's start");
    assertFalse(delta.partitionsEmpty(table, "period_end", null, null), "the table has files");
    assertFalse(delta.partitionsEmpty(table, "value", null, null), "not partitioned by value: not known empty");
    delta.replacePartition(table, rows(spark, D2, 3), "period_end", D2);
    assertEquals("WRITE", delta.lastCommit(table).orElseThrow().operation(), "a new period_end is appended (a WRITE too)");
    delta.replacePartition(table, rows(spark, D2, 4, 5), "period_end", D2);

    List<Row> all = delta.read(table).orderBy("period_end", "value").collectAsList();
    assertEquals(List.of(row(D1, 1), row(D1, 2), row(D2, 4), row(D2, 5)), all,
        "D1 kept; D2 appended once, then replaced, not appended again");
    assertEquals(OptionalLong.of(2), delta.lastCommit(table).orElseThrow().outputRows(), "rows the replace wrote");
  }

  @Test
  void theLatestCommitCarriesItsRowCountAndNote(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Table table = Table.META_METRIC_DEFINITIONS;
    assertEquals(Optional.empty(), delta.lastCommit(table), "no table, no commit");

    delta.replaceSliceNoting(table, rows(spark, D1, 1, 2, 3), "true", "catalogue v1");
    DeltaIo.Commit first = delta.lastCommit(table).orElseThrow();
    assertEquals(0L, first.version(), "the creating commit");
    assertEquals(OptionalLong.of(3), first.outputRows(), "three rows written");
    assertEquals(Optional.of("catalogue v1"), first.note(), "the note");

    delta.replaceSlice(table, rows(spark, D1, 7), "true");
    DeltaIo.Commit second = delta.lastCommit(table).orElseThrow();
    assertEquals(1L, second.version(), "the next commit");
    assertEquals(OptionalLong.of(1), second.outputRows(), "one row written");
    assertEquals(Optional.empty(), second.note(), "a write without a note has none");
  }

  private static Row row(LocalDate day, int value) {
    return RowFactory.create(Date.valueOf(day), value);
  }

  private static Dataset<Row> rows(SparkSession spark, LocalDate day, int... values) {
    return spark.createDataFrame(java.util.Arrays.stream(values).mapToObj(v -> row(day, v)).toList(), SCHEMA);
  }
}
