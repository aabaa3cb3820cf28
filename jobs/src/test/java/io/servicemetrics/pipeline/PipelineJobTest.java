package io.servicemetrics.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Layer;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.io.WarehouseLock;
import io.servicemetrics.testing.GeneratedWarehouse;
import io.servicemetrics.testing.SharedSpark;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly contract end to end on a tiny generated landing zone: a killed run is completed by
 * its rerun, reruns change nothing, a bulk backfill equals the nights in turn, and exit codes.
 *
 * <p>Run once for the class: the killed night is a real JVM halted after its ingest stage (a
 * process exit is the point), forked first so that it runs while this JVM runs night 1, which
 * applies a zero quarantine threshold (the threshold changes the verdict, never an output). The
 * backfill is the shared {@link GeneratedWarehouse}.
 */
@ExtendWith(SharedSpark.class)
class PipelineJobTest {
  private static final LocalDate D1 = GeneratedWarehouse.FIRST_DAY;
  private static final LocalDate D2 = D1.plusDays(1);
  /**
   * Where the forked night halts. After ingest, not after metrics: half the forked JVM's work, which
   * competes with this JVM for the same two cores, and the rerun then repeats ingest over its own
   * output and computes every gold table; a metrics rerun over its own output is MetricsJobTest's
   * from-scratch run over its nights.
   */
  private static final String HALTED_AFTER = PipelineJob.INGEST;
  /** Columns that say when or by which run a row was written, not what it holds. */
  private static final List<String> RUN_STAMPS = List.of("as_of", "ingest_run_id");

  @TempDir static Path tmp;
  private static Path landing;
  private static Process forked;
  private static PipelineJob.Result night1;
  private static Map<Table, List<String>> afterNight1;

  @BeforeAll
  static void forkTheKilledNightAndRunNightOne() throws Exception {
    SparkSession spark = SharedSpark.session();
    landing = GeneratedWarehouse.landing();
    forked = forkNightly(D1, tmp.resolve("killed"), HALTED_AFTER);
    night1 = job(spark, landing, tmp.resolve("nights"), D1, D1, 0.0).run();
    afterNight1 = contents(spark, tmp.resolve("nights"));
  }

  @AfterAll
  static void stopTheForkIfATestFailedBeforeWaitingForIt() {
    if (forked != null && forked.isAlive()) {
      forked.destroyForcibly();
    }
  }

  @Test
  void killedRunsCompleteOnRerunRerunsChangeNothingAndABackfillEqualsTheNights(SparkSession spark) throws Exception {
    Path nights = tmp.resolve("nights");
    Path killed = tmp.resolve("killed");
    assertTrue(forked.waitFor(10, TimeUnit.MINUTES), "the forked nightly halts by itself");
    assertEquals(137, forked.exitValue(), "the forked run died as a killed process would");
    assertTrue(Files.exists(killed.resolve("warehouse").resolve(WarehouseLock.LOCK_FILE)), "a killed run leaves its lock");
    DeltaIo killedDelta = new DeltaIo(spark, new Warehouse(killed.resolve("warehouse").toString()));
    assertTrue(killedDelta.read(Table.SILVER_CONTACTS).count() > 0, "what the killed run committed is readable");
    assertFalse(killedDelta.exists(Table.GOLD_CONTACT_CHAINS), "it halted before its metrics stage");
    // The killed run committed its silver tables, so its rerun reruns ingest over what ingest
    // already wrote (changing nothing) and computes every gold table and the report.
    PipelineJob.Result rerun = run(spark, killed, D1, D1);
    assertEquals(afterNight1, contents(spark, killed), "the rerun completes the killed night, every table as night 1 left it");
    assertFalse(Files.exists(killed.resolve("warehouse").resolve(WarehouseLock.LOCK_FILE)));
    String report = pdfText(night1.reports().get(0));
    assertEquals(report, pdfText(rerun.reports().get(0)), "and writes night 1's report");
    assertTrue(report.contains("Customer service report"), report.substring(0, Math.min(200, report.length())));

    run(spark, nights, D2, D2);

    // A backfill computes the period tables of its last day only; the nights left one slice each.
    Path backfill = Path.of(GeneratedWarehouse.backfill().warehouse().root()).getParent();
    assertEquals(D2, GeneratedWarehouse.LAST_DAY, "the shared backfill ends on the last night");
    assertSameTables(contents(spark, nights, D2), contents(spark, backfill, D2), "one bulk backfill ends where the nights in turn ended");
  }

  @Test
  void exitCodesTellTheSchedulerWhatHappened(SparkSession spark) {
    ServiceMetricsException missing = assertThrows(ServiceMetricsException.class,
        () -> job(spark, tmp.resolve("no-such-landing"), tmp.resolve("x"), D1, D1, 0.05).run());
    assertEquals(ExitCode.BAD_INPUT, missing.exitCode(), missing.getMessage());

    Warehouse busyWarehouse = new Warehouse(tmp.resolve("busy").resolve("warehouse").toString());
    try (WarehouseLock holder = WarehouseLock.acquire(spark.sparkContext().hadoopConfiguration(), busyWarehouse,
        "scheduler-run", Duration.ZERO, Clock.systemUTC())) {
      ServiceMetricsException busy = assertThrows(ServiceMetricsException.class,
          () -> job(spark, landing, tmp.resolve("busy"), D1, D1, 0.05).run());
      assertEquals(ExitCode.FAILURE, busy.exitCode());
      assertTrue(busy.getMessage().contains("scheduler-run"), busy.getMessage());
    }

    // Night 1 ran with a zero quarantine threshold.
    PipelineJob.Result strict = night1;
    assertFalse(strict.qualityBreaches().isEmpty(), "day 1's identity map has a planted defect");
    ServiceMetricsException breached = assertThrows(ServiceMetricsException.class,
        () -> PipelineJob.failOnQualityBreaches(strict));
    assertEquals(ExitCode.DATA_QUALITY, breached.exitCode());
    assertTrue(breached.getMessage().contains("customer_handles"), breached.getMessage());
    assertEquals(1, strict.reports().size(), "a breach still writes every output");
  }

  private static PipelineJob.Result run(SparkSession spark, Path root, LocalDate from, LocalDate to) {
    return job(spark, landing, root, from, to, 1.0).run();
  }

  private static PipelineJob job(SparkSession spark, Path landingDir, Path root, LocalDate from, LocalDate to, double maxShare) {
    PipelineConfig config = new PipelineConfig(from, to, landingDir.toString(),
        new Warehouse(root.resolve("warehouse").toString()), root.resolve("reports"), MetricsConfig.DEFAULT_TIMEZONE,
        PiiKey.demo(), MetricsConfig.DEFAULT_RESTATEMENT_DAYS, MetricsConfig.DEFAULT_PERIOD_DAYS, maxShare, false,
        Duration.ZERO);
    return new PipelineJob(spark, config, "test", Clock.systemUTC());
  }

  private static Map<Table, List<String>> contents(SparkSession spark, Path root) {
    return contents(spark, root, null);
  }

  /** Per table, the rows only one side has: a readable failure instead of two huge maps. */
  private static void assertSameTables(Map<Table, List<String>> expected, Map<Table, List<String>> actual, String what) {
    assertEquals(expected.keySet(), actual.keySet(), what + ": the same tables");
    for (Table table : expected.keySet()) {
      List<String> missing = expected.get(table).stream().filter(r -> !actual.get(table).contains(r)).limit(3).toList();
      List<String> extra = actual.get(table).stream().filter(r -> !expected.get(table).contains(r)).limit(3).toList();
      assertEquals(expected.get(table), actual.get(table),
          what + ": " + table.viewName() + " differs; only expected: " + missing + "; only actual: " + extra);
    }
  }

  /**
   * Every silver and gold table's rows as sorted JSON, without the run stamps; period tables only
   * for {@code periodEnd} when it is given.
   */
  private static Map<Table, List<String>> contents(SparkSession spark, Path root, LocalDate periodEnd) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(root.resolve("warehouse").toString()));
    Map<Table, List<String>> tables = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      if ((table.layer() == Layer.SILVER || table.layer() == Layer.GOLD) && delta.exists(table)) {
        var rows = delta.read(table);
        if (periodEnd != null && java.util.Arrays.asList(rows.columns()).contains("period_end")) {
          rows = rows.where(org.apache.spark.sql.functions.col("period_end").equalTo(java.sql.Date.valueOf(periodEnd)));
        }
        for (String stamp : RUN_STAMPS) {
          rows = rows.drop(stamp);
        }
        tables.put(table, rows.toJSON().collectAsList().stream().sorted().toList());
      }
    }
    return tables;
  }

  private static String pdfText(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** The real command line in its own JVM, halted after a stage as a killed process would be. */
  private static Process forkNightly(LocalDate day, Path root, String haltAfter) throws Exception {
    Path jobsDir = Path.of(System.getProperty("user.dir"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("@" + jobsDir.resolve("conf").resolve("jvm-module-options.args"));
    cmd.add("-Xmx1g");
    // As bin/service-metrics starts a night this small (bin/lib/small-night.sh).
    cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=512m"));
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-D" + PipelineJob.HALT_AFTER_PROPERTY + "=" + haltAfter);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.servicemetrics.cli.ServiceMetricsCli");
    cmd.addAll(List.of("nightly", "--date", day.toString(), "--landing", landing.toString(),
        "--warehouse", root.resolve("warehouse").toString(), "--reports", root.resolve("reports").toString(),
        "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=2", "--max-quarantine-share", "1"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(new File(Files.createDirectories(root).toFile(), "forked.log"));
    pb.environment().put("SERVICE_METRICS_PII_KEY", new String(PiiKey.demo().bytes(), java.nio.charset.StandardCharsets.UTF_8));
    return pb.start();
  }
}
