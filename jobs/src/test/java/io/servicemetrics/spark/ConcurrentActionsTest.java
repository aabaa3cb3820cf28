package io.servicemetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ServiceMetricsException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrentActionsTest {

  @Test
  void runAllReturnsResultsInTheMapsOrderAndRunsTasksAtOnce() {
    // Both tasks wait for each other: they finish only when two threads run them at the same time.
    CountDownLatch bothStarted = new CountDownLatch(2);
    Map<String, Callable<Integer>> tasks = new LinkedHashMap<>();
    tasks.put("b", () -> awaitBoth(bothStarted, 2));
    tasks.put("a", () -> awaitBoth(bothStarted, 1));

    Map<String, Integer> results = ConcurrentActions.runAll("test", 2, tasks, key -> key);

    assertEquals(List.of("b", "a"), List.copyOf(results.keySet()));
    assertEquals(List.of(2, 1), List.copyOf(results.values()));
  }

  @Test
  void runAllFinishesEveryTaskThenThrowsTheFirstFailureWithTheOthersSuppressed() {
    AtomicBoolean lastRan = new AtomicBoolean();
    IllegalStateException first = new IllegalStateException("first");
    Map<String, Callable<Integer>> tasks = new LinkedHashMap<>();
    tasks.put("one", () -> {
      throw first;
    });
    tasks.put("two", () -> {
      throw new IOException("disk gone");
    });
    tasks.put("three", () -> {
      lastRan.set(true);
      return 3;
    });

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> ConcurrentActions.runAll("test", 1, tasks, key -> "Task " + key));

    assertSame(first, thrown);
    assertTrue(lastRan.get());
    assertEquals(1, thrown.getSuppressed().length);
    ServiceMetricsException wrapped = (ServiceMetricsException) thrown.getSuppressed()[0];
    assertTrue(wrapped.getMessage().startsWith("Task two failed"), wrapped.getMessage());
    assertEquals("disk gone", wrapped.getCause().getMessage());
  }

  @Test
  void aBatchReadsResultsInAnyOrderAndWaitsForItsActionsWhenClosed() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean slowFinished = new AtomicBoolean();
    ConcurrentActions.Pending<String> slow;
    try (ConcurrentActions.Batch batch = new ConcurrentActions.Batch("test", 2)) {
      slow = batch.start("The slow one", () -> {
        release.await(10, TimeUnit.SECONDS);
        slowFinished.set(true);
        return "slow";
      });
      ConcurrentActions.Pending<Integer> fast = batch.start("The fast one", () -> 42);
      assertEquals(42, fast.get());
      release.countDown();
    }
    // close() returned: the slow action had finished, whether or not anyone read it.
    assertTrue(slowFinished.get());
    assertEquals("slow", slow.get());
  }

  @Test
  void aPendingRethrowsItsActionsRuntimeExceptionAsItIs() {
    IllegalArgumentException failure = new IllegalArgumentException("bad input");
    try (ConcurrentActions.Batch batch = new ConcurrentActions.Batch("test", 1)) {
      ConcurrentActions.Pending<Integer> pending = batch.start("The action", () -> {
        throw failure;
      });
      assertSame(failure, assertThrows(IllegalArgumentException.class, pending::get));
    }
  }

  private static int awaitBoth(CountDownLatch bothStarted, int result) throws InterruptedException {
    bothStarted.countDown();
    if (!bothStarted.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the other task never started: tasks did not run at once");
    }
    return result;
  }
}
