package io.servicemetrics.notebook;

import io.servicemetrics.errors.Errors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notebook parameters: defaults from the cell tagged {@code parameters}, overridden by
 * {@code --param name=value}, bound per statement as Spark SQL named parameter markers.
 * Value typing follows {@link SqlLiteral}; see docs/NOTEBOOKS.md.
 */
public final class NotebookParameters {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.+)");

  private static final Pattern BARE_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private NotebookParameters() {}

  /**
   * Reads {@code name = value} lines from a parameters cell. A line may be a SQL comment
   * ({@code -- period_days = 28}); other comment lines and blank lines are ignored.
   *
   * @return the defaults in declaration order
   * @throws io.servicemetrics.errors.ServiceMetricsException when a line is neither an assignment
   *     nor a comment, a value is not a supported literal, or a name is declared twice
   */
  public static Map<String, Object> parseDefaults(String source) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      boolean comment = line.startsWith("--");
      String body = comment ? line.substring(2).strip() : line;
      Matcher m = ASSIGNMENT.matcher(body);
      if (line.isEmpty()) {
        continue;
      }
      if (!m.matches()) {
        if (comment) {
          continue;
        }
        throw Errors.badArgument(
            "Line " + (i + 1) + " of the parameters cell is not `name = value`: " + line,
            "The cell tagged `parameters` holds only parameter defaults (and comments)",
            "Write one `name = value` per line with a SQL literal value, e.g. `period_days = 28`");
      }
      String name = m.group(1);
      String valueText = SqlText.stripLineComment(m.group(2));
      Object value;
      try {
        value = SqlLiteral.parse(valueText);
      } catch (IllegalArgumentException e) {
        if (comment) {
          continue; // prose in a comment that happens to contain '='
        }
        throw badLiteral("The default of parameter " + name, valueText, e);
      }
      if (defaults.containsKey(name)) {
        throw Errors.badArgument(
            "Parameter " + name + " is declared twice in the parameters cell",
            "Each parameter has one default",
            "Remove one of the declarations");
      }
      defaults.put(name, value);
    }
    return defaults;
  }

  /**
   * Applies overrides to the defaults.
   *
   * @param overrides raw {@code --param} values by name
   * @return every parameter with its effective value, in declaration order
   * @throws io.servicemetrics.errors.ServiceMetricsException for an override whose name is not
   *     declared or whose value does not fit the default's type
   */
  public static Map<String, Object> resolve(Map<String, Object> defaults, Map<String, String> overrides) {
    Set<String> unknown = new TreeSet<>(overrides.keySet());
    unknown.removeAll(defaults.keySet());
    if (!unknown.isEmpty()) {
      throw Errors.badArgument(
          "Unknown notebook parameter(s) " + unknown,
          defaults.isEmpty()
              ? "The notebook declares no parameters (it has no cell tagged `parameters`)"
              : "The notebook's parameters cell declares only " + defaults.keySet(),
          "Correct the --param name, or declare it in the cell tagged `parameters`");
    }
    Map<String, Object> resolved = new LinkedHashMap<>(defaults);
    overrides.forEach((name, raw) -> resolved.put(name, coerce(name, raw, defaults.get(name))));
    return Collections.unmodifiableMap(resolved);
  }

  /** An override read as a SQL literal, falling back to the default's type for bare text. */
  static Object coerce(String name, String raw, Object defaultValue) {
    Object parsed;
    try {
      parsed = SqlLiteral.parse(raw);
    } catch (IllegalArgumentException e) {
      if (defaultValue instanceof String) {
        return raw;
      }
      boolean dateDefault = defaultValue == null || defaultValue instanceof LocalDate;
      if (dateDefault && BARE_DATE.matcher(raw.strip()).matches()) {
        return parseDate(name, raw.strip());
      }
      if (defaultValue instanceof LocalDate) {
        return parseDate(name, raw.strip());
      }
      throw badLiteral("--param " + name, raw, e);
    }
    if (defaultValue == null || parsed == null || defaultValue.getClass() == parsed.getClass()) {
      return parsed;
    }
    if (defaultValue instanceof Number && parsed instanceof Number) {
      return parsed;
    }
    if (defaultValue instanceof String) {
      return raw; // a bare 42 for a text parameter means the text "42"
    }
    if (defaultValue instanceof LocalDate && parsed instanceof String s) {
      return parseDate(name, s);
    }
    throw Errors.badArgument(
        "--param " + name + "=" + raw + " does not match the type of its default "
            + SqlLiteral.format(defaultValue),
        "The override is read as a SQL literal and must have the default's type",
        "Pass a value like the default, e.g. --param " + name + "=" + SqlLiteral.format(defaultValue));
  }

  private static LocalDate parseDate(String name, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Errors.badArgument(
          "--param " + name + "=" + text + " is not a date",
          "Its default is a DATE",
          "Pass yyyy-MM-dd, e.g. --param " + name + "=2026-10-01");
    }
  }

  private static RuntimeException badLiteral(String what, String text, IllegalArgumentException e) {
    return Errors.badArgument(
        what + " is not a supported SQL literal: " + text.strip() + " (" + e.getMessage() + ")",
        "Values are numbers, 'strings', DATE'yyyy-MM-dd', true/false or NULL",
        "Quote text as 'text' and write dates as DATE'2026-10-01'");
  }

  /** The parameters a statement references, to be passed as its named arguments. */
  public static Map<String, Object> argsFor(String statement, Map<String, Object> parameters) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (String name : SqlText.parameterMarkers(statement)) {
      if (parameters.containsKey(name)) {
        args.put(name, parameters.get(name));
      }
    }
    return args;
  }
}
