package io.servicemetrics.staffing;

import org.apache.commons.math3.special.Gamma;

/**
 * Erlang A (M/M/N+M, Palm's queue): Erlang C plus callers who hang up after an exponential
 * patience with mean {@code patienceSeconds} (rate theta = 1 / patience). Formulas of Mandelbaum and
 * Zeltyn ("Service Engineering in Action: the Palm/Erlang-A Queue", 2007), written out in
 * docs/METRICS.md "Staffing and what resolution is worth".
 *
 * <p>Everything rests on A(x, y) = x e^y y^-x gamma(x, y) with x = n mu / theta and y = lambda /
 * theta, gamma the lower incomplete gamma function. Evaluated naively it overflows long before a
 * realistic centre (x and y run into the thousands, more as patience grows), so it is computed two
 * ways, each where it is well conditioned:
 *
 * <ul>
 *   <li>y &lt; x + 1 (the agents could serve everyone): its series A = sum_k y^k / ((x+1)...(x+k)),
 *       whose terms fall from the start; the abandonment numerator is summed from its own positive
 *       series (no difference of nearly equal numbers), which is what makes Erlang A converge to Erlang
 *       C as patience grows instead of losing every digit;
 *   <li>y &gt;= x + 1 (overload, only abandonment keeps the queue finite): commons-math3's regularized
 *       gamma P(x, y), which is then near 1, and {@link Gamma#logGamma}, in logarithms so A itself
 *       never has to be representable.
 * </ul>
 */
public final class ErlangA {
  private ErlangA() {}

  /** Relative size below which a series term no longer changes a double. */
  private static final double SERIES_EPSILON = 1e-17;
  /** A bound that only a patience billions of times the handle time could reach. */
  private static final long MAX_SERIES_TERMS = 200_000_000L;

  /**
   * The measures of one staffing level.
   *
   * @param waitProbability P(W > 0): share of callers who find every agent busy
   * @param abandonProbability share of callers who hang up before an agent answers
   * @param serviceLevel share of all callers answered (not abandoned) within the target
   * @param asaSeconds mean wait over all callers, answered or abandoned (zero waits included)
   * @param occupancy share of agent time spent handling: answered traffic / agents
   */
  public record Measures(
      double waitProbability, double abandonProbability, double serviceLevel, double asaSeconds, double occupancy) {}

  /**
   * Erlang A measures.
   *
   * @param arrivalsPerSecond lambda, >= 0
   * @param ahtSeconds average handle time 1 / mu, > 0
   * @param patienceSeconds mean patience 1 / theta, > 0 (finite; infinite patience is Erlang C)
   * @param agents n, >= 0
   * @param targetSeconds answer-time target of the service level, >= 0
   */
  public static Measures evaluate(
      double arrivalsPerSecond, double ahtSeconds, double patienceSeconds, int agents, double targetSeconds) {
    double a = arrivalsPerSecond * ahtSeconds;
    ErlangC.requireTraffic(a);
    return evaluate(arrivalsPerSecond, ahtSeconds, patienceSeconds, agents, targetSeconds, ErlangC.erlangB(a, agents));
  }

  /** As {@link #evaluate(double, double, double, int, double)} with Erlang B of (a, agents) given. */
  static Measures evaluate(
      double lambda, double ahtSeconds, double patienceSeconds, int n, double targetSeconds, double erlangB) {
    if (lambda == 0) {
      return new Measures(0, 0, 1, 0, 0);
    }
    if (n == 0) {
      // Nobody to answer: every caller waits out their patience and leaves.
      return new Measures(1, 1, 0, patienceSeconds, 0);
    }
    double theta = 1.0 / patienceSeconds;
    double mu = 1.0 / ahtSeconds;
    double x = n * mu / theta;
    double y = lambda / theta;
    double rho = y / x;
    double z = y * Math.exp(-theta * targetSeconds);
    double e = erlangB;
    double pWait;
    double pAbandon;
    double serviceLevel;
    if (y < x + 1) {
      Series s = series(x, y);
      pWait = e * s.sum / (e * s.sum + 1 - e);
      // 1 - (1 - 1/A) / rho = (sum_k k t_k) / (y A): the positive form of the abandonment factor.
      pAbandon = pWait * s.weightedTail / (y * s.sum);
      Series atY = series(x + 1, y);
      Series atZ = series(x + 1, z);
      double scale = Math.exp(-theta * targetSeconds * (x + 1) + y - z);
      double r = (x / (x + 1)) * (atY.sum - scale * atZ.sum) / s.sum;
      serviceLevel = 1 - pWait * (1 - r);
    } else {
      double regularized = Gamma.regularizedGammaP(x, y);
      double logA = Math.log(x) + y - x * Math.log(y) + Gamma.logGamma(x) + Math.log(regularized);
      double inverseA = Math.exp(-logA);
      pWait = e / (e + (1 - e) * inverseA);
      pAbandon = pWait * (1 - (1 - inverseA) / rho);
      double r = (x / y) * (Gamma.regularizedGammaP(x + 1, y) - Gamma.regularizedGammaP(x + 1, z)) / regularized;
      serviceLevel = 1 - pWait * (1 - r);
    }
    double asaSeconds = pAbandon * patienceSeconds;
    double occupancy = lambda * ahtSeconds * (1 - pAbandon) / n;
    return new Measures(pWait, pAbandon, clamp(serviceLevel), asaSeconds, Math.min(1.0, occupancy));
  }

  /** sum_k t_k and sum_k k t_k for t_0 = 1, t_k = t_(k-1) y / (x + k); requires y < x + 1. */
  private static Series series(double x, double y) {
    double term = 1.0;
    double sum = 1.0;
    double weighted = 0.0;
    for (long k = 1; k <= MAX_SERIES_TERMS; k++) {
      term *= y / (x + k);
      sum += term;
      weighted += k * term;
      if (k * term <= SERIES_EPSILON * weighted || term == 0) {
        return new Series(sum, weighted);
      }
    }
    throw new IllegalArgumentException("Erlang A series did not converge for x=" + x + ", y=" + y
        + " (a patience far beyond any real caller's)");
  }

  private record Series(double sum, double weightedTail) {}

  private static double clamp(double probability) {
    return Math.max(0.0, Math.min(1.0, probability));
  }
}
