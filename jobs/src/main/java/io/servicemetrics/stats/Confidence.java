package io.servicemetrics.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The confidence level every interval in the product uses. */
public final class Confidence {
  /** Two-sided confidence level of every interval. */
  public static final double LEVEL = 0.95;
  /** Standard normal quantile for {@link #LEVEL}: 1.959963984540054. */
  public static final double Z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - LEVEL) / 2);

  private Confidence() {}
}
