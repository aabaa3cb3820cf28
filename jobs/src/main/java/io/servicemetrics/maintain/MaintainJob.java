package io.servicemetrics.maintain;

import io.delta.tables.DeltaTable;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.WarehouseLock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping: compacts each table's small files (OPTIMIZE) and deletes files that no table
 * version within the retention still references (VACUUM).
 */
public final class MaintainJob {
  private static final Logger LOG = LoggerFactory.getLogger(MaintainJob.class);
  /** Delta's own safety floor: readers and writers running for up to a week keep their files. */
  public static final int MIN_RETENTION_HOURS = 168;
  public static final int DEFAULT_RETENTION_HOURS = MIN_RETENTION_HOURS;

  private MaintainJob() {}

  /** What was done to one table. */
  public record TableResult(Table table, long filesRemoved, long filesAdded, boolean vacuumed) {}

  public static List<TableResult> run(DeltaIo delta, int retentionHours, boolean vacuum, Duration lockWait) {
    if (retentionHours < MIN_RETENTION_HOURS) {
      throw Errors.badArgument("--retention-hours " + retentionHours + " is below " + MIN_RETENTION_HOURS,
          "VACUUM with a shorter retention can delete files a running nightly or a time-travel query still reads",
          "Keep the default (" + DEFAULT_RETENTION_HOURS + ") or a longer retention");
    }
    List<TableResult> results = new ArrayList<>();
    try (WarehouseLock lock = WarehouseLock.acquire(delta.spark().sparkContext().hadoopConfiguration(),
        delta.warehouse(), "maintain", lockWait, Clock.systemUTC())) {
      for (Table table : Table.values()) {
        Optional<DeltaTable> handle = delta.deltaTable(table);
        if (handle.isEmpty()) {
          continue;
        }
        delta.spark().sparkContext().setJobGroup("maintain-" + table.viewName(), "OPTIMIZE and VACUUM " + table.viewName(), false);
        var metrics = DeltaIo.withConflictRetry("optimize " + table.viewName(),
            () -> handle.get().optimize().executeCompaction().first());
        long removed = metricOf(metrics, "numFilesRemoved");
        long added = metricOf(metrics, "numFilesAdded");
        if (vacuum) {
          // Since Delta 4.1, vacuum(hours) ignores its argument: the table property decides.
          DeltaIo.withConflictRetry("set retention of " + table.viewName(), () -> delta.spark().sql(
              "ALTER TABLE delta.`" + delta.warehouse().path(table) + "` SET TBLPROPERTIES "
                  + "('delta.deletedFileRetentionDuration' = 'interval " + retentionHours + " hours')"));
          handle.get().vacuum();
        }
        LOG.info("maintain {}: compacted {} files into {}{}", table.viewName(), removed, added, vacuum ? ", vacuumed" : "");
        results.add(new TableResult(table, removed, added, vacuum));
      }
    } finally {
      delta.spark().sparkContext().clearJobGroup();
    }
    return results;
  }

  private static long metricOf(org.apache.spark.sql.Row optimizeResult, String name) {
    try {
      org.apache.spark.sql.Row metrics = optimizeResult.getAs("metrics");
      Object v = metrics.getAs(name);
      return v == null ? 0 : ((Number) v).longValue();
    } catch (IllegalArgumentException | ClassCastException e) {
      return -1;
    }
  }
}
