package io.servicemetrics.staffing;

import io.servicemetrics.errors.Errors;

/**
 * The load one interval brings to a queue, validated once.
 *
 * @param callsPerInterval arrivals in the interval (a mean, so fractional is fine), >= 0
 * @param intervalMinutes length of the interval, > 0
 * @param ahtSeconds average handle time (talk + hold + after-call work), > 0
 * @param patienceSeconds mean patience of callers (exponential), > 0; {@link #NEVER_ABANDON}
 *     (positive infinity) for callers who wait forever, i.e. Erlang C
 */
public record Workload(double callsPerInterval, double intervalMinutes, double ahtSeconds, double patienceSeconds) {
  /** Callers who never hang up: the workload is then modelled by Erlang C. */
  public static final double NEVER_ABANDON = Double.POSITIVE_INFINITY;

  public Workload {
    if (!(callsPerInterval >= 0) || Double.isInfinite(callsPerInterval)) {
      throw Errors.badArgument("--calls-per-interval is " + callsPerInterval,
          "It is the number of calls arriving in one interval and cannot be negative",
          "Pass a count >= 0, e.g. --calls-per-interval 100");
    }
    if (!(intervalMinutes > 0) || Double.isInfinite(intervalMinutes)) {
      throw Errors.badArgument("--interval-minutes is " + intervalMinutes,
          "The calls arrive over an interval of positive length",
          "Pass e.g. --interval-minutes 30");
    }
    if (!(ahtSeconds > 0) || Double.isInfinite(ahtSeconds)) {
      throw Errors.badArgument("--aht-seconds is " + ahtSeconds,
          "The average handle time of a call must be a positive number of seconds",
          "Pass e.g. --aht-seconds 180");
    }
    if (!(patienceSeconds > 0)) {
      throw Errors.badArgument("--patience-seconds is " + patienceSeconds,
          "The mean time callers wait before hanging up must be positive",
          "Pass e.g. --patience-seconds 300, or leave it out for callers who never hang up (Erlang C)");
    }
  }

  /** Callers who wait forever (Erlang C). */
  public static Workload withoutAbandonment(double callsPerInterval, double intervalMinutes, double ahtSeconds) {
    return new Workload(callsPerInterval, intervalMinutes, ahtSeconds, NEVER_ABANDON);
  }

  /** True when callers hang up after a finite patience (Erlang A). */
  public boolean abandons() {
    return !Double.isInfinite(patienceSeconds);
  }

  /** lambda: arrivals per second. */
  public double arrivalsPerSecond() {
    return callsPerInterval / (intervalMinutes * 60.0);
  }

  /** Offered traffic a = lambda x AHT, in Erlangs (agents kept busy if every call were answered). */
  public double trafficErlangs() {
    return arrivalsPerSecond() * ahtSeconds;
  }
}
