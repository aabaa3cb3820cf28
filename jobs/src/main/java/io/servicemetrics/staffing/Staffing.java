package io.servicemetrics.staffing;

import io.servicemetrics.errors.Errors;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The staffing calculator: what N agents achieve for a workload, and the smallest N that meets a
 * goal. Erlang C when callers never abandon, Erlang A when they have a finite patience. Pure Java:
 * the command line calls it without Spark, and the warehouse tables call it on aggregated rows.
 */
public final class Staffing {
  private Staffing() {}

  /** The search for N stops here: beyond it the input is almost certainly a unit mistake. */
  public static final int MAX_AGENTS = 10_000;
  /**
   * Slack for ceil(N / (1 - shrinkage)): 14 / (1 - 0.30) is 20.000000000000004 in binary floating
   * point and must give 20 positions, not 21.
   */
  private static final double POSITIONS_SLACK = 1e-9;

  /** What {@code agents} agents achieve for the workload (positions after the goal's shrinkage). */
  public static StaffingResult evaluate(Workload load, StaffingGoal goal, int agents) {
    if (agents < 0 || agents > MAX_AGENTS) {
      throw Errors.badArgument("--agents is " + agents,
          "The calculator evaluates 0 to " + MAX_AGENTS + " agents",
          "Pass a number of agents in that range, or leave --agents out to find the number needed");
    }
    return evaluate(load, goal, agents, ErlangC.erlangB(load.trafficErlangs(), agents));
  }

  /**
   * The smallest N whose service level meets the goal with occupancy at most the goal's maximum.
   *
   * @throws io.servicemetrics.errors.ServiceMetricsException (bad input, exit 2) when no N up to
   *     {@link #MAX_AGENTS} does
   */
  public static StaffingResult required(Workload load, StaffingGoal goal) {
    double a = load.trafficErlangs();
    double b = 1.0;
    StaffingResult last = null;
    // Erlang B is walked up with N (its recurrence), so the whole search costs O(N) steps.
    for (int n = 0; n <= MAX_AGENTS; n++) {
      if (n > 0) {
        b = ErlangC.nextErlangB(a, b, n);
      }
      if (!load.abandons() && n <= a && a > 0) {
        continue; // Erlang C is unstable here: the queue grows without bound.
      }
      last = evaluate(load, goal, n, b);
      if (last.serviceLevel() >= goal.serviceLevel() && last.occupancy() <= goal.maxOccupancy()) {
        return last;
      }
    }
    throw Errors.badArgument(
        "No staffing up to " + MAX_AGENTS + " agents answers " + plain(goal.serviceLevel()) + " of calls within "
            + plain(goal.targetSeconds()) + " s at occupancy <= " + plain(goal.maxOccupancy()),
        "The offered traffic is " + plain(a) + " Erlangs (" + plain(load.callsPerInterval()) + " calls per "
            + plain(load.intervalMinutes()) + " minutes x " + plain(load.ahtSeconds()) + " s handle time)"
            + (last == null ? "" : "; " + MAX_AGENTS + " agents reach a service level of " + plain(last.serviceLevel())),
        "Check the units of --calls-per-interval, --interval-minutes and --aht-seconds, or ask for a reachable goal"
            + " (a lower --service-level or a longer --target-seconds)");
  }

  /** A number as a person writes it: 1000000, 0.8, 33.333333 (at most 8 significant digits). */
  private static String plain(double value) {
    return new BigDecimal(value).round(new MathContext(8)).stripTrailingZeros().toPlainString();
  }

  /** Positions to schedule for N agents on the phones: ceil(N / (1 - shrinkage)). */
  public static int positions(int agents, double shrinkage) {
    return (int) Math.ceil(agents / (1.0 - shrinkage) - POSITIONS_SLACK);
  }

  private static StaffingResult evaluate(Workload load, StaffingGoal goal, int n, double erlangB) {
    double a = load.trafficErlangs();
    int positions = positions(n, goal.shrinkage());
    if (load.abandons()) {
      ErlangA.Measures m = ErlangA.evaluate(
          load.arrivalsPerSecond(), load.ahtSeconds(), load.patienceSeconds(), n, goal.targetSeconds(), erlangB);
      return new StaffingResult(n, positions, a, m.serviceLevel(), m.asaSeconds(), m.occupancy(),
          m.waitProbability(), m.abandonProbability(), true);
    }
    double c = ErlangC.waitProbabilityFromB(a, n, erlangB);
    return new StaffingResult(n, positions, a,
        ErlangC.serviceLevelFromC(a, n, c, goal.targetSeconds(), load.ahtSeconds()),
        ErlangC.asaFromC(a, n, c, load.ahtSeconds()),
        ErlangC.occupancy(a, n), c, 0.0, false);
  }
}
