package io.servicemetrics.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SentimentReportTest {
  @Test
  void printsQualityPerClassTheConfusionAndTheLargestClassBaseline() {
    ClassifierMetrics m = ClassifierMetrics.of(new long[][] {{8, 1, 1}, {2, 6, 2}, {0, 1, 4}});
    String text = SentimentReport.describe("m1", m, 5);
    assertEquals(String.join("\n",
        "Sentiment model m1: 25 labels, 5-fold cross-validated",
        "  accuracy 0.720   macro-F1 0.711   (largest class alone: 0.400)",
        "  class      precision    recall        F1",
        "  negative       0.800     0.800     0.800",
        "  neutral        0.750     0.600     0.667",
        "  positive       0.571     0.800     0.667",
        "  confusion (rows: label, columns: predicted)",
        "              negative   neutral  positive",
        "  negative           8         1         1",
        "  neutral            2         6         2",
        "  positive           0         1         4",
        ""), text.replace("\r\n", "\n"));
  }
}
