package io.servicemetrics.metrics;

import io.servicemetrics.meta.RunLog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the metrics job's stages in turn and owns what each would otherwise repeat: the Spark job
 * group its queries are listed under ({@code metrics:<stage>}), its run-log row (succeeded with its
 * counts, or failed with the error), and the frames stages cache, released when the run closes. All
 * rows go to meta/run_log in one commit, when the run ends either way.
 */
final class StageRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);
  /** The run-log stage of a failure outside any stage. */
  private static final String BEFORE_ANY_STAGE = "start";

  private final SparkSession spark;
  private final String command;
  private final LocalDate runDate;
  private final RunLog runLog;
  private final RunLog.Batch rows;
  private final List<Dataset<Row>> cached = new ArrayList<>();

  StageRunner(SparkSession spark, String command, LocalDate runDate, RunLog runLog) {
    this.spark = spark;
    this.command = command;
    this.runDate = runDate;
    this.runLog = runLog;
    this.rows = runLog.batch();
  }

  /**
   * Runs the stages in order, then commits their run-log rows. A stage that throws gets a failed
   * row (committed with those before it) and the error is rethrown: the later stages do not run.
   */
  void runAll(List<MetricsStage> stages) {
    MetricsStage current = null;
    Instant started = runLog.now();
    try {
      for (MetricsStage stage : stages) {
        current = stage;
        started = runLog.now();
        spark.sparkContext().setJobGroup(command + ":" + stage.name(),
            stage.description() + " (" + runDate + ")", false);
        LOG.info("Stage {}: {}", stage.name(), stage.description());
        MetricsStage.Counts c = stage.run(this);
        rows.succeeded(stage.name(), stage.table(), runDate, started, c.read(), c.accepted(), c.quarantined(),
            c.written(), c.reasons());
      }
      rows.append();
    } catch (RuntimeException e) {
      rows.failed(current == null ? BEFORE_ANY_STAGE : current.name(), current == null ? null : current.table(),
          runDate, started, String.valueOf(e.getMessage()));
      try {
        rows.append();
      } catch (RuntimeException logFailure) {
        e.addSuppressed(logFailure);
      }
      throw e;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /**
   * Marks {@code rows} for caching until the run closes; the first query that reads them fills the
   * cache.
   */
  Dataset<Row> persist(Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  /** Releases every frame the stages cached. */
  @Override
  public void close() {
    cached.forEach(Dataset::unpersist);
    cached.clear();
  }
}
