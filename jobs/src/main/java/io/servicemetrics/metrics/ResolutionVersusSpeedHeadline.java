package io.servicemetrics.metrics;

import io.servicemetrics.schema.CsatByFcrSpeedSchema;
import io.servicemetrics.schema.ResolutionSpeedModelSchema;
import io.servicemetrics.stats.Confidence;
import io.servicemetrics.stats.Interval;
import io.servicemetrics.stats.Newcombe;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Row;

/**
 * The resolution-versus-speed headline of a period, computed from its gold rows (8 rows of
 * csat_by_fcr_speed, 5 of resolution_speed_model), for the demo and the report.
 *
 * @param fcrPoints CSAT top-2-box points (0-100 scale) of fcr_7d = true minus false, pooled over
 *     quartiles, with Newcombe's hybrid score interval; null when either side has no responses
 * @param quartilePoints top-2-box points gained per handle-time quartile faster: (quartile 1 −
 *     quartile 4) / 3, pooled over fcr_7d, Newcombe interval divided by 3; null when Q1 or Q4 is
 *     empty
 * @param fcrEffect regression coefficient of fcr_7d (satisfaction points on the 1-5 scale) with a
 *     Student t interval; null when the model has no fit
 * @param handleMinuteEffect regression coefficient of handle_minutes, likewise
 * @param n surveyed chains in the sample
 * @param modelNote the model's note (why it has no fit), or null
 */
public record ResolutionVersusSpeedHeadline(
    LocalDate periodEnd,
    Interval fcrPoints,
    Interval quartilePoints,
    Interval fcrEffect,
    Interval handleMinuteEffect,
    long n,
    String modelNote) {

  /** Builds the headline from one period's gold rows (read by column name). */
  public static ResolutionVersusSpeedHeadline from(LocalDate periodEnd, List<Row> csatByFcrSpeed, List<Row> model) {
    long[] fcrN = new long[2];
    long[] fcrTop2 = new long[2];
    long[] quartileN = new long[5];
    long[] quartileTop2 = new long[5];
    long n = 0;
    for (Row cell : csatByFcrSpeed) {
      long cellN = cell.getAs(CsatByFcrSpeedSchema.N);
      Double rate = cell.getAs(CsatByFcrSpeedSchema.CSAT_TOP2);
      long top2 = rate == null ? 0 : Math.round(rate * cellN);
      int fcr = cell.<Boolean>getAs(CsatByFcrSpeedSchema.FCR_7D) ? 1 : 0;
      int quartile = cell.getAs(CsatByFcrSpeedSchema.HANDLE_QUARTILE);
      fcrN[fcr] += cellN;
      fcrTop2[fcr] += top2;
      quartileN[quartile] += cellN;
      quartileTop2[quartile] += top2;
      n += cellN;
    }
    Interval fcrPoints = scaled(Newcombe.difference(fcrTop2[1], fcrN[1], fcrTop2[0], fcrN[0]), 100);
    Interval quartilePoints = scaled(Newcombe.difference(quartileTop2[1], quartileN[1], quartileTop2[4], quartileN[4]), 100.0 / 3);
    Interval fcrEffect = null;
    Interval handleEffect = null;
    String note = null;
    for (Row term : model) {
      String name = term.getAs(ResolutionSpeedModelSchema.TERM);
      note = note != null ? note : term.getAs(ResolutionSpeedModelSchema.NOTE);
      if (name.equals(ResolutionSpeedModelSchema.TERM_FCR_7D)) {
        fcrEffect = coefficient(term);
      } else if (name.equals(ResolutionSpeedModelSchema.TERM_HANDLE_MINUTES)) {
        handleEffect = coefficient(term);
      }
    }
    return new ResolutionVersusSpeedHeadline(periodEnd, fcrPoints, quartilePoints, fcrEffect, handleEffect, n, note);
  }

  /** One plain sentence with the intervals, e.g. for the demo and the report's first page. */
  public String sentence() {
    if (fcrPoints == null || quartilePoints == null) {
      return String.format(Locale.ROOT,
          "Resolution versus speed cannot be stated for the period ending %s: %s.", periodEnd,
          n == 0 ? "no surveyed chains with a known first-contact resolution"
              : "some groups have no surveyed chains (" + n + " in all)");
    }
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "In the period ending %s, customers resolved at first contact gave CSAT %.1f points %s than those"
            + " who were not (95%% CI %+.1f to %+.1f), while one handle-time quartile faster %s it by %.1f points"
            + " (95%% CI %+.1f to %+.1f)",
        periodEnd, Math.abs(fcrPoints.estimate()), fcrPoints.estimate() >= 0 ? "higher" : "lower",
        fcrPoints.low(), fcrPoints.high(),
        quartilePoints.estimate() >= 0 ? "raised" : "lowered", Math.abs(quartilePoints.estimate()),
        quartilePoints.low(), quartilePoints.high()));
    if (fcrEffect != null && handleMinuteEffect != null) {
      s.append(String.format(Locale.ROOT,
          "; holding speed, wait and transfers fixed, resolution moved satisfaction by %+.2f on the 1-5 scale"
              + " (95%% CI %+.2f to %+.2f) against %+.3f per handle minute (n = %d)",
          fcrEffect.estimate(), fcrEffect.low(), fcrEffect.high(), handleMinuteEffect.estimate(), n));
    } else if (modelNote != null) {
      s.append(" (no regression: ").append(modelNote).append(')');
    }
    return s.append('.').toString();
  }

  private static Interval coefficient(Row term) {
    Double b = term.getAs(ResolutionSpeedModelSchema.COEFFICIENT);
    Double se = term.getAs(ResolutionSpeedModelSchema.STD_ERROR);
    long n = term.getAs(ResolutionSpeedModelSchema.N);
    long df = n - ResolutionSpeedModelSchema.TERMS.size();
    if (b == null || se == null || df < 1) {
      return null;
    }
    double q = new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
        .inverseCumulativeProbability(1 - (1 - Confidence.LEVEL) / 2);
    return new Interval(b, b - q * se, b + q * se);
  }

  private static Interval scaled(Interval interval, double factor) {
    return interval == null ? null : interval.scaled(factor);
  }
}
