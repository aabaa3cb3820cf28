package io.servicemetrics.io;

import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per warehouse at a time. Delta keeps each commit atomic, but two pipeline runs
 * interleaving their stages would restate gold from each other's half-ingested days. The lock is
 * a file created only if absent; it names its holder (host, process id, run id). A lock left by a
 * killed process on this host is recognised by its dead process id and taken over; a live holder
 * is waited for (up to the configured time) and otherwise reported with how to proceed.
 */
public final class WarehouseLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WarehouseLock.class);
  public static final String LOCK_FILE = "_service_metrics.lock";
  public static final Duration POLL = Duration.ofSeconds(2);

  private final FileSystem fs;
  private final Path path;
  private boolean held = true;

  private WarehouseLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /**
   * @param wait how long to wait for a live holder before failing (zero: fail at once)
   */
  public static WarehouseLock acquire(Configuration hadoop, Warehouse warehouse, String runId, Duration wait, Clock clock) {
    Path path = new Path(warehouse.root(), LOCK_FILE);
    Instant deadline = clock.instant().plus(wait);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      fs.mkdirs(path.getParent());
      while (true) {
        Properties holder = new Properties();
        holder.setProperty("host", hostName());
        holder.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        holder.setProperty("run_id", runId);
        holder.setProperty("since", clock.instant().toString());
        try (OutputStream out = fs.create(path, false)) {
          holder.store(out, "Service Metrics run in progress; delete only if that process is gone");
          return new WarehouseLock(fs, path);
        } catch (FileAlreadyExistsException e) {
          Properties current = read(fs, path);
          if (current != null && isStale(current)) {
            LOG.warn("Taking over the lock of run {} (process {} on this host is gone)",
                current.getProperty("run_id"), current.getProperty("pid"));
            fs.delete(path, false);
            continue;
          }
          if (!clock.instant().isBefore(deadline)) {
            throw Errors.warehouseBusy(warehouse.root(), describe(current), path.toString());
          }
          LOG.info("Waiting for run {} to release the warehouse", current == null ? "?" : current.getProperty("run_id"));
          Thread.sleep(POLL.toMillis());
        }
      }
    } catch (IOException e) {
      throw Errors.io("Cannot take the warehouse lock " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.io("Interrupted while waiting for the warehouse lock " + path, e);
    }
  }

  @Override
  public void close() {
    if (!held) {
      return;
    }
    held = false;
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      throw Errors.io("Cannot release the warehouse lock " + path, e);
    }
  }

  private static boolean isStale(Properties holder) {
    if (!hostName().equals(holder.getProperty("host"))) {
      return false;
    }
    try {
      long pid = Long.parseLong(holder.getProperty("pid", "-1"));
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Properties read(FileSystem fs, Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
      return p;
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  private static String describe(Properties holder) {
    return holder == null ? "another run"
        : "run " + holder.getProperty("run_id") + " (process " + holder.getProperty("pid") + " on "
            + holder.getProperty("host") + ", since " + holder.getProperty("since") + ")";
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
