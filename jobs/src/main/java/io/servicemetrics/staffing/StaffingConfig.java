package io.servicemetrics.staffing;

import io.servicemetrics.errors.Errors;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Typed, validated settings of the warehouse's staffing tables (gold staffing_intervals and
 * resolution_value; docs/METRICS.md "Staffing and what resolution is worth").
 *
 * @param intervalMinutes length of an interval of the day in the business zone; divides 1440
 * @param goals the goal of each staffed channel: only channels listed here are staffed by the model
 *     (live queues; e-mail and social are worked as a backlog, which Erlang does not describe)
 * @param fcrGainsPoints first-contact-resolution gains to value, in points (1 = one percentage point)
 * @param agentHourCost cost of one paid agent hour; empty: the cost columns are NULL
 * @param currency ISO 4217 code the cost is in (a label only)
 */
public record StaffingConfig(
    int intervalMinutes, Map<String, StaffingGoal> goals, List<Integer> fcrGainsPoints,
    OptionalDouble agentHourCost, String currency) {
  public static final int DEFAULT_INTERVAL_MINUTES = 30;
  /** Phone: 80 % within 20 s, occupancy at most 0.85, shrinkage 0.30 ({@link StaffingGoal#defaults()}). */
  public static final Map<String, StaffingGoal> DEFAULT_GOALS = Map.of("phone", StaffingGoal.defaults());
  public static final List<Integer> DEFAULT_FCR_GAINS_POINTS = List.of(1, 5, 10);
  public static final String DEFAULT_CURRENCY = "USD";
  public static final StaffingConfig DEFAULTS = new StaffingConfig(
      DEFAULT_INTERVAL_MINUTES, DEFAULT_GOALS, DEFAULT_FCR_GAINS_POINTS, OptionalDouble.empty(), DEFAULT_CURRENCY);

  private static final int MINUTES_PER_DAY = 24 * 60;

  public StaffingConfig {
    if (intervalMinutes < 1 || MINUTES_PER_DAY % intervalMinutes != 0) {
      throw Errors.badArgument("The staffing interval is " + intervalMinutes + " minutes",
          "Intervals must tile the day, so their length must divide 1440 minutes",
          "Use e.g. 15, 30 or 60");
    }
    if (goals == null || goals.isEmpty()) {
      throw Errors.badArgument("No staffed channel has a service-level goal",
          "The staffing tables size the channels that have one", "Give at least the phone goal");
    }
    goals = Map.copyOf(goals);
    fcrGainsPoints = List.copyOf(fcrGainsPoints);
    for (int points : fcrGainsPoints) {
      if (points < 1 || points > 100) {
        throw Errors.badArgument("An FCR gain of " + points + " points was asked for",
            "Gains are percentage points of first-contact resolution, 1 to 100", "Use e.g. 1, 5 and 10");
      }
    }
    if (agentHourCost.isPresent() && !(agentHourCost.getAsDouble() >= 0 && Double.isFinite(agentHourCost.getAsDouble()))) {
      throw Errors.badArgument("--agent-hour-cost is " + agentHourCost.getAsDouble(),
          "It is the cost of one paid agent hour and cannot be negative",
          "Pass the loaded hourly cost, e.g. --agent-hour-cost 32.50");
    }
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw Errors.badArgument("--currency is " + currency, "It labels the cost columns with an ISO 4217 code",
          "Pass e.g. --currency EUR");
    }
  }

  /** These settings with {@code cost} per paid agent hour, in {@code currencyCode}. */
  public StaffingConfig withCost(OptionalDouble cost, String currencyCode) {
    return new StaffingConfig(intervalMinutes, goals, fcrGainsPoints, cost, currencyCode);
  }
}
