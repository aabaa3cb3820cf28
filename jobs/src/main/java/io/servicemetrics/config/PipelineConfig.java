package io.servicemetrics.config;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.hours.BusinessHours;
import io.servicemetrics.io.Warehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A nightly run (from = to = D) or a backfill (from..to): ingest the delivery days, restate gold,
 * compute the period tables and write the report for the last day.
 *
 * @param reports folder of the PDF reports
 * @param restatementDays a nightly run restates contact dates [D - (n - 1), D]; a backfill widens
 *     the window by its length so that it restates every day it ingested
 * @param maxQuarantineShare a source whose quarantined share of the records read exceeds this
 *     fails the run with exit code 3 (after everything is written)
 * @param reportEveryDay a backfill computes period tables and a report for every day, not just the last
 * @param lockWait how long to wait for another run holding the warehouse
 * @param validFrom events before this day are {@code out_of_range} (see {@link IngestConfig#validFrom})
 * @param businessHours the {@code --business-hours} schedule, or null when none was given
 * @param serviceLevel short-abandon threshold and service-level target per channel
 */
public record PipelineConfig(
    LocalDate from,
    LocalDate to,
    String landing,
    Warehouse warehouse,
    Path reports,
    ZoneId timezone,
    PiiKey piiKey,
    int restatementDays,
    int periodDays,
    double maxQuarantineShare,
    boolean reportEveryDay,
    Duration lockWait,
    LocalDate validFrom,
    BusinessHours businessHours,
    ServiceLevelConfig serviceLevel) {
  public static final double DEFAULT_MAX_QUARANTINE_SHARE = 0.05;

  public PipelineConfig {
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(lockWait, "lockWait");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(serviceLevel, "serviceLevel");
    IngestConfig.requireDeliveryRun(from, "from", to, "to", timezone, "timezone", landing, warehouse, piiKey,
        () -> Errors.badArgument("--from " + from + " is after --to " + to, "A backfill runs forward in time",
            "Give the earlier date as --from"));
    requireQuarantineShare(maxQuarantineShare);
    IngestConfig.requireValidFrom(validFrom, to);
  }

  /** Checks --max-quarantine-share, for every command that takes it. */
  public static void requireQuarantineShare(double maxQuarantineShare) {
    if (!(maxQuarantineShare >= 0 && maxQuarantineShare <= 1)) {
      throw Errors.badArgument("--max-quarantine-share " + maxQuarantineShare + " is not a share",
          "It is the largest tolerated fraction of quarantined records per source", "Pass a number from 0 to 1, e.g. 0.05");
    }
  }

  /** Events from {@link IngestConfig#DEFAULT_VALID_FROM} on, without a business-hours schedule, default queue-time parameters. */
  public PipelineConfig(LocalDate from, LocalDate to, String landing, Warehouse warehouse, Path reports, ZoneId timezone,
      PiiKey piiKey, int restatementDays, int periodDays, double maxQuarantineShare, boolean reportEveryDay,
      Duration lockWait) {
    this(from, to, landing, warehouse, reports, timezone, piiKey, restatementDays, periodDays, maxQuarantineShare,
        reportEveryDay, lockWait, IngestConfig.DEFAULT_VALID_FROM, null,
        ServiceLevelConfig.DEFAULT);
  }

  /** The same run with the given schedule (null: none). */
  public PipelineConfig withBusinessHours(BusinessHours hours) {
    return new PipelineConfig(from, to, landing, warehouse, reports, timezone, piiKey, restatementDays, periodDays,
        maxQuarantineShare, reportEveryDay, lockWait, validFrom, hours, serviceLevel);
  }

  /** The same run with the given queue-time parameters. */
  public PipelineConfig withServiceLevel(ServiceLevelConfig levels) {
    return new PipelineConfig(from, to, landing, warehouse, reports, timezone, piiKey, restatementDays, periodDays,
        maxQuarantineShare, reportEveryDay, lockWait, validFrom, businessHours, levels);
  }

  public IngestConfig ingest() {
    return new IngestConfig(from, to, landing, warehouse, timezone, piiKey).withValidFrom(validFrom);
  }

  /** Restates every ingested day plus the usual window behind the first one. */
  public MetricsConfig metrics() {
    int days = Math.toIntExact(restatementDays + ChronoUnit.DAYS.between(from, to));
    return new MetricsConfig(to, warehouse.root(), timezone, days, periodDays, false, businessHours, serviceLevel);
  }
}
