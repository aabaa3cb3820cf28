package io.servicemetrics.staffing;

import io.servicemetrics.errors.Errors;

/**
 * What a queue must achieve, validated once: answer {@code serviceLevel} of callers within
 * {@code targetSeconds}, keep agents at most {@code maxOccupancy} busy, and plan positions for
 * {@code shrinkage} of paid time spent off the phones (breaks, training, absence).
 *
 * @param targetSeconds answer-time target T, >= 0
 * @param serviceLevel share of callers to answer within T, in (0, 1]
 * @param maxOccupancy highest acceptable share of agent time spent handling, in (0, 1]
 * @param shrinkage share of paid time not available for contacts, in [0, 1)
 */
public record StaffingGoal(double targetSeconds, double serviceLevel, double maxOccupancy, double shrinkage) {
  /** Phone default: 80 % of calls answered within 20 seconds (the industry's "80/20"). */
  public static final double DEFAULT_TARGET_SECONDS = 20.0;
  public static final double DEFAULT_SERVICE_LEVEL = 0.80;
  /** Above about 85 % occupancy agents burn out and handle time rises; the usual planning cap. */
  public static final double DEFAULT_MAX_OCCUPANCY = 0.85;
  /** Breaks, training, meetings and absence: a common planning figure for a phone centre. */
  public static final double DEFAULT_SHRINKAGE = 0.30;

  public StaffingGoal {
    if (!(targetSeconds >= 0) || Double.isInfinite(targetSeconds)) {
      throw Errors.badArgument("--target-seconds is " + targetSeconds,
          "The answer-time target of the service level must be a finite number of seconds >= 0",
          "Pass e.g. --target-seconds " + (int) DEFAULT_TARGET_SECONDS);
    }
    if (!(serviceLevel > 0 && serviceLevel <= 1)) {
      throw Errors.badArgument("--service-level is " + serviceLevel,
          "It is the share of callers to answer within the target, a fraction in (0, 1]",
          "Pass e.g. --service-level " + DEFAULT_SERVICE_LEVEL + " for 80 %");
    }
    if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
      throw Errors.badArgument("--max-occupancy is " + maxOccupancy,
          "It is the highest share of agent time spent handling, a fraction in (0, 1]",
          "Pass e.g. --max-occupancy " + DEFAULT_MAX_OCCUPANCY);
    }
    if (!(shrinkage >= 0 && shrinkage < 1)) {
      throw Errors.badArgument("--shrinkage is " + shrinkage,
          "It is the share of paid time not available for contacts, a fraction in [0, 1)",
          "Pass e.g. --shrinkage " + DEFAULT_SHRINKAGE);
    }
  }

  /** The phone defaults: 80 % in 20 s, occupancy at most 0.85, shrinkage 0.30. */
  public static StaffingGoal defaults() {
    return new StaffingGoal(DEFAULT_TARGET_SECONDS, DEFAULT_SERVICE_LEVEL, DEFAULT_MAX_OCCUPANCY, DEFAULT_SHRINKAGE);
  }
}
