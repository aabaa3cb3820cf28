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

  @Test
  void aValidFromAfterTheDeliveryDaysIsABadArgumentAndBenchStartsOnOrAfterIt() {
    ServiceMetricsException ingest = assertThrows(ServiceMetricsException.class,
        () -> IngestConfig.forDay(MARCH_1, "/tmp/l", WAREHOUSE, UTC, PiiKey.demo()).withValidFrom(MARCH_2));
    assertTrue(ingest.getMessage().startsWith("--valid-from 2026-03-02 is after the delivery day 2026-03-01"),
        ingest.getMessage());
    assertThrows(ServiceMetricsException.class, () -> new PipelineConfig(MARCH_1, MARCH_1, "/tmp/l", WAREHOUSE,
        Path.of("/tmp/r"), UTC, PiiKey.demo(), 35, 28, 0.05, false, Duration.ZERO, MARCH_2, null, ServiceLevelConfig.DEFAULT), "nightly");
    LocalDate y1999 = LocalDate.of(1999, 1, 1);
    assertEquals(y1999, new PipelineConfig(MARCH_1, MARCH_1, "/tmp/l", WAREHOUSE, Path.of("/tmp/r"), UTC, PiiKey.demo(),
        35, 28, 0.05, false, Duration.ZERO, y1999, null, ServiceLevelConfig.DEFAULT).ingest().validFrom(), "nightly passes it to its ingest");
    ServiceMetricsException bench = assertThrows(ServiceMetricsException.class, () -> new io.servicemetrics.bench.BenchConfig(
        10, 1, 1, 42, LocalDate.of(1999, 2, 1), Path.of("/tmp/b"), false, false));
    assertTrue(bench.getMessage().startsWith("--start-date 1999-02-01 is before --valid-from 2000-01-01"), bench.getMessage());
    assertEquals(y1999, new io.servicemetrics.bench.BenchConfig(10, 1, 1, 42, LocalDate.of(1999, 2, 1), Path.of("/tmp/b"),
        false, false, y1999).validFrom());
  }
}
