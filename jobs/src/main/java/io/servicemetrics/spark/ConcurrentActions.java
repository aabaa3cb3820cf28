package io.servicemetrics.spark;

import io.servicemetrics.errors.Errors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs independent pieces of a stage (each writing its own tables, or each reducing its own
 * numbers) from a few driver threads. Most of a small run's time is driver-side latency (Delta log
 * replay, query planning, code generation, commits), which one piece spends while another's tasks
 * use the cores; Spark accepts jobs from several threads.
 *
 * <p>The worker threads are created by the calling thread, so they inherit its Spark local
 * properties (job group, description) as they stand when the first action starts.
 */
public final class ConcurrentActions {
  private ConcurrentActions() {}

  /**
   * Runs every task, at most {@code threads} at once, started in the map's iteration order, and
   * returns their results in that order. Every task runs to its end even when another fails; then
   * the first failure (in that order) is thrown with the others attached as suppressed.
   *
   * @param threadName name of the worker threads, as seen in thread dumps
   * @param what names a task for an error message, e.g. {@code "Ingest of contacts"}
   */
  public static <K, V> Map<K, V> runAll(
      String threadName, int threads, Map<K, Callable<V>> tasks, Function<K, String> what) {
    try (Batch batch = new Batch(threadName, threads)) {
      Map<K, Pending<V>> pending = new LinkedHashMap<>();
      tasks.forEach((key, task) -> pending.put(key, batch.start(what.apply(key), task)));
      Map<K, V> results = new LinkedHashMap<>();
      RuntimeException failure = null;
      for (Map.Entry<K, Pending<V>> e : pending.entrySet()) {
        try {
          results.put(e.getKey(), e.getValue().get());
        } catch (RuntimeException cause) {
          if (failure == null) {
            failure = cause;
          } else {
            failure.addSuppressed(cause);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    }
  }

  /**
   * Independent actions of different result types, started as they are declared and read in any
   * order: {@code start} returns at once, {@link Pending#get} waits for that one action. Closing
   * the batch waits for every action it started, so none of its Spark jobs outlives it, even when
   * the caller stopped reading after a failure.
   */
  public static final class Batch implements AutoCloseable {
    private final ExecutorService pool;

    /**
     * @param threadName name of the worker threads, as seen in thread dumps
     * @param threads actions running at once; the rest wait in the order they were started
     */
    public Batch(String threadName, int threads) {
      this.pool = Executors.newFixedThreadPool(threads, runnable -> {
        Thread thread = new Thread(runnable, threadName);
        thread.setDaemon(true);
        return thread;
      });
    }

    /**
     * Starts {@code action} on a worker thread.
     *
     * @param what names the action for an error message, e.g. {@code "The NPS counts"}
     */
    public <T> Pending<T> start(String what, Callable<T> action) {
      return new Pending<>(what, pool.submit(action));
    }

    @Override
    public void close() {
      pool.shutdown();
      try {
        // Spark actions have no time limit of their own; a stuck one shows in the Spark UI.
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The result of one started action. */
  public static final class Pending<T> {
    private final String what;
    private final Future<T> future;

    private Pending(String what, Future<T> future) {
      this.what = what;
      this.future = future;
    }

    /**
     * Waits for the action and returns its result, or throws what it threw: a RuntimeException or
     * Error as it is, a checked exception wrapped with the action's name.
     */
    public T get() {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Errors.io(what + " was interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error error) {
          throw error;
        }
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw Errors.io(what + " failed", cause);
      }
    }
  }
}
