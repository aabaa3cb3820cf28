package io.servicemetrics.notebook;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a notebook's SQL cells in order on one SparkSession, with parameters bound as named
 * parameter markers. The first failing cell stops the run; its error becomes the cell's output.
 */
public final class NotebookRunner {
  private static final Logger LOG = LoggerFactory.getLogger(NotebookRunner.class);
  /** Rows shown per cell unless told otherwise. */
  public static final int DEFAULT_MAX_ROWS = 50;
  /**
   * Spark 4.1 binds parameters in a pre-parser that an injected parser (Delta's DeltaSqlParser)
   * bypasses, so markers arrive unbound (UNBOUND_SQL_PARAMETER; delta-io/delta#7640,
   * apache/spark SPARK-59672). The legacy mode binds them during analysis instead, where every
   * parser's output is covered. Set for the run only, then restored.
   */
  static final String ANALYSIS_TIME_BINDING = "spark.sql.legacy.parameterSubstitution.constantsOnly";

  private NotebookRunner() {}

  /**
   * Runs the notebook. Parameter errors (unknown names, bad values) throw before any cell runs;
   * a failing SQL statement does not throw but is reported in {@link ExecutedNotebook#failedCell()}.
   *
   * @param overrides raw {@code --param} values by name
   * @param maxRows rows kept per cell output (at least 1)
   */
  public static ExecutedNotebook run(
      SparkSession spark, Notebook notebook, Map<String, String> overrides, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
    }
    Cell parametersCell = notebook.parametersCell();
    Map<String, Object> defaults =
        parametersCell == null ? Map.of() : NotebookParameters.parseDefaults(parametersCell.source());
    Map<String, Object> parameters = NotebookParameters.resolve(defaults, overrides);

    String previousBinding = spark.conf().get(ANALYSIS_TIME_BINDING, null);
    spark.conf().set(ANALYSIS_TIME_BINDING, "true");
    try {
      return runCells(spark, notebook, parameters, overrides, maxRows);
    } finally {
      if (previousBinding == null) {
        spark.conf().unset(ANALYSIS_TIME_BINDING);
      } else {
        spark.conf().set(ANALYSIS_TIME_BINDING, previousBinding);
      }
    }
  }

  private static ExecutedNotebook runCells(
      SparkSession spark, Notebook notebook, Map<String, Object> parameters,
      Map<String, String> overrides, int maxRows) {
    List<ExecutedNotebook.CellRun> runs = new ArrayList<>();
    Integer failedCell = null;
    int executionCount = 0;
    List<Cell> cells = notebook.cells();
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      if (cell.type() != CellType.CODE || failedCell != null) {
        runs.add(new ExecutedNotebook.CellRun(cell, null, null));
        continue;
      }
      executionCount++;
      if (cell.isParameters()) {
        runs.add(new ExecutedNotebook.CellRun(cell, executionCount, describe(parameters, overrides)));
        continue;
      }
      int position = i + 1;
      spark.sparkContext().setJobGroup(
          "notebook-" + notebook.name() + "-cell-" + position,
          "notebook " + notebook.name() + " cell " + position, false);
      CellOutput output;
      try {
        output = runCell(spark, cell.source(), parameters, maxRows);
        LOG.info("Cell {} of {} done{}", position, notebook.name(),
            output instanceof CellOutput.Table t ? ": " + t.rowCount() + " rows" : "");
      } catch (Exception e) {
        // Recorded as the cell's error output and reported by the caller; the run stops here.
        output = CellOutput.Error.of(e);
        failedCell = position;
        LOG.debug("Cell {} of {} failed", position, notebook.name(), e);
      } finally {
        spark.sparkContext().clearJobGroup();
      }
      runs.add(new ExecutedNotebook.CellRun(cell, executionCount, output));
    }
    return new ExecutedNotebook(notebook, parameters, runs, failedCell);
  }

  /** Runs each statement of a cell; the last one's result is the output (null when none). */
  static CellOutput runCell(SparkSession spark, String source, Map<String, Object> parameters, int maxRows) {
    List<String> statements = SqlText.statements(source);
    Dataset<Row> last = null;
    for (String statement : statements) {
      Map<String, Object> args = NotebookParameters.argsFor(statement, parameters);
      // Commands (CREATE VIEW, SET, ...) run eagerly here; queries are analysed, and only the
      // last one is executed to show its rows.
      last = args.isEmpty() ? spark.sql(statement) : spark.sql(statement, args);
    }
    return last == null ? null : table(last, maxRows);
  }

  /** The first {@code maxRows} rows as strings, and the total row count. */
  static CellOutput table(Dataset<Row> result, int maxRows) {
    String[] names = result.columns();
    if (names.length == 0) {
      return new CellOutput.Message("OK (the statement returns no rows).");
    }
    // Positional renaming first: a result may repeat a column name (a.id, b.id).
    String[] positional = new String[names.length];
    Column[] asText = new Column[names.length];
    for (int c = 0; c < names.length; c++) {
      positional[c] = "c" + c;
      asText[c] = col(positional[c]).cast("string").as(positional[c]);
    }
    // Bounded: at most maxRows + 1 rows reach the driver; the extra row detects truncation.
    List<Row> rows = result.toDF(positional).select(asText).limit(maxRows + 1).collectAsList();
    boolean truncated = rows.size() > maxRows;
    long rowCount = truncated ? result.count() : rows.size();
    List<List<String>> shown = new ArrayList<>();
    for (Row row : rows.subList(0, Math.min(rows.size(), maxRows))) {
      List<String> values = new ArrayList<>(names.length);
      for (int c = 0; c < names.length; c++) {
        values.add(row.isNullAt(c) ? null : row.getString(c));
      }
      shown.add(values);
    }
    return new CellOutput.Table(List.of(names), shown, rowCount, truncated);
  }

  private static CellOutput describe(Map<String, Object> parameters, Map<String, String> overrides) {
    if (parameters.isEmpty()) {
      return new CellOutput.Message("No parameters declared.");
    }
    StringBuilder sb = new StringBuilder("Parameters:\n");
    parameters.forEach((name, value) -> sb.append(name).append(" = ").append(SqlLiteral.format(value))
        .append(overrides.containsKey(name) ? "  (--param)" : "  (default)").append('\n'));
    return new CellOutput.Message(sb.toString());
  }
}
