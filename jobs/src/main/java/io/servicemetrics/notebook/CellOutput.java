package io.servicemetrics.notebook;

import java.util.ArrayList;
import java.util.List;

/** What running one code cell produced. */
public sealed interface CellOutput {

  /**
   * The first rows of the cell's last statement, all values rendered as strings by Spark's own
   * cast (null stays null).
   *
   * @param rowCount the total number of rows of the result
   * @param truncated whether {@code rows} holds fewer rows than {@code rowCount}
   */
  record Table(List<String> columns, List<List<String>> rows, long rowCount, boolean truncated)
      implements CellOutput {
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /** One line saying how many rows there are and how many are shown. */
    public String summary() {
      if (truncated) {
        return "Showing the first " + rows.size() + " of " + rowCount + " rows (truncated).";
      }
      return rowCount + (rowCount == 1 ? " row." : " rows.");
    }
  }

  /** A text message: the effective parameters, or a statement that returns no result set. */
  record Message(String text) implements CellOutput {}

  /**
   * A failed cell, in nbformat's terms.
   *
   * @param ename the exception class
   * @param evalue the error message (Spark's, with its error class)
   * @param traceback the message and its causes, one entry per line
   */
  record Error(String ename, String evalue, List<String> traceback) implements CellOutput {
    public Error {
      traceback = List.copyOf(traceback);
    }

    /**
     * The error of an exception: evalue is Spark's message without the query plan an analysis
     * error appends (the plan stays in the traceback).
     */
    static Error of(Throwable e) {
      List<String> traceback = new ArrayList<>();
      traceback.addAll(List.of((e.getClass().getName() + ": " + e.getMessage()).split("\n")));
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        traceback.add("Caused by: " + c.getClass().getName() + ": " + c.getMessage());
      }
      String evalue = e instanceof org.apache.spark.sql.AnalysisException a
          ? a.getSimpleMessage()
          : String.valueOf(e.getMessage());
      return new Error(e.getClass().getSimpleName(), evalue, traceback);
    }
  }
}
