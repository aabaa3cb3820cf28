package io.servicemetrics.cli;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.hours.BusinessHours;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.pipeline.PipelineJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by nightly and backfill, and the run both end in. */
final class PipelineOptions {
  @Option(names = "--landing", required = true, paramLabel = "DIR", description = "Landing zone root (path or URI).")
  String landing;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI); created on first run.")
  String warehouse;

  @Option(names = "--reports", required = true, paramLabel = "DIR", description = "Folder for the PDF reports.")
  Path reports;

  @Option(names = "--timezone", defaultValue = MetricsConfig.DEFAULT_TIMEZONE_ID, paramLabel = "ZONE",
      description = "Business time zone: decides calendar days (default: ${DEFAULT-VALUE}).")
  ZoneId timezone;

  @Option(names = "--pii-key-file", paramLabel = "FILE",
      description = "File holding the pseudonymization key (default: the SERVICE_METRICS_PII_KEY environment variable).")
  Path piiKeyFile;

  @Option(names = "--restatement-days", defaultValue = "" + MetricsConfig.DEFAULT_RESTATEMENT_DAYS, paramLabel = "N",
      description = "Trailing contact dates restated each night (default: ${DEFAULT-VALUE}).")
  int restatementDays;

  @Option(names = "--period-days", defaultValue = "" + MetricsConfig.DEFAULT_PERIOD_DAYS, paramLabel = "N",
      description = "Days in the analysis period ending at the run date (default: ${DEFAULT-VALUE}).")
  int periodDays;

  @Option(names = "--max-quarantine-share", defaultValue = "" + PipelineConfig.DEFAULT_MAX_QUARANTINE_SHARE, paramLabel = "SHARE",
      description = "Exit 3 when a source's quarantined share of records read exceeds this (default: ${DEFAULT-VALUE}).")
  double maxQuarantineShare;

  @Option(names = "--valid-from", defaultValue = IngestConfig.DEFAULT_VALID_FROM_TEXT, paramLabel = "YYYY-MM-DD",
      description = "Events before this day (UTC) are quarantined out_of_range; pass an earlier day for older"
          + " history (default: ${DEFAULT-VALUE}).")
  LocalDate validFrom;

  @Option(names = "--wait-for-lock", defaultValue = "0", paramLabel = "SECONDS",
      description = "Wait this long for another run holding the warehouse before failing (default: ${DEFAULT-VALUE}).")
  long waitForLock;

  @Mixin StaffingCostOptions staffing;

  @Option(names = "--business-hours", paramLabel = "FILE", converter = BusinessHoursConverter.class,
      description = BusinessHoursConverter.DESCRIPTION)
  BusinessHours businessHours;

  @Mixin ServiceLevelOptions serviceLevel;

  PipelineConfig toConfig(LocalDate from, LocalDate to, boolean reportEveryDay) {
    return new PipelineConfig(from, to, landing, new Warehouse(warehouse), reports, timezone,
        PiiKey.resolve(piiKeyFile, System.getenv()), restatementDays, periodDays, maxQuarantineShare,
        reportEveryDay, Duration.ofSeconds(waitForLock), validFrom, businessHours, serviceLevel.toConfig());
  }

  /**
   * Runs the pipeline over delivery days from..to, prints each report's path on stdout, then fails
   * with exit code 3 on a data-quality breach (everything is written by then).
   *
   * @return 0, the exit code of a clean run
   */
  int run(SparkSession spark, String command, LocalDate from, LocalDate to, boolean reportEveryDay) {
    PipelineJob.Result result = new PipelineJob(spark, toConfig(from, to, reportEveryDay), command, Clock.systemUTC(), staffing.toConfig()).run();
    result.reports().forEach(p -> System.out.println(p.toAbsolutePath()));
    PipelineJob.failOnQualityBreaches(result);
    return 0;
  }
}
