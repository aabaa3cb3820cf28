package io.servicemetrics.report;

/**
 * 95% intervals for the period KPIs. Stand-in for the shared io.servicemetrics.stats (branch
 * analytics): replace the calls with it at merge; the formulas are the same textbook ones.
 */
final class Intervals {
  /** Two-sided 95% normal quantile. */
  static final double Z95 = 1.959963984540054;

  private Intervals() {}

  /** Wilson score interval for k successes in n trials, or null when n = 0. */
  static double[] wilson(long k, long n) {
    if (n <= 0) {
      return null;
    }
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * NPS interval from the trinomial standard error: NPS = 100 (pP - pD), se = 100 sqrt((pP + pD -
   * (pP - pD)^2) / n), clamped to [-100, 100]; null when n = 0.
   */
  static double[] nps(long promoters, long detractors, long n) {
    if (n <= 0 || promoters < 0 || detractors < 0) {
      return null;
    }
    double pp = (double) promoters / n;
    double pd = (double) detractors / n;
    double nps = 100 * (pp - pd);
    double se = 100 * Math.sqrt(Math.max(0, pp + pd - (pp - pd) * (pp - pd)) / n);
    return new double[] {Math.max(-100, nps - Z95 * se), Math.min(100, nps + Z95 * se)};
  }

  /** Wald interval of the difference p1 - p2 of two independent proportions, or null. */
  static double[] difference(long k1, long n1, long k2, long n2) {
    if (n1 <= 0 || n2 <= 0) {
      return null;
    }
    double p1 = (double) k1 / n1;
    double p2 = (double) k2 / n2;
    double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
    return new double[] {p1 - p2 - Z95 * se, p1 - p2 + Z95 * se};
  }
}
