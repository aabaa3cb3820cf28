package io.servicemetrics.spark;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a job cuts the lineage of an iterated intermediate table (the chain assignment's pointer
 * tables, docs/DECISIONS.md "Chains").
 *
 * <p>On a local master every block lives in this JVM, so a local checkpoint (cached blocks, no
 * files) is safe and cheapest. On a cluster, local-checkpoint blocks live on the executors: one lost
 * mid-run (a preempted node, a container killed for memory) takes them along, Spark cannot
 * recompute what was cut, and the run fails. There the tables are checkpointed to files instead,
 * which any executor can read back: under the application's checkpoint directory when one is set
 * (e.g. by a notebook), otherwise under a folder of this run that {@link #close()} deletes.
 */
public final class LineageCut implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LineageCut.class);
  /** Folder under the warehouse root that holds each cluster run's checkpoint files while it runs. */
  public static final String CHECKPOINTS_FOLDER = "_checkpoints";

  private final SparkContext context;
  private final boolean toFiles;
  private final Path ownFolder;

  private LineageCut(SparkContext context, boolean toFiles, Path ownFolder) {
    this.context = context;
    this.toFiles = toFiles;
    this.ownFolder = ownFolder;
  }

  /**
   * The cut for a run: local checkpoints on a local master, files on a cluster.
   *
   * @param warehouseRoot where {@value #CHECKPOINTS_FOLDER}/{@code runId} goes when the application
   *     has no checkpoint directory; executors reach it, as they reach the tables
   */
  public static LineageCut forRun(SparkContext context, String warehouseRoot, String runId) {
    return context.isLocal() ? inMemory(context) : toFiles(context, new Path(new Path(warehouseRoot, CHECKPOINTS_FOLDER), runId));
  }

  /** Local checkpoints: blocks cached where they were computed. */
  static LineageCut inMemory(SparkContext context) {
    return new LineageCut(context, false, null);
  }

  /** Checkpoint files, under the application's checkpoint directory or else under {@code runFolder}. */
  static LineageCut toFiles(SparkContext context, Path runFolder) {
    if (context.getCheckpointDir().isDefined()) {
      return new LineageCut(context, true, null);
    }
    context.setCheckpointDir(runFolder.toString());
    return new LineageCut(context, true, runFolder);
  }

  /** Computes {@code rows} now and returns them without their lineage. */
  public Dataset<Row> apply(Dataset<Row> rows) {
    return toFiles ? rows.checkpoint(true) : rows.localCheckpoint(true);
  }

  /**
   * Deletes this run's checkpoint folder, if it made one, and unsets the checkpoint directory it
   * set. Call it once nothing cached still depends on the checkpointed tables. Never throws: a
   * failure to delete is logged, as the run's outputs are already written.
   */
  @Override
  public void close() {
    if (ownFolder == null) {
      return;
    }
    context.setCheckpointDir(null);
    try {
      FileSystem fs = ownFolder.getFileSystem(context.hadoopConfiguration());
      if (fs.exists(ownFolder) && !fs.delete(ownFolder, true)) {
        LOG.warn("Could not delete the run's checkpoint files under {}; they are safe to delete by hand", ownFolder);
      }
    } catch (IOException e) {
      // The run's outputs are written by now; leftover scratch files must not turn it into a failure.
      LOG.warn("Could not delete the run's checkpoint files under {} ({}); they are safe to delete by hand",
          ownFolder, e.toString());
    }
  }
}
