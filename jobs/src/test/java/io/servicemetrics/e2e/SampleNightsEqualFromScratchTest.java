package io.servicemetrics.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.ingest.IngestJob;
import io.servicemetrics.ingest.LandingDates;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.metrics.MetricsJob;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly restatement over the real sample: the metrics stage run night by night over every
 * sample day ends in the same contact_chains and daily_service_metrics as one from-scratch run as
 * of the last day (every column but as_of, which records when a row was last restated).
 */
@ExtendWith(SharedSpark.class)
class SampleNightsEqualFromScratchTest {
  private static final Path SAMPLES = Path.of(System.getProperty("service.metrics.samples", "../data-samples"));

  @Test
  void theSampleNightsOneByOneEqualOneFromScratchRun(SparkSession spark, @TempDir Path tmp) {
    String landing = SAMPLES.resolve("landing").toAbsolutePath().toString();
    SortedSet<LocalDate> days = LandingDates.list(spark, landing);
    assertTrue(days.size() >= 28, "the sample has at least 28 delivery days");
    Warehouse warehouse = new Warehouse(tmp.resolve("warehouse").toString());
    DeltaIo delta = new DeltaIo(spark, warehouse);
    new IngestJob(delta, new IngestConfig(days.first(), days.last(), landing, warehouse, MetricsConfig.DEFAULT_TIMEZONE,
        PiiKey.demo()), new RunLog(delta, "test", Clock.systemUTC())).run();

    for (LocalDate night : days) {
      MetricsJob.run(spark, MetricsConfig.of(night, warehouse.root()));
    }
    List<String> chains = rows(delta, Table.GOLD_CONTACT_CHAINS);
    List<String> daily = rows(delta, Table.GOLD_DAILY_SERVICE_METRICS);

    MetricsJob.run(spark, new MetricsConfig(days.last(), warehouse.root(), MetricsConfig.DEFAULT_TIMEZONE,
        MetricsConfig.DEFAULT_RESTATEMENT_DAYS, MetricsConfig.DEFAULT_PERIOD_DAYS, true));
    assertTrue(chains.size() > 9_000, "the sample's chains: " + chains.size());
    assertEquals(chains, rows(delta, Table.GOLD_CONTACT_CHAINS), "contact_chains: the nights == from scratch");
    assertEquals(daily, rows(delta, Table.GOLD_DAILY_SERVICE_METRICS), "daily_service_metrics: the nights == from scratch");
  }

  private static List<String> rows(DeltaIo delta, Table table) {
    return delta.read(table).drop("as_of").toJSON().collectAsList().stream().sorted().toList();
  }
}
