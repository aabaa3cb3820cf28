package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sql, report and metrics on a warehouse path that does not exist: a clear error and exit code 2,
 * and nothing created at that path. Runs the real command line in a forked JVM (the commands stop
 * their SparkSession, which would stop the tests' shared one).
 */
class MissingWarehouseExitCodeTest {
  @Test
  void aMissingWarehouseIsABadArgumentForSqlReportAndMetrics(@TempDir Path tmp) throws IOException, InterruptedException {
    Path missing = tmp.resolve("no-such-warehouse");
    Path log = tmp.resolve("probe.log");
    Path moduleOptions = Path.of("conf", "jvm-module-options.args").toAbsolutePath();
    assertTrue(Files.isRegularFile(moduleOptions), "run from the jobs module: " + moduleOptions);
    Process probe = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "@" + moduleOptions, "-Xmx1g", "-Djava.awt.headless=true",
            "-cp", System.getProperty("java.class.path"),
            MissingWarehouseProbe.class.getName(), missing.toString(), tmp.resolve("reports").toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertTrue(probe.waitFor(5, TimeUnit.MINUTES), "the probe JVM finished");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, probe.exitValue(), output);
    assertTrue(output.contains("exit codes: sql=2 report=2 metrics=2"), "each command exits with 2:\n" + output);
    assertTrue(output.contains("The warehouse " + missing + " does not exist"), "the error names the path:\n" + output);
    assertFalse(Files.exists(missing), "no command created the missing warehouse");
  }
}
