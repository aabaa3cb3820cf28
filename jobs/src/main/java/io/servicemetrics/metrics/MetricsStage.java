package io.servicemetrics.metrics;

/**
 * One stage of the metrics job: the table (or tables) it writes and the run-log row that says so.
 * {@link StageRunner} runs it under its own Spark job group and records its row; the stage only
 * computes and writes.
 */
interface MetricsStage {
  /** meta/run_log's {@code stage}, e.g. {@code contact_chains}. */
  String name();

  /** meta/run_log's {@code table_name}: the view name of what the stage writes. */
  String table();

  /** What the Spark UI lists the stage's jobs under. */
  String description();

  /** Computes and writes the stage's table(s); returns what its run-log row records. */
  Counts run(StageRunner runner);

  /** The counts of a stage's run-log row; NULL where the stage has no such count. */
  record Counts(Long read, Long accepted, Long quarantined, Long written, String reasons) {
    static Counts written(long rows) {
      return new Counts(null, null, null, rows, null);
    }

    static final Counts NONE = new Counts(null, null, null, null, null);
  }
}
