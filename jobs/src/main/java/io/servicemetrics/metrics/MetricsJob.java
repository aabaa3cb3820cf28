package io.servicemetrics.metrics;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.spark.LineageCut;
import io.servicemetrics.staffing.StaffingConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics stage: silver contacts, surveys and customer_handles to gold contact_chains and
 * daily_service_metrics, plus meta/metric_definitions, recorded in meta/run_log.
 *
 * <p>A nightly run for date D recomputes the contact dates [D - (restatementDays - 1), D] and
 * replaces exactly that slice of each gold table; {@code fromScratch} recomputes and replaces
 * everything. Both give the same rows for a contact date (docs/METRICS.md "Restatement"), because a
 * chain depends only on legs that start at most {@link ContactChainTransforms#MAX_LINK_GAP} before
 * its root, and its flags only on chains that start after it.
 *
 * <p>The job is its list of stages ({@link #stages}), each one class that computes and writes its
 * table(s): {@link ContactChainsStage}, {@link DailyServiceMetricsStage}, {@link PeriodTablesStage},
 * {@link MetricDefinitionsStage}. {@link StageRunner} runs them in turn and owns their Spark job
 * groups, run-log rows and caches; {@link RestatementWindow} holds the slices they read and replace.
 */
public final class MetricsJob {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsJob.class);
  public static final String COMMAND = "metrics";
  public static final String STAGE_CHAINS = "contact_chains";
  public static final String STAGE_DAILY = "daily_service_metrics";
  public static final String STAGE_PERIOD = "period_tables";
  public static final String STAGE_DEFINITIONS = "metric_definitions";

  /**
   * The stages a run computes. {@link #ALL} is what {@code metrics}, {@code nightly} and
   * {@code backfill} run. {@link #DATE_TABLES} stops after contact_chains and daily_service_metrics,
   * the tables restated per contact date: for callers that need no period table nor the definitions
   * (tests of restatement and of silver's contents), whose run log then has those two stages only.
   */
  public enum Scope { ALL, DATE_TABLES }

  /** What a run did, for the command line and tests. */
  public record Result(
      String runId, Instant asOf, long legsRead, Map<String, Long> legsRejected, long chains, long dailyRows) {}

  private MetricsJob() {}

  /** Runs the stages; on failure appends a {@code failed} run-log row and rethrows. */
  public static Result run(SparkSession spark, MetricsConfig config) {
    return run(spark, config, StaffingConfig.DEFAULTS);
  }

  /** As {@link #run(SparkSession, MetricsConfig)} with the staffing tables' settings given. */
  public static Result run(SparkSession spark, MetricsConfig config, StaffingConfig staffing) {
    return run(spark, config, staffing, Scope.ALL);
  }

  /** As {@link #run(SparkSession, MetricsConfig, StaffingConfig)}, computing only the stages of {@code scope}. */
  public static Result run(SparkSession spark, MetricsConfig config, StaffingConfig staffing, Scope scope) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(config.warehouse()));
    RunLog runLog = new RunLog(delta, COMMAND, UUID.randomUUID().toString(), Clock.systemUTC());
    RestatementWindow window = new RestatementWindow(config);
    LOG.info("Metrics for {} as of {} ({}), {}", config.date(), config.asOf(), config.timezone(),
        config.fromScratch() ? "from scratch" : "restating " + config.windowStart() + ".." + config.date());
    // Closed in reverse order: the caches first, then the checkpoints the cached chain assignment
    // was computed from.
    try (LineageCut lineageCut = LineageCut.forRun(spark.sparkContext(), config.warehouse(), runLog.runId());
        StageRunner runner = new StageRunner(spark, COMMAND, config.date(), runLog)) {
      ContactChainsStage chains = new ContactChainsStage(delta, config, window, lineageCut);
      DailyServiceMetricsStage daily = new DailyServiceMetricsStage(delta, config, window, chains);
      runner.runAll(stages(scope, chains, daily, new PeriodTablesStage(delta, config, staffing),
          new MetricDefinitionsStage(delta)));
      return new Result(runLog.runId(), config.asOf(), chains.legsRead(), chains.rejected(), chains.chainCount(),
          daily.rows());
    }
  }

  /** The night's metrics stages, in the order they run. */
  private static List<MetricsStage> stages(Scope scope, ContactChainsStage chains, DailyServiceMetricsStage daily,
      PeriodTablesStage periodTables, MetricDefinitionsStage definitions) {
    List<MetricsStage> stages = new ArrayList<>(List.of(chains, daily));
    if (scope == Scope.ALL) {
      stages.add(periodTables);
      stages.add(definitions);
    }
    return stages;
  }
}
