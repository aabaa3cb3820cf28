package io.servicemetrics.cli;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.io.WarehouseViews;
import io.servicemetrics.maintain.MaintainJob;
import java.time.Duration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Weekly housekeeping of the warehouse's Delta tables. */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = "Compacts small files (Delta OPTIMIZE) and removes unreferenced files older than the retention"
        + " (VACUUM) in every table of the warehouse. Takes the warehouse lock; run it outside the nightly window.")
final class MaintainCommand extends SparkCommand {
  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
  String warehouse;

  @Option(names = "--retention-hours", defaultValue = "" + MaintainJob.DEFAULT_RETENTION_HOURS, paramLabel = "H",
      description = "Keep files any table version of the last H hours needs (default and minimum: ${DEFAULT-VALUE}).")
  int retentionHours;

  @Option(names = "--no-vacuum", description = "Only compact; delete nothing.")
  boolean noVacuum;

  @Option(names = "--wait-for-lock", defaultValue = "0", paramLabel = "SECONDS",
      description = "Wait this long for a running pipeline before failing (default: ${DEFAULT-VALUE}).")
  long waitForLock;

  @Override
  int run(SparkSession spark) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(warehouse));
    if (WarehouseViews.register(delta).isEmpty()) {
      throw Errors.warehouseMissing(warehouse);
    }
    MaintainJob.run(delta, retentionHours, !noVacuum, Duration.ofSeconds(waitForLock));
    return 0;
  }
}
