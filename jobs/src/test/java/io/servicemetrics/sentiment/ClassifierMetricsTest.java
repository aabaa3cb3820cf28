package io.servicemetrics.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassifierMetricsTest {
  @Test
  void accuracyPerClassPrecisionRecallAndMacroF1FromTheConfusionMatrix() {
    // rows: true negative, neutral, positive; columns: predicted.
    ClassifierMetrics m = ClassifierMetrics.of(new long[][] {{8, 1, 1}, {2, 6, 2}, {0, 1, 4}});
    assertEquals(25, m.total());
    assertEquals(18.0 / 25, m.accuracy(), 1e-12, "diagonal 8+6+4 of 25");
    // predicted negative 10 (8 right), neutral 8 (6 right), positive 7 (4 right).
    assertArrayEquals(new double[] {0.8, 0.75, 4.0 / 7}, m.precision(), 1e-12, "precision");
    assertArrayEquals(new double[] {0.8, 0.6, 0.8}, m.recall(), 1e-12, "recall");
    double f1Neutral = 2 * 0.75 * 0.6 / 1.35;
    double f1Positive = 2 * (4.0 / 7) * 0.8 / (4.0 / 7 + 0.8);
    assertEquals((0.8 + f1Neutral + f1Positive) / 3, m.macroF1(), 1e-12, "unweighted mean of the class F1s");
  }

  @Test
  void aClassNeverPredictedHasPrecisionAndF1Zero() {
    ClassifierMetrics m = ClassifierMetrics.of(new long[][] {{5, 0, 0}, {3, 0, 0}, {0, 0, 2}});
    assertArrayEquals(new double[] {5.0 / 8, 0.0, 1.0}, m.precision(), 1e-12);
    assertEquals(0.0, m.f1()[1], "neutral never predicted");
  }
}
