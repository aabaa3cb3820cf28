package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Usage errors of the sentiment commands exit 2 before any SparkSession opens. */
class SentimentCommandTest {
  @Test
  void aSentimentCommandIsRequired() {
    assertEquals(2, ServiceMetricsCli.execute("sentiment"));
  }

  @Test
  void activateNeedsAModelOrTheLexiconButNotBoth() {
    assertEquals(2, ServiceMetricsCli.execute("sentiment", "activate", "--warehouse", "wh"));
    assertEquals(2, ServiceMetricsCli.execute("sentiment", "activate", "--warehouse", "wh", "--model", "m",
        "--lexicon"));
  }

  @Test
  void trainNeedsItsLabels() {
    assertEquals(2, ServiceMetricsCli.execute("sentiment", "train", "--warehouse", "wh"));
  }
}
