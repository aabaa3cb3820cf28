package io.servicemetrics.notebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameter values written as Spark SQL literals, and the Java values Spark binds for them.
 *
 * <table>
 *   <caption>Literal to bound value</caption>
 *   <tr><td>{@code 28}, {@code -3}</td><td>Integer (INT); Long (BIGINT) beyond the int range or with an {@code L} suffix</td></tr>
 *   <tr><td>{@code 0.25}</td><td>BigDecimal (DECIMAL), as Spark types the literal</td></tr>
 *   <tr><td>{@code 1e3}, {@code 0.5D}</td><td>Double (DOUBLE)</td></tr>
 *   <tr><td>{@code 'text'}, {@code "text"}</td><td>String (STRING); {@code ''} and backslash escapes undone</td></tr>
 *   <tr><td>{@code DATE'2026-10-01'}</td><td>LocalDate (DATE)</td></tr>
 *   <tr><td>{@code true}, {@code false}</td><td>Boolean</td></tr>
 *   <tr><td>{@code NULL}</td><td>null</td></tr>
 * </table>
 */
public final class SqlLiteral {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern LONG = Pattern.compile("([+-]?\\d+)[lL]");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+)");
  private static final Pattern DOUBLE =
      Pattern.compile("([+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)([dD]?)");
  private static final Pattern DATE = Pattern.compile("(?i)DATE\\s*'([^']*)'");

  private SqlLiteral() {}

  /**
   * Parses a literal.
   *
   * @throws IllegalArgumentException when the text is not one of the supported literals
   */
  public static Object parse(String text) {
    String t = text.strip();
    if (t.endsWith(";")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty value");
    }
    String lower = t.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "null" -> {
        return null;
      }
      case "true" -> {
        return Boolean.TRUE;
      }
      case "false" -> {
        return Boolean.FALSE;
      }
      default -> { }
    }
    if (INTEGER.matcher(t).matches()) {
      long value;
      try {
        value = Long.parseLong(t);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("integer out of range: " + t, e);
      }
      return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
    }
    Matcher m = LONG.matcher(t);
    if (m.matches()) {
      return Long.parseLong(m.group(1));
    }
    if (DECIMAL.matcher(t).matches()) {
      return new BigDecimal(t);
    }
    m = DOUBLE.matcher(t);
    if (m.matches() && (m.group(3) != null || !m.group(4).isEmpty())) {
      return Double.parseDouble(m.group(1));
    }
    m = DATE.matcher(t);
    if (m.matches()) {
      try {
        return LocalDate.parse(m.group(1));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a yyyy-MM-dd date: " + t, e);
      }
    }
    char first = t.charAt(0);
    if ((first == '\'' || first == '"') && t.length() >= 2 && t.charAt(t.length() - 1) == first) {
      return unquote(t, first);
    }
    throw new IllegalArgumentException("not a SQL literal: " + t);
  }

  private static String unquote(String t, char quote) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < t.length() - 1; i++) {
      char c = t.charAt(i);
      if (c == '\\' && i + 1 < t.length() - 1) {
        out.append(t.charAt(++i));
      } else if (c == quote) {
        if (i + 1 < t.length() - 1 && t.charAt(i + 1) == quote) {
          out.append(quote);
          i++;
        } else {
          throw new IllegalArgumentException("unescaped quote inside string literal: " + t);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The value written back as a literal, for display (e.g. {@code DATE '2026-10-01'}). */
  public static String format(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (value instanceof LocalDate d) {
      return "DATE '" + d + "'";
    }
    if (value instanceof Long l) {
      return l + "L";
    }
    if (value instanceof Double d) {
      return d + "D";
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    return String.valueOf(value);
  }
}
