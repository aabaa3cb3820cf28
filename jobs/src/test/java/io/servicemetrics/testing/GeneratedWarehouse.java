package io.servicemetrics.testing;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.generate.ContactCenterGenerator;
import io.servicemetrics.generate.GeneratorConfig;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.pipeline.PipelineJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One small generated landing zone and the warehouse a bulk pipeline run over all of it writes, each
 * built at most once per test JVM and shared by the end-to-end tests that only read them
 * (PipelineJobTest compares its nights with the backfill, NoRawPiiDownstreamTest searches it for
 * raw identifiers). Users must not write into either: run a pipeline into a warehouse of their own.
 * Everything lives in one temporary folder, deleted when the JVM exits.
 */
public final class GeneratedWarehouse {
  public static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-01");
  /**
   * Two days: the second is the generator's defect day (re-deliveries, corrections, bad rows; see
   * Defects), so the second night meets what a bulk run meets in one go.
   */
  public static final int DAYS = 2;
  public static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1L);
  public static final int CONTACTS_PER_DAY = 40;
  public static final long SEED = 7L;

  /** The bulk run's outputs: its warehouse, report folder and result. */
  public record Backfill(Warehouse warehouse, Path reports, PipelineJob.Result result) {}

  private static Path root;
  private static Path landing;
  private static Backfill backfill;

  private GeneratedWarehouse() {}

  /** The landing zone: {@link #DAYS} delivery days from {@link #FIRST_DAY}, generated from {@link #SEED}. */
  public static synchronized Path landing() {
    if (landing == null) {
      Path dir = root().resolve("landing");
      ContactCenterGenerator.generate(new GeneratorConfig(DAYS, CONTACTS_PER_DAY, SEED, FIRST_DAY, dir));
      landing = dir;
    }
    return landing;
  }

  /**
   * The pipeline over every day of {@link #landing()} in one run (a backfill), with the default
   * restatement and period, no quarantine threshold (share 1.0) and the demo PII key.
   */
  public static synchronized Backfill backfill() {
    if (backfill == null) {
      Path dir = root().resolve("backfill");
      Warehouse warehouse = new Warehouse(dir.resolve("warehouse").toString());
      PipelineConfig config = new PipelineConfig(FIRST_DAY, LAST_DAY, landing().toString(), warehouse,
          dir.resolve("reports"), MetricsConfig.DEFAULT_TIMEZONE, PiiKey.demo(), MetricsConfig.DEFAULT_RESTATEMENT_DAYS,
          MetricsConfig.DEFAULT_PERIOD_DAYS, 1.0, false, Duration.ZERO);
      PipelineJob.Result result = new PipelineJob(SharedSpark.session(), config, "test", Clock.systemUTC()).run();
      backfill = new Backfill(warehouse, dir.resolve("reports"), result);
    }
    return backfill;
  }

  private static Path root() {
    if (root == null) {
      try {
        root = Files.createTempDirectory("generated-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path toDelete = root;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(toDelete)));
    }
    return root;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort at exit: a temporary folder left behind is not worth failing the build.
    }
  }
}
