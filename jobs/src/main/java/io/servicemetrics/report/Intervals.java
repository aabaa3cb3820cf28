package io.servicemetrics.report;

import io.servicemetrics.stats.Interval;
import io.servicemetrics.stats.NetPromoter;
import io.servicemetrics.stats.Newcombe;
import io.servicemetrics.stats.Wilson;

/** The report's view of the shared 95% intervals (io.servicemetrics.stats) as [low, high] pairs. */
final class Intervals {
  private Intervals() {}

  /** Wilson score interval for k successes in n trials, or null when n = 0. */
  static double[] wilson(long k, long n) {
    return bounds(Wilson.interval(k, n));
  }

  /** NPS points interval from the trinomial standard error, or null when n = 0. */
  static double[] nps(long promoters, long detractors, long n) {
    return n <= 0 || promoters < 0 || detractors < 0 ? null : bounds(NetPromoter.interval(promoters, detractors, n));
  }

  /** Newcombe (hybrid Wilson) interval of the difference p1 - p2 of two proportions, or null. */
  static double[] difference(long k1, long n1, long k2, long n2) {
    return n1 <= 0 || n2 <= 0 ? null : bounds(Newcombe.difference(k1, n1, k2, n2));
  }

  private static double[] bounds(Interval interval) {
    return interval == null ? null : new double[] {interval.low(), interval.high()};
  }
}
