package io.servicemetrics.stats;

import java.util.Arrays;

/**
 * A reduced sample: how many items carry each (group, value), e.g. (negative, reach 120) → 37.
 * This is what Spark brings to the driver instead of rows ({@code groupBy(group, value).count()}).
 * Entries need not be distinct; zero counts are ignored.
 */
public final class FrequencyTable {
  private final int groups;
  private int size;
  private int[] group = new int[16];
  private double[] value = new double[16];
  private long[] count = new long[16];

  /** @param groups number of groups; group ids are 0..groups−1 */
  public FrequencyTable(int groups) {
    if (groups < 1) {
      throw new IllegalArgumentException("need at least one group, got " + groups);
    }
    this.groups = groups;
  }

  /** Adds {@code count} items with {@code value} in {@code group}; returns this. */
  public FrequencyTable add(int group, double value, long count) {
    if (group < 0 || group >= groups) {
      throw new IllegalArgumentException("group " + group + " outside 0.." + (groups - 1));
    }
    if (count < 0 || !Double.isFinite(value)) {
      throw new IllegalArgumentException("need a finite value and count >= 0, got " + value + " x " + count);
    }
    if (count == 0) {
      return this;
    }
    if (size == this.group.length) {
      int capacity = size * 2;
      this.group = Arrays.copyOf(this.group, capacity);
      this.value = Arrays.copyOf(this.value, capacity);
      this.count = Arrays.copyOf(this.count, capacity);
    }
    this.group[size] = group;
    this.value[size] = value;
    this.count[size] = count;
    size++;
    return this;
  }

  public int groups() {
    return groups;
  }

  /** Number of entries (not items). */
  public int entries() {
    return size;
  }

  int group(int entry) {
    return group[entry];
  }

  double value(int entry) {
    return value[entry];
  }

  long count(int entry) {
    return count[entry];
  }

  /** Items per group. */
  public long[] counts() {
    long[] counts = new long[groups];
    for (int e = 0; e < size; e++) {
      counts[group[e]] += count[e];
    }
    return counts;
  }

  /** Sum of values per group. */
  public double[] sums() {
    double[] sums = new double[groups];
    for (int e = 0; e < size; e++) {
      sums[group[e]] += value[e] * count[e];
    }
    return sums;
  }
}
