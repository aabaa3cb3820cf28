package io.servicemetrics.cli;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A range of nights in one bulk pass. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = "Processes delivery days --from..--to as one bulk pass (one ingest, one restatement) that ends"
        + " in the same state as running each night in turn, and writes the report for the last day."
        + " Exit codes as for nightly.")
final class BackfillCommand extends SparkCommand {
  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First delivery day.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last delivery day (inclusive).")
  LocalDate to;

  @Option(names = "--report-every-day", description = "Compute the period tables and write a report for every day of the range.")
  boolean reportEveryDay;

  @Mixin PipelineOptions pipeline;

  @Override
  int run(SparkSession spark) {
    return pipeline.run(spark, "backfill", from, to, reportEveryDay);
  }
}
