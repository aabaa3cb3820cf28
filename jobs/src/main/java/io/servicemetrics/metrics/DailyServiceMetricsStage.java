package io.servicemetrics.metrics;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.io.DateFiles;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gold daily_service_metrics for the restated contact dates, from the chains stage's cached chains. */
final class DailyServiceMetricsStage extends MetricsStage {
  private static final Logger LOG = LoggerFactory.getLogger(DailyServiceMetricsStage.class);

  private final DeltaIo delta;
  private final MetricsConfig config;
  private final RestatementWindow window;
  private final ContactChainsStage chains;
  private long rows;

  DailyServiceMetricsStage(DeltaIo delta, MetricsConfig config, RestatementWindow window, ContactChainsStage chains) {
    super(MetricsJob.STAGE_DAILY, Table.GOLD_DAILY_SERVICE_METRICS.viewName(),
        "Daily service metrics per contact date, channel and queue");
    this.delta = delta;
    this.config = config;
    this.window = window;
    this.chains = chains;
  }

  @Override
  Counts run(StageRunner runner) {
    Dataset<Row> daily = GoldFrames.select(GoldFrames.stamp(
        DailyServiceMetricsTransforms.dailyServiceMetrics(chains.chains(), config.serviceLevel()), window.asOf()),
        DailyServiceMetricsSchema.SCHEMA);
    delta.replaceSlice(Table.GOLD_DAILY_SERVICE_METRICS,
        DateFiles.onePerDate(daily, DailyServiceMetricsSchema.CONTACT_DATE, window.firstDate(), window.lastDate()),
        window.goldPredicate(), DailyServiceMetricsSchema.CONTACT_DATE);
    rows = delta.rowsWritten(Table.GOLD_DAILY_SERVICE_METRICS, daily);
    LOG.info("daily_service_metrics: {} rows written", rows);
    return Counts.written(rows);
  }

  long rows() {
    return rows;
  }
}
