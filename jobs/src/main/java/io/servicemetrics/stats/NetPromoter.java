package io.servicemetrics.stats;

/** Net Promoter Score with an interval from the trinomial standard error. */
public final class NetPromoter {
  /** Scores at or above this are promoters (9-10). */
  public static final int PROMOTER_MIN = 9;
  /** Scores at or below this are detractors (0-6). */
  public static final int DETRACTOR_MAX = 6;

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
