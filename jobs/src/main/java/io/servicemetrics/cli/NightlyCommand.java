package io.servicemetrics.cli;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the scheduler runs every night. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = "Ingests delivery day D, restates gold, computes the period ending D and writes its report,"
        + " in one Spark application. Exit codes: 0 success, 2 bad arguments or missing inputs,"
        + " 3 data-quality threshold breached (outputs written), 1 any other failure. Safe to rerun.")
final class NightlyCommand extends SparkCommand {
  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The delivery day to process.")
  LocalDate date;

  @Mixin PipelineOptions pipeline;

  @Override
  int run(SparkSession spark) {
    return pipeline.run(spark, "nightly", date, date, false);
  }
}
