package io.servicemetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class LineageCutTest {

  @Test
  void aLocalMasterCutsWithLocalCheckpointsAndWritesNoFiles(SparkSession spark, @TempDir Path warehouse) {
    try (LineageCut cut = LineageCut.forRun(spark.sparkContext(), warehouse.toString(), "run-1")) {
      Dataset<Row> cutRows = cut.apply(doubled(spark));

      assertEquals(List.of(0L, 2L, 4L), values(cutRows));
      assertTrue(cutRows.queryExecution().logical().toString().contains("LogicalRDD"), "lineage replaced by blocks");
      assertTrue(spark.sparkContext().getCheckpointDir().isEmpty(), "no checkpoint directory set");
    }
    assertFalse(Files.exists(warehouse.resolve(LineageCut.CHECKPOINTS_FOLDER)));
  }

  @Test
  void onAClusterTheRunCheckpointsToFilesUnderTheWarehouseAndDeletesThemAtTheEnd(
      SparkSession spark, @TempDir Path warehouse) throws IOException {
    SparkContext context = spark.sparkContext();
    Path runFolder = warehouse.resolve(LineageCut.CHECKPOINTS_FOLDER).resolve("run-2");
    List<Long> cutValues;
    try (LineageCut cut = LineageCut.toFiles(context, new org.apache.hadoop.fs.Path(runFolder.toUri()))) {
      Dataset<Row> cutRows = cut.apply(doubled(spark));
      cutValues = values(cutRows);

      assertTrue(context.getCheckpointDir().get().contains(runFolder.toString()), context.getCheckpointDir().get());
      try (Stream<Path> files = Files.walk(runFolder)) {
        assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("part-")),
            "checkpoint files were written under " + runFolder);
      }
    }
    assertEquals(List.of(0L, 2L, 4L), cutValues);
    assertFalse(Files.exists(runFolder), "the run's checkpoint files are deleted");
    assertTrue(context.getCheckpointDir().isEmpty(), "the checkpoint directory this run set is unset again");
  }

  @Test
  void anApplicationsOwnCheckpointDirectoryIsUsedAndKept(SparkSession spark, @TempDir Path scratch) {
    SparkContext context = spark.sparkContext();
    context.setCheckpointDir(scratch.resolve("notebook-checkpoints").toString());
    try {
      String own = context.getCheckpointDir().get();
      Path runFolder = scratch.resolve("warehouse").resolve(LineageCut.CHECKPOINTS_FOLDER).resolve("run-3");
      try (LineageCut cut = LineageCut.toFiles(context, new org.apache.hadoop.fs.Path(runFolder.toUri()))) {
        assertEquals(List.of(0L, 2L, 4L), values(cut.apply(doubled(spark))));
      }
      assertEquals(own, context.getCheckpointDir().get(), "the application's directory stays set");
      assertTrue(Files.exists(Path.of(java.net.URI.create(own))), "and is not deleted");
      assertFalse(Files.exists(runFolder), "no run folder was made");
    } finally {
      context.setCheckpointDir(null);
    }
  }

  private static Dataset<Row> doubled(SparkSession spark) {
    return spark.range(3).selectExpr("id * 2 AS v");
  }

  private static List<Long> values(Dataset<Row> rows) {
    return rows.orderBy("v").collectAsList().stream().map(r -> r.getLong(0)).toList();
  }
}
