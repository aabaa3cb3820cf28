package io.servicemetrics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.schema.RunLogSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class StageRunnerTest {
  private static final LocalDate DAY = LocalDate.parse("2026-03-05");

  /** A stage that records that it ran, in which job group, and returns or throws what it is given. */
  private static final class Probe extends MetricsStage {
    private final Counts counts;
    private final RuntimeException failure;
    private final List<String> ran;
    private final SparkSession spark;

    Probe(String name, Counts counts, RuntimeException failure, List<String> ran, SparkSession spark) {
      super(name, "gold_" + name, "probe " + name);
      this.counts = counts;
      this.failure = failure;
      this.ran = ran;
      this.spark = spark;
    }

    @Override
    Counts run(StageRunner runner) {
      ran.add(name() + " in " + spark.sparkContext().getLocalProperty("spark.jobGroup.id"));
      if (failure != null) {
        throw failure;
      }
      return counts;
    }
  }

  @Test
  void aFailingStageGetsAFailedRowAfterTheRowsBeforeItAndStopsTheRest(SparkSession spark, @TempDir Path root) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(root.toString()));
    RunLog runLog = new RunLog(delta, "metrics", "run-1", Clock.systemUTC());
    List<String> ran = new ArrayList<>();
    IllegalStateException boom = new IllegalStateException("the daily table is locked");
    try (StageRunner runner = new StageRunner(spark, "metrics", DAY, runLog)) {
      RuntimeException thrown = assertThrows(RuntimeException.class, () -> runner.runAll(List.of(
          new Probe("chains", new MetricsStage.Counts(10L, 9L, 1L, 4L, "chain_cycle=1"), null, ran, spark),
          new Probe("daily", null, boom, ran, spark),
          new Probe("never", MetricsStage.Counts.NONE, null, ran, spark))));
      assertSame(boom, thrown, "the stage's own error, rethrown");
    }
    assertEquals(List.of("chains in metrics:chains", "daily in metrics:daily"), ran, "in order, each in its job group");
    assertEquals(null, spark.sparkContext().getLocalProperty("spark.jobGroup.id"), "the group is cleared");

    List<Row> rows = delta.read(Table.META_RUN_LOG).orderBy(RunLogSchema.STAGE).collectAsList();
    assertEquals(2, rows.size(), "one row per stage that ran");
    Row chains = rows.get(0);
    assertEquals("chains", chains.getAs(RunLogSchema.STAGE));
    assertEquals(RunLogSchema.STATUS_SUCCEEDED, chains.getAs(RunLogSchema.STATUS));
    assertEquals("gold_chains", chains.getAs(RunLogSchema.SOURCE));
    assertEquals(10L, (long) chains.getAs(RunLogSchema.READ));
    assertEquals(4L, (long) chains.getAs(RunLogSchema.WRITTEN));
    assertEquals("chain_cycle=1", chains.getAs(RunLogSchema.QUARANTINE_REASONS));
    Row daily = rows.get(1);
    assertEquals(RunLogSchema.STATUS_FAILED, daily.getAs(RunLogSchema.STATUS));
    assertEquals("gold_daily", daily.getAs(RunLogSchema.SOURCE));
    assertTrue(((String) daily.getAs(RunLogSchema.MESSAGE)).contains("the daily table is locked"),
        (String) daily.getAs(RunLogSchema.MESSAGE));
    assertEquals(0L, delta.lastCommit(Table.META_RUN_LOG).orElseThrow().version(),
        "both rows in one commit, the run log's first");
  }

  @Test
  void closingReleasesEveryCachedFrame(SparkSession spark, @TempDir Path root) {
    RunLog runLog = new RunLog(new DeltaIo(spark, new Warehouse(root.toString())), "metrics", "run-2", Clock.systemUTC());
    Dataset<Row> cached;
    try (StageRunner runner = new StageRunner(spark, "metrics", DAY, runLog)) {
      cached = runner.persist(spark.range(3).toDF());
      assertTrue(cached.storageLevel().useMemory(), "cached while the run lasts");
    }
    assertFalse(cached.storageLevel().useMemory(), "released when it closes");
  }
}
