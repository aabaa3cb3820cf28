package io.servicemetrics.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Class counts corrected for a classifier's errors. With M[t][p] = P(predicted p | true t), estimated
 * from a confusion matrix of labelled examples (row t divided by its total), the expected predicted
 * counts are Mᵀ·n for true counts n; the corrected counts solve Mᵀ·n = observed, and a negative
 * solution (sampling noise on a rare class) is clipped to zero. Intervals resample both sources of
 * uncertainty: each confusion row (multinomial of its own size) and the observed counts
 * (multinomial of their total), {@link Bootstrap#RESAMPLES} times from {@link Bootstrap#SEED}.
 */
public final class ConfusionCorrection {
  private ConfusionCorrection() {}

  /** The corrected counts, or null when the error rates cannot be inverted (a class never labelled, or a singular M). */
  public static double[] corrected(long[] observed, long[][] confusion) {
    double[][] rates = rates(confusion);
    return rates == null ? null : solve(observed, rates);
  }

  /**
   * A statistic of the corrected counts with its percentile interval, or the reason it has none.
   * Resamples in which the counts cannot be corrected or the statistic is not finite are dropped
   * and, past {@link Bootstrap#MAX_UNDEFINED_SHARE}, the interval is withheld.
   */
  public static Bootstrap.Outcome interval(long[] observed, long[][] confusion, ToDoubleFunction<double[]> statistic,
      long seed, int resamples) {
    double[] full = corrected(observed, confusion);
    double estimate = full == null ? Double.NaN : statistic.applyAsDouble(full);
    if (!Double.isFinite(estimate)) {
      return new Bootstrap.Outcome(null, resamples, "undefined on the sample (the corrected denominator is 0 or the"
          + " error rates cannot be inverted)");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[resamples];
    int defined = 0;
    long[][] confusionDraw = new long[confusion.length][];
    for (int b = 0; b < resamples; b++) {
      for (int t = 0; t < confusion.length; t++) {
        confusionDraw[t] = multinomial(rng, confusion[t]);
      }
      double[][] rates = rates(confusionDraw);
      double[] n = rates == null ? null : solve(multinomial(rng, observed), rates);
      double v = n == null ? Double.NaN : statistic.applyAsDouble(n);
      if (Double.isFinite(v)) {
        values[defined++] = v;
      }
    }
    int undefined = resamples - defined;
    if (undefined > Bootstrap.MAX_UNDEFINED_SHARE * resamples) {
      return new Bootstrap.Outcome(null, undefined, "no interval: undefined in " + undefined + " of " + resamples
          + " bootstrap resamples");
    }
    double[] sorted = Arrays.copyOf(values, defined);
    Arrays.sort(sorted);
    double alpha = (1 - Confidence.LEVEL) / 2;
    return new Bootstrap.Outcome(new Interval(estimate, Bootstrap.quantile(sorted, alpha),
        Bootstrap.quantile(sorted, 1 - alpha)), undefined, null);
  }

  /** Row-normalized confusion matrix, or null when a row is empty. */
  static double[][] rates(long[][] confusion) {
    double[][] rates = new double[confusion.length][];
    for (int t = 0; t < confusion.length; t++) {
      long total = Arrays.stream(confusion[t]).sum();
      if (total == 0) {
        return null;
      }
      rates[t] = Arrays.stream(confusion[t]).mapToDouble(c -> (double) c / total).toArray();
    }
    return rates;
  }

  private static double[] solve(long[] observed, double[][] rates) {
    // Mᵀ: column t of the system is true class t's distribution over predictions.
    DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(rates).transpose()).getSolver();
    if (!solver.isNonSingular()) {
      return null;
    }
    double[] n = solver.solve(new ArrayRealVector(Arrays.stream(observed).asDoubleStream().toArray())).toArray();
    for (int i = 0; i < n.length; i++) {
      n[i] = Math.max(0.0, n[i]);
    }
    return n;
  }

  /** A multinomial draw of counts.sum() items with the counts' shares (one uniform per item). */
  private static long[] multinomial(SplittableRandom rng, long[] counts) {
    long total = Arrays.stream(counts).sum();
    double[] cumulative = new double[counts.length];
    double running = 0;
    for (int i = 0; i < counts.length; i++) {
      running += counts[i];
      cumulative[i] = running / total;
    }
    long[] draw = new long[counts.length];
    for (long d = 0; d < total; d++) {
      double u = rng.nextDouble();
      int i = 0;
      while (i < counts.length - 1 && u >= cumulative[i]) {
        i++;
      }
      draw[i]++;
    }
    return draw;
  }
}
