package io.servicemetrics.generate;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One landing record addressed by column name (the schema classes' constants), rendered as a
 * CSV row or a JSON object with keys in column order. In JSON a null value omits the key and
 * {@link #JSON_NULL} writes an explicit null.
 */
final class LandingRow {
  /** Marks an explicit JSON null (a CSV cell renders it empty). */
  static final Object JSON_NULL = new Object();

  private final List<String> columns;
  private final Object[] values;

  LandingRow(List<String> columns) {
    this.columns = columns;
    this.values = new Object[columns.size()];
  }

  private LandingRow(List<String> columns, Object[] values) {
    this.columns = columns;
    this.values = values;
  }

  LandingRow set(String column, Object value) {
    values[indexOf(column)] = value;
    return this;
  }

  Object get(String column) {
    return values[indexOf(column)];
  }

  LandingRow copy() {
    return new LandingRow(columns, Arrays.copyOf(values, values.length));
  }

  /** The same values under a different column list (a file that lacks or adds columns). */
  LandingRow project(List<String> otherColumns) {
    LandingRow other = new LandingRow(otherColumns);
    for (String c : otherColumns) {
      if (columns.contains(c)) {
        other.set(c, get(c));
      }
    }
    return other;
  }

  private int indexOf(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("No column " + column + " in " + columns);
    }
    return i;
  }

  String csv() {
    String[] cells = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      cells[i] = values[i] == null || values[i] == JSON_NULL ? null : String.valueOf(values[i]);
    }
    return LandingFile.csvLine(cells);
  }

  String json() {
    StringBuilder s = new StringBuilder(256).append('{');
    boolean first = true;
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      if (!first) {
        s.append(',');
      }
      first = false;
      s.append(LandingFile.jsonString(columns.get(i))).append(':');
      if (v == JSON_NULL) {
        s.append("null");
      } else if (v instanceof BigDecimal d) {
        s.append(d.toPlainString());
      } else if (v instanceof Number || v instanceof Boolean) {
        s.append(v);
      } else {
        s.append(LandingFile.jsonString(String.valueOf(v)));
      }
    }
    return s.append('}').toString();
  }
}
