package io.servicemetrics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.io.Warehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** IngestConfig and PipelineConfig share their checks but word their errors for their own callers. */
class RunConfigChecksTest {
  private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
  private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
  private static final Warehouse WAREHOUSE = new Warehouse("/tmp/wh");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static PipelineConfig pipeline(LocalDate from, LocalDate to, String landing, ZoneId zone, double share) {
    return new PipelineConfig(from, to, landing, WAREHOUSE, Path.of("/tmp/r"), zone, PiiKey.demo(), 35, 28, share,
        false, Duration.ZERO);
  }

  @Test
  void aBackwardsDeliveryRangeIsABadArgumentInEachConfigsOwnWords() {
    ServiceMetricsException ingest = assertThrows(ServiceMetricsException.class,
        () -> new IngestConfig(MARCH_2, MARCH_1, "/tmp/l", WAREHOUSE, UTC, PiiKey.demo()), "ingest range");
    assertTrue(ingest.getMessage().startsWith("The delivery range 2026-03-02..2026-03-01 is empty"), ingest.getMessage());
    assertEquals(ExitCode.BAD_INPUT, ingest.exitCode(), "ingest exit code");
    ServiceMetricsException backfill = assertThrows(ServiceMetricsException.class,
        () -> pipeline(MARCH_2, MARCH_1, "/tmp/l", UTC, 0.05), "pipeline range");
    assertTrue(backfill.getMessage().startsWith("--from 2026-03-02 is after --to 2026-03-01"), backfill.getMessage());
    assertEquals(ExitCode.BAD_INPUT, backfill.exitCode(), "pipeline exit code");
  }

  @Test
  void aMissingPartIsNamedAsTheConfigNamesIt() {
    assertEquals("firstDay", assertThrows(NullPointerException.class,
        () -> new IngestConfig(null, MARCH_1, "/tmp/l", WAREHOUSE, UTC, PiiKey.demo())).getMessage(), "ingest day");
    assertEquals("businessZone", assertThrows(NullPointerException.class,
        () -> new IngestConfig(MARCH_1, MARCH_1, "/tmp/l", WAREHOUSE, null, PiiKey.demo())).getMessage(), "ingest zone");
    assertEquals("from", assertThrows(NullPointerException.class,
        () -> pipeline(null, MARCH_1, "/tmp/l", UTC, 0.05)).getMessage(), "pipeline day");
    assertEquals("timezone", assertThrows(NullPointerException.class,
        () -> pipeline(MARCH_1, MARCH_1, "/tmp/l", null, 0.05)).getMessage(), "pipeline zone");
    assertEquals("landing", assertThrows(NullPointerException.class,
        () -> pipeline(MARCH_1, MARCH_1, null, UTC, 0.05)).getMessage(), "pipeline landing");
  }

  @Test
  void aShareOutsideZeroToOneIsABadArgument() {
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> pipeline(MARCH_1, MARCH_2, "/tmp/l", UTC, 1.5), "share 1.5");
    assertTrue(e.getMessage().startsWith("--max-quarantine-share 1.5 is not a share"), e.getMessage());
  }
}
