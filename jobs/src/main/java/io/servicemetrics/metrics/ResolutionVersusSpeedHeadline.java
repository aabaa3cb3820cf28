package io.servicemetrics.metrics;

import io.servicemetrics.schema.CsatByFcrSpeedSchema;
import io.servicemetrics.schema.ResolutionSpeedModelSchema;
import io.servicemetrics.stats.Confidence;
import io.servicemetrics.stats.Interval;
import io.servicemetrics.stats.Newcombe;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Row;

/**
 * The resolution-versus-speed headline of a period, computed from its gold rows (8 rows of
 * csat_by_fcr_speed, 5 of resolution_speed_model), for the demo and the report.
 *
 * <p>csat_by_fcr_speed cells are pooled with top-2-box counts recovered as round(csat_top2 x n);
 * a cell without a rate (n = 0 in gold) is left out.
 *
 * @param resolved surveys with fcr_7d = true, pooled over quartiles
 * @param unresolved surveys with fcr_7d = false, pooled over quartiles
 * @param quartile1 surveys in the fastest handle-time quartile, pooled over fcr_7d
 * @param quartile4 surveys in the slowest handle-time quartile, pooled over fcr_7d
 * @param fcrEffect regression coefficient of fcr_7d (satisfaction points on the 1-5 scale) with a
 *     Student t interval; null when the model has no fit
 * @param handleMinuteEffect regression coefficient of handle_minutes, likewise
 * @param n surveyed chains in the sample
 * @param modelNote the model's note (why it has no fit), or null
 */
public record ResolutionVersusSpeedHeadline(
    LocalDate periodEnd,
    Pool resolved,
    Pool unresolved,
    Pool quartile1,
    Pool quartile4,
    Interval fcrEffect,
    Interval handleMinuteEffect,
    long n,
    String modelNote) {

  /** One csat_by_fcr_speed cell: the part the headline pools. */
  public record Cell(boolean fcr7d, int handleQuartile, long n, Double csatTop2) {
    static Cell of(Row row) {
      return new Cell(row.<Boolean>getAs(CsatByFcrSpeedSchema.FCR_7D),
          row.<Integer>getAs(CsatByFcrSpeedSchema.HANDLE_QUARTILE), row.<Long>getAs(CsatByFcrSpeedSchema.N),
          row.getAs(CsatByFcrSpeedSchema.CSAT_TOP2));
    }
  }

  /** Top-2-box count and surveys of a pooled group of cells. */
  public record Pool(long top2, long n) {
    /** top2 / n; NaN when n = 0. */
    public double rate() {
      return (double) top2 / n;
    }
  }

  /** Builds the headline from one period's gold rows (read by column name). */
  public static ResolutionVersusSpeedHeadline from(LocalDate periodEnd, List<Row> csatByFcrSpeed, List<Row> model) {
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
    return pooled(periodEnd, csatByFcrSpeed.stream().map(Cell::of).toList(), fcrEffect, handleEffect, note);
  }

  /** The CSAT part of the headline alone (no regression), from cells already read. */
  public static ResolutionVersusSpeedHeadline from(LocalDate periodEnd, List<Cell> csatByFcrSpeed) {
    return pooled(periodEnd, csatByFcrSpeed, null, null, null);
  }

  private static ResolutionVersusSpeedHeadline pooled(LocalDate periodEnd, List<Cell> cells, Interval fcrEffect,
      Interval handleEffect, String note) {
    long n = 0;
    for (Cell cell : cells) {
      n += cell.csatTop2() == null ? 0 : cell.n();
    }
    return new ResolutionVersusSpeedHeadline(periodEnd, pool(cells, c -> c.fcr7d()), pool(cells, c -> !c.fcr7d()),
        pool(cells, c -> c.handleQuartile() == 1), pool(cells, c -> c.handleQuartile() == 4), fcrEffect, handleEffect,
        n, note);
  }

  private static Pool pool(List<Cell> cells, Predicate<Cell> which) {
    long top2 = 0;
    long n = 0;
    for (Cell c : cells) {
      if (which.test(c) && c.csatTop2() != null) {
        top2 += Math.round(c.csatTop2() * c.n());
        n += c.n();
      }
    }
    return new Pool(top2, n);
  }

  /**
   * CSAT top-2-box of fcr_7d = true minus false (fractions) with Newcombe's hybrid score
   * interval; null when either side has no responses.
   */
  public Interval fcrDifference() {
    return Newcombe.difference(resolved.top2(), resolved.n(), unresolved.top2(), unresolved.n());
  }

  /**
   * Top-2-box gained per handle-time quartile faster (fractions): (quartile 1 − quartile 4) / 3
   * with the Newcombe interval divided by 3; null when Q1 or Q4 is empty.
   */
  public Interval quartileStep() {
    Interval d = quartileDifference();
    return d == null ? null : new Interval(d.estimate() / 3, d.low() / 3, d.high() / 3);
  }

  /** {@link #fcrDifference()} in points (0-100 scale), or null. */
  public Interval fcrPoints() {
    return scaled(fcrDifference(), 100);
  }

  /** {@link #quartileStep()} in points (0-100 scale), or null. */
  public Interval quartilePoints() {
    return scaled(quartileDifference(), 100.0 / 3);
  }

  private Interval quartileDifference() {
    return Newcombe.difference(quartile1.top2(), quartile1.n(), quartile4.top2(), quartile4.n());
  }

  /** One plain sentence with the intervals, e.g. for the demo and the report's first page. */
  public String sentence() {
    Interval fcrPoints = fcrPoints();
    Interval quartilePoints = quartilePoints();
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
