package io.servicemetrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class OlsTest {
  private static final List<String> FOUR = List.of("fcr", "handle", "wait", "transfers");

  /** Sums over rows, exactly what the Spark aggregation produces. */
  static Ols.SufficientStatistics sums(double[][] x, double[] y) {
    int k = x[0].length;
    double[] sx = new double[k];
    double[][] sxx = new double[k][k];
    double[] sxy = new double[k];
    double sy = 0;
    double syy = 0;
    for (int r = 0; r < y.length; r++) {
      sy += y[r];
      syy += y[r] * y[r];
      for (int i = 0; i < k; i++) {
        sx[i] += x[r][i];
        sxy[i] += x[r][i] * y[r];
        for (int j = 0; j < k; j++) {
          sxx[i][j] += x[r][i] * x[r][j];
        }
      }
    }
    return new Ols.SufficientStatistics(y.length, sx, sy, sxx, sxy, syy);
  }

  @Test
  void simpleRegressionMatchesTheHandComputation() {
    // x = 1..5, y = 2,4,5,4,5: Sxx = 10, Sxy = 6, Syy = 6 → b = 0.6, a = 4 − 0.6·3 = 2.2;
    // SSE = 0.64+0.36+1+0.36+0.04 = 2.4, σ² = 2.4/3 = 0.8; se(b) = sqrt(0.8/10) = 0.282843;
    // se(a) = sqrt(0.8·(1/5 + 9/10)) = sqrt(0.88); t = 2.12132, p (t, 3 df) = 0.124027 (scipy);
    // r² = 1 − 2.4/6 = 0.6; standardized beta = 0.6·sqrt(10/6) = sqrt(0.6) = r.
    Ols.Result result = Ols.fit(
        sums(new double[][] {{1}, {2}, {3}, {4}, {5}}, new double[] {2, 4, 5, 4, 5}), List.of("x"));
    assertTrue(result.fitted(), "a well-posed regression fits: " + result.reason());
    Ols.Fit fit = result.fit();
    assertEquals(2.2, fit.coefficients()[0], 1e-12, "intercept");
    assertEquals(0.6, fit.coefficients()[1], 1e-12, "slope");
    assertEquals(Math.sqrt(0.88), fit.standardErrors()[0], 1e-12, "intercept std error");
    assertEquals(Math.sqrt(0.08), fit.standardErrors()[1], 1e-12, "slope std error");
    assertEquals(2.1213203435596424, fit.tStats()[1], 1e-9, "slope t");
    assertEquals(0.1240270626575546, fit.pValues()[1], 1e-7, "two-sided p with 3 df");
    assertEquals(0.6, fit.rSquared(), 1e-12, "r squared");
    assertEquals(Math.sqrt(0.6), fit.standardizedBetas()[1], 1e-12, "standardized beta = r");
    assertTrue(Double.isNaN(fit.standardizedBetas()[0]), "no standardized beta for the intercept");
    assertEquals(3, fit.degreesOfFreedom(), "n − k − 1");
  }

  @Test
  void multipleRegressionMatchesCommonsMathOnRows() {
    double[][] x = {
      {1, 4.5, 0.5, 0}, {0, 9.0, 2.0, 1}, {1, 3.0, 0.2, 0}, {1, 6.5, 1.5, 0},
      {0, 12.0, 4.0, 2}, {0, 7.0, 0.8, 1}, {1, 5.5, 3.0, 0}, {1, 8.0, 0.1, 1},
      {0, 4.0, 2.5, 0}, {1, 10.0, 1.0, 1}, {0, 15.0, 5.0, 3}, {1, 2.5, 0.4, 0}
    };
    double[] y = {5, 2, 5, 4, 1, 3, 4, 4, 3, 4, 1, 5};
    OLSMultipleLinearRegression reference = new OLSMultipleLinearRegression();
    reference.newSampleData(y, x);
    double[] b = reference.estimateRegressionParameters();
    double[] se = reference.estimateRegressionParametersStandardErrors();

    Ols.Fit fit = Ols.fit(sums(x, y), FOUR).fit();
    for (int i = 0; i < b.length; i++) {
      assertEquals(b[i], fit.coefficients()[i], 1e-9, "coefficient " + i + " equals commons-math's");
      assertEquals(se[i], fit.standardErrors()[i], 1e-9, "std error " + i + " equals commons-math's");
    }
    assertEquals(reference.calculateRSquared(), fit.rSquared(), 1e-9, "r squared equals commons-math's");
    assertEquals(12, fit.n(), "n");
  }

  @Test
  void constantPredictorIsReportedAsSingular() {
    double[][] x = {{1, 3, 1, 0}, {0, 5, 2, 0}, {1, 4, 0, 0}, {0, 6, 1, 0}, {1, 2, 3, 0}, {0, 7, 2, 0}, {1, 1, 1, 0}};
    Ols.Result result = Ols.fit(sums(x, new double[] {5, 2, 4, 3, 5, 1, 4}), FOUR);
    assertFalse(result.fitted(), "transfers all 0 make X'X singular");
    assertEquals("singular design: predictor transfers is constant", result.reason(), "reason names the predictor");
  }

  @Test
  void collinearPredictorsAreReportedAsSingular() {
    // wait = 2 · handle: exactly collinear although neither is constant.
    double[][] x = {{1, 3, 6, 0}, {0, 5, 10, 1}, {1, 4, 8, 0}, {0, 6, 12, 2}, {1, 2, 4, 0}, {0, 7, 14, 1}, {1, 1, 2, 1}};
    Ols.Result result = Ols.fit(sums(x, new double[] {5, 2, 4, 3, 5, 1, 4}), FOUR);
    assertFalse(result.fitted(), "collinear predictors make X'X singular");
    assertTrue(result.reason().contains("collinear"), "reason says collinear: " + result.reason());
  }

  @Test
  void tooFewRowsOrConstantOutcomeGiveAReason() {
    double[][] x = {{1, 3, 1, 0}, {0, 5, 2, 1}, {1, 4, 0, 0}, {0, 6, 1, 2}, {1, 2, 3, 0}};
    Ols.Result small = Ols.fit(sums(x, new double[] {5, 2, 4, 3, 5}), FOUR);
    assertFalse(small.fitted(), "n = 5 = k + 1 leaves no residual degree of freedom");
    assertTrue(small.reason().startsWith("too few observations: n = 5"), small.reason());
    double[][] x6 = {{1, 3, 1, 0}, {0, 5, 2, 1}, {1, 4, 0, 0}, {0, 6, 1, 2}, {1, 2, 3, 0}, {0, 1, 1, 1}};
    Ols.Result flat = Ols.fit(sums(x6, new double[] {4, 4, 4, 4, 4, 4}), FOUR);
    assertFalse(flat.fitted(), "constant csat cannot be explained");
    assertTrue(flat.reason().contains("does not vary"), flat.reason());
  }
}
