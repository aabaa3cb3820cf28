package io.servicemetrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  private static final int NEG = 0;
  private static final int POS = 1;
  /** mean(group 0) / mean(group 1). */
  private static final Bootstrap.Statistic MEAN_RATIO =
      (c, s) -> (s[NEG] / c[NEG]) / (s[POS] / c[POS]);
  /** count(group 0) / count(group 1). */
  private static final Bootstrap.Statistic COUNT_RATIO = (c, s) -> (double) c[NEG] / c[POS];

  @Test
  void allValuesEqualGiveADegenerateIntervalAtTheValue() {
    // Every resample of "all told = 3" in both strata has mean 3 / mean 3 = 1 exactly.
    FrequencyTable table = new FrequencyTable(2).add(NEG, 3, 40).add(POS, 3, 25);
    Bootstrap.Outcome outcome = Bootstrap.stratified(table, List.of(MEAN_RATIO)).get(0);
    assertEquals(new Interval(1, 1, 1), outcome.interval(), "degenerate interval at the ratio");
    assertEquals(0, outcome.undefinedResamples(), "never undefined");
  }

  @Test
  void sameTableAndSeedGiveIdenticalNumbers() {
    FrequencyTable table = realistic(new SplittableRandom(7));
    List<Bootstrap.Outcome> first = Bootstrap.pooled(table, List.of(MEAN_RATIO, COUNT_RATIO));
    List<Bootstrap.Outcome> second = Bootstrap.pooled(table, List.of(MEAN_RATIO, COUNT_RATIO));
    assertEquals(first, second, "pooled bootstrap is reproducible");
    assertEquals(Bootstrap.stratified(table, List.of(MEAN_RATIO)), Bootstrap.stratified(table, List.of(MEAN_RATIO)),
        "stratified bootstrap is reproducible");
    Bootstrap.Outcome otherSeed = Bootstrap.pooled(table, List.of(MEAN_RATIO), 99L, Bootstrap.RESAMPLES).get(0);
    assertTrue(otherSeed.interval().low() != first.get(0).interval().low(), "another seed gives other bounds");
  }

  @Test
  void theOrderEntriesArriveInDoesNotMoveTheInterval() {
    // Spark returns a groupBy's rows in plan order, which changes with partitioning: the same
    // frequencies in another order must give the same bounds, to the last digit.
    double[][] entries = {{NEG, 0, 15}, {POS, 4, 9}, {NEG, 20, 2}, {POS, 0, 6}, {NEG, 5, 5}, {POS, 1, 5}, {NEG, 1, 8}};
    FrequencyTable forward = new FrequencyTable(2);
    FrequencyTable backward = new FrequencyTable(2);
    for (int i = 0; i < entries.length; i++) {
      double[] f = entries[i];
      double[] b = entries[entries.length - 1 - i];
      forward.add((int) f[0], f[1], (long) f[2]);
      backward.add((int) b[0], b[1], (long) b[2]);
    }
    List<Bootstrap.Statistic> statistics = List.of(MEAN_RATIO, COUNT_RATIO);
    assertEquals(Bootstrap.pooled(forward, statistics), Bootstrap.pooled(backward, statistics), "pooled");
    assertEquals(Bootstrap.stratified(forward, statistics), Bootstrap.stratified(backward, statistics), "stratified");
  }

  @Test
  void intervalContainsThePointEstimateOnARealisticSample() {
    FrequencyTable table = realistic(new SplittableRandom(11));
    for (Bootstrap.Outcome o : Bootstrap.pooled(table, List.of(MEAN_RATIO, COUNT_RATIO))) {
      Interval i = o.interval();
      assertNotNull(i, "defined: " + o.reason());
      assertTrue(i.low() < i.estimate() && i.estimate() < i.high(), "estimate inside its interval: " + i);
    }
    Interval stratified = Bootstrap.stratified(table, List.of(MEAN_RATIO)).get(0).interval();
    assertTrue(stratified.low() < stratified.estimate() && stratified.estimate() < stratified.high(),
        "stratified interval contains the estimate: " + stratified);
  }

  @Test
  void stratifiedResamplingKeepsGroupSizes() {
    FrequencyTable table = new FrequencyTable(2).add(NEG, 1, 5).add(NEG, 2, 5).add(POS, 7, 3);
    // count ratio 10/3 is fixed when groups keep their sizes.
    Interval i = Bootstrap.stratified(table, List.of(COUNT_RATIO)).get(0).interval();
    assertEquals(new Interval(10.0 / 3, 10.0 / 3, 10.0 / 3), i, "group sizes never change");
  }

  @Test
  void undefinedResamplesAreDroppedAndTooManyWithholdTheInterval() {
    // One positive among 20 items: a pooled resample misses it with probability (19/20)^20 = 0.358.
    FrequencyTable rarePositive = new FrequencyTable(2).add(NEG, 5, 19).add(POS, 1, 1);
    Bootstrap.Outcome withheld = Bootstrap.pooled(rarePositive, List.of(COUNT_RATIO)).get(0);
    assertNull(withheld.interval(), "interval withheld");
    assertTrue(withheld.undefinedResamples() > 600 && withheld.undefinedResamples() < 830,
        "about 35.8% of 2000 undefined: " + withheld.undefinedResamples());
    assertTrue(withheld.reason().contains("of 2000 bootstrap resamples"), withheld.reason());

    Bootstrap.Outcome noPositive = Bootstrap.pooled(new FrequencyTable(2).add(NEG, 5, 3), List.of(COUNT_RATIO)).get(0);
    assertNull(noPositive.interval(), "undefined on the sample itself");
    assertEquals("undefined on the sample (zero denominator)", noPositive.reason(), "reason");
  }

  @Test
  void resamplingTheFrequencyTableMatchesResamplingRowsInDistribution() {
    // Rows: 30 negatives (values 0, 1, 5, 20) and 20 positives (0, 2); the table holds their counts.
    double[] negValues = {0, 1, 5, 20};
    long[] negCounts = {15, 8, 5, 2};
    double[] posValues = {0, 2};
    long[] posCounts = {12, 8};
    FrequencyTable table = new FrequencyTable(2);
    for (int i = 0; i < negValues.length; i++) {
      table.add(NEG, negValues[i], negCounts[i]);
    }
    for (int i = 0; i < posValues.length; i++) {
      table.add(POS, posValues[i], posCounts[i]);
    }
    int[] rowGroup = new int[50];
    double[] rowValue = new double[50];
    int r = 0;
    for (int i = 0; i < negValues.length; i++) {
      for (int c = 0; c < negCounts[i]; c++, r++) {
        rowGroup[r] = NEG;
        rowValue[r] = negValues[i];
      }
    }
    for (int i = 0; i < posValues.length; i++) {
      for (int c = 0; c < posCounts[i]; c++, r++) {
        rowGroup[r] = POS;
        rowValue[r] = posValues[i];
      }
    }
    // Naive row bootstrap, pooled, with another generator.
    SplittableRandom rng = new SplittableRandom(3);
    int draws = 20_000;
    double[] naive = new double[draws];
    int defined = 0;
    for (int b = 0; b < draws; b++) {
      long[] c = new long[2];
      double[] s = new double[2];
      for (int i = 0; i < 50; i++) {
        int row = rng.nextInt(50);
        c[rowGroup[row]]++;
        s[rowGroup[row]] += rowValue[row];
      }
      double v = MEAN_RATIO.of(c, s);
      if (Double.isFinite(v)) {
        naive[defined++] = v;
      }
    }
    double[] sorted = Arrays.copyOf(naive, defined);
    Arrays.sort(sorted);
    Interval fromRows = new Interval(0, Bootstrap.quantile(sorted, 0.025), Bootstrap.quantile(sorted, 0.975));
    Interval fromTable = Bootstrap.pooled(table, List.of(MEAN_RATIO), 5L, draws).get(0).interval();
    // Point estimate: (0·15+1·8+5·5+20·2 = 73)/30 / (16/20) = 3.0417; Monte Carlo error of the 2.5%/97.5% quantiles at
    // 20,000 draws is a few hundredths, so 0.25 is a loose but failing-when-wrong tolerance.
    assertEquals(73.0 / 30 / (16.0 / 20), fromTable.estimate(), 1e-12, "point estimate");
    assertEquals(fromRows.low(), fromTable.low(), 0.25, "lower bounds agree: " + fromRows + " vs " + fromTable);
    assertEquals(fromRows.high(), fromTable.high(), 0.6, "upper bounds agree: " + fromRows + " vs " + fromTable);
  }

  @Test
  void largeTablesResampleQuickly() {
    // 300,000 items over 100,000 distinct values: the size of a busy period's mentions.
    SplittableRandom rng = new SplittableRandom(1);
    FrequencyTable table = new FrequencyTable(3);
    for (int v = 0; v < 100_000; v++) {
      table.add(rng.nextInt(3), v, 1 + rng.nextInt(5));
    }
    long start = System.nanoTime();
    List<Bootstrap.Outcome> outcomes = Bootstrap.pooled(table, List.of(MEAN_RATIO, COUNT_RATIO));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertNotNull(outcomes.get(0).interval(), "defined");
    assertTrue(seconds < 30, "2,000 resamples of ~300k items took " + seconds + " s");
  }

  /** ~2,000 items: negatives reach more on average than positives, as in real data. */
  private static FrequencyTable realistic(SplittableRandom rng) {
    FrequencyTable table = new FrequencyTable(3);
    for (int i = 0; i < 600; i++) {
      table.add(NEG, 10 + rng.nextInt(2_000), 1);
    }
    for (int i = 0; i < 900; i++) {
      table.add(POS, 10 + rng.nextInt(1_000), 1);
    }
    table.add(2, 50, 500);
    return table;
  }
}
