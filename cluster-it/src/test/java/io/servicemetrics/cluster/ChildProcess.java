package io.servicemetrics.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the test JVM with its stdout and stderr in files under a log folder, so a
 * failed build leaves everything needed to debug it. Every live child is also killed by a JVM
 * shutdown hook: a test JVM that dies or is killed by Failsafe's timeout leaves no Spark daemon
 * behind.
 */
final class ChildProcess implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final int TAIL_LINES = 40;
  private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildProcess::kill), "kill-child-processes"));
  }

  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ChildProcess(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts {@code command} in {@code workingDir} with {@code extraEnvironment} added, logging to
   * {@code <logDir>/<name>.out} (stdout) and {@code <logDir>/<name>.log} (stderr).
   */
  static ChildProcess start(String name, List<String> command, Map<String, String> extraEnvironment, Path workingDir,
      Path logDir) {
    try {
      Files.createDirectories(logDir);
      Path out = logDir.resolve(name + ".out");
      Path err = logDir.resolve(name + ".log");
      Files.writeString(logDir.resolve(name + ".cmd"), String.join(" \\\n  ", command) + "\n", StandardCharsets.UTF_8);
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(workingDir.toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      builder.environment().putAll(extraEnvironment);
      ChildProcess child = new ChildProcess(name, builder.start(), out, err);
      LIVE.add(child);
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name + ": " + command, e);
    }
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path stdout() {
    return stdout;
  }

  Path stderr() {
    return stderr;
  }

  /**
   * Waits for the process to exit and returns its exit code; kills it and fails with the end of
   * its log when it runs longer than {@code timeout}.
   */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError(name + " did not finish within " + timeout.toSeconds() + " s and was killed."
            + " Full log: " + stderr + "\n" + tail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new AssertionError("Interrupted while waiting for " + name, e);
    }
    LIVE.remove(this);
    return process.exitValue();
  }

  /** The last lines of stderr, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
      return "---- last lines of " + stderr.getFileName() + " ----\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + stderr + ": " + e + ")";
    }
  }

  /** Stops the process and everything it started (a worker's executors), forcibly after a grace period. */
  void kill() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    LIVE.remove(this);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    LIVE.remove(this);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
