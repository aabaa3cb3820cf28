package io.servicemetrics.notebook;

import java.util.List;
import java.util.Map;

/**
 * A notebook after a run: every cell with its execution count and output.
 *
 * @param parameters the effective parameter values, in declaration order
 * @param runs one entry per notebook cell, in order
 * @param failedCell the 1-based position of the failed cell in the notebook, or null when every
 *     cell succeeded
 */
public record ExecutedNotebook(
    Notebook notebook, Map<String, Object> parameters, List<CellRun> runs, Integer failedCell) {

  /**
   * @param executionCount 1, 2, ... over executed code cells; null for markdown/raw cells and for
   *     code cells after a failure
   * @param output null when the cell produced nothing (markdown, comment-only, or not run)
   */
  public record CellRun(Cell cell, Integer executionCount, CellOutput output) {}

  public ExecutedNotebook {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    runs = List.copyOf(runs);
  }

  public boolean succeeded() {
    return failedCell == null;
  }

  /** The error of the failed cell, or null. */
  public CellOutput.Error failure() {
    return failedCell == null ? null : (CellOutput.Error) runs.get(failedCell - 1).output();
  }
}
