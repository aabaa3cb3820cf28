package io.servicemetrics.stats;

/** Wilson score interval for a binomial proportion (Wilson 1927), at {@link Confidence#LEVEL}. */
public final class Wilson {
  private Wilson() {}

  /**
   * The proportion k/n with its Wilson score interval:
   * {@code (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n)}, clipped to [0, 1] against
   * rounding.
   *
   * @return null when n = 0 (no proportion is defined)
   * @throws IllegalArgumentException when k < 0, n < 0 or k > n
   */
  public static Interval interval(long k, long n) {
    if (k < 0 || n < 0 || k > n) {
      throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + " n=" + n);
    }
    if (n == 0) {
      return null;
    }
    double z = Confidence.Z;
    double z2 = z * z;
    double p = (double) k / n;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new Interval(p, Math.max(0.0, centre - half), Math.min(1.0, centre + half));
  }
}
