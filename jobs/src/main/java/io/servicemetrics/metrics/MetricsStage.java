package io.servicemetrics.metrics;

/**
 * One stage of the metrics job: the table (or tables) it writes and the run-log row that says so.
 * {@link StageRunner} runs it under its own Spark job group and records its row; the stage only
 * computes and writes.
 */
abstract class MetricsStage {
  private final String name;
  private final String table;
  private final String description;

  /**
   * @param name meta/run_log's {@code stage}, e.g. {@code contact_chains}
   * @param table meta/run_log's {@code table_name}: the view name of what the stage writes
   * @param description what the Spark UI lists the stage's jobs under
   */
  MetricsStage(String name, String table, String description) {
    this.name = name;
    this.table = table;
    this.description = description;
  }

  final String name() {
    return name;
  }

  final String table() {
    return table;
  }

  final String description() {
    return description;
  }

  /** Computes and writes the stage's table(s); returns what its run-log row records. */
  abstract Counts run(StageRunner runner);

  /** The counts of a stage's run-log row; NULL where the stage has no such count. */
  record Counts(Long read, Long accepted, Long quarantined, Long written, String reasons) {
    static Counts written(long rows) {
      return new Counts(null, null, null, rows, null);
    }

    static final Counts NONE = new Counts(null, null, null, null, null);
  }
}
