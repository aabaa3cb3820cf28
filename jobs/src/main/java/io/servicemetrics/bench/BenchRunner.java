package io.servicemetrics.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.generate.ContactCenterGenerator;
import io.servicemetrics.generate.GenerationSummary;
import io.servicemetrics.generate.GeneratorConfig;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.metrics.MetricsJob;
import io.servicemetrics.pipeline.PipelineJob;
import io.servicemetrics.schema.RunLogSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a benchmark (see {@link BenchConfig}): the project's generator writes the landing zone, then
 * the real pipeline ({@link PipelineJob}, as {@code backfill} and {@code nightly} would run it)
 * processes it, timed per stage from the run log it writes.
 */
public final class BenchRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);
  static final String INGEST = "ingest";
  static final String CHAINS = "chains";
  static final String METRICS = "metrics";
  static final String REPORT = "report";
  private static final List<String> METRIC_STAGES = List.of(
      MetricsJob.STAGE_DAILY, MetricsJob.STAGE_PERIOD, MetricsJob.STAGE_DEFINITIONS);

  private BenchRunner() {}

  /**
   * @param sparkConf the --conf settings the bench was given, repeated for a fresh-JVM nightly
   */
  public static BenchResult run(SparkSession spark, BenchConfig config, Map<String, String> sparkConf) {
    Path work = config.work();
    String master = spark.conf().get("spark.master");
    if (config.freshJvmNightly() && !master.startsWith("local")) {
      throw Errors.badArgument("--fresh-jvm-nightly with master " + master,
          "The fresh JVM is started on this machine, the way bin/service-metrics nightly starts",
          "Leave out --master (a local master), or leave out --fresh-jvm-nightly");
    }
    // Spark arguments of a nightly's own JVM; null runs the nightly in this one.
    List<String> fresh = config.freshJvmNightly() ? FreshJvmNightly.sparkArguments(master, sparkConf) : null;
    WorkCounter.attach(spark.sparkContext());
    try (ResourceSampler sampler = new ResourceSampler()) {
      Path landing = work.resolve("landing");
      LOG.info("bench: generating {} days of ~{} contacts/day into {}", config.days() + 1, config.contactsPerDay(), landing);
      long t0 = System.nanoTime();
      GenerationSummary generated = ContactCenterGenerator.generate(new GeneratorConfig(
          config.days() + 1, config.contactsPerDay(), config.seed(), config.startDate(), landing));
      double generateSeconds = seconds(t0);

      LocalDate first = config.startDate();
      LocalDate night = config.nightlyDay();
      List<BenchResult.Phase> phases = new ArrayList<>();
      Path full = work.resolve("warehouse-" + config.days() + "d");
      String jvm = config.freshJvmNightly() ? ", fresh JVM" : "";
      phases.add(phase(spark, sampler, "backfill " + config.days() + "d", "backfill", first, night.minusDays(1),
          landing, full, work, null, config.validFrom()));
      phases.add(phase(spark, sampler, "nightly, " + config.days() + "d history" + jvm, "nightly", night, night,
          landing, full, work, fresh, config.validFrom()));
      if (config.historyDays() < config.days()) {
        Path short_ = work.resolve("warehouse-" + config.historyDays() + "d");
        phases.add(phase(spark, sampler, "backfill " + config.historyDays() + "d", "backfill",
            night.minusDays(config.historyDays()), night.minusDays(1), landing, short_, work, null, config.validFrom()));
        phases.add(phase(spark, sampler, "nightly, " + config.historyDays() + "d history" + jvm, "nightly", night,
            night, landing, short_, work, fresh, config.validFrom()));
      }
      return new BenchResult(config, environment(spark), generateSeconds, generated.bytes(),
          generated.rowsPerSource(), phases);
    } finally {
      if (!config.keep()) {
        deleteRecursively(work);
      }
    }
  }

  /**
   * Runs and times one pipeline run: in this JVM, or in a new one when {@code freshJvmSparkArguments}
   * is not null (the nightly as a scheduler starts it).
   */
  private static BenchResult.Phase phase(SparkSession spark, ResourceSampler sampler, String name, String command,
      LocalDate from, LocalDate to, Path landing, Path warehouseDir, Path work, List<String> freshJvmSparkArguments,
      LocalDate validFrom) {
    Warehouse warehouse = new Warehouse(warehouseDir.toString());
    // Quarantine share 1.0: the generator plants defects on purpose; the bench must not fail on them.
    PipelineConfig pipeline = new PipelineConfig(from, to, landing.toString(), warehouse,
        work.resolve("reports").resolve(warehouseDir.getFileName()), MetricsConfig.DEFAULT_TIMEZONE, PiiKey.demo(),
        MetricsConfig.DEFAULT_RESTATEMENT_DAYS, MetricsConfig.DEFAULT_PERIOD_DAYS, 1.0, false, Duration.ZERO, validFrom, null,
        io.servicemetrics.config.ServiceLevelConfig.DEFAULT);
    LOG.info("bench: {} ({} {}..{})", name, command, from, to);
    Instant started = Instant.now();
    double wall;
    long heap;
    long rss;
    boolean rssPerPhase;
    long sqlExecutions;
    long commitsBefore = WorkCounter.deltaCommits(warehouseDir);
    if (freshJvmSparkArguments != null) {
      FreshJvmNightly.Measured child = FreshJvmNightly.run(pipeline, freshJvmSparkArguments, work);
      wall = child.seconds();
      heap = child.peakHeapBytes();
      rss = child.peakRssBytes();
      rssPerPhase = true;
      sqlExecutions = child.sqlExecutions();
    } else {
      long executionsBefore = WorkCounter.sqlExecutions(spark.sparkContext());
      sampler.reset();
      long t0 = System.nanoTime();
      new PipelineJob(spark, pipeline, command, Clock.systemUTC()).run();
      wall = seconds(t0);
      heap = sampler.peakHeapBytes();
      rss = ResourceSampler.peakRssBytes();
      rssPerPhase = sampler.rssPerPhase();
      sqlExecutions = WorkCounter.sqlExecutions(spark.sparkContext()) - executionsBefore;
    }
    long deltaCommits = WorkCounter.deltaCommits(warehouseDir) - commitsBefore;
    List<BenchResult.Stage> stages = stages(new DeltaIo(spark, warehouse), started);
    LOG.info("bench: {} took {} s, {} SQL executions, {} Delta commits {}", name,
        String.format(java.util.Locale.ROOT, "%.1f", wall), sqlExecutions, deltaCommits, stages);
    return new BenchResult.Phase(name, warehouseDir.getFileName().toString(), from, to, wall, stages, heap, rss,
        rssPerPhase, sqlExecutions, deltaCommits);
  }

  /**
   * Stage times from the run log rows the run wrote (started_at at or after {@code since}): ingest
   * = all ingest rows; chains = contact_chains; metrics = the daily, period and definitions stages;
   * report = from the end of metrics to the end of the pipeline row. One row per stage is
   * collected (aggregated in Spark), so the run log's size does not matter.
   */
  static List<BenchResult.Stage> stages(DeltaIo delta, Instant since) {
    Map<String, Row> byStage = new LinkedHashMap<>();
    for (Row r : delta.read(Table.META_RUN_LOG)
        .where(col(RunLogSchema.STARTED_AT).geq(lit(Timestamp.from(since)))
            .and(col(RunLogSchema.STATUS).equalTo(RunLogSchema.STATUS_SUCCEEDED)))
        .groupBy(col(RunLogSchema.STAGE))
        .agg(min(RunLogSchema.STARTED_AT).as("from"), max(RunLogSchema.FINISHED_AT).as("to"),
            sum(RunLogSchema.READ).as("read"), sum(RunLogSchema.WRITTEN).as("written"))
        .collectAsList()) {
      byStage.put(r.getString(0), r);
    }
    Row ingest = byStage.get(INGEST);
    Row chains = byStage.get(MetricsJob.STAGE_CHAINS);
    Row pipeline = byStage.get(PipelineJob.STAGE);
    if (ingest == null || chains == null || pipeline == null) {
      throw Errors.io("The run log lacks the stages of the run just measured (found " + byStage.keySet() + ")", null);
    }
    Instant metricsFrom = METRIC_STAGES.stream().map(byStage::get).filter(java.util.Objects::nonNull)
        .map(r -> r.getTimestamp(1).toInstant()).min(Comparator.naturalOrder()).orElseThrow();
    Instant metricsTo = METRIC_STAGES.stream().map(byStage::get).filter(java.util.Objects::nonNull)
        .map(r -> r.getTimestamp(2).toInstant()).max(Comparator.naturalOrder()).orElseThrow();
    long chainCount = chains.isNullAt(4) ? 0 : chains.getLong(4);
    return List.of(
        new BenchResult.Stage(INGEST, between(ingest.getTimestamp(1).toInstant(), ingest.getTimestamp(2).toInstant()),
            ingest.isNullAt(3) ? 0 : ingest.getLong(3)),
        new BenchResult.Stage(CHAINS, between(chains.getTimestamp(1).toInstant(), chains.getTimestamp(2).toInstant()),
            chains.isNullAt(3) ? 0 : chains.getLong(3)),
        new BenchResult.Stage(METRICS, between(metricsFrom, metricsTo), chainCount),
        new BenchResult.Stage(REPORT, between(metricsTo, pipeline.getTimestamp(2).toInstant()), chainCount));
  }

  private static Map<String, String> environment(SparkSession spark) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    env.put("driver max heap", String.format(java.util.Locale.ROOT, "%.1f GB", Runtime.getRuntime().maxMemory() / 1e9));
    env.put("java", System.getProperty("java.version"));
    env.put("spark", spark.version());
    env.put("spark.master", spark.conf().get("spark.master", "?"));
    env.put("spark.sql.shuffle.partitions", spark.conf().get("spark.sql.shuffle.partitions"));
    env.put("load average at end", loadAverage());
    return env;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  private static double between(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw Errors.io("Cannot delete the bench folder " + dir, e);
    }
  }
}
