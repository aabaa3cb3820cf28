package io.servicemetrics.config;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.hours.BusinessHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Typed, validated configuration of the metrics job (docs/METRICS.md "Restatement"). Built once at
 * the command-line boundary; every derived instant and date lives here so the job never re-derives
 * them differently.
 *
 * @param date the run date D (last business day whose data the run covers)
 * @param warehouse warehouse root (path or URI)
 * @param timezone business time zone that decides calendar days
 * @param restatementDays nightly runs recompute contact dates [D - (restatementDays - 1), D]
 * @param periodDays length of the analysis period ending at D (period tables)
 * @param fromScratch recompute every contact date instead of the restatement window
 * @param businessHours the {@code --business-hours} schedule, or null when none was given (the
 *     business-hours columns are then NULL: not measured)
 * @param serviceLevel short-abandon threshold and service-level target per channel
 */
public record MetricsConfig(
    LocalDate date, String warehouse, ZoneId timezone, int restatementDays, int periodDays, boolean fromScratch,
    BusinessHours businessHours, ServiceLevelConfig serviceLevel) {
  public static final String DEFAULT_TIMEZONE_ID = "UTC";
  public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of(DEFAULT_TIMEZONE_ID);
  /** The longest repeat window (30 days) plus the run day plus 4 days of lateness. */
  public static final int DEFAULT_RESTATEMENT_DAYS = 35;
  public static final int DEFAULT_PERIOD_DAYS = 28;
  /** A decade: longer windows are almost certainly a typo, and --from-scratch exists for that. */
  public static final int MAX_DAYS = 3660;

  public MetricsConfig {
    if (date == null) {
      throw Errors.badArgument("No run date was given", "The metrics job computes gold as of the end of a date",
          "Pass --date YYYY-MM-DD");
    }
    if (warehouse == null || warehouse.isBlank()) {
      throw Errors.badArgument("No warehouse was given", "The job reads silver and writes gold in a warehouse",
          "Pass --warehouse DIR");
    }
    if (timezone == null) {
      throw Errors.badArgument("No business time zone was given", "Calendar days are decided in that zone",
          "Pass --timezone, e.g. UTC or America/New_York");
    }
    requireDays("--restatement-days", restatementDays);
    requireDays("--period-days", periodDays);
    java.util.Objects.requireNonNull(serviceLevel, "serviceLevel");
  }

  /** Without a business-hours schedule, with the default queue-time parameters ({@link ServiceLevelConfig#DEFAULT}). */
  public MetricsConfig(
      LocalDate date, String warehouse, ZoneId timezone, int restatementDays, int periodDays, boolean fromScratch) {
    this(date, warehouse, timezone, restatementDays, periodDays, fromScratch, null, ServiceLevelConfig.DEFAULT);
  }

  /** With the default queue-time parameters. */
  public MetricsConfig(LocalDate date, String warehouse, ZoneId timezone, int restatementDays, int periodDays,
      boolean fromScratch, BusinessHours businessHours) {
    this(date, warehouse, timezone, restatementDays, periodDays, fromScratch, businessHours, ServiceLevelConfig.DEFAULT);
  }

  /** Without a business-hours schedule. */
  public MetricsConfig(LocalDate date, String warehouse, ZoneId timezone, int restatementDays, int periodDays,
      boolean fromScratch, ServiceLevelConfig serviceLevel) {
    this(date, warehouse, timezone, restatementDays, periodDays, fromScratch, null, serviceLevel);
  }

  /** The same run with the given schedule (null: none). */
  public MetricsConfig withBusinessHours(BusinessHours hours) {
    return new MetricsConfig(date, warehouse, timezone, restatementDays, periodDays, fromScratch, hours, serviceLevel);
  }

  /** The defaults for everything but the date and warehouse. */
  public static MetricsConfig of(LocalDate date, String warehouse) {
    return new MetricsConfig(date, warehouse, DEFAULT_TIMEZONE, DEFAULT_RESTATEMENT_DAYS, DEFAULT_PERIOD_DAYS, false);
  }

  private static void requireDays(String option, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw Errors.badArgument(option + " is " + days, "It must be a number of days from 1 to " + MAX_DAYS,
          "Pass a value in that range (or --from-scratch to recompute everything)");
    }
  }

  /** End of {@link #date} in the business zone: the exclusive start of the next day, as an instant. */
  public Instant asOf() {
    return date.plusDays(1).atStartOfDay(timezone).toInstant();
  }

  /** First contact date a nightly run recomputes (inclusive). */
  public LocalDate windowStart() {
    return date.minusDays(restatementDays - 1L);
  }

  /** First day of the analysis period ending at {@link #date} (inclusive). */
  public LocalDate periodStart() {
    return date.minusDays(periodDays - 1L);
  }
}
