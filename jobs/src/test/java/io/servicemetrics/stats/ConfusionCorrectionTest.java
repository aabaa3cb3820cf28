package io.servicemetrics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionCorrectionTest {
  /** Rows true negative, neutral, positive; 80 % right, the errors to the neighbouring class. */
  static final long[][] CONFUSION = {{8, 2, 0}, {1, 8, 1}, {0, 2, 8}};

  @Test
  void invertsTheErrorRates() {
    // True (50, 30, 20) is predicted negative 0.8*50 + 0.1*30 = 43, neutral 0.2*50 + 0.8*30 + 0.2*20 = 38,
    // positive 0.1*30 + 0.8*20 = 19.
    assertArrayEquals(new double[] {50, 30, 20}, ConfusionCorrection.corrected(new long[] {43, 38, 19}, CONFUSION), 1e-9);
  }

  @Test
  void clipsANegativeSolutionAtZero() {
    // 0.8a + 0.1b = 0, 0.2a + 0.8b + 0.2c = 10, 0.1b + 0.8c = 10 gives a = -1.25, b = 10, c = 11.25.
    assertArrayEquals(new double[] {0, 10, 11.25}, ConfusionCorrection.corrected(new long[] {0, 10, 10}, CONFUSION), 1e-9);
  }

  @Test
  void aClassNeverLabelledCannotBeCorrected() {
    assertNull(ConfusionCorrection.corrected(new long[] {5, 5, 5}, new long[][] {{8, 2, 0}, {0, 0, 0}, {0, 2, 8}}));
  }

  @Test
  void theIntervalResamplesBothMatricesAndIsReproducible() {
    Bootstrap.Outcome a = ConfusionCorrection.interval(new long[] {43, 38, 19}, CONFUSION, n -> n[0] / n[2], 7L, 400);
    Bootstrap.Outcome b = ConfusionCorrection.interval(new long[] {43, 38, 19}, CONFUSION, n -> n[0] / n[2], 7L, 400);
    assertEquals(a, b, "same seed, same interval");
    Interval i = a.interval();
    assertEquals(2.5, i.estimate(), 1e-9, "50 / 20");
    assertTrue(i.low() < 2.5 && 2.5 < i.high(), "around the estimate: " + i);
    // Ten labels per class leave the error rates uncertain: wider than the raw ratio's 43/19 noise alone.
    assertTrue(i.high() - i.low() > 1.0, "wide with 30 labels: " + i);
  }
}
