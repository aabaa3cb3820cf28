package io.servicemetrics.cli;

import io.servicemetrics.pipeline.PipelineJob;
import java.time.Clock;
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
    PipelineJob.Result result = new PipelineJob(spark, pipeline.toConfig(date, date, false), "nightly", Clock.systemUTC()).run();
    result.reports().forEach(p -> System.out.println(p.toAbsolutePath()));
    PipelineJob.failOnQualityBreaches(result);
    return 0;
  }
}
