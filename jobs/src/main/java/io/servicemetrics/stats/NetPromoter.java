package io.servicemetrics.stats;

/**
 * Net Promoter Score with an interval from the trinomial standard error, from counts: who is a
 * promoter or detractor is decided once, by metrics/DailyServiceMetricsTransforms' NPS bands.
 */
public final class NetPromoter {
  private NetPromoter() {}

  /**
   * NPS = 100 (p − d) with p = promoters/n, d = detractors/n; its variance under the trinomial
   * model is {@code (p + d − (p − d)²) / n}, and the interval is NPS ± z·100·sqrt(var), clipped to
   * [−100, 100].
   *
   * @return null when n = 0
   * @throws IllegalArgumentException when counts are negative or promoters + detractors > n
   */
  public static Interval interval(long promoters, long detractors, long n) {
    if (promoters < 0 || detractors < 0 || n < 0 || promoters + detractors > n) {
      throw new IllegalArgumentException(
          "need 0 <= promoters + detractors <= n, got " + promoters + ", " + detractors + ", " + n);
    }
    if (n == 0) {
      return null;
    }
    double p = (double) promoters / n;
    double d = (double) detractors / n;
    double variance = Math.max(0.0, (p + d - (p - d) * (p - d)) / n);
    double nps = 100 * (p - d);
    double half = Confidence.Z * 100 * Math.sqrt(variance);
    return new Interval(nps, Math.max(-100.0, nps - half), Math.min(100.0, nps + half));
  }
}
