package io.servicemetrics.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.ingest.LandingDates;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.io.WarehouseViews;
import io.servicemetrics.notebook.ExecutedNotebook;
import io.servicemetrics.notebook.NotebookFiles;
import io.servicemetrics.notebook.NotebookReader;
import io.servicemetrics.notebook.NotebookRunner;
import io.servicemetrics.pipeline.PipelineJob;
import io.servicemetrics.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample data through the whole pipeline once (as `demo` does), then what analysts and
 * stewards rely on: every planted defect is quarantined where the generator put it and nothing
 * else is, and every analyst notebook runs against the resulting warehouse, so a schema change that
 * breaks an analyst's query breaks the build.
 */
@ExtendWith(SharedSpark.class)
class SamplesEndToEndTest {
  private static final Path SAMPLES = Path.of(System.getProperty("service.metrics.samples", "../data-samples"));
  private static final Path NOTEBOOKS = SAMPLES.resolveSibling("notebooks-export");

  @TempDir static Path tmp;
  private static DeltaIo delta;
  private static PipelineJob.Result result;

  @BeforeAll
  static void runThePipelineOverTheSamples() {
    SparkSession spark = SharedSpark.session();
    String landing = SAMPLES.resolve("landing").toAbsolutePath().toString();
    SortedSet<LocalDate> days = LandingDates.list(spark, landing);
    Warehouse warehouse = new Warehouse(tmp.resolve("warehouse").toString());
    PipelineConfig config = new PipelineConfig(days.first(), days.last(), landing, warehouse, tmp.resolve("reports"),
        MetricsConfig.DEFAULT_TIMEZONE, PiiKey.demo(), MetricsConfig.DEFAULT_RESTATEMENT_DAYS,
        MetricsConfig.DEFAULT_PERIOD_DAYS, PipelineConfig.DEFAULT_MAX_QUARANTINE_SHARE, false, Duration.ZERO);
    result = new PipelineJob(spark, config, "test", Clock.systemUTC()).run();
    delta = new DeltaIo(spark, warehouse);
  }

  @Test
  void everyPlantedDefectIsQuarantinedAtItsFileAndLineAndNothingElseIs() throws IOException {
    Set<String> expected = new HashSet<>();
    Set<String> wholeFiles = new HashSet<>();
    List<String> defects = Files.readAllLines(SAMPLES.resolve("landing").resolve("_defects.csv"));
    for (String line : defects.subList(1, defects.size())) {
      String[] f = line.split(",", 7);
      String file = f[1].substring(f[1].lastIndexOf('/') + 1);
      if (f[4].equals("MISSING_REQUIRED_COLUMN")) {
        wholeFiles.add(f[0] + "/" + file);
      } else {
        expected.add(f[0] + "/" + file + ":" + f[2]);
      }
    }
    Set<String> quarantined = new HashSet<>();
    for (Table table : List.of(Table.QUARANTINE_CONTACTS, Table.QUARANTINE_SURVEYS, Table.QUARANTINE_MENTIONS,
        Table.QUARANTINE_CUSTOMER_HANDLES)) {
      for (Row r : delta.read(table).select("source_file", "record_number", "reason_code").collectAsList()) {
        String file = table.tableName() + "/" + r.getString(0);
        if (wholeFiles.contains(file)) {
          assertEquals("missing_column", r.getString(2), file);
        } else {
          quarantined.add(file + ":" + r.getLong(1));
        }
      }
    }
    assertEquals(expected, quarantined, "quarantine holds exactly the planted record defects");
    result.ingested().forEach((source, c) -> assertTrue(c.reconciles(), source + " reconciles: " + c));
    assertEquals(List.of(), result.qualityBreaches(), "the sample stays under the 5% quarantine threshold");
  }

  @Test
  void everyAnalystNotebookRunsAgainstTheSampleWarehouse(SparkSession spark) throws IOException {
    assertFalse(WarehouseViews.register(delta).isEmpty());
    // As `notebook run` does: the sample trains no sentiment model, so the scorer cells read no rows.
    assertTrue(WarehouseViews.registerEmptyWhenMissing(delta, io.servicemetrics.io.Table.META_SENTIMENT_MODELS,
        io.servicemetrics.schema.SentimentModelsSchema.SCHEMA), "the sample warehouse has no sentiment model");
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      notebooks = files.filter(p -> p.toString().endsWith(".ipynb") || p.toString().endsWith(".sql")).sorted().toList();
    }
    assertTrue(notebooks.size() >= 4, "three Jupyter notebooks and one Databricks export: " + notebooks);
    for (Path file : notebooks) {
      ExecutedNotebook executed = NotebookRunner.run(spark, NotebookReader.read(file), Map.of(), 5);
      NotebookFiles.Written written = NotebookFiles.write(tmp.resolve("notebooks"), executed);
      assertTrue(executed.succeeded(), () -> file.getFileName() + " failed at cell " + executed.failedCell()
          + ": " + executed.failure().evalue());
      assertTrue(Files.size(written.html()) > 0);
    }
  }
}
