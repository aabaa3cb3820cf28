package io.servicemetrics.pipeline;

import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.ingest.IngestJob;
import io.servicemetrics.ingest.QuarantineBreaches;
import io.servicemetrics.ingest.Source;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.WarehouseLock;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.metrics.MetricsJob;
import io.servicemetrics.metrics.PeriodMetricsJob;
import io.servicemetrics.report.ReportData;
import io.servicemetrics.report.ReportWriter;
import io.servicemetrics.staffing.StaffingConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly pipeline in one Spark application: ingest the delivery day(s), restate gold, compute
 * the period tables, write the report. A backfill is the same job over a range: one bulk ingest,
 * one restatement covering every ingested day, then the period tables and report of the last day
 * (or of every day). Each write is one Delta commit, so a run that dies midway leaves every table
 * readable, and rerunning the same dates completes it.
 */
public final class PipelineJob {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineJob.class);
  public static final String STAGE = "pipeline";
  /** Test hook: the JVM halts after this stage, as a killed process would (see docs/SCHEDULING.md). */
  public static final String HALT_AFTER_PROPERTY = "service.metrics.test.haltAfter";
  /** The stages {@link #HALT_AFTER_PROPERTY} names. */
  public static final String INGEST = "ingest";
  public static final String METRICS = "metrics";

  /** What the run produced. */
  public record Result(Map<Source, RunLog.IngestCounts> ingested, List<Path> reports, List<String> qualityBreaches) {}

  private final SparkSession spark;
  private final PipelineConfig config;
  private final String command;
  private final Clock clock;
  private final StaffingConfig staffing;

  public PipelineJob(SparkSession spark, PipelineConfig config, String command, Clock clock) {
    this(spark, config, command, clock, StaffingConfig.DEFAULTS);
  }

  /** With the staffing tables' settings (agent-hour cost and currency) given. */
  public PipelineJob(SparkSession spark, PipelineConfig config, String command, Clock clock, StaffingConfig staffing) {
    this.spark = spark;
    this.config = config;
    this.command = command;
    this.clock = clock;
    this.staffing = staffing;
  }

  /**
   * Runs every stage; returns normally even when a data-quality threshold is breached (the
   * caller decides the exit code), throws on any failure after logging it in the run log.
   */
  public Result run() {
    DeltaIo delta = new DeltaIo(spark, config.warehouse());
    RunLog runLog = new RunLog(delta, command, clock);
    try (WarehouseLock lock = WarehouseLock.acquire(
        spark.sparkContext().hadoopConfiguration(), config.warehouse(), runLog.runId(), config.lockWait(), clock)) {
      Instant startedAt = runLog.now();
      runLog.started(STAGE, null, config.to());
      try {
        Result result = runStages(delta, runLog);
        runLog.succeeded(STAGE, null, config.to(), startedAt, result.reports().size(),
            result.qualityBreaches().isEmpty() ? null : String.join("; ", result.qualityBreaches()));
        return result;
      } catch (RuntimeException e) {
        runLog.failed(STAGE, null, config.to(), startedAt, e);
        throw e;
      }
    }
  }

  private Result runStages(DeltaIo delta, RunLog runLog) {
    LOG.info("{} {}..{}: ingest", command, config.from(), config.to());
    Map<Source, RunLog.IngestCounts> ingested = new IngestJob(delta, config.ingest(), runLog).run();
    haltIfAsked(INGEST);

    LOG.info("{} {}: metrics (restating {} days)", command, config.to(), config.metrics().restatementDays());
    MetricsJob.run(spark, config.metrics(), staffing);
    haltIfAsked(METRICS);

    List<LocalDate> reportDays = new ArrayList<>();
    if (config.reportEveryDay()) {
      config.from().datesUntil(config.to().plusDays(1)).forEach(reportDays::add);
    } else {
      reportDays.add(config.to());
    }
    List<Path> reports = new ArrayList<>();
    for (LocalDate day : reportDays) {
      if (!day.equals(config.to())) {
        // The metrics stage computed the last day's period tables; earlier days need their own.
        PeriodMetricsJob.run(delta, day, config.timezone(), config.periodDays(), staffing);
      }
      Path pdf = ReportWriter.write(ReportData.load(delta, day, config.periodDays()), config.reports());
      LOG.info("{} {}: report {}", command, day, pdf.toAbsolutePath());
      reports.add(pdf);
    }
    return new Result(ingested, reports, qualityBreaches(ingested));
  }

  private List<String> qualityBreaches(Map<Source, RunLog.IngestCounts> ingested) {
    return QuarantineBreaches.of(ingested, config.maxQuarantineShare());
  }

  /** Fails a run whose data breached a threshold, once its outputs are written. */
  public static void failOnQualityBreaches(Result result) {
    QuarantineBreaches.failOnAny(result.qualityBreaches());
  }

  private static void haltIfAsked(String stage) {
    if (stage.equals(System.getProperty(HALT_AFTER_PROPERTY))) {
      LOG.warn("Halting after {} as asked by {}", stage, HALT_AFTER_PROPERTY);
      Runtime.getRuntime().halt(137);
    }
  }
}
