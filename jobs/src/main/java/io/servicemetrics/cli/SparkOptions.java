package io.servicemetrics.cli;

import io.servicemetrics.spark.SparkSessions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Spark options every Spark-running command shares. */
public final class SparkOptions {
  private static final Logger LOG = LoggerFactory.getLogger(SparkOptions.class);

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

  @Option(names = "--verbose",
      description = "Show Spark's own INFO logging (quiet by default; under spark-submit its log4j2 configuration decides).")
  boolean verbose;

  SparkSession open(String appName) {
    applyVerbose(SparkSessions.launchedBySparkSubmit());
    return SparkSessions.create(appName, master, conf);
  }

  /**
   * Raises the root log level to INFO for --verbose, but only in a JVM Service Metrics launched
   * itself (bin/service-metrics, java -cp): under spark-submit the logging configuration is the
   * submitter's, and --verbose leaves it alone.
   *
   * @return whether the log level was changed
   */
  boolean applyVerbose(boolean launchedBySparkSubmit) {
    if (!verbose) {
      return false;
    }
    if (launchedBySparkSubmit) {
      LOG.warn("--verbose leaves logging to spark-submit: Spark's log4j2 configuration decides its log level");
      return false;
    }
    Configurator.setRootLevel(Level.INFO);
    return true;
  }
}
