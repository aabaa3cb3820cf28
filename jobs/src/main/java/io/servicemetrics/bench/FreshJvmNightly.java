package io.servicemetrics.bench;

import io.servicemetrics.cli.Launcher;
import io.servicemetrics.cli.ServiceMetricsCli;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One nightly run in a JVM of its own, started the way a scheduler starts {@code bin/service-metrics
 * nightly}: JVM start-up, class loading, JIT warm-up and Spark's start are part of its time. A
 * nightly inside the bench's JVM, warm from the backfill before it, pays none of them
 * (docs/BENCHMARKS.md "Cold nightly").
 */
final class FreshJvmNightly {
  /** The properties file the child writes its peak heap and RSS into. */
  static final String RESOURCES_PROPERTY = "service.metrics.bench.resourcesFile";
  static final String PEAK_HEAP = "peak_heap_bytes";
  static final String PEAK_RSS = "peak_rss_bytes";
  static final String SQL_EXECUTIONS = "sql_executions";
  private static final String EXTRA_LISTENERS = "spark.extraListeners";
  private static final Logger LOG = LoggerFactory.getLogger(FreshJvmNightly.class);
  /** Options of the bench's JVM that attach tools to it alone (a profile, a debugger), not to its child. */
  private static final List<String> BENCH_ONLY_OPTIONS = List.of("-XX:StartFlightRecording",
      "-XX:FlightRecorderOptions", "-XX:ArchiveClassesAtExit", "-agentlib:", "-agentpath:", "-javaagent:",
      "-Xrunjdwp", "-D" + RESOURCES_PROPERTY + "=");

  /** What the child measured, and its wall time from process start to exit. */
  record Measured(double seconds, long peakHeapBytes, long peakRssBytes, long sqlExecutions) {}

  private FreshJvmNightly() {}

  /**
   * Runs the nightly of {@code pipeline.to()} in a new JVM with the bench's JVM options and class
   * path; its log goes to the bench's stderr. Fails when the child exits non-zero.
   *
   * @param sparkArguments --master and --conf arguments for the child, as the bench was given them
   */
  static Measured run(PipelineConfig pipeline, List<String> sparkArguments, Path work) {
    Path resources = work.resolve("fresh-jvm-nightly-" + pipeline.to() + ".properties");
    List<String> jvmOptions = new ArrayList<>(launcherJitOptions(pipeline));
    // The bench's own options come after, as JAVA_OPTS does after the launcher's: they win.
    jvmOptions.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    List<String> command = command(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        jvmOptions, System.getProperty("java.class.path"), resources, pipeline, sparkArguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put(PiiKey.ENV_VARIABLE, new String(pipeline.piiKey().bytes(), StandardCharsets.UTF_8));
    try {
      Files.deleteIfExists(resources);
      long t0 = System.nanoTime();
      Process child = builder.start();
      // The child's stdout (the report's path) joins its log on stderr: the bench's stdout is its result.
      try (InputStream out = child.getInputStream()) {
        out.transferTo(System.err);
      }
      int exit = child.waitFor();
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (exit != 0) {
        throw Errors.io("The nightly of " + pipeline.to() + " in a fresh JVM exited with code " + exit
            + "; its log is above on stderr", null);
      }
      Properties measured = new Properties();
      try (Reader in = Files.newBufferedReader(resources, StandardCharsets.UTF_8)) {
        measured.load(in);
      }
      return new Measured(seconds, Long.parseLong(measured.getProperty(PEAK_HEAP)),
          Long.parseLong(measured.getProperty(PEAK_RSS)), Long.parseLong(measured.getProperty(SQL_EXECUTIONS)));
    } catch (IOException e) {
      throw Errors.io("Cannot run or read the fresh-JVM nightly of " + pipeline.to() + " (" + resources + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.io("Interrupted while the fresh-JVM nightly of " + pipeline.to() + " ran", e);
    }
  }

  /**
   * The JIT options bin/service-metrics would give this nightly (a small night's C1 compiler,
   * bin/lib/small-night.sh), asked of the same script so the rule has one home; none when the bench
   * was not started by the launcher (no {@code -Dservice.metrics.home}, e.g. under spark-submit, where
   * a nightly keeps the JVM's defaults too). Fails when the script does (a bad setting).
   */
  static List<String> launcherJitOptions(PipelineConfig pipeline) {
    String home = System.getProperty(Launcher.HOME_PROPERTY);
    Path script = home == null ? null : Path.of(home, "bin", "lib", "small-night.sh");
    if (script == null || !Files.isRegularFile(script)) {
      return List.of();
    }
    ProcessBuilder bash = new ProcessBuilder("bash", "-c", "source \"$0\" && small_night_jit_options \"$@\"",
        script.toString(), "nightly", "--date", pipeline.to().toString(), "--landing", pipeline.landing())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process process = bash.start();
      String options = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (process.waitFor() != 0) {
        throw Errors.io("Cannot tell the nightly's JIT options: " + script + " exited with code " + process.exitValue()
            + " (its message is above)", null);
      }
      LOG.info("fresh-JVM nightly of {}: {}", pipeline.to(),
          options.isEmpty() ? "the JVM's default JIT (not a small night)" : "a small night, " + options);
      return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    } catch (IOException e) {
      throw Errors.io("Cannot run " + script + " to tell the nightly's JIT options", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.io("Interrupted while asking " + script + " for the nightly's JIT options", e);
    }
  }

  /** The child's command line: the bench's JVM and class path, this class as main, a nightly's arguments. */
  static List<String> command(String java, List<String> benchJvmOptions, String classPath, Path resources,
      PipelineConfig pipeline, List<String> sparkArguments) {
    List<String> command = new ArrayList<>();
    command.add(java);
    benchJvmOptions.stream()
        .filter(option -> BENCH_ONLY_OPTIONS.stream().noneMatch(option::startsWith))
        .forEach(command::add);
    command.add("-D" + RESOURCES_PROPERTY + "=" + resources);
    command.addAll(List.of("-cp", classPath, FreshJvmNightly.class.getName()));
    command.addAll(List.of("nightly", "--date", pipeline.to().toString(),
        "--landing", pipeline.landing(),
        "--warehouse", pipeline.warehouse().root(),
        "--reports", pipeline.reports().toString(),
        "--timezone", pipeline.timezone().getId(),
        "--restatement-days", Integer.toString(pipeline.restatementDays()),
        "--period-days", Integer.toString(pipeline.periodDays()),
        "--max-quarantine-share", String.format(Locale.ROOT, "%s", pipeline.maxQuarantineShare()),
        "--wait-for-lock", Long.toString(pipeline.lockWait().toSeconds()),
        "--valid-from", pipeline.validFrom().toString()));
    command.addAll(sparkArguments);
    return command;
  }

  /**
   * --master and --conf arguments that give the child the bench's master and the user's settings,
   * and a {@link WorkCounter} among its listeners (after any the user named).
   */
  static List<String> sparkArguments(String master, Map<String, String> conf) {
    List<String> arguments = new ArrayList<>(List.of("--master", master));
    Map<String, String> settings = new java.util.LinkedHashMap<>(conf);
    settings.merge(EXTRA_LISTENERS, WorkCounter.class.getName(), (user, counter) -> user + "," + counter);
    settings.forEach((key, value) -> arguments.addAll(List.of("--conf", key + "=" + value)));
    return arguments;
  }

  /** The child: the command line as bin/service-metrics runs it, then its peak heap and RSS to a file. */
  public static void main(String[] args) throws IOException {
    Path resources = Path.of(System.getProperty(RESOURCES_PROPERTY));
    int exit;
    try (ResourceSampler sampler = new ResourceSampler()) {
      exit = ServiceMetricsCli.execute(args);
      Properties measured = new Properties();
      measured.setProperty(PEAK_HEAP, Long.toString(sampler.peakHeapBytes()));
      measured.setProperty(PEAK_RSS, Long.toString(ResourceSampler.peakRssBytes()));
      // The command stopped its SparkContext, which delivered every pending event first.
      measured.setProperty(SQL_EXECUTIONS, Long.toString(WorkCounter.sqlExecutionsAfterStop()));
      try (Writer out = Files.newBufferedWriter(resources, StandardCharsets.UTF_8)) {
        measured.store(out, "peak heap and RSS of a fresh-JVM nightly");
      }
    }
    System.exit(exit);
  }
}
