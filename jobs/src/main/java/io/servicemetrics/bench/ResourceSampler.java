package io.servicemetrics.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the JVM's used heap every {@link #PERIOD_MILLIS} on a daemon thread and reads the
 * process's peak resident set size (Linux {@code /proc/self/status} VmHWM). {@link #reset()}
 * starts a new phase: the heap peak restarts from the current value, and VmHWM is reset through
 * {@code /proc/self/clear_refs} where the kernel allows it (otherwise it stays the process peak).
 */
final class ResourceSampler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceSampler.class);
  static final long PERIOD_MILLIS = 100;
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peakHeap = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private boolean rssResettable = true;

  ResourceSampler() {
    thread = new Thread(this::loop, "bench-resource-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    peakHeap.accumulateAndGet(used, Math::max);
  }

  /** Starts a phase. */
  void reset() {
    peakHeap.set(memory.getHeapMemoryUsage().getUsed());
    if (rssResettable) {
      try {
        Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        rssResettable = false;
        LOG.info("Peak RSS cannot be reset per phase here ({}); reporting the process peak", e.toString());
      }
    }
  }

  /** Peak used heap since the last reset, in bytes. */
  long peakHeapBytes() {
    sample();
    return peakHeap.get();
  }

  /** True when {@link #peakRssBytes()} is per phase, not the process's lifetime peak. */
  boolean rssPerPhase() {
    return rssResettable;
  }

  /** Peak resident set size (VmHWM) in bytes, or -1 when /proc is not available. */
  static long peakRssBytes() {
    return statusKilobytes("VmHWM:") * 1024;
  }

  /** Current resident set size (VmRSS) in bytes, or -1. */
  static long rssBytes() {
    return statusKilobytes("VmRSS:") * 1024;
  }

  private static long statusKilobytes(String field) {
    try {
      for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("no {} in {}: {}", field, STATUS, e.toString());
    }
    return -1;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
