package io.servicemetrics.report;

import io.servicemetrics.stats.Interval;
import io.servicemetrics.stats.NetPromoter;
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

  private static double[] bounds(Interval interval) {
    return interval == null ? null : new double[] {interval.low(), interval.high()};
  }
}
