package io.servicemetrics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one place numbers become text. Tiles, narrative, tables and chart labels all use these, so
 * a test can format a gold value and find exactly that string in the PDF. Locale-independent.
 */
public final class ReportFormat {
  /** Shown for a value that cannot be computed (no data, zero denominator). */
  public static final String NONE = "n/a";
  public static final String FIRST_PERIOD = "first period";
  /** The value of a figure whose input was not delivered: never 0, never n/a without a reason. */
  public static final String NOT_MEASURED = "not measured";
  /** En dash between interval bounds. */
  public static final String RANGE = "\u2013";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private ReportFormat() {}

  /** A fraction as a percentage with one decimal: 0.1534 -> "15.3%". */
  public static String percent(Double fraction) {
    return fraction == null ? NONE : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** A fraction interval: "14.1–16.5%". */
  public static String percentRange(Double low, Double high) {
    if (low == null || high == null) {
      return NONE;
    }
    return String.format(Locale.ROOT, "%.1f%s%.1f%%", 100 * low, RANGE, 100 * high);
  }

  /** A difference of fractions in percentage points, signed: -0.012 -> "-1.2 pp". */
  public static String points(Double fractionDelta) {
    return fractionDelta == null ? NONE : signed(100 * fractionDelta, 1) + " pp";
  }

  /** Seconds as m:ss, rounded to whole seconds: 312.6 -> "5:13". */
  public static String duration(Double seconds) {
    if (seconds == null) {
      return NONE;
    }
    long total = Math.round(Math.abs(seconds));
    String sign = seconds < 0 && total > 0 ? "-" : "";
    return String.format(Locale.ROOT, "%s%d:%02d", sign, total / 60, total % 60);
  }

  /** A signed change in seconds as m:ss: "+0:12", "-1:05". */
  public static String durationDelta(Double seconds) {
    if (seconds == null) {
      return NONE;
    }
    String d = duration(seconds);
    return d.startsWith("-") ? d : "+" + d;
  }

  /**
   * A wait on any channel's clock: m:ss under an hour ("0:27"), hours and minutes under two days
   * ("3 h 05 min"), days beyond ("2.4 days"), so an e-mail wait never reads as "183:20".
   */
  public static String waitTime(Double seconds) {
    if (seconds == null) {
      return NONE;
    }
    double abs = Math.abs(seconds);
    String sign = seconds < 0 && Math.round(abs) > 0 ? "-" : "";
    if (Math.round(abs) < 3600) {
      return duration(seconds);
    }
    if (abs < 48 * 3600) {
      long minutes = Math.round(abs / 60);
      return String.format(Locale.ROOT, "%s%d h %02d min", sign, minutes / 60, minutes % 60);
    }
    return String.format(Locale.ROOT, "%s%.1f days", sign, abs / 86_400);
  }

  /** A signed change of a wait: "+0:12", "-1 h 05 min". */
  public static String waitDelta(Double seconds) {
    if (seconds == null) {
      return NONE;
    }
    String d = waitTime(seconds);
    return d.startsWith("-") ? d : "+" + d;
  }

  /** Seconds as minutes with one decimal: 312 -> "5.2 min". */
  public static String minutes(Double seconds) {
    return seconds == null ? NONE : String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }

  /** NPS, signed with one decimal: "+23.4". */
  public static String nps(Double nps) {
    return nps == null ? NONE : signed(nps, 1);
  }

  public static String npsRange(Double low, Double high) {
    return low == null || high == null ? NONE : nps(low) + " to " + nps(high);
  }

  /** A change in NPS points: "+2.0 pts". */
  public static String npsDelta(Double delta) {
    return delta == null ? NONE : signed(delta, 1) + " pts";
  }

  /** A ratio: 2.43 -> "2.4x". */
  public static String ratio(Double ratio) {
    return ratio == null ? NONE : String.format(Locale.ROOT, "%.1fx", ratio);
  }

  public static String ratioRange(Double low, Double high) {
    return low == null || high == null ? NONE : String.format(Locale.ROOT, "%.1f%s%.1fx", low, RANGE, high);
  }

  /** A change of a ratio: "+0.3x". */
  public static String ratioDelta(Double delta) {
    return delta == null ? NONE : signed(delta, 1) + "x";
  }

  /** A plain decimal with one digit: 41.25 -> "41.3". */
  public static String decimal(Double value) {
    return value == null ? NONE : String.format(Locale.ROOT, "%.1f", value);
  }

  /** A regression coefficient, signed with three decimals. */
  public static String coefficient(Double value) {
    return value == null ? NONE : signed(value, 3);
  }

  /** A p-value: "<0.001" below a thousandth, else three decimals. */
  public static String pValue(Double p) {
    if (p == null) {
      return NONE;
    }
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** A count with thousands separators: 12345 -> "12,345". */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** "28 Feb 2025". */
  public static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** "28 Feb". */
  public static String shortDay(LocalDate date) {
    return SHORT_DAY.format(date);
  }

  /** "2025-03-01 00:00 UTC". */
  public static String instant(Instant instant) {
    return instant == null
        ? NONE
        : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC).format(instant);
  }

  private static String signed(double value, int decimals) {
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    // "-0.0" reads as a change; a change that rounds to zero is shown unsigned-positive.
    if (text.matches("-0\\.0*")) {
      text = text.substring(1);
    }
    return text.startsWith("-") ? text : "+" + text;
  }
}
