package io.servicemetrics.metrics;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.staffing.StaffingConfig;

/**
 * The period tables of the period ending at the run date ({@link PeriodMetricsJob}), from the gold
 * date tables the stages before restated.
 */
final class PeriodTablesStage implements MetricsStage {
  /** meta/run_log's table_name for this stage, which writes several tables. */
  static final String TABLES = "gold_period_tables";

  private final DeltaIo delta;
  private final MetricsConfig config;
  private final StaffingConfig staffing;

  PeriodTablesStage(DeltaIo delta, MetricsConfig config, StaffingConfig staffing) {
    this.delta = delta;
    this.config = config;
    this.staffing = staffing;
  }

  @Override
  public String name() {
    return MetricsJob.STAGE_PERIOD;
  }

  @Override
  public String table() {
    return TABLES;
  }

  @Override
  public String description() {
    return "Period tables: resolution versus speed, agents, word of mouth";
  }

  @Override
  public Counts run(StageRunner runner) {
    PeriodMetricsJob.run(delta, config.date(), config.timezone(), config.periodDays(), staffing);
    return Counts.NONE;
  }
}
