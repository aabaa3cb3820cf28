package io.servicemetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseLockTest {
  private final Configuration hadoop = new Configuration();

  @Test
  void aSecondRunOnTheSameWarehouseFailsWithTheHolderNamed(@TempDir Path dir) {
    Warehouse warehouse = new Warehouse(dir.toString());
    try (WarehouseLock first = WarehouseLock.acquire(hadoop, warehouse, "run-1", Duration.ZERO, Clock.systemUTC())) {
      ServiceMetricsException busy = assertThrows(ServiceMetricsException.class,
          () -> WarehouseLock.acquire(hadoop, warehouse, "run-2", Duration.ofMillis(100), Clock.systemUTC()));
      assertTrue(busy.getMessage().contains("run-1"), busy.getMessage());
      assertTrue(busy.getMessage().contains(WarehouseLock.LOCK_FILE), "says which file to delete if the holder is gone");
      assertEquals(ExitCode.FAILURE, busy.exitCode());
    }
    assertFalse(Files.exists(dir.resolve(WarehouseLock.LOCK_FILE)), "released on close");
    WarehouseLock.acquire(hadoop, warehouse, "run-3", Duration.ZERO, Clock.systemUTC()).close();
  }

  @Test
  void aLockLeftByAKilledProcessOnThisHostIsTakenOver(@TempDir Path dir) throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Files.writeString(dir.resolve(WarehouseLock.LOCK_FILE),
        "host=" + InetAddress.getLocalHost().getHostName() + "\npid=" + finished.pid() + "\nrun_id=killed-run\n");
    try (WarehouseLock lock = WarehouseLock.acquire(hadoop, new Warehouse(dir.toString()), "rerun", Duration.ZERO, Clock.systemUTC())) {
      assertTrue(Files.readString(dir.resolve(WarehouseLock.LOCK_FILE)).contains("run_id=rerun"));
    }
  }
}
