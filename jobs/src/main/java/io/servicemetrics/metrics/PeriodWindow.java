package io.servicemetrics.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The period a period analysis describes: the {@code periodDays} calendar days ending at
 * {@code periodEnd} in the business zone, and the run's {@code as_of} (the start of the next day in
 * that zone).
 */
public record PeriodWindow(LocalDate periodEnd, int periodDays, ZoneId zone) {
  /** Default period: the 28 days ending at the run date ({@code --period-days}). */
  public static final int DEFAULT_PERIOD_DAYS = 28;

  public PeriodWindow {
    if (periodEnd == null || zone == null) {
      throw new IllegalArgumentException("period end and zone are required");
    }
    if (periodDays < 1) {
      throw new IllegalArgumentException("period days must be at least 1, got " + periodDays);
    }
  }

  /** First day of the period (inclusive): periodEnd − (periodDays − 1). */
  public LocalDate periodStart() {
    return periodEnd.minusDays(periodDays - 1L);
  }

  /** Start of the first day in the business zone: the earliest instant inside the period. */
  public Instant startInstant() {
    return periodStart().atStartOfDay(zone).toInstant();
  }

  /** End of the run date in the business zone (exclusive start of periodEnd + 1). */
  public Instant asOf() {
    return periodEnd.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** as_of minus a duration: the latest instant whose follow window of that length is complete. */
  public Instant asOfMinus(Duration window) {
    return asOf().minus(window);
  }
}
