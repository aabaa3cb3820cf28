package io.servicemetrics.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the "What resolution is worth" page shows, read from gold staffing_intervals and
 * resolution_value as they are: nothing here is computed, only chosen (which queue, which weekday,
 * which rows) and carried. No Spark types, so the page is tested from literal values.
 *
 * @param queue the busiest staffed queue (most position hours needed now in resolution_value), or
 *     null when no queue was sized this period
 * @param curve that queue's staffing_intervals rows for its {@link #peakDay(List) peak weekday}, by
 *     interval start; empty when none
 * @param values resolution_value rows of that queue and of the whole centre, by scope (queue first)
 *     then gain
 */
public record ResolutionWorth(String queue, List<StaffingCell> curve, List<ValueRow> values) {
  public ResolutionWorth {
    curve = List.copyOf(curve);
    values = List.copyOf(values);
  }

  /** The gain the page compares with today (the headline's: {@code ResolutionValueHeadline.HEADLINE_GAIN_POINTS}). */
  public static final int PAGE_GAIN_POINTS = io.servicemetrics.metrics.ResolutionValueHeadline.HEADLINE_GAIN_POINTS;

  /** One gold staffing_intervals row (the columns the page and its CSV show). */
  public record StaffingCell(
      String channel, int weekday, String intervalStart, int intervalMinutes, int weeks, long arrivalsTotal,
      double arrivals, Double ahtSeconds, long ahtChains, Double patienceSeconds, long patienceAbandons,
      Double trafficErlangs, double targetSeconds, double serviceLevelGoal, double maxOccupancy, double shrinkage,
      Integer agentsErlangC, Integer positionsErlangC, Double serviceLevelErlangC, Double asaSecondsErlangC,
      Double occupancyErlangC, Integer agentsErlangA, Integer positionsErlangA) {
    /** Minutes after midnight (business zone) of the interval's start, from "HH:mm". */
    public int startMinute() {
      return Integer.parseInt(intervalStart.substring(0, 2)) * 60 + Integer.parseInt(intervalStart.substring(3, 5));
    }
  }

  /** One gold resolution_value row; queue is null on the centre rows. */
  public record ValueRow(
      String scope, String queue, int gainPoints, long fcrEligible, long fcrFailed, Double fcrRate,
      Double repeatsPerFailure, double chainsConverted, double repeatChainsAvoided, double contactsAvoided,
      double agentHoursAvoided, Double arrivalReduction, Double positionHoursNow, Double positionHoursAfter,
      Double positionHoursSaved, Integer peakPositionsNow, Integer peakPositionsAfter, Double agentHourCost,
      String currency, Double costSaved, long repeatChains, long repeatContacts, double repeatHandleHours,
      Double repeatCost) {
    public boolean center() {
      return queue == null;
    }
  }

  /**
   * The busiest queue: the queue row with the most position hours needed now (any gain: the figure
   * does not depend on it); ties and unsized queues by name.
   */
  public static Optional<String> busiestQueue(List<ValueRow> rows) {
    return rows.stream().filter(r -> !r.center())
        .min(Comparator.comparing((ValueRow r) -> r.positionHoursNow() == null ? Double.POSITIVE_INFINITY
                : -r.positionHoursNow())
            .thenComparing(ValueRow::queue))
        .map(ValueRow::queue);
  }

  /**
   * The cells of the peak weekday and its channel: the weekday (and channel) of the interval that
   * needs the most positions, ties to the interval with more arrivals, then to the earlier weekday.
   * Positions of a day are not averaged over weekdays: Erlang C is not linear, so a mean of
   * positions is no staffing a day needs.
   */
  public static List<StaffingCell> peakDay(List<StaffingCell> cells) {
    Optional<StaffingCell> peak = cells.stream().filter(c -> c.positionsErlangC() != null)
        .min(Comparator.comparingInt((StaffingCell c) -> -c.positionsErlangC())
            .thenComparing(c -> -c.arrivals())
            .thenComparingInt(StaffingCell::weekday)
            .thenComparing(StaffingCell::channel));
    if (peak.isEmpty()) {
      return List.of();
    }
    StaffingCell p = peak.get();
    return cells.stream().filter(c -> c.weekday() == p.weekday() && Objects.equals(c.channel(), p.channel()))
        .sorted(Comparator.comparingInt(StaffingCell::startMinute)).toList();
  }

  /** The row of {@code queue} (null: the centre) at {@code gain} points, if gold has it. */
  public Optional<ValueRow> value(boolean center, int gain) {
    return values.stream().filter(v -> v.center() == center && v.gainPoints() == gain).findFirst();
  }
}
