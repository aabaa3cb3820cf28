package io.servicemetrics.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals on {@link FrequencyTable}s, for statistics that depend only on
 * each group's item count and value sum in a resample (ratios of counts, means and totals).
 *
 * <p>Resampling is index sampling over the cumulative counts: the table's N items are numbered
 * 0..N−1, entry by entry (entries ordered by group), and a resample draws item numbers uniformly
 * with replacement. Drawing item numbers rather than entries makes an entry with count c appear
 * with probability exactly c/N, so resampling the frequency table is the same, in distribution,
 * as resampling the rows it summarizes. Each resample first tallies its draws per item number
 * (one random increment per draw), then walks the items in order to turn tallies into per-group
 * counts and sums (sequential), so the cost is O(N) per resample with no search.
 *
 * <p>Undefined statistics (non-finite, e.g. a zero denominator) in a resample are dropped and
 * counted; when more than {@link #MAX_UNDEFINED_SHARE} of the resamples are undefined the interval
 * is withheld with a reason, since the remaining ones would describe a conditional distribution.
 * Random numbers come from SplitMix64 seeded with {@link #SEED}; the same table, seed and resample
 * count always give the same numbers.
 */
public final class Bootstrap {
  /** Fixed seed of every bootstrap in the product, so reruns give identical intervals. */
  public static final long SEED = 20_250_101L;
  /** Resamples per interval. */
  public static final int RESAMPLES = 2_000;
  /** Largest share of undefined resamples an interval may rest on. */
  public static final double MAX_UNDEFINED_SHARE = 0.025;

  private Bootstrap() {}

  /**
   * A statistic of one resample from its per-group item counts and value sums. Return a
   * non-finite number (NaN) when it is undefined, e.g. for a zero denominator.
   */
  @FunctionalInterface
  public interface Statistic {
    double of(long[] counts, double[] sums);
  }

  /**
   * One statistic's outcome.
   *
   * @param interval point estimate on the full table and percentile bounds; null when withheld
   * @param undefinedResamples resamples in which the statistic was undefined (and dropped)
   * @param reason why the interval is null, else null
   */
  public record Outcome(Interval interval, int undefinedResamples, String reason) {}

  /**
   * Pooled resampling: each resample draws N items (N = all items in the table) from the pooled
   * table, so group sizes vary between resamples. Used for mentions (label × reach).
   */
  public static List<Outcome> pooled(FrequencyTable table, List<Statistic> statistics) {
    return pooled(table, statistics, SEED, RESAMPLES);
  }

  /** {@link #pooled(FrequencyTable, List)} with an explicit seed and resample count. */
  public static List<Outcome> pooled(
      FrequencyTable table, List<Statistic> statistics, long seed, int resamples) {
    return run(table, statistics, seed, resamples, false);
  }

  /**
   * Stratified resampling: each group is resampled to its own size independently, so group sizes
   * are fixed. Used for chains (polarity × told).
   */
  public static List<Outcome> stratified(FrequencyTable table, List<Statistic> statistics) {
    return stratified(table, statistics, SEED, RESAMPLES);
  }

  /** {@link #stratified(FrequencyTable, List)} with an explicit seed and resample count. */
  public static List<Outcome> stratified(
      FrequencyTable table, List<Statistic> statistics, long seed, int resamples) {
    return run(table, statistics, seed, resamples, true);
  }

  private static List<Outcome> run(
      FrequencyTable table, List<Statistic> statistics, long seed, int resamples, boolean stratified) {
    if (resamples < 1) {
      throw new IllegalArgumentException("need at least one resample, got " + resamples);
    }
    int groups = table.groups();
    ItemSampler sampler = new ItemSampler(table);
    int k = statistics.size();
    double[][] values = new double[k][resamples];
    int[] defined = new int[k];
    SplitMix64 rng = new SplitMix64(seed);
    long[] counts = new long[groups];
    double[] sums = new double[groups];
    for (int b = 0; b < resamples; b++) {
      Arrays.fill(counts, 0);
      Arrays.fill(sums, 0);
      sampler.resample(rng, stratified, counts, sums);
      for (int s = 0; s < k; s++) {
        double v = statistics.get(s).of(counts, sums);
        if (Double.isFinite(v)) {
          values[s][defined[s]++] = v;
        }
      }
    }
    long[] fullCounts = table.counts();
    double[] fullSums = table.sums();
    List<Outcome> outcomes = new ArrayList<>(k);
    for (int s = 0; s < k; s++) {
      double estimate = statistics.get(s).of(fullCounts, fullSums);
      int undefined = resamples - defined[s];
      if (!Double.isFinite(estimate)) {
        outcomes.add(new Outcome(null, undefined, "undefined on the sample (zero denominator)"));
      } else if (undefined > MAX_UNDEFINED_SHARE * resamples) {
        outcomes.add(new Outcome(null, undefined, "no interval: undefined (zero denominator) in "
            + undefined + " of " + resamples + " bootstrap resamples"));
      } else {
        double[] sorted = Arrays.copyOf(values[s], defined[s]);
        Arrays.sort(sorted);
        double alpha = (1 - Confidence.LEVEL) / 2;
        outcomes.add(new Outcome(
            new Interval(estimate, quantile(sorted, alpha), quantile(sorted, 1 - alpha)), undefined, null));
      }
    }
    return outcomes;
  }

  /** Quantile q of sorted values with linear interpolation between order statistics (R type 7). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The items of a table numbered 0..N−1, entry by entry, with a tally per item number. */
  private static final class ItemSampler {
    private final int groups;
    /** Entries ordered by group and value; entry i covers item numbers [end[i−1], end[i]). */
    private final int[] entryGroup;
    private final double[] entryValue;
    private final int[] entryEnd;
    /** Item numbers of group g are [groupStart[g], groupStart[g + 1]). */
    private final int[] groupStart;
    private final int[] tally;

    ItemSampler(FrequencyTable table) {
      groups = table.groups();
      int n = table.entries();
      Integer[] order = new Integer[n];
      Arrays.setAll(order, i -> i);
      // By group, then value: a resample draws by item number, so the numbering must not depend on
      // the order the entries arrived in (the order of rows a Spark plan happened to return).
      Arrays.sort(order, Comparator.<Integer>comparingInt(table::group).thenComparingDouble(table::value));
      entryGroup = new int[n];
      entryValue = new double[n];
      entryEnd = new int[n];
      groupStart = new int[groups + 1];
      long items = 0;
      for (int i = 0; i < n; i++) {
        int e = order[i];
        items += table.count(e);
        if (items > MAX_ITEMS) {
          throw new IllegalArgumentException("a bootstrap resamples at most " + MAX_ITEMS + " items");
        }
        entryGroup[i] = table.group(e);
        entryValue[i] = table.value(e);
        entryEnd[i] = (int) items;
        groupStart[entryGroup[i] + 1] = (int) items;
      }
      // Groups without entries start where the previous group ended.
      for (int g = 1; g <= groups; g++) {
        groupStart[g] = Math.max(groupStart[g], groupStart[g - 1]);
      }
      tally = new int[(int) items];
    }

    /** Fills per-group counts and sums (zeroed by the caller) with one resample. */
    void resample(SplitMix64 rng, boolean stratified, long[] counts, double[] sums) {
      Arrays.fill(tally, 0);
      if (stratified) {
        for (int g = 0; g < groups; g++) {
          rng.tally(tally, groupStart[g], groupStart[g + 1] - groupStart[g], groupStart[g + 1] - groupStart[g]);
        }
      } else {
        rng.tally(tally, 0, tally.length, tally.length);
      }
      int item = 0;
      for (int i = 0; i < entryEnd.length; i++) {
        int drawn = 0;
        for (int end = entryEnd[i]; item < end; item++) {
          drawn += tally[item];
        }
        counts[entryGroup[i]] += drawn;
        sums[entryGroup[i]] += drawn * entryValue[i];
      }
    }
  }

  /** Largest table a bootstrap accepts (items, i.e. the sum of counts). */
  public static final int MAX_ITEMS = Integer.MAX_VALUE - 8;

  private static final long LOW32 = 0xFFFF_FFFFL;

  /**
   * SplitMix64 (Steele, Lea and Flood 2014; the generator behind {@link SplittableRandom}).
   * Uniform integers below a bound come from Lemire's multiply-shift method: the high word of
   * x·bound for a 32-bit x, redrawn when the low word falls in the short range that would bias
   * it (unbiased, no division on the common path). Deterministic for a given seed.
   */
  static final class SplitMix64 {
    static final long GAMMA = 0x9e3779b97f4a7c15L;
    long state;

    SplitMix64(long seed) {
      state = seed;
    }

    static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      return z ^ (z >>> 31);
    }

    /**
     * Adds {@code draws} uniform draws from [offset, offset + bound) to {@code tally}, taking two
     * 32-bit uniforms from each 64-bit output; the state stays in a local in the hot loop.
     */
    void tally(int[] tally, int offset, long bound, long draws) {
      if (bound == 0) {
        return;
      }
      long s = state;
      long i = 0;
      for (; i + 1 < draws; i += 2) {
        s += GAMMA;
        long bits = mix(s);
        long high = (bits >>> 32) * bound;
        long low = (bits & LOW32) * bound;
        if ((high & LOW32) < bound || (low & LOW32) < bound) {
          state = s;
          high = redrawIfBiased(high, bound);
          low = redrawIfBiased(low, bound);
          s = state;
        }
        tally[offset + (int) (high >>> 32)]++;
        tally[offset + (int) (low >>> 32)]++;
      }
      for (; i < draws; i++) {
        s += GAMMA;
        long m = (mix(s) >>> 32) * bound;
        if ((m & LOW32) < bound) {
          state = s;
          m = redrawIfBiased(m, bound);
          s = state;
        }
        tally[offset + (int) (m >>> 32)]++;
      }
      state = s;
    }

    /**
     * Given m = x·bound for a uniform 32-bit x, redraws x while the low word of m is below
     * 2^32 mod bound (the values that would bias the high word); returns the accepted product.
     */
    long redrawIfBiased(long m, long bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while ((m & LOW32) < threshold) {
        state += GAMMA;
        m = (mix(state) >>> 32) * bound;
      }
      return m;
    }
  }
}
