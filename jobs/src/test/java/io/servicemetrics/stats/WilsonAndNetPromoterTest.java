package io.servicemetrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonAndNetPromoterTest {
  private static final double EPS = 1e-9;

  @Test
  void zIsTheNormal975Quantile() {
    assertEquals(1.959963984540054, Confidence.Z, 1e-12, "z for a two-sided 95% interval");
  }

  @Test
  void wilsonMatchesHandComputedIntervals() {
    // 0/10: upper = (z²/n) / (1 + z²/n) = 0.38415/1.38415 = 0.27753; lower 0.
    Interval none = Wilson.interval(0, 10);
    assertEquals(0.0, none.estimate(), EPS, "0 of 10");
    assertEquals(0.0, none.low(), EPS, "0/10 lower bound");
    assertEquals(0.2775327998628892, none.high(), EPS, "0/10 upper bound");
    // 5/10: centre 0.5, half = z·sqrt(0.025 + z²/400) / 1.38415 = 0.26341.
    Interval half = Wilson.interval(5, 10);
    assertEquals(0.236593090512564, half.low(), EPS, "5/10 lower bound");
    assertEquals(0.7634069094874361, half.high(), EPS, "5/10 upper bound");
    Interval threeOfFour = Wilson.interval(3, 4);
    assertEquals(0.75, threeOfFour.estimate(), EPS, "3/4");
    assertEquals(0.30064184258240184, threeOfFour.low(), EPS, "3/4 lower bound");
    assertEquals(0.9544127391902995, threeOfFour.high(), EPS, "3/4 upper bound");
  }

  @Test
  void wilsonIsUndefinedWithoutResponsesAndRejectsImpossibleCounts() {
    assertNull(Wilson.interval(0, 0), "n = 0 has no proportion");
    assertThrows(IllegalArgumentException.class, () -> Wilson.interval(3, 2), "k > n");
  }

  @Test
  void npsIntervalUsesTheTrinomialStandardError() {
    // p = 0.5, d = 0.2: NPS 30; var = (0.7 − 0.09)/100 = 0.0061; half = z·100·0.078102 = 15.3079.
    Interval nps = NetPromoter.interval(50, 20, 100);
    double half = Confidence.Z * 100 * Math.sqrt(0.0061);
    assertEquals(30.0, nps.estimate(), EPS, "NPS");
    assertEquals(30.0 - half, nps.low(), EPS, "NPS lower bound");
    assertEquals(30.0 + half, nps.high(), EPS, "NPS upper bound");
    assertEquals(15.3079, half, 1e-4, "hand-computed half width");
  }

  @Test
  void npsIntervalIsClippedAndUndefinedWithoutResponses() {
    // 3 promoters of 4: NPS 75, var = (0.75 − 0.5625)/4 = 0.046875, half = 42.43 → clipped at 100.
    Interval nps = NetPromoter.interval(3, 0, 4);
    assertEquals(75.0, nps.estimate(), EPS, "NPS");
    assertEquals(100.0, nps.high(), EPS, "upper bound clipped to 100");
    assertEquals(0.0, NetPromoter.interval(2, 2, 4).estimate(), EPS, "balanced promoters and detractors");
    assertNull(NetPromoter.interval(0, 0, 0), "n = 0 has no NPS");
  }
}
