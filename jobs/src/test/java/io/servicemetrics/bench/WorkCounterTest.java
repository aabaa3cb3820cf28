package io.servicemetrics.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class WorkCounterTest {

  @Test
  void countsEachQuerySparkRunsAndEachDeltaVersionWritten(SparkSession spark, @TempDir Path warehouse) {
    WorkCounter.attach(spark.sparkContext());
    WorkCounter.attach(spark.sparkContext());
    long before = WorkCounter.sqlExecutions(spark.sparkContext());

    spark.range(10).count();
    spark.range(5).collectAsList();

    assertEquals(2, WorkCounter.sqlExecutions(spark.sparkContext()) - before, "one listener, two queries");

    assertEquals(0, WorkCounter.deltaCommits(warehouse.resolve("absent")));
    spark.range(3).write().format("delta").save(warehouse.resolve("gold/a").toString());
    spark.range(3).write().format("delta").mode(SaveMode.Append).save(warehouse.resolve("gold/a").toString());
    spark.range(3).write().format("delta").save(warehouse.resolve("silver/b").toString());
    assertEquals(3, WorkCounter.deltaCommits(warehouse), "versions 0 and 1 of a, version 0 of b");
  }
}
