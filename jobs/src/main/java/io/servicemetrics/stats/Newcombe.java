package io.servicemetrics.stats;

/**
 * Difference of two independent proportions with Newcombe's hybrid score interval (Newcombe 1998,
 * method 10), built from the two {@link Wilson} intervals.
 */
public final class Newcombe {
  private Newcombe() {}

  /**
   * d = k1/n1 − k2/n2 with interval [d − sqrt((p1 − l1)² + (u2 − p2)²), d + sqrt((u1 − p1)² +
   * (p2 − l2)²)], where (l, u) are the Wilson bounds.
   *
   * @return null when n1 = 0 or n2 = 0
   */
  public static Interval difference(long k1, long n1, long k2, long n2) {
    Interval a = Wilson.interval(k1, n1);
    Interval b = Wilson.interval(k2, n2);
    if (a == null || b == null) {
      return null;
    }
    double d = a.estimate() - b.estimate();
    double low = d - Math.hypot(a.estimate() - a.low(), b.high() - b.estimate());
    double high = d + Math.hypot(a.high() - a.estimate(), b.estimate() - b.low());
    return new Interval(d, low, high);
  }
}
