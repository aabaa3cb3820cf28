package io.servicemetrics.cli;

import io.servicemetrics.bench.BenchConfig;
import io.servicemetrics.bench.BenchResult;
import io.servicemetrics.bench.BenchRunner;
import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates data and times the pipeline on it: a reproducible measurement, not a test. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Generates --days + 1 delivery days with the project's generator, times a bulk backfill of the"
        + " first --days and the nightly run of the last day (and, with --history-days H below --days, the same"
        + " night on a warehouse with only H days of history), and prints stage times, rows per second, peak"
        + " heap and RSS as a table and, last, one JSON line. See docs/BENCHMARKS.md.")
final class BenchCommand extends SparkCommand {
  @Option(names = "--contacts-per-day", required = true, paramLabel = "K",
      description = "Average contact chains per day (legs are about 1.25 x K).")
  int contactsPerDay;

  @Option(names = "--days", required = true, paramLabel = "N", description = "Days to backfill before the measured night.")
  int days;

  @Option(names = "--history-days", paramLabel = "H",
      description = "Also time the same night with only H days of history (default: --days, no second run).")
  Integer historyDays;

  @Option(names = "--seed", defaultValue = "" + BenchConfig.DEFAULT_SEED, description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", description = "First delivery day (default: 2026-01-01).")
  LocalDate startDate;

  @Option(names = "--valid-from", defaultValue = IngestConfig.DEFAULT_VALID_FROM_TEXT, paramLabel = "YYYY-MM-DD",
      description = "The runs' --valid-from: events before this day are quarantined out_of_range (default: ${DEFAULT-VALUE}).")
  LocalDate validFrom;

  @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder, absent or empty (default: a new temporary folder).")
  Path work;

  @Option(names = "--keep", description = "Keep the scratch folder (landing zone, warehouses, reports) afterwards.")
  boolean keep;

  @Option(names = "--fresh-jvm-nightly",
      description = "Run each timed nightly in a new JVM, as a scheduler starts bin/service-metrics nightly (JVM and"
          + " Spark start-up included), instead of in the bench's own JVM, warm from the backfill. Local masters only.")
  boolean freshJvmNightly;

  @Override
  int run(SparkSession spark) throws IOException {
    Path folder = work != null ? work : Files.createTempDirectory("service-metrics-bench-");
    if (Files.exists(folder)) {
      try (var entries = Files.list(folder)) {
        if (entries.findAny().isPresent()) {
          throw Errors.badArgument("--work " + folder + " is not empty", "The bench writes a fresh landing zone and"
              + " warehouses there, and deletes the folder afterwards unless --keep", "Pass an absent or empty folder");
        }
      }
    }
    BenchConfig config = new BenchConfig(contactsPerDay, days, historyDays != null ? historyDays : days, seed,
        startDate != null ? startDate : BenchConfig.DEFAULT_START_DATE, folder, keep, freshJvmNightly, validFrom);
    BenchResult result = BenchRunner.run(spark, config, sparkOptions.conf);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.print(result.table());
    out.println(result.json());
    return 0;
  }
}
