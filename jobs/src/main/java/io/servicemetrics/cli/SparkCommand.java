package io.servicemetrics.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs inside one SparkSession, opened and closed here. */
abstract class SparkCommand implements Callable<Integer> {
  @Mixin SparkOptions sparkOptions;
  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    SparkSession spark = sparkOptions.open("service-metrics " + spec.name());
    try {
      return run(spark);
    } finally {
      spark.stop();
    }
  }

  /** Does the work; returns the process exit code. Validation errors are thrown, not returned. */
  abstract int run(SparkSession spark) throws Exception;
}
