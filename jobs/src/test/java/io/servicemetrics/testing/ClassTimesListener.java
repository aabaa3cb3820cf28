package io.servicemetrics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, when a test run ends, every test class with its wall time (its {@code @BeforeAll}
 * fixtures included), slowest first, and writes the same table to
 * {@code target/test-class-times.txt}: the per-class view of where the suite's minutes go, in the
 * build output of every run. Registered through META-INF/services, so surefire and IDEs load it
 * without configuration. A fixture shared across classes (e.g. {@link GeneratedWarehouse}) is
 * counted in the class that first asks for it.
 *
 * <p>One test JVM (the jobs pom's {@code forkCount} is 1): surefire runs every class in one test plan,
 * so the table is printed once. Two forks made the suite slower on 2 cores (docs/DECISIONS.md).
 */
public final class ClassTimesListener implements TestExecutionListener {
  /** Where the table goes besides the console, relative to the module (surefire's working directory). */
  static final Path REPORT = Path.of("target", "test-class-times.txt");
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Map<String, long[]> finished = new ConcurrentHashMap<>();

  @Override
  public void executionStarted(TestIdentifier id) {
    if (isClass(id)) {
      started.put(id.getUniqueId(), System.nanoTime());
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    Long start = started.remove(id.getUniqueId());
    if (isClass(id) && start != null) {
      String name = ((ClassSource) id.getSource().orElseThrow()).getClassName();
      long failed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? 0 : 1;
      finished.merge(name, new long[] {System.nanoTime() - start, failed},
          (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (finished.isEmpty()) {
      return;
    }
    String table = table(finished);
    System.err.print(table);
    System.err.flush();
    try {
      Files.writeString(REPORT, table, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + REPORT.toAbsolutePath(), e);
    }
  }

  private static String table(Map<String, long[]> times) {
    List<Map.Entry<String, long[]>> classes = new ArrayList<>(times.entrySet());
    classes.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    long sum = classes.stream().mapToLong(e -> e.getValue()[0]).sum();
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "Test classes by wall time, slowest first (%d classes, %.1f s in all):%n",
        classes.size(), sum / 1e9));
    for (Map.Entry<String, long[]> e : classes) {
      table.append(String.format(Locale.ROOT, "%9.1f s  %5.1f %%  %s%s%n", e.getValue()[0] / 1e9,
          100.0 * e.getValue()[0] / Math.max(1, sum), e.getKey(), e.getValue()[1] > 0 ? "  (FAILED)" : ""));
    }
    return table.toString();
  }

  private static boolean isClass(TestIdentifier id) {
    return id.isContainer() && id.getSource().filter(ClassSource.class::isInstance).isPresent();
  }
}
