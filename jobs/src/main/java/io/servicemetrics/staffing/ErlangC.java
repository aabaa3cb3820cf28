package io.servicemetrics.staffing;

/**
 * Erlang C (M/M/N, callers wait forever): the classic staffing formulas for offered traffic
 * {@code a} Erlangs (arrival rate x average handle time) and {@code n} agents. Pure functions, no
 * state. Every formula is in docs/METRICS.md "Staffing and what resolution is worth".
 *
 * <p>Erlang B is computed by the recurrence B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), whose terms
 * stay in [0, 1]: no factorial or power of {@code a} is ever formed, so hundreds or thousands of
 * Erlangs are as exact as ten.
 */
public final class ErlangC {
  private ErlangC() {}

  /** Erlang B blocking probability of {@code n} servers offered {@code a} Erlangs (the recurrence). */
  public static double erlangB(double a, int n) {
    requireTraffic(a);
    if (n < 0) {
      throw new IllegalArgumentException("agents must be >= 0, got " + n);
    }
    double b = 1.0;
    for (int k = 1; k <= n; k++) {
      b = nextErlangB(a, b, k);
    }
    return b;
  }

  /** B(k) from B(k-1): the step of the recurrence, for callers that walk k upwards. */
  static double nextErlangB(double a, double previous, int k) {
    double ab = a * previous;
    return ab / (k + ab);
  }

  /**
   * Probability that a caller waits, C(n, a) = n B / (n - a (1 - B)); 1 when {@code n <= a}
   * (the queue grows without bound, everyone waits).
   */
  public static double waitProbability(double a, int n) {
    return waitProbabilityFromB(a, n, erlangB(a, n));
  }

  static double waitProbabilityFromB(double a, int n, double b) {
    if (a == 0) {
      return 0.0;
    }
    if (n <= a) {
      return 1.0;
    }
    return n * b / (n - a * (1 - b));
  }

  /**
   * Service level: the share of callers answered within {@code targetSeconds},
   * 1 - C exp(-(n - a) T / AHT); 0 when {@code n <= a}.
   */
  public static double serviceLevel(double a, int n, double targetSeconds, double ahtSeconds) {
    return serviceLevelFromC(a, n, waitProbability(a, n), targetSeconds, ahtSeconds);
  }

  static double serviceLevelFromC(double a, int n, double c, double targetSeconds, double ahtSeconds) {
    if (a == 0) {
      return 1.0;
    }
    if (n <= a) {
      return 0.0;
    }
    return 1.0 - c * Math.exp(-(n - a) * targetSeconds / ahtSeconds);
  }

  /**
   * Average speed of answer over all callers (those answered at once count 0 s), C AHT / (n - a);
   * infinite when {@code n <= a}.
   */
  public static double asaSeconds(double a, int n, double ahtSeconds) {
    return asaFromC(a, n, waitProbability(a, n), ahtSeconds);
  }

  static double asaFromC(double a, int n, double c, double ahtSeconds) {
    if (a == 0) {
      return 0.0;
    }
    if (n <= a) {
      return Double.POSITIVE_INFINITY;
    }
    return c * ahtSeconds / (n - a);
  }

  /** Share of agent time spent handling, a / n; capped at 1 when {@code n <= a} (always busy). */
  public static double occupancy(double a, int n) {
    if (a == 0) {
      return 0.0;
    }
    return n <= a ? 1.0 : a / n;
  }

  static void requireTraffic(double a) {
    if (!(a >= 0) || Double.isInfinite(a)) {
      throw new IllegalArgumentException("traffic must be a finite number >= 0, got " + a);
    }
  }
}
