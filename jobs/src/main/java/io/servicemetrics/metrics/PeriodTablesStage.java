package io.servicemetrics.metrics;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.staffing.StaffingConfig;

/**
 * The period tables of the period ending at the run date ({@link PeriodMetricsJob}), from the gold
 * date tables the stages before restated.
 */
final class PeriodTablesStage extends MetricsStage {
  /** meta/run_log's table_name for this stage, which writes several tables. */
  static final String TABLES = "gold_period_tables";

  private final DeltaIo delta;
  private final MetricsConfig config;
  private final StaffingConfig staffing;

  PeriodTablesStage(DeltaIo delta, MetricsConfig config, StaffingConfig staffing) {
    super(MetricsJob.STAGE_PERIOD, TABLES, "Period tables: resolution versus speed, agents, word of mouth");
    this.delta = delta;
    this.config = config;
    this.staffing = staffing;
  }

  @Override
  Counts run(StageRunner runner) {
    PeriodMetricsJob.run(delta, config.date(), config.timezone(), config.periodDays(), staffing);
    return Counts.NONE;
  }
}
