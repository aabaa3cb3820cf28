package io.servicemetrics.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Ordinary least squares with an intercept, solved from sufficient statistics (n and the sums of
 * x, y, x·xᵀ, x·y and y²) so that Spark aggregates a handful of numbers and no rows reach the
 * driver.
 *
 * <p>The sums are centred (Sxx = Σxxᵀ − ΣxΣxᵀ/n, ...) and scaled to a correlation matrix before a
 * singular value decomposition (rank-revealing), so a constant or collinear predictor is reported as a reason
 * instead of producing meaningless numbers. The result equals the normal-equation solution of the
 * uncentred design with an intercept column.
 */
public final class Ols {
  /** Relative tolerance below which a variance counts as zero or the scaled X'X loses rank. */
  public static final double RANK_TOLERANCE = 1e-10;

  private Ols() {}

  /**
   * Sufficient statistics of a regression with k predictors.
   *
   * @param n observations
   * @param sumX Σ x_i, length k
   * @param sumY Σ y
   * @param sumXX Σ x_i·x_j, k×k symmetric
   * @param sumXY Σ x_i·y, length k
   * @param sumYY Σ y²
   */
  public record SufficientStatistics(
      long n, double[] sumX, double sumY, double[][] sumXX, double[] sumXY, double sumYY) {
    public SufficientStatistics {
      int k = sumX.length;
      if (sumXY.length != k || sumXX.length != k || Arrays.stream(sumXX).anyMatch(r -> r.length != k)) {
        throw new IllegalArgumentException("sumX, sumXX and sumXY must agree on k = " + k);
      }
    }

    public int predictors() {
      return sumX.length;
    }
  }

  /**
   * A fitted model. Arrays are indexed by term: 0 = intercept, 1..k = predictors in input order.
   * {@code standardizedBetas[0]} is NaN (an intercept has none); t statistics and p values are NaN
   * when the residual variance is zero (a perfect fit).
   */
  public record Fit(
      double[] coefficients,
      double[] standardErrors,
      double[] tStats,
      double[] pValues,
      double[] standardizedBetas,
      double rSquared,
      long n,
      long degreesOfFreedom) {}

  /** Either a {@link Fit} or the reason none exists (too few rows, constant y, singular X'X). */
  public record Result(Fit fit, String reason) {
    public boolean fitted() {
      return fit != null;
    }

    static Result failed(String reason) {
      return new Result(null, reason);
    }
  }

  /**
   * Fits y = b0 + Σ b_i x_i by least squares.
   *
   * <p>Standard errors use σ² = SSE / (n − k − 1); p values are two-sided under Student t with n −
   * k − 1 degrees of freedom; standardized beta = b_i · sd(x_i) / sd(y) with sample standard
   * deviations; r² = 1 − SSE / Syy.
   *
   * @param names predictor names (length k), used only in reasons
   * @return a fit, or a reason when n ≤ k + 1, var(y) = 0, a predictor is constant, or the
   *     predictors are collinear
   */
  public static Result fit(SufficientStatistics s, List<String> names) {
    int k = s.predictors();
    if (names.size() != k) {
      throw new IllegalArgumentException("need " + k + " predictor names, got " + names);
    }
    long n = s.n();
    if (n <= k + 1) {
      return Result.failed("too few observations: n = " + n + " but " + k
          + " predictors and an intercept need at least " + (k + 2));
    }
    double[] mean = new double[k];
    for (int i = 0; i < k; i++) {
      mean[i] = s.sumX()[i] / n;
    }
    double meanY = s.sumY() / n;
    double syy = s.sumYY() - s.sumY() * meanY;
    if (syy <= RANK_TOLERANCE * Math.abs(s.sumYY())) {
      return Result.failed("the outcome does not vary (all " + n + " values equal)");
    }
    double[] sxy = new double[k];
    double[][] sxx = new double[k][k];
    for (int i = 0; i < k; i++) {
      sxy[i] = s.sumXY()[i] - s.sumX()[i] * meanY;
      for (int j = 0; j < k; j++) {
        sxx[i][j] = s.sumXX()[i][j] - s.sumX()[i] * mean[j];
      }
    }
    double[] scale = new double[k];
    for (int i = 0; i < k; i++) {
      if (sxx[i][i] <= RANK_TOLERANCE * Math.abs(s.sumXX()[i][i])) {
        return Result.failed("singular design: predictor " + names.get(i) + " is constant");
      }
      scale[i] = Math.sqrt(sxx[i][i]);
    }
    // Correlation scaling makes the rank test independent of the predictors' units.
    RealMatrix correlation = MatrixUtils.createRealMatrix(k, k);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        correlation.setEntry(i, j, sxx[i][j] / (scale[i] * scale[j]));
      }
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(correlation);
    double[] singular = svd.getSingularValues();
    // Singular values come in decreasing order; the smallest relative to the largest is 1/condition.
    if (singular[k - 1] <= RANK_TOLERANCE * singular[0]) {
      return Result.failed("singular design: the predictors " + names + " are collinear");
    }
    RealMatrix correlationInverse = svd.getSolver().getInverse();
    double[][] sxxInverse = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        sxxInverse[i][j] = correlationInverse.getEntry(i, j) / (scale[i] * scale[j]);
      }
    }

    double[] coefficients = new double[k + 1];
    double fitted = 0;
    for (int i = 0; i < k; i++) {
      double b = 0;
      for (int j = 0; j < k; j++) {
        b += sxxInverse[i][j] * sxy[j];
      }
      coefficients[i + 1] = b;
      fitted += b * sxy[i];
    }
    double intercept = meanY;
    for (int i = 0; i < k; i++) {
      intercept -= coefficients[i + 1] * mean[i];
    }
    coefficients[0] = intercept;

    long df = n - k - 1;
    double sse = Math.max(0.0, syy - fitted);
    double sigma2 = sse / df;
    double[] se = new double[k + 1];
    double interceptVariance = 1.0 / n;
    for (int i = 0; i < k; i++) {
      se[i + 1] = Math.sqrt(sigma2 * sxxInverse[i][i]);
      for (int j = 0; j < k; j++) {
        interceptVariance += mean[i] * sxxInverse[i][j] * mean[j];
      }
    }
    se[0] = Math.sqrt(sigma2 * interceptVariance);

    TDistribution t = new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    double[] tStats = new double[k + 1];
    double[] pValues = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      if (sigma2 > 0) {
        tStats[i] = coefficients[i] / se[i];
        pValues[i] = 2 * t.cumulativeProbability(-Math.abs(tStats[i]));
      } else {
        tStats[i] = Double.NaN;
        pValues[i] = Double.NaN;
      }
    }
    double[] betas = new double[k + 1];
    betas[0] = Double.NaN;
    for (int i = 0; i < k; i++) {
      betas[i + 1] = coefficients[i + 1] * scale[i] / Math.sqrt(syy);
    }
    return new Result(new Fit(coefficients, se, tStats, pValues, betas, 1 - sse / syy, n, df), null);
  }

  /** Two-sided {@link Confidence#LEVEL} interval of term {@code i}'s coefficient (Student t). */
  public static Interval coefficientInterval(Fit fit, int i) {
    double q = new TDistribution(null, fit.degreesOfFreedom(), TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
        .inverseCumulativeProbability(1 - (1 - Confidence.LEVEL) / 2);
    double b = fit.coefficients()[i];
    double half = q * fit.standardErrors()[i];
    return new Interval(b, b - half, b + half);
  }
}
