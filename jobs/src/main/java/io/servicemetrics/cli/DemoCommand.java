package io.servicemetrics.cli;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.ingest.IngestJob;
import io.servicemetrics.ingest.LandingDates;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedSet;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The whole pipeline on the bundled sample data, with the public demo key. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the pipeline in one bulk pass over the bundled sample landing zone (data-samples/landing)"
        + " into a fresh warehouse under --out, with the public DEMO pseudonymization key, and prints what it did.")
final class DemoCommand extends SparkCommand {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
  static final String HOME_PROPERTY = "service.metrics.home";
  static final String DEFAULT_OUT = "demo-output";

  @Option(names = "--samples", paramLabel = "DIR",
      description = "Landing zone to run on (default: data-samples/landing of this installation).")
  Path samples;

  @Option(names = "--out", defaultValue = DEFAULT_OUT, paramLabel = "DIR",
      description = "Where the warehouse and reports go; replaced on every run (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  int run(SparkSession spark) throws Exception {
    Path landing = samples != null ? samples : Path.of(System.getProperty(HOME_PROPERTY, "."), "data-samples", "landing");
    if (!Files.isDirectory(landing)) {
      throw Errors.landingMissing(landing.toString());
    }
    Path warehouseDir = out.resolve("warehouse").toAbsolutePath();
    deleteRecursively(warehouseDir);
    Warehouse warehouse = new Warehouse(warehouseDir.toString());
    DeltaIo delta = new DeltaIo(spark, warehouse);
    SortedSet<LocalDate> days = LandingDates.list(spark, landing.toAbsolutePath().toString());
    LOG.info("demo: {} delivery days {}..{} from {}", days.size(), days.first(), days.last(), landing);
    RunLog runLog = new RunLog(delta, "demo", Clock.systemUTC());
    IngestConfig config = new IngestConfig(days.first(), days.last(), landing.toAbsolutePath().toString(), warehouse,
        ZoneId.of("UTC"), PiiKey.demo());
    new IngestJob(delta, config, runLog).run();
    LOG.info("demo: warehouse at {} (try: bin/service-metrics sql \"SELECT * FROM meta_run_log\" --warehouse {})",
        warehouseDir, warehouseDir);
    return 0;
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
