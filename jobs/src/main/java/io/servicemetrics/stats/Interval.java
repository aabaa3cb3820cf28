package io.servicemetrics.stats;

/** A closed interval [low, high] around a point estimate, all on the same scale. */
public record Interval(double estimate, double low, double high) {
  public Interval {
    if (!(low <= high)) {
      throw new IllegalArgumentException("interval low " + low + " > high " + high);
    }
  }

  /** The same interval with every bound multiplied by {@code factor} (> 0), e.g. 100 for points. */
  public Interval scaled(double factor) {
    return new Interval(estimate * factor, low * factor, high * factor);
  }
}
