package io.servicemetrics.notebook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Lexical helpers for the SQL in notebook cells: magics, statement splitting, parameter markers. */
public final class SqlText {
  private SqlText() {}

  /**
   * Removes a leading {@code %%sql} or {@code %sql} magic line (with any options after it).
   *
   * @return the source without the magic line, or the source unchanged when it has none
   */
  public static String stripSqlMagic(String source) {
    String magic = leadingMagic(source);
    if (magic == null || !(magic.equals("%%sql") || magic.equals("%sql"))) {
      return source;
    }
    int start = firstNonBlankLineStart(source);
    int end = source.indexOf('\n', start);
    return end < 0 ? "" : source.substring(end + 1);
  }

  /**
   * The magic word (e.g. {@code %%sql}, {@code %python}) that opens the first non-blank line, in
   * lower case, or null when that line does not start with {@code %}.
   */
  public static String leadingMagic(String source) {
    int start = firstNonBlankLineStart(source);
    if (start < 0 || source.charAt(start) != '%') {
      return null;
    }
    int end = start;
    while (end < source.length() && !Character.isWhitespace(source.charAt(end))) {
      end++;
    }
    return source.substring(start, end).toLowerCase(Locale.ROOT);
  }

  private static int firstNonBlankLineStart(String source) {
    int lineStart = 0;
    while (lineStart < source.length()) {
      int end = source.indexOf('\n', lineStart);
      int stop = end < 0 ? source.length() : end;
      String line = source.substring(lineStart, stop);
      if (!line.isBlank()) {
        return lineStart + (line.length() - line.stripLeading().length());
      }
      if (end < 0) {
        break;
      }
      lineStart = end + 1;
    }
    return -1;
  }

  /**
   * Splits a cell into statements. A statement ends at a line whose code (outside a trailing
   * {@code --} comment) ends with {@code ;}; the last statement needs no {@code ;}. Statements that
   * hold only comments and blank lines are dropped.
   *
   * @return the statements, without their terminating {@code ;}, in order
   */
  public static List<String> statements(String source) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      String code = stripLineComment(line).stripTrailing();
      if (code.endsWith(";")) {
        current.append(code, 0, code.length() - 1);
        addIfCode(statements, current.toString());
        current.setLength(0);
      } else {
        current.append(line).append('\n');
      }
    }
    addIfCode(statements, current.toString());
    return statements;
  }

  private static void addIfCode(List<String> statements, String statement) {
    String trimmed = statement.strip();
    if (hasCode(trimmed)) {
      statements.add(trimmed);
    }
  }

  /** True when the text holds something other than blank lines and comments. */
  static boolean hasCode(String text) {
    return !stripComments(text).isBlank();
  }

  /** The line without a trailing {@code --} comment that starts outside quotes. */
  static String stripLineComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote != '`') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** The text with comments replaced by spaces and string literals kept. */
  private static String stripComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Scanner s = new Scanner(text);
    while (s.hasNext()) {
      int kind = s.next();
      out.append(kind == Scanner.COMMENT ? " " : s.token());
    }
    return out.toString();
  }

  /**
   * The named parameter markers ({@code :name}) a statement uses, outside string literals,
   * quoted identifiers and comments; {@code ::} casts are not markers.
   */
  public static Set<String> parameterMarkers(String statement) {
    Set<String> names = new LinkedHashSet<>();
    Scanner s = new Scanner(statement);
    while (s.hasNext()) {
      if (s.next() != Scanner.CODE) {
        continue;
      }
      String code = s.token();
      for (int i = 0; i < code.length(); i++) {
        if (code.charAt(i) != ':') {
          continue;
        }
        boolean afterColon = i > 0 && code.charAt(i - 1) == ':';
        int j = i + 1;
        if (afterColon || j >= code.length() || !isIdentifierStart(code.charAt(j))) {
          continue;
        }
        while (j < code.length() && isIdentifierPart(code.charAt(j))) {
          j++;
        }
        names.add(code.substring(i + 1, j));
        i = j - 1;
      }
    }
    return names;
  }

  static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Splits SQL into runs of code, quoted text and comments. */
  private static final class Scanner {
    static final int CODE = 0;
    static final int QUOTED = 1;
    static final int COMMENT = 2;
    private final String text;
    private int pos;
    private int start;

    Scanner(String text) {
      this.text = text;
    }

    boolean hasNext() {
      return pos < text.length();
    }

    String token() {
      return text.substring(start, pos);
    }

    int next() {
      start = pos;
      char c = text.charAt(pos);
      if (c == '\'' || c == '"' || c == '`') {
        pos++;
        while (pos < text.length() && text.charAt(pos) != c) {
          pos += (text.charAt(pos) == '\\' && c != '`') ? 2 : 1;
        }
        pos = Math.min(text.length(), pos + 1);
        return QUOTED;
      }
      if (text.startsWith("--", pos)) {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end;
        return COMMENT;
      }
      if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        pos = end < 0 ? text.length() : end + 2;
        return COMMENT;
      }
      while (pos < text.length()) {
        char d = text.charAt(pos);
        if (d == '\'' || d == '"' || d == '`' || text.startsWith("--", pos) || text.startsWith("/*", pos)) {
          break;
        }
        pos++;
      }
      return CODE;
    }
  }
}
