package io.servicemetrics.bench;

import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

/**
 * Counts what a run asks of Spark and Delta, the per-run machinery that dominates a small night
 * (issue 20): SQL executions (every query Spark plans, optimizes and code-generates, Delta's own
 * nested ones included) and Delta commits (new versions in the warehouse's transaction logs).
 *
 * <p>Registered on the bench's SparkContext, or in a fresh-JVM nightly by
 * {@code spark.extraListeners}: Spark builds that instance itself, so the count lives in a static
 * field both ways.
 */
public final class WorkCounter extends SparkListener {
  private static final AtomicLong SQL_EXECUTIONS = new AtomicLong();
  private static final AtomicLong REGISTERED = new AtomicLong();
  /** A Delta commit file: the version number, zero-padded to 20 digits (checkpoints are .parquet). */
  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
  private static final long DRAIN_TIMEOUT_SECONDS = 60;

  /** The constructor Spark calls for {@code spark.extraListeners}. */
  public WorkCounter() {
    REGISTERED.incrementAndGet();
  }

  @Override
  public void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof SparkListenerSQLExecutionStart) {
      SQL_EXECUTIONS.incrementAndGet();
    }
  }

  /** Registers a counter on {@code context} unless one already listens in this JVM. */
  static synchronized void attach(SparkContext context) {
    if (REGISTERED.get() == 0) {
      context.addSparkListener(new WorkCounter());
    }
  }

  /**
   * SQL executions counted so far in this JVM, once Spark has delivered every event posted before
   * the call (the listener bus is asynchronous).
   */
  static long sqlExecutions(SparkContext context) {
    try {
      context.listenerBus().waitUntilEmpty(TimeUnit.SECONDS.toMillis(DRAIN_TIMEOUT_SECONDS));
    } catch (java.util.concurrent.TimeoutException e) {
      throw Errors.io("Spark's listener bus did not drain within " + DRAIN_TIMEOUT_SECONDS
          + " s, so the SQL execution count would be short", e);
    }
    return SQL_EXECUTIONS.get();
  }

  /** SQL executions counted in this JVM after its SparkContext stopped (stopping drains the bus). */
  static long sqlExecutionsAfterStop() {
    return SQL_EXECUTIONS.get();
  }

  /** Delta commits in every table under {@code warehouse}: count before and after a run, subtract. */
  static long deltaCommits(Path warehouse) {
    if (!Files.isDirectory(warehouse)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(warehouse)) {
      return files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("_delta_log")
              && COMMIT_FILE.matcher(p.getFileName().toString()).matches())
          .count();
    } catch (IOException e) {
      throw Errors.io("Cannot count the Delta commits under " + warehouse, e);
    }
  }
}
