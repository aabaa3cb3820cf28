package io.servicemetrics.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.testing.SharedSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class DateFilesTest {
  @Test
  void everyDateLandsInOneTaskAndTasksAreCappedPerCore(SparkSession spark) {
    // 3 rows on each of 20 dates.
    List<Row> rows = new ArrayList<>();
    LocalDate first = LocalDate.parse("2026-03-01");
    for (int d = 0; d < 20; d++) {
      for (int i = 0; i < 3; i++) {
        rows.add(RowFactory.create(Date.valueOf(first.plusDays(d)), i));
      }
    }
    Dataset<Row> data = spark.createDataFrame(rows,
        new StructType().add("day", DataTypes.DateType).add("i", DataTypes.IntegerType));
    int cores = spark.sparkContext().defaultParallelism();

    Dataset<Row> spread = DateFiles.onePerDate(data, "day", first, first.plusDays(19));
    assertEquals(Math.min(20, DateFiles.TASKS_PER_CORE * cores), spread.rdd().getNumPartitions(), "4 tasks per core, at most one per date");
    long tasksPerDate = spread.withColumn("task", spark_partition_id()).groupBy("day")
        .agg(countDistinct(col("task")).as("tasks")).filter(col("tasks").gt(1)).count();
    assertEquals(0, tasksPerDate, "no date split over two tasks (two files)");
    assertEquals(60, spread.count(), "no row lost");

    assertEquals(2, DateFiles.onePerDate(data, "day", first, first.plusDays(1)).rdd().getNumPartitions(),
        "two dates, two tasks");
    assertEquals(1, DateFiles.onePerDate(data, "day", first, first).rdd().getNumPartitions(), "one date, one task");
  }
}
