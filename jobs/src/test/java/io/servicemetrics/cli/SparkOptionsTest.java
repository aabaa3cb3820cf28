package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.spark.SparkSessions;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --verbose changes the log level only in a JVM Service Metrics launched itself. */
class SparkOptionsTest {
  private static SparkOptions options(String... args) {
    SparkOptions options = new SparkOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void verboseRaisesTheRootLevelOnlyOutsideSparkSubmit() {
    Level before = LogManager.getRootLogger().getLevel();
    try {
      // The test JVM's root level is WARN (log4j2-test.properties).
      assertFalse(options().applyVerbose(false), "no --verbose: logging untouched");
      assertEquals(before, LogManager.getRootLogger().getLevel(), "root level without --verbose");
      assertFalse(options("--verbose").applyVerbose(true), "under spark-submit: logging untouched");
      assertEquals(before, LogManager.getRootLogger().getLevel(), "root level under spark-submit");
      assertTrue(options("--verbose").applyVerbose(false), "own launcher: logging raised");
      assertEquals(Level.INFO, LogManager.getRootLogger().getLevel(), "root level with --verbose");
    } finally {
      Configurator.setRootLevel(before);
    }
  }

  @Test
  void sparkSubmitIsToldByTheSparkMasterSystemProperty() {
    assertFalse(SparkSessions.launchedBySparkSubmit(), "surefire's JVM sets no spark.master system property");
    // spark-submit hands the driver spark.master (and its other settings) as system properties.
    System.setProperty("spark.master", "spark://master:7077");
    try {
      assertTrue(SparkSessions.launchedBySparkSubmit(), "spark.master set as a system property");
    } finally {
      System.clearProperty("spark.master");
    }
  }
}
