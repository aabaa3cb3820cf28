package io.servicemetrics.generate;

import io.servicemetrics.errors.Errors;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What to generate: {@code days} delivery days from {@code startDate}, about {@code contactsPerDay}
 * contacts initiated per day, everything drawn from {@code seed}, written under {@code out}.
 *
 * @param days number of delivery days (date= folders), at least 1
 * @param contactsPerDay average contact chains initiated per day (new contacts plus repeats), at least 1
 * @param seed the only source of randomness: equal configs give byte-identical landing zones
 * @param startDate the first delivery day
 * @param out the landing-zone root; must be absent or empty
 */
public record GeneratorConfig(int days, int contactsPerDay, long seed, LocalDate startDate, Path out) {
  public static final int DEFAULT_DAYS = 35;
  public static final int DEFAULT_CONTACTS_PER_DAY = 250;
  public static final long DEFAULT_SEED = 42L;
  public static final String DEFAULT_START_DATE_TEXT = "2026-10-01";
  public static final LocalDate DEFAULT_START_DATE = LocalDate.parse(DEFAULT_START_DATE_TEXT);

  /** Upper bounds that keep a typo from filling the disk; large enough for benchmark volumes. */
  public static final int MAX_DAYS = 3660;
  public static final int MAX_CONTACTS_PER_DAY = 5_000_000;

  /** Customers in the fixed base per contact initiated per day. */
  public static final int CUSTOMERS_PER_DAILY_CONTACT = 20;

  public GeneratorConfig {
    if (days < 1 || days > MAX_DAYS) {
      throw Errors.badArgument(
          "--days must be between 1 and " + MAX_DAYS + ", got " + days,
          "It is the number of delivery days (date= folders) to write",
          "Pass e.g. --days " + DEFAULT_DAYS);
    }
    if (contactsPerDay < 1 || contactsPerDay > MAX_CONTACTS_PER_DAY) {
      throw Errors.badArgument(
          "--contacts-per-day must be between 1 and " + MAX_CONTACTS_PER_DAY + ", got " + contactsPerDay,
          "It is the average number of contacts initiated per day",
          "Pass e.g. --contacts-per-day " + DEFAULT_CONTACTS_PER_DAY);
    }
    if (startDate == null) {
      throw Errors.badArgument("--start-date is missing", "The generator needs a first delivery day", "Pass --start-date YYYY-MM-DD");
    }
    if (out == null) {
      throw Errors.badArgument("--out is missing", "The generator needs a landing-zone directory to write", "Pass --out DIR");
    }
  }

  /** Size of the fixed customer base. */
  public long customers() {
    return (long) contactsPerDay * CUSTOMERS_PER_DAILY_CONTACT;
  }

  public LocalDate day(int index) {
    return startDate.plusDays(index);
  }
}
