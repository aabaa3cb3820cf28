package io.servicemetrics.staffing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import org.junit.jupiter.api.Test;

/**
 * The published staffing checks (100 calls per 30 minutes, AHT 180 s: 10 Erlangs) and literal edge
 * cases. Values not published were computed independently with 40-digit arithmetic (mpmath: the
 * Erlang B recurrence, and for Erlang A the incomplete gamma A(x, y) = x e^y y^-x gamma(x, y)).
 */
class StaffingTest {
  private static final Workload TEN_ERLANGS = Workload.withoutAbandonment(100, 30, 180);
  private static final Workload TEN_ERLANGS_FIVE_MINUTE_PATIENCE = new Workload(100, 30, 180, 300);
  private static final StaffingGoal EIGHTY_IN_TWENTY = new StaffingGoal(20, 0.80, 0.85, 0.30);

  /** |actual - expected| <= relative x |expected|. */
  private static void assertRelative(double expected, double actual, double relative, String what) {
    assertEquals(expected, actual, relative * Math.abs(expected), what);
  }

  @Test
  void erlangCReproducesThePublishedCheck() {
    StaffingResult r = Staffing.required(TEN_ERLANGS, EIGHTY_IN_TWENTY);
    assertEquals(14, r.agents(), "agents");
    assertEquals(20, r.positions(), "positions after 30 % shrinkage");
    assertRelative(10.0, r.trafficErlangs(), 1e-12, "traffic");
    assertRelative(0.8883500, r.serviceLevel(), 1e-6, "service level");
    assertRelative(7.835937, r.asaSeconds(), 1e-6, "ASA");
    assertRelative(0.7142857, r.occupancy(), 1e-6, "occupancy");
    assertRelative(0.1741319, r.waitProbability(), 1e-6, "P(wait)");
    assertEquals(0.0, r.abandonProbability(), "no abandonment under Erlang C");
    assertFalse(r.abandonment(), "Erlang C");
  }

  @Test
  void erlangCThirteenAgentsMissTheGoal() {
    StaffingResult r = Staffing.evaluate(TEN_ERLANGS, EIGHTY_IN_TWENTY, 13);
    assertRelative(0.7955948, r.serviceLevel(), 1e-6, "service level of 13 agents");
    assertRelative(17.11622718218958, r.asaSeconds(), 1e-9, "ASA of 13 agents");
  }

  @Test
  void erlangAReproducesThePublishedCheckWithFiveMinutePatience() {
    StaffingResult r = Staffing.evaluate(TEN_ERLANGS_FIVE_MINUTE_PATIENCE, EIGHTY_IN_TWENTY, 14);
    assertTrue(r.abandonment(), "Erlang A");
    // Published to 5 or 6 significant digits: asserted to half a unit of the last one.
    assertEquals(0.14526, r.waitProbability(), 0.000005, "P(wait) as published");
    assertEquals(0.013984, r.abandonProbability(), 0.0000005, "P(abandon) as published");
    assertEquals(0.069919, r.asaSeconds() / 60, 0.0000005, "ASA in minutes as published");
    assertEquals(0.916792, r.serviceLevel(), 0.0000005, "service level as published");
    // And to 1e-9 against the 40-digit computation.
    assertRelative(0.14526011429636120, r.waitProbability(), 1e-9, "P(wait)");
    assertRelative(0.013983744122408938, r.abandonProbability(), 1e-9, "P(abandon)");
    assertRelative(4.1951232367226813, r.asaSeconds(), 1e-9, "ASA seconds = P(abandon) x patience");
    assertRelative(0.91679209186354687, r.serviceLevel(), 1e-9, "answered within 20 s, of all callers");
    assertRelative(0.70429732562685076, r.occupancy(), 1e-9, "occupancy of answered traffic");
  }

  @Test
  void erlangAInOverloadUsesTheRegularizedGamma() {
    // 8 agents for 10 Erlangs: only abandonment keeps the queue finite (y = 16.7 > x + 1 = 14.3).
    ErlangA.Measures m = ErlangA.evaluate(100.0 / 1800, 180, 300, 8, 20);
    assertRelative(0.84756976974023780, m.waitProbability(), 1e-9, "P(wait)");
    assertRelative(0.23186413468671067, m.abandonProbability(), 1e-9, "P(abandon)");
    assertRelative(0.22645182115908740, m.serviceLevel(), 1e-8, "service level");
    assertRelative(69.559240406013200, m.asaSeconds(), 1e-9, "ASA");
    assertRelative(0.96016983164161167, m.occupancy(), 1e-9, "occupancy");
  }

  @Test
  void erlangAConvergesToErlangCAsPatienceGrows() {
    StaffingResult c = Staffing.evaluate(TEN_ERLANGS, EIGHTY_IN_TWENTY, 14);
    for (double patience : new double[] {1e7, 1e8, 1e9}) {
      StaffingResult a = Staffing.evaluate(new Workload(100, 30, 180, patience), EIGHTY_IN_TWENTY, 14);
      String at = " at patience " + patience + " s";
      assertEquals(c.waitProbability(), a.waitProbability(), 1e-4, "P(wait)" + at);
      assertEquals(c.serviceLevel(), a.serviceLevel(), 1e-4, "service level" + at);
      assertEquals(c.asaSeconds(), a.asaSeconds(), 1e-4 * c.asaSeconds(), "ASA" + at);
      assertEquals(c.occupancy(), a.occupancy(), 1e-4, "occupancy" + at);
      assertEquals(0.0, a.abandonProbability(), 1e-4, "P(abandon)" + at);
    }
    // And exactly where 40 digits put it at 10^7 s.
    StaffingResult a = Staffing.evaluate(new Workload(100, 30, 180, 1e7), EIGHTY_IN_TWENTY, 14);
    assertRelative(0.17413031579122293, a.waitProbability(), 1e-9, "P(wait) at 1e7 s");
    assertRelative(7.8356526555195812, a.asaSeconds(), 1e-7, "ASA at 1e7 s");
    assertRelative(0.88835168089458764, a.serviceLevel(), 1e-9, "service level at 1e7 s");
  }

  @Test
  void zeroTrafficNeedsNoAgents() {
    for (Workload idle : new Workload[] {Workload.withoutAbandonment(0, 30, 180), new Workload(0, 30, 180, 300)}) {
      StaffingResult r = Staffing.required(idle, EIGHTY_IN_TWENTY);
      assertEquals(0, r.agents(), "agents for no calls");
      assertEquals(0, r.positions(), "positions");
      assertEquals(0.0, r.trafficErlangs(), "traffic");
      assertEquals(1.0, r.serviceLevel(), "nobody waits");
      assertEquals(0.0, r.asaSeconds(), "ASA");
      assertEquals(0.0, r.occupancy(), "occupancy");
      assertEquals(0.0, r.waitProbability(), "P(wait)");
      assertEquals(0.0, r.abandonProbability(), "P(abandon)");
    }
  }

  @Test
  void oneAgentIsTheMM1Queue() {
    // 5 calls per 30 minutes x 180 s = 0.5 Erlang on one agent: P(wait) = rho = 0.5,
    // ASA = rho AHT / (1 - rho) = 180 s, service level = 1 - 0.5 exp(-0.5 x 20 / 180).
    StaffingResult r = Staffing.evaluate(Workload.withoutAbandonment(5, 30, 180), EIGHTY_IN_TWENTY, 1);
    assertRelative(0.5, r.waitProbability(), 1e-14, "P(wait)");
    assertRelative(180.0, r.asaSeconds(), 1e-13, "ASA");
    assertRelative(1 - 0.5 * Math.exp(-0.5 * 20 / 180), r.serviceLevel(), 1e-14, "service level");
    assertRelative(0.5, r.occupancy(), 1e-14, "occupancy");
    assertEquals(2, r.positions(), "ceil(1 / 0.7)");
    assertRelative(1.0 / 3, ErlangC.erlangB(0.5, 1), 1e-15, "Erlang B = a / (1 + a)");
  }

  @Test
  void fiveHundredErlangsStayExact() {
    Workload huge = Workload.withoutAbandonment(5000, 30, 180);
    assertRelative(500.0, huge.trafficErlangs(), 1e-12, "traffic");
    assertRelative(0.034847777414685505, ErlangC.erlangB(500, 500), 1e-12, "Erlang B(500, 500)");
    StaffingResult sl = Staffing.required(huge, new StaffingGoal(20, 0.80, 1.0, 0.30));
    assertEquals(510, sl.agents(), "agents for 80/20 without an occupancy cap");
    assertRelative(0.81887449154186065, sl.serviceLevel(), 1e-9, "service level at 510");
    assertRelative(9.9037928297214265, sl.asaSeconds(), 1e-9, "ASA at 510");
    // Erlang A at 500 Erlangs: the series and the gamma both stay finite.
    StaffingResult a = Staffing.required(new Workload(5000, 30, 180, 300), new StaffingGoal(20, 0.80, 1.0, 0.30));
    // Overloaded but stable: 3.6 % hang up and the rest wait about 11 s, so fewer agents than Erlangs suffice.
    assertEquals(484, a.agents(), "Erlang A agents at 500 Erlangs, 5-minute patience, no occupancy cap");
    assertRelative(0.80383504735304435, a.serviceLevel(), 1e-9, "service level at 484");
    assertRelative(0.036100152764010528, a.abandonProbability(), 1e-9, "P(abandon) at 484");
    assertRelative(10.830045829203158, a.asaSeconds(), 1e-9, "ASA at 484");
    assertTrue(Staffing.evaluate(new Workload(5000, 30, 180, 300), new StaffingGoal(20, 0.80, 1.0, 0.30), 483)
        .serviceLevel() < 0.80, "483 agents miss the goal (0.78832)");
    ErlangA.Measures one = ErlangA.evaluate(5000.0 / 1800, 180, 300, 1, 20);
    assertRelative(0.998, one.abandonProbability(), 1e-12, "one agent for 500 Erlangs: all but 1/500 abandon");
    assertRelative(299.4, one.asaSeconds(), 1e-12, "ASA = P(abandon) x patience");
  }

  @Test
  void theOccupancyCapBindsWhenTheServiceLevelIsEasy() {
    // 80 % within 600 s: 11 agents give 0.97567 but run at 10/11 = 0.909 > 0.85, so 12.
    StaffingResult r = Staffing.required(TEN_ERLANGS, new StaffingGoal(600, 0.80, 0.85, 0.30));
    assertEquals(12, r.agents(), "agents");
    assertRelative(10.0 / 12, r.occupancy(), 1e-12, "occupancy");
    assertRelative(0.99942809335583395, r.serviceLevel(), 1e-9, "service level at 12");
    assertRelative(0.97566611970387301, ErlangC.serviceLevel(10, 11, 600, 180), 1e-9,
        "11 agents meet the service level alone");
    // At 500 Erlangs the cap decides too: 510 meet 80/20, ceil(500 / 0.85) = 589 are needed.
    StaffingResult huge = Staffing.required(Workload.withoutAbandonment(5000, 30, 180), EIGHTY_IN_TWENTY);
    assertEquals(589, huge.agents(), "agents at 500 Erlangs with occupancy <= 0.85");
    assertEquals(842, huge.positions(), "ceil(589 / 0.7)");
  }

  @Test
  void positionsRoundUpWithoutFloatingPointNoise() {
    assertEquals(20, Staffing.positions(14, 0.30), "14 / 0.7 is 20.000000000000004 in doubles, still 20");
    assertEquals(22, Staffing.positions(15, 0.30), "15 / 0.7 = 21.43");
    assertEquals(15, Staffing.positions(15, 0.0), "no shrinkage");
    assertEquals(0, Staffing.positions(0, 0.30), "no agents");
    assertEquals(100, Staffing.positions(50, 0.50), "exactly half");
    assertEquals(12, Staffing.positions(7, 0.40), "7 / 0.6 = 11.67");
  }

  @Test
  void anUnreachableGoalIsBadInput() {
    // 1,000,000 calls per 30 minutes at 180 s = 100,000 Erlangs: more than 10,000 agents.
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> Staffing.required(Workload.withoutAbandonment(1_000_000, 30, 180), EIGHTY_IN_TWENTY));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode(), "exit code");
    assertEquals("No staffing up to 10000 agents answers 0.8 of calls within 20 s at occupancy <= 0.85."
        + " The offered traffic is 100000 Erlangs (1000000 calls per 30 minutes x 180 s handle time)."
        + " Check the units of --calls-per-interval, --interval-minutes and --aht-seconds, or ask for a reachable"
        + " goal (a lower --service-level or a longer --target-seconds).", e.getMessage(), "message");
  }

  @Test
  void badValuesAreRejectedWithTheirOption() {
    assertBad(() -> Workload.withoutAbandonment(-1, 30, 180), "--calls-per-interval");
    assertBad(() -> Workload.withoutAbandonment(100, 0, 180), "--interval-minutes");
    assertBad(() -> Workload.withoutAbandonment(100, 30, -5), "--aht-seconds");
    assertBad(() -> new Workload(100, 30, 180, 0), "--patience-seconds");
    assertBad(() -> new StaffingGoal(-1, 0.8, 0.85, 0.3), "--target-seconds");
    assertBad(() -> new StaffingGoal(20, 0, 0.85, 0.3), "--service-level");
    assertBad(() -> new StaffingGoal(20, 1.2, 0.85, 0.3), "--service-level");
    assertBad(() -> new StaffingGoal(20, 0.8, 0, 0.3), "--max-occupancy");
    assertBad(() -> new StaffingGoal(20, 0.8, 1.01, 0.3), "--max-occupancy");
    assertBad(() -> new StaffingGoal(20, 0.8, 0.85, 1), "--shrinkage");
    assertBad(() -> Staffing.evaluate(TEN_ERLANGS, EIGHTY_IN_TWENTY, -1), "--agents");
  }

  private static void assertBad(Runnable r, String option) {
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class, r::run, option);
    assertEquals(ExitCode.BAD_INPUT, e.exitCode(), option);
    assertTrue(e.getMessage().startsWith(option), e.getMessage());
  }
}
