package io.servicemetrics.bench;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.errors.Errors;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One benchmark: generate {@code days + 1} delivery days of {@code contactsPerDay}, backfill the
 * first {@code days} in one bulk pass, then run the nightly of the last day; when
 * {@code historyDays < days}, run the same night again on a warehouse holding only the last
 * {@code historyDays} days, so the two nightly times compare history lengths on identical input.
 *
 * @param work scratch folder for the landing zone, warehouses and reports
 * @param keep keep {@code work} afterwards (it is deleted otherwise)
 * @param freshJvmNightly run each nightly in a new JVM, as a scheduler does, instead of the bench's
 *     own JVM (warm from the backfill before it)
 * @param validFrom the runs' --valid-from: events before it are quarantined out_of_range
 */
public record BenchConfig(int contactsPerDay, int days, int historyDays, long seed, LocalDate startDate, Path work,
    boolean keep, boolean freshJvmNightly, LocalDate validFrom) {
  public static final long DEFAULT_SEED = 42L;
  public static final LocalDate DEFAULT_START_DATE = LocalDate.parse("2026-01-01");

  public BenchConfig {
    if (contactsPerDay < 1) {
      throw Errors.badArgument("--contacts-per-day " + contactsPerDay + " is not positive",
          "The generator needs contacts to simulate", "Pass e.g. --contacts-per-day 1000");
    }
    if (days < 1) {
      throw Errors.badArgument("--days " + days + " is not positive", "The backfill needs at least one day",
          "Pass e.g. --days 30");
    }
    if (historyDays < 1 || historyDays > days) {
      throw Errors.badArgument("--history-days " + historyDays + " is outside 1.." + days,
          "The nightly's history is taken from the backfilled days", "Pass at most --days, or leave it out");
    }
    if (startDate.isBefore(validFrom)) {
      throw Errors.badArgument("--start-date " + startDate + " is before --valid-from " + validFrom,
          "Every generated event before --valid-from would be quarantined out_of_range",
          "Pass --valid-from " + startDate.withDayOfYear(1) + " or a later --start-date");
    }
  }

  /** With events valid from {@link IngestConfig#DEFAULT_VALID_FROM} on. */
  public BenchConfig(int contactsPerDay, int days, int historyDays, long seed, LocalDate startDate, Path work,
      boolean keep, boolean freshJvmNightly) {
    this(contactsPerDay, days, historyDays, seed, startDate, work, keep, freshJvmNightly, IngestConfig.DEFAULT_VALID_FROM);
  }

  /** The night measured: the day after the backfilled ones. */
  public LocalDate nightlyDay() {
    return startDate.plusDays(days);
  }
}
