package io.servicemetrics.cli;

import io.servicemetrics.spark.SparkSessions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Spark options every Spark-running command shares. */
public final class SparkOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077 (default: spark.master if set, else local[*]).")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "A Spark setting; repeat for more (e.g. --conf spark.sql.shuffle.partitions=16).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--verbose", description = "Show Spark's own INFO logging (quiet by default).")
  boolean verbose;

  SparkSession open(String appName) {
    if (verbose) {
      Configurator.setRootLevel(Level.INFO);
    }
    return SparkSessions.create(appName, master, conf);
  }
}
