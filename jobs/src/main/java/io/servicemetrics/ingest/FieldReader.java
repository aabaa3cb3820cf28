package io.servicemetrics.ingest;

import io.servicemetrics.config.IngestConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed values from one record's raw fields per the input contract, remembering the first
 * violation (its {@link ReasonCode} and a detail naming the column and value). After the first
 * violation, further reads return null and record nothing, so the reported reason is always the
 * first rule broken in column order.
 */
final class FieldReader {
  /** Event times later than this many days after the delivery day are in the future. */
  static final int MAX_DAYS_AFTER_DELIVERY = 2;

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
  // ISO-8601 date-time; 'T' or a space between date and time; fractions optional.
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
      .append(LOCAL)
      .appendOffset("+HH:MM:ss", "Z")
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter WITH_COMPACT_OFFSET = new DateTimeFormatterBuilder()
      .append(LOCAL)
      .appendOffset("+HHMM", "Z")
      .toFormatter(Locale.ROOT);

  private final Map<String, String> fields;
  private final ZoneId businessZone;
  private final LocalDate deliveryDate;
  private final Instant latestEvent;
  private final LocalDate validFrom;
  private final Instant earliestEvent;
  private ReasonCode reason;
  private String detail;

  FieldReader(Map<String, String> fields, ZoneId businessZone, LocalDate deliveryDate) {
    this(fields, businessZone, deliveryDate, IngestConfig.DEFAULT_VALID_FROM);
  }

  /** @param validFrom event times before this day (midnight UTC) are out of range */
  FieldReader(Map<String, String> fields, ZoneId businessZone, LocalDate deliveryDate, LocalDate validFrom) {
    this.fields = fields;
    this.businessZone = businessZone;
    this.deliveryDate = deliveryDate;
    this.latestEvent = deliveryDate.plusDays(MAX_DAYS_AFTER_DELIVERY + 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    this.validFrom = validFrom;
    this.earliestEvent = validFrom.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  boolean failed() {
    return reason != null;
  }

  ReasonCode reason() {
    return reason;
  }

  String detail() {
    return detail;
  }

  void fail(ReasonCode code, String what) {
    if (reason == null) {
      reason = code;
      detail = what;
    }
  }

  /**
   * Whether the record's file carried the column at all (a CSV header naming it, an adapter
   * mapping it), blank or not: an optional column left out was not delivered, which is different
   * from a blank value.
   */
  boolean delivered(String column) {
    return fields.containsKey(column);
  }

  /** The trimmed value, or null when absent or blank. */
  String optionalText(String column) {
    if (failed()) {
      return null;
    }
    String v = fields.get(column);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  String requiredText(String column) {
    String v = optionalText(column);
    if (v == null) {
      fail(ReasonCode.MISSING_REQUIRED, column + " is required but blank");
    }
    return v;
  }

  /** Free text kept as delivered (not trimmed), null when blank. */
  String optionalFreeText(String column) {
    if (failed()) {
      return null;
    }
    String v = fields.get(column);
    return v == null || v.isBlank() ? null : v;
  }

  Instant requiredTimestamp(String column) {
    Instant t = optionalTimestamp(column);
    if (t == null && !failed()) {
      fail(ReasonCode.MISSING_REQUIRED, column + " is required but blank");
    }
    return t;
  }

  Instant optionalTimestamp(String column) {
    String v = optionalText(column);
    if (v == null) {
      return null;
    }
    Instant t = parseTimestamp(v, businessZone);
    if (t == null) {
      fail(ReasonCode.INVALID_TIMESTAMP, column + " '" + abbreviate(v) + "' is not an ISO-8601 timestamp");
      return null;
    }
    if (t.isBefore(earliestEvent)) {
      // The detail names the option that changes the rule: a breach made mostly of one rule
      // quotes its first record's detail to the user (QuarantineBreaches).
      LocalDate suggested = LocalDate.ofInstant(t, ZoneOffset.UTC).withDayOfYear(1);
      fail(ReasonCode.OUT_OF_RANGE, column + " " + v + " is before --valid-from " + validFrom
          + "; pass --valid-from " + suggested + " if your history is older");
      return null;
    }
    if (!t.isBefore(latestEvent)) {
      fail(ReasonCode.OUT_OF_RANGE, column + " " + v + " is more than " + MAX_DAYS_AFTER_DELIVERY
          + " days after the delivery day " + deliveryDate + "; check the delivery folder's date= and the clock of the export");
      return null;
    }
    return t;
  }

  /** ISO-8601 with an offset or Z; without one, the wall time in the business zone. */
  static Instant parseTimestamp(String v, ZoneId businessZone) {
    Instant common = parseCommonForm(v, businessZone);
    return common != null ? common : parseWithFormatters(v, businessZone);
  }

  /**
   * The form nearly every export uses, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|+HH:MM]} ('T', 't' or a
   * space between date and time), read without {@link DateTimeFormatter}: the formatters cost
   * about a microsecond per value (and two exceptions for a value without offset), the top item
   * of our own code in a backfill profile, where every contact has four timestamps. Returns null
   * for anything else, including days 29-31 and offsets beyond 17 h, which the formatters resolve;
   * for every text it accepts it returns what {@link #parseWithFormatters} returns
   * ({@code FieldReaderTest} compares the two on generated texts).
   */
  static Instant parseCommonForm(String v, ZoneId businessZone) {
    int n = v.length();
    if (n < 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(13) != ':' || v.charAt(16) != ':') {
      return null;
    }
    char separator = v.charAt(10);
    if (separator != 'T' && separator != 't' && separator != ' ') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && v.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(v.charAt(i))) {
        nanos = nanos * 10 + (v.charAt(i) - '0');
        i++;
      }
      if (i == start) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    if (i == n) {
      return local.atZone(businessZone).toInstant();
    }
    char c = v.charAt(i);
    if ((c == 'Z' || c == 'z') && i + 1 == n) {
      return local.toInstant(ZoneOffset.UTC);
    }
    if ((c == '+' || c == '-') && i + 6 == n && v.charAt(i + 3) == ':') {
      int offsetHours = digits(v, i + 1, 2);
      int offsetMinutes = digits(v, i + 4, 2);
      if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      int sign = c == '-' ? -1 : 1;
      return local.toInstant(ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
    }
    return null;
  }

  /** The decimal value of {@code length} ASCII digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String v, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      char c = v.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Every form the contract accepts, by the formatters above. */
  static Instant parseWithFormatters(String v, ZoneId businessZone) {
    for (DateTimeFormatter f : new DateTimeFormatter[] {WITH_OFFSET, WITH_COMPACT_OFFSET}) {
      try {
        return OffsetDateTime.parse(v, f).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    try {
      return LocalDateTime.parse(v, LOCAL).atZone(businessZone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  Long optionalLong(String column, long min, long max) {
    String v = optionalText(column);
    if (v == null) {
      return null;
    }
    if (!INTEGER.matcher(v).matches()) {
      fail(ReasonCode.INVALID_NUMBER, column + " '" + abbreviate(v) + "' is not a whole number");
      return null;
    }
    long x = Long.parseLong(v);
    if (x < min || x > max) {
      fail(ReasonCode.OUT_OF_RANGE, column + " " + x + " is outside " + min + ".." + max);
      return null;
    }
    return x;
  }

  Long requiredLong(String column, long min, long max) {
    Long x = optionalLong(column, min, max);
    if (x == null && !failed()) {
      fail(ReasonCode.MISSING_REQUIRED, column + " is required but blank");
    }
    return x;
  }

  Integer optionalInt(String column, int min, int max) {
    Long x = optionalLong(column, min, max);
    return x == null ? null : x.intValue();
  }

  Double optionalDouble(String column, double min, double max) {
    String v = optionalText(column);
    if (v == null) {
      return null;
    }
    if (!DECIMAL.matcher(v).matches()) {
      fail(ReasonCode.INVALID_NUMBER, column + " '" + abbreviate(v) + "' is not a finite decimal number");
      return null;
    }
    double x = Double.parseDouble(v);
    if (!Double.isFinite(x) || x < min || x > max) {
      fail(ReasonCode.OUT_OF_RANGE, column + " " + v + " is outside " + min + ".." + max);
      return null;
    }
    return x;
  }

  /** One of the allowed values, compared case-insensitively; returned lower-case. */
  String optionalEnum(String column, Set<String> allowed) {
    String v = optionalText(column);
    if (v == null) {
      return null;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      fail(ReasonCode.UNKNOWN_ENUM, column + " '" + abbreviate(v) + "' is not one of " + new java.util.TreeSet<>(allowed));
      return null;
    }
    return lower;
  }

  String requiredEnum(String column, Set<String> allowed) {
    String v = optionalEnum(column, allowed);
    if (v == null && !failed()) {
      fail(ReasonCode.MISSING_REQUIRED, column + " is required but blank");
    }
    return v;
  }

  /** A two-valued flag: {@code trueWord}/{@code falseWord}, case-insensitive; null when blank. */
  Boolean optionalFlag(String column, String trueWord, String falseWord) {
    String v = optionalEnum(column, Set.of(trueWord, falseWord));
    return v == null ? null : v.equals(trueWord);
  }

  private static String abbreviate(String v) {
    return v.length() <= 60 ? v : v.substring(0, 57) + "...";
  }
}
