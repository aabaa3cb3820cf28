package io.servicemetrics.spark;

import io.servicemetrics.errors.Errors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent pieces of a stage (each writing its own tables) from a few driver threads. Most
 * of a small run's time is driver-side latency (Delta log replay, query planning, commits), which
 * one piece spends while another's tasks use the cores; Spark accepts jobs from several threads.
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
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    try {
      Map<K, Future<V>> pending = new LinkedHashMap<>();
      tasks.forEach((key, task) -> pending.put(key, pool.submit(task)));
      Map<K, V> results = new LinkedHashMap<>();
      RuntimeException failure = null;
      for (Map.Entry<K, Future<V>> e : pending.entrySet()) {
        RuntimeException cause;
        try {
          results.put(e.getKey(), e.getValue().get());
          continue;
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          cause = Errors.io(what.apply(e.getKey()) + " was interrupted", ex);
        } catch (ExecutionException ex) {
          if (ex.getCause() instanceof Error error) {
            throw error;
          }
          cause = ex.getCause() instanceof RuntimeException r ? r : Errors.io(what.apply(e.getKey()) + " failed", ex.getCause());
        }
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
