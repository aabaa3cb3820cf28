package io.servicemetrics.io;

import java.util.regex.Pattern;

/**
 * Writes CSV cells a spreadsheet cannot execute: text that starts with =, +, -, @, tab or carriage
 * return is prefixed with a single quote (OWASP "CSV injection"), except plain numbers such as -3.5.
 */
public final class CsvCells {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvCells() {}

  public static String neutralize(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return risky && !NUMBER.matcher(text).matches() ? "'" + text : text;
  }

  /** One RFC 4180 cell: neutralized, quoted when it holds a comma, quote or line break. */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof String s ? neutralize(s) : String.valueOf(value);
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  public static String line(Iterable<?> values) {
    java.util.StringJoiner joiner = new java.util.StringJoiner(",");
    for (Object v : values) {
      joiner.add(cell(v));
    }
    return joiner.toString();
  }
}
