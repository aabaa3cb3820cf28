package io.servicemetrics.cli;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.hours.BusinessHours;
import io.servicemetrics.ingest.LandingDates;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.metrics.Headlines;
import io.servicemetrics.pipeline.PipelineJob;
import io.servicemetrics.report.ExecutiveSummary;
import io.servicemetrics.report.KpiTile;
import io.servicemetrics.report.ReportData;
import io.servicemetrics.report.ReportModel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.SortedSet;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole pipeline on the bundled sample data, with the public demo key. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the whole pipeline (one bulk backfill: ingest, metrics, report) over the bundled sample"
        + " landing zone (data-samples/landing) into a fresh warehouse under --out, with the public DEMO"
        + " pseudonymization key, and prints the period's headline numbers and the report's path.")
final class DemoCommand extends SparkCommand {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
  static final String DEFAULT_OUT = "demo-output";

  @Option(names = "--samples", paramLabel = "DIR",
      description = "Landing zone to run on (default: data-samples/landing of this installation).")
  Path samples;

  @Option(names = "--out", defaultValue = DEFAULT_OUT, paramLabel = "DIR",
      description = "Where the warehouse and reports go; replaced on every run (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--business-hours", paramLabel = "FILE", converter = BusinessHoursConverter.class,
      description = "Schedules per queue (JSON, docs/METRICS.md \"Business hours\") (default: the sample's,"
          + " data-samples/business-hours.json of this installation).")
  BusinessHours businessHours;

  @Mixin ServiceLevelOptions serviceLevel;

  @Override
  int run(SparkSession spark) throws Exception {
    Path home = Path.of(System.getProperty(Launcher.HOME_PROPERTY, "."));
    Path landing = samples != null ? samples : home.resolve("data-samples").resolve("landing");
    // Read before anything is deleted or ingested: a bad file stops the demo at once (exit 2).
    BusinessHours hours = businessHours != null ? businessHours
        : BusinessHours.read(home.resolve("data-samples").resolve("business-hours.json"));
    if (!Files.isDirectory(landing)) {
      throw Errors.landingMissing(landing.toString());
    }
    Path warehouseDir = out.resolve("warehouse").toAbsolutePath();
    Path reportsDir = out.resolve("reports").toAbsolutePath();
    deleteRecursively(warehouseDir);
    Warehouse warehouse = new Warehouse(warehouseDir.toString());
    SortedSet<LocalDate> days = LandingDates.list(spark, landing.toAbsolutePath().toString());
    if (days.isEmpty()) {
      throw Errors.landingMissing(landing + " (no date= folders)");
    }
    LOG.info("demo: {} delivery days {}..{} from {}", days.size(), days.first(), days.last(), landing);
    PipelineConfig config = new PipelineConfig(days.first(), days.last(), landing.toAbsolutePath().toString(),
        warehouse, reportsDir, MetricsConfig.DEFAULT_TIMEZONE, PiiKey.demo(), MetricsConfig.DEFAULT_RESTATEMENT_DAYS,
        MetricsConfig.DEFAULT_PERIOD_DAYS, PipelineConfig.DEFAULT_MAX_QUARANTINE_SHARE, false, Duration.ZERO,
        IngestConfig.DEFAULT_VALID_FROM, hours, serviceLevel.toConfig());
    PipelineJob.Result result = new PipelineJob(spark, config, "demo", Clock.systemUTC()).run();

    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    stdout.println();
    result.ingested().forEach((source, c) -> stdout.printf(Locale.ROOT,
        "ingest %-16s read %6d = accepted %6d + quarantined %4d + superseded %5d%n",
        source.sourceName(), c.read(), c.accepted(), c.quarantined(), c.superseded()));
    DeltaIo delta = new DeltaIo(spark, warehouse);
    ReportModel model = ReportData.load(delta, days.last(), MetricsConfig.DEFAULT_PERIOD_DAYS);
    stdout.println();
    stdout.println("Period " + days.last().minusDays(MetricsConfig.DEFAULT_PERIOD_DAYS - 1L) + " to " + days.last() + ":");
    for (KpiTile tile : ExecutiveSummary.tiles(model)) {
      stdout.printf(Locale.ROOT, "  %-28s %10s  %s%n", tile.label(), tile.value(), ExecutiveSummary.printedNote(tile));
    }
    // Speed is per channel (never averaged across clocks); say what the source does not measure.
    ExecutiveSummary.notMeasuredNote(model).ifPresent(note -> stdout.println("  " + note));
    stdout.println();
    Headlines.of(delta, days.last()).forEach(sentence -> stdout.println("  " + sentence));
    stdout.println();
    result.reports().forEach(pdf -> stdout.println("Report: " + pdf));
    stdout.println("Warehouse: " + warehouseDir + "  (try: bin/service-metrics sql \"SELECT * FROM gold_wom_multiplier\""
        + " --warehouse " + warehouseDir + ")");
    PipelineJob.failOnQualityBreaches(result);
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
