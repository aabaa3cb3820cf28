package io.servicemetrics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * <p>With several surefire forks, each fork adds its classes to {@code target/test-class-times.tsv}
 * under a file lock, tagged with the Maven process that forked it, and prints the table of every
 * class finished so far in this build: the fork that ends last prints all of them.
 */
public final class ClassTimesListener implements TestExecutionListener {
  /** Where the table goes besides the console, relative to the module (surefire's working directory). */
  static final Path REPORT = Path.of("target", "test-class-times.txt");
  /** Every fork's classes: build id, class, nanoseconds, failed (0 or 1), tab-separated. */
  static final Path SHARED = Path.of("target", "test-class-times.tsv");

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
    Map<String, long[]> all;
    try {
      all = mergeWithOtherForks();
    } catch (IOException | RuntimeException e) {
      System.err.println("(class times of other forks not merged: " + e + ")");
      all = finished;
    }
    String table = table(all);
    System.err.print(table);
    System.err.flush();
    try {
      Files.writeString(REPORT, table, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + REPORT.toAbsolutePath(), e);
    }
  }

  /** Adds this fork's classes to {@link #SHARED}, drops other builds' lines, returns this build's classes. */
  private Map<String, long[]> mergeWithOtherForks() throws IOException {
    String build = ProcessHandle.current().parent().map(p -> Long.toString(p.pid())).orElse("?");
    Files.createDirectories(SHARED.toAbsolutePath().getParent());
    Map<String, long[]> all = new TreeMap<>();
    try (FileChannel channel = FileChannel.open(SHARED, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // read it all
      }
      StringBuilder kept = new StringBuilder();
      for (String line : new String(buffer.array(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split("\t");
        if (f.length == 4 && f[0].equals(build)) {
          kept.append(line).append('\n');
          all.put(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
        }
      }
      finished.forEach((name, t) -> {
        kept.append(build).append('\t').append(name).append('\t').append(t[0]).append('\t').append(t[1]).append('\n');
        all.put(name, t);
      });
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(kept.toString().getBytes(StandardCharsets.UTF_8)), 0);
    }
    return all;
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
