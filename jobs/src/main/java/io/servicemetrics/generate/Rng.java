package io.servicemetrics.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded randomness with the distributions the simulation needs. Uses StrictMath so that the
 * same seed gives the same bytes on every JVM and CPU (Math may differ in the last ulp).
 */
final class Rng {
  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** An independent stream for (seed, salt, index): days and customers never share state. */
  static Rng of(long seed, long salt, long index) {
    return new Rng(mix(mix(seed ^ 0x9E3779B97F4A7C15L) ^ salt) + index * 0xBF58476D1CE4E5B9L);
  }

  /** SplitMix64 finalizer: spreads nearby seeds over the whole 64-bit space. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double uniform() {
    return random.nextDouble();
  }

  double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  /** Uniform integer in [from, to] inclusive. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  long below(long bound) {
    return random.nextLong(bound);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - random.nextDouble());
  }

  /** Standard normal by Box-Muller (stable across JDK versions, unlike nextGaussian). */
  double normal() {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  double normal(double mean, double sd) {
    return mean + sd * normal();
  }

  double lognormal(double mu, double sigma) {
    return StrictMath.exp(mu + sigma * normal());
  }

  /** Geometric count on {0, 1, ...} with the given mean. */
  int geometric(double mean) {
    double p = 1.0 / (mean + 1.0);
    return (int) StrictMath.floor(StrictMath.log(1.0 - random.nextDouble()) / StrictMath.log(1.0 - p));
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Index drawn with the given (not necessarily normalised) weights. */
  int weighted(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
