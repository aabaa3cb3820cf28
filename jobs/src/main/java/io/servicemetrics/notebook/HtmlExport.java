package io.servicemetrics.notebook;

/**
 * A self-contained HTML page of an executed notebook: inline CSS, markdown rendered by
 * {@link MarkdownHtml}, SQL and every output escaped. No scripts, no external resources.
 */
public final class HtmlExport {
  private static final String CSS = """
      body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto;
             max-width: 72em; padding: 0 1em; color: #1f2328; line-height: 1.45; }
      .meta { color: #57606a; font-size: 0.9em; }
      .cell { margin: 1em 0; }
      .prompt { color: #57606a; font-family: monospace; font-size: 0.85em; }
      pre { background: #f6f8fa; padding: 0.6em 0.8em; overflow-x: auto; border-radius: 4px; }
      pre.source { border-left: 3px solid #0969da; }
      pre.error { background: #fff0f0; border-left: 3px solid #cf222e; color: #82071e; }
      pre.stream { background: #fafafa; }
      table.dataframe { border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0; }
      table.dataframe th, table.dataframe td { border: 1px solid #d0d7de; padding: 0.25em 0.6em;
             text-align: left; vertical-align: top; }
      table.dataframe th { background: #f6f8fa; }
      td.null { color: #8c959f; font-style: italic; }
      .rowcount { color: #57606a; font-size: 0.85em; margin: 0.2em 0 0; }
      .notrun { color: #8c959f; font-style: italic; }
      """;

  private HtmlExport() {}

  public static String toHtml(ExecutedNotebook executed) {
    String name = executed.notebook().name();
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(name)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<p class=\"meta\">Notebook <strong>").append(Html.escape(name)).append("</strong>");
    if (!executed.parameters().isEmpty()) {
      sb.append(" &middot; parameters: ");
      StringBuilder params = new StringBuilder();
      executed.parameters().forEach((k, v) ->
          params.append(params.length() == 0 ? "" : ", ").append(k).append(" = ").append(SqlLiteral.format(v)));
      sb.append("<code>").append(Html.escape(params.toString())).append("</code>");
    }
    sb.append(" &middot; ").append(executed.succeeded()
        ? "all cells succeeded"
        : "<strong>failed at cell " + executed.failedCell() + "</strong>").append("</p>\n");
    for (ExecutedNotebook.CellRun run : executed.runs()) {
      Cell cell = run.cell();
      switch (cell.type()) {
        case MARKDOWN -> sb.append("<div class=\"cell markdown\">\n")
            .append(MarkdownHtml.render(cell.source())).append("</div>\n");
        case RAW -> sb.append("<div class=\"cell raw\"><pre>").append(Html.escape(cell.source()))
            .append("</pre></div>\n");
        case CODE -> appendCode(sb, run);
      }
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void appendCode(StringBuilder sb, ExecutedNotebook.CellRun run) {
    sb.append("<div class=\"cell code\">\n<div class=\"prompt\">In [")
        .append(run.executionCount() == null ? " " : run.executionCount()).append("]:</div>\n")
        .append("<pre class=\"source\">").append(Html.escape(run.cell().source().strip())).append("</pre>\n");
    CellOutput output = run.output();
    if (output instanceof CellOutput.Table t) {
      sb.append(Html.table(t)).append('\n');
    } else if (output instanceof CellOutput.Message m) {
      sb.append("<pre class=\"stream\">").append(Html.escape(m.text().strip())).append("</pre>\n");
    } else if (output instanceof CellOutput.Error e) {
      sb.append("<pre class=\"error\">").append(Html.escape(String.join("\n", e.traceback()))).append("</pre>\n");
    } else if (run.executionCount() == null) {
      sb.append("<p class=\"notrun\">Not run: an earlier cell failed.</p>\n");
    }
    sb.append("</div>\n");
  }
}
