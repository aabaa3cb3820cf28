package io.servicemetrics.cli;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.hours.BusinessHours;
import io.servicemetrics.metrics.MetricsJob;
import io.servicemetrics.staffing.StaffingConfig;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Computes gold contact_chains and daily_service_metrics for one run date (nightly restatement). */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Computes gold contact_chains and daily_service_metrics from silver as of the end of --date.",
      "A nightly run recomputes the last --restatement-days contact dates and replaces exactly that",
      "slice; --from-scratch recomputes every date. See docs/METRICS.md."
    })
final class MetricsCommand extends SparkCommand {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsCommand.class);

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Run date D: data up to the end of D.")
  LocalDate date;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
  String warehouse;

  @Option(
      names = "--timezone",
      defaultValue = MetricsConfig.DEFAULT_TIMEZONE_ID,
      paramLabel = "ZONE",
      description = "Business time zone deciding calendar days, e.g. America/New_York (default: ${DEFAULT-VALUE}).")
  ZoneId timezone;

  @Option(
      names = "--restatement-days",
      defaultValue = "" + MetricsConfig.DEFAULT_RESTATEMENT_DAYS,
      paramLabel = "N",
      description = "Contact dates recomputed by a nightly run, ending at --date (default: ${DEFAULT-VALUE}).")
  int restatementDays;

  @Option(
      names = "--period-days",
      defaultValue = "" + MetricsConfig.DEFAULT_PERIOD_DAYS,
      paramLabel = "N",
      description = "Length of the analysis period ending at --date (default: ${DEFAULT-VALUE}).")
  int periodDays;

  @Option(names = "--from-scratch", description = "Recompute every contact date instead of the restatement window.")
  boolean fromScratch;

  @Mixin StaffingCostOptions staffing;

  @Option(names = "--business-hours", paramLabel = "FILE", converter = BusinessHoursConverter.class,
      description = BusinessHoursConverter.DESCRIPTION)
  BusinessHours businessHours;

  @Mixin ServiceLevelOptions serviceLevel;

  @Override
  int run(SparkSession spark) {
    MetricsConfig config = new MetricsConfig(date, warehouse, timezone, restatementDays, periodDays, fromScratch,
        businessHours, serviceLevel.toConfig());
    StaffingConfig staffingConfig = staffing.toConfig();
    WarehouseArgument.requireExists(spark, warehouse);
    MetricsJob.Result result = MetricsJob.run(spark, config, staffingConfig);
    LOG.info("metrics {} as of {}: {} legs read, rejected {}, {} chains, {} daily rows (run {})",
        config.date(), result.asOf(), result.legsRead(), result.legsRejected(), result.chains(), result.dailyRows(),
        result.runId());
    return 0;
  }
}
