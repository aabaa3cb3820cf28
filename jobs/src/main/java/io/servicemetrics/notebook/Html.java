package io.servicemetrics.notebook;

/** HTML escaping and the small renderers the executed notebook and the HTML export share. */
public final class Html {
  private Html() {}

  /** Escapes text for an HTML element body or a quoted attribute value. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A result as an HTML table (every value escaped), followed by its row-count line. */
  public static String table(CellOutput.Table t) {
    StringBuilder sb = new StringBuilder("<table class=\"dataframe\">\n<thead><tr>");
    for (String column : t.columns()) {
      sb.append("<th>").append(escape(column)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (java.util.List<String> row : t.rows()) {
      sb.append("<tr>");
      for (String value : row) {
        sb.append(value == null ? "<td class=\"null\">NULL</td>" : "<td>" + escape(value) + "</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n<p class=\"rowcount\">").append(escape(t.summary())).append("</p>");
    return sb.toString();
  }

  /** A result as a fixed-width text table in the style of Spark's show(), with its row-count line. */
  public static String plainTable(CellOutput.Table t) {
    int n = t.columns().size();
    int[] widths = new int[n];
    for (int c = 0; c < n; c++) {
      widths[c] = t.columns().get(c).length();
      for (java.util.List<String> row : t.rows()) {
        widths[c] = Math.max(widths[c], display(row.get(c)).length());
      }
    }
    StringBuilder border = new StringBuilder("+");
    for (int w : widths) {
      border.append("-".repeat(w)).append('+');
    }
    StringBuilder sb = new StringBuilder();
    sb.append(border).append('\n');
    appendRow(sb, t.columns(), widths);
    sb.append(border).append('\n');
    for (java.util.List<String> row : t.rows()) {
      appendRow(sb, row, widths);
    }
    sb.append(border).append('\n').append(t.summary());
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, java.util.List<String> values, int[] widths) {
    sb.append('|');
    for (int c = 0; c < widths.length; c++) {
      String v = display(values.get(c));
      sb.append(v).append(" ".repeat(widths[c] - v.length())).append('|');
    }
    sb.append('\n');
  }

  private static String display(String value) {
    return value == null ? "NULL" : value.replace("\n", "\\n");
  }
}
