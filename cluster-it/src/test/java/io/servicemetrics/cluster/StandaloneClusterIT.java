package io.servicemetrics.cluster;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.cli.ServiceMetricsCli;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Layer;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.io.WarehouseViews;
import io.servicemetrics.spark.LineageCut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that the shaded jar runs unchanged with spark-submit on a real distributed engine: a
 * Spark standalone master and worker started from Spark's own Maven jars (no Spark download), the
 * driver in client mode, tasks in a separate executor JVM whose classpath is Spark's jars plus the
 * jar the driver ships. The same commands also run with {@code --master local[2]} into a second
 * folder, and the silver and gold tables (and any report data files) must be equal.
 *
 * <p>Everything lands in {@code cluster-it/target/cluster-it/}: {@code logs/} (master, worker,
 * each spark-submit's command line, stdout and log), {@code worker/} (each application's
 * executor logs) and the two runs' warehouses and reports.
 */
class StandaloneClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneClusterIT.class);

  /** One delivery day of the bundled sample: ~300 contact legs, the full 5,000-customer identity map. */
  static final LocalDate DAY = LocalDate.parse("2026-10-01");

  /**
   * What is submitted in order, to the cluster and in local mode, and compared: the nightly job
   * as a scheduler runs it. Placeholders: {date}, {landing}, {warehouse}, {reports}.
   */
  static final List<List<String>> COMMANDS = List.of(
      List.of("nightly", "--date", "{date}", "--landing", "{landing}", "--warehouse", "{warehouse}",
          "--reports", "{reports}"));

  /** Cluster only, last: read the warehouse back through the sql command; compared with the same query in-process. */
  static final String READ_BACK_QUERY = "SELECT channel, count(*) AS legs, count(DISTINCT customer_id_pseudonym)"
      + " AS customers FROM silver_contacts GROUP BY channel ORDER BY channel";
  static final List<String> READ_BACK = List.of("sql", READ_BACK_QUERY, "--warehouse", "{warehouse}", "--format", "json");

  /** Tuning for a tiny input; the same for both runs so that only the master differs. */
  static final Map<String, String> SPARK_CONF = Map.of(
      "spark.sql.shuffle.partitions", "4",
      "spark.databricks.delta.snapshotPartitions", "2",
      "spark.sql.sources.parallelPartitionDiscovery.parallelism", "2",
      "spark.ui.enabled", "false");

  static final int WORKER_CORES = 2;
  static final String WORKER_MEMORY = "1g";
  static final String EXECUTOR_MEMORY = "1g";
  static final String DRIVER_HEAP = "-Xmx1g";
  static final Duration CLUSTER_START_TIMEOUT = Duration.ofSeconds(120);
  static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(300);
  /**
   * The layers that analysts, notebooks and the report read. Bronze and quarantine feed silver, so
   * a difference there shows in silver; meta holds run ids and wall-clock times only.
   */
  static final Set<Layer> COMPARED_LAYERS = EnumSet.of(Layer.SILVER, Layer.GOLD);
  /** Run ids differ between any two runs by design; every other column must match. */
  static final String RUN_ID_SUFFIX = "run_id";
  private static final String SIDE = "_cluster_it_side";
  private static final int CLUSTER_SIDE = 1;
  private static final int LOCAL_SIDE = 2;

  /** Random per build, so finding it in a log can only mean it leaked. */
  private static final String PII_KEY = "cluster-it-" + UUID.randomUUID();
  private static Path workDir;
  private static Path logDir;
  private static SparkHome sparkHome;
  private static StandaloneCluster cluster;
  private static Path clusterRun;
  private static Path localRun;
  /** What the cluster's nightly printed: the path of each report it wrote. */
  private static String nightlyOutput;
  private static List<String> readBack;
  private static SparkSession spark;

  @BeforeAll
  static void runOnClusterAndLocally() throws Exception {
    long start = System.nanoTime();
    workDir = Path.of(System.getProperty("cluster.it.workDir", "target/cluster-it")).toAbsolutePath();
    deleteRecursively(workDir);
    logDir = Files.createDirectories(workDir.resolve("logs"));
    sparkHome = SparkHome.create(workDir.resolve("spark-home"),
        Path.of(requiredProperty("cluster.it.sparkClasspath")), Path.of(requiredProperty("cluster.it.jvmOptions")));
    LOG.info("SPARK_HOME {} with {} jars; submitting {}", sparkHome.home(), sparkHome.jarCount(), shadedJar());
    clusterRun = Files.createDirectories(workDir.resolve("cluster"));
    localRun = Files.createDirectories(workDir.resolve("local"));

    // Local mode needs no cluster: it runs alongside, since much of either run is waiting on JVM start-up and RPC.
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      Future<?> local = background.submit(() -> {
        for (List<String> command : COMMANDS) {
          submit("local", "local[2]", localRun, command);
        }
        return null;
      });
      cluster = StandaloneCluster.start(sparkHome, workDir, logDir, WORKER_CORES, WORKER_MEMORY, CLUSTER_START_TIMEOUT);
      LOG.info("Cluster {} up after {} s", cluster.masterUrl(), seconds(start));
      // The nightly writes its report in the spark-submit driver: the PDF code path (PDFBox, fonts,
      // commons-logging) on the cluster's classpath. A separate report submission only repeated it.
      StringBuilder printed = new StringBuilder();
      for (List<String> command : COMMANDS) {
        printed.append(submit("cluster", cluster.masterUrl(), clusterRun, command));
      }
      nightlyOutput = printed.toString();
      readBack = submit("cluster", cluster.masterUrl(), clusterRun, READ_BACK).lines().toList();
      local.get(SUBMIT_TIMEOUT.toSeconds() * COMMANDS.size(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Error error ? error : new AssertionError("The local-mode run failed", e.getCause());
    } finally {
      background.shutdownNow();
    }

    spark = SparkSession.builder()
        .master("local[2]")
        .appName("cluster-it-comparison")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.driver.host", SparkHome.LOOPBACK)
        .config("spark.driver.bindAddress", SparkHome.LOOPBACK)
        .getOrCreate();
    LOG.info("Both runs done after {} s", seconds(start));
  }

  @AfterAll
  static void stopEverything() {
    if (spark != null) {
      spark.stop();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyApplicationRanItsTasksInTheWorkersExecutors() throws IOException {
    List<Path> apps = listSorted(cluster.workerDir()).stream()
        .filter(p -> p.getFileName().toString().startsWith("app-")).toList();
    assertEquals(COMMANDS.size() + 1, apps.size(), "one application per command submitted to the cluster in "
        + cluster.workerDir() + "; master status: " + cluster.masterStatus());
    for (Path app : apps) {
      List<Path> executorLogs;
      try (Stream<Path> files = Files.walk(app)) {
        executorLogs = files.filter(p -> p.getFileName().toString().equals("stderr")).toList();
      }
      assertFalse(executorLogs.isEmpty(), "an executor log under " + app);
      boolean ranTasks = false;
      for (Path log : executorLogs) {
        ranTasks |= Files.readString(log, StandardCharsets.UTF_8).contains("Finished task");
      }
      assertTrue(ranTasks, "the executors of " + app + " finished at least one task (see " + executorLogs + ")");
    }
  }

  @Test
  void silverAndGoldTablesEqualTheLocalModeRunExceptRunIds() {
    DeltaIo onCluster = new DeltaIo(spark, new Warehouse(clusterRun.resolve("warehouse").toString()));
    DeltaIo inLocalMode = new DeltaIo(spark, new Warehouse(localRun.resolve("warehouse").toString()));
    Map<String, Long> compared = new TreeMap<>();
    for (Table table : Table.values()) {
      if (!COMPARED_LAYERS.contains(table.layer())) {
        continue;
      }
      boolean there = onCluster.exists(table);
      assertEquals(inLocalMode.exists(table), there, table.viewName() + " exists in both runs or in neither");
      if (there) {
        compared.put(table.viewName(), assertSameRows(table.viewName(), onCluster.read(table), inLocalMode.read(table)));
      }
    }
    LOG.info("Equal tables (rows): {}", compared);
    assertTrue(compared.getOrDefault(Table.SILVER_CONTACTS.viewName(), 0L) > 0,
        "silver_contacts was written and is not empty, so the comparison is not vacuous: " + compared);
  }

  @Test
  void theClusterRunCheckpointedChainsToFilesAndLeftNoneBehind() throws IOException {
    // On a cluster the chain assignment cuts its lineage with checkpoint files under
    // <warehouse>/_checkpoints/<run id> (a lost executor cannot take them along) and deletes them
    // when the stage ends; in local mode it keeps the blocks in memory and writes none.
    Path checkpoints = clusterRun.resolve("warehouse").resolve(LineageCut.CHECKPOINTS_FOLDER);
    assertTrue(Files.isDirectory(checkpoints), "the cluster run checkpointed under " + checkpoints);
    try (Stream<Path> left = Files.list(checkpoints)) {
      assertEquals(List.of(), left.toList(), "no run's checkpoint files are left behind");
    }
    assertFalse(Files.exists(localRun.resolve("warehouse").resolve(LineageCut.CHECKPOINTS_FOLDER)),
        "the local-mode run wrote no checkpoint files");
  }

  @Test
  void theSqlCommandReadsBackWhatTheSameQueryFindsInTheLocalModeWarehouse() {
    WarehouseViews.register(new DeltaIo(spark, new Warehouse(localRun.resolve("warehouse").toString())));
    List<String> expected = spark.sql(READ_BACK_QUERY).toJSON().collectAsList();
    assertFalse(expected.isEmpty(), "the query finds rows in local mode");
    assertEquals(expected, readBack, "sql --format json on the cluster against the same query in local mode");
  }

  @Test
  void theNightlyWritesItsPdfReportInTheClusterDriver() throws IOException {
    List<String> pdfs = nightlyOutput.lines().map(String::strip).filter(l -> l.endsWith(".pdf")).toList();
    assertEquals(1, pdfs.size(), "the nightly prints one report path: " + nightlyOutput);
    Path pdf = Path.of(pdfs.get(0));
    assertEquals(clusterRun.resolve("reports").resolve("service-report-" + DAY + ".pdf"), pdf,
        "the nightly prints the PDF's path");
    byte[] bytes = Files.readAllBytes(pdf);
    assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.US_ASCII), pdf + " starts like a PDF");
    assertTrue(bytes.length > 10_000, pdf + " has pages with embedded fonts, " + bytes.length + " bytes");
  }

  @Test
  void reportsOfTheSubmittedCommandsEqualTheLocalModeRun() throws IOException {
    Map<String, byte[]> onCluster = files(clusterRun.resolve("reports"));
    Map<String, byte[]> inLocalMode = files(localRun.resolve("reports"));
    assertFalse(onCluster.isEmpty(), "the nightly wrote its report files on the cluster");
    assertEquals(inLocalMode.keySet(), onCluster.keySet(), "report files written by both runs");
    for (Map.Entry<String, byte[]> file : onCluster.entrySet()) {
      if (file.getKey().endsWith(".csv")) {
        assertEquals(new String(inLocalMode.get(file.getKey()), StandardCharsets.UTF_8),
            new String(file.getValue(), StandardCharsets.UTF_8), "chart data " + file.getKey() + " in both runs");
      }
    }
  }

  @Test
  void thePiiKeyPassedAsAnEnvironmentVariableAppearsInNoLogOrCommandLine() throws IOException {
    List<Path> checked = new ArrayList<>();
    for (Path dir : List.of(logDir, cluster.workerDir())) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).filter(StandaloneClusterIT::isTextLog).toList()) {
          assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(PII_KEY),
              "the PII key leaked into " + file);
          checked.add(file);
        }
      }
    }
    assertTrue(checked.size() >= 2 * (COMMANDS.size() + 1), "driver and executor logs were checked: " + checked);
  }

  /**
   * Runs one command of the CLI with spark-submit against {@code master}, with its output under
   * {@code runDir}, and returns its stdout; fails with the end of the driver's log unless it exits 0.
   */
  private static String submit(String runName, String master, Path runDir, List<String> template) throws IOException {
    Map<String, String> placeholders = Map.of(
        "{date}", DAY.toString(),
        "{landing}", Path.of(requiredProperty("service.metrics.samples"), "landing").toAbsolutePath().normalize().toString(),
        "{warehouse}", runDir.resolve("warehouse").toString(),
        "{reports}", runDir.resolve("reports").toString(),
        "{run}", runDir.toString());
    List<String> appArgs = template.stream().map(arg -> fill(arg, placeholders)).toList();
    String step = runName + "-" + appArgs.get(0);
    long start = System.nanoTime();
    ChildProcess driver = ChildProcess.start(step, submitCommand(master, step, appArgs),
        withPiiKey(sparkHome.environment()), runDir, logDir);
    int exit = driver.awaitExit(SUBMIT_TIMEOUT);
    LOG.info("{}: exit {} after {} s", step, exit, seconds(start));
    if (exit != 0) {
      throw new AssertionError(step + " exited with " + exit + " (master " + master + "). Log: " + driver.stderr()
          + "\n" + driver.tail());
    }
    return Files.readString(driver.stdout(), StandardCharsets.UTF_8);
  }

  /** bin/spark-submit's command line, as Spark's launcher builds it for client mode. */
  private static List<String> submitCommand(String master, String appName, List<String> appArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--master", master,
        "--deploy-mode", "client",
        "--name", appName,
        "--class", ServiceMetricsCli.class.getName(),
        "--conf", "spark.driver.host=" + SparkHome.LOOPBACK,
        "--conf", "spark.driver.bindAddress=" + SparkHome.LOOPBACK,
        "--conf", "spark.executor.memory=" + EXECUTOR_MEMORY,
        "--conf", "spark.cores.max=" + WORKER_CORES,
        "--conf", "spark.executor.extraJavaOptions=" + sparkHome.executorJavaOptions()));
    new TreeMap<>(SPARK_CONF).forEach((key, value) -> args.addAll(List.of("--conf", key + "=" + value)));
    args.add(shadedJar().toString());
    args.addAll(appArgs);
    return sparkHome.javaCommand(List.of(DRIVER_HEAP), "org.apache.spark.deploy.SparkSubmit", args);
  }

  /** The driver gets the key the way a scheduler passes a secret: an environment variable, never --conf. */
  private static Map<String, String> withPiiKey(Map<String, String> environment) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put(PiiKey.ENV_VARIABLE, PII_KEY);
    return env;
  }

  /**
   * Asserts both frames hold the same multiset of rows over every column but run ids, in one
   * aggregation: each distinct row with how often it occurs on either side. Returns the row count.
   * Maps become sorted entry arrays, since Spark cannot group by a map.
   */
  private static long assertSameRows(String view, Dataset<Row> onCluster, Dataset<Row> inLocalMode) {
    assertEquals(Arrays.asList(inLocalMode.columns()), Arrays.asList(onCluster.columns()), "columns of " + view);
    List<Column> comparable = new ArrayList<>();
    List<Column> names = new ArrayList<>();
    for (StructField field : onCluster.schema().fields()) {
      if (!field.name().endsWith(RUN_ID_SUFFIX)) {
        names.add(col(field.name()));
        comparable.add(field.dataType() instanceof MapType
            ? array_sort(map_entries(col(field.name()))).as(field.name())
            : col(field.name()));
      }
    }
    Column[] columns = comparable.toArray(Column[]::new);
    Column onClusterSide = col(SIDE).equalTo(lit(CLUSTER_SIDE));
    Dataset<Row> occurrences = onCluster.select(columns).withColumn(SIDE, lit(CLUSTER_SIDE))
        .unionByName(inLocalMode.select(columns).withColumn(SIDE, lit(LOCAL_SIDE)))
        .groupBy(names.toArray(Column[]::new))
        .agg(sum(when(onClusterSide, 1).otherwise(0)).as("on_cluster"), sum(when(onClusterSide, 0).otherwise(1)).as("in_local_mode"));
    Dataset<Row> unequal = occurrences.where(col("on_cluster").notEqual(col("in_local_mode")));
    Row totals = occurrences.agg(
        coalesce(sum("on_cluster"), lit(0L)).as("on_cluster"),
        coalesce(sum("in_local_mode"), lit(0L)).as("in_local_mode"),
        count(when(col("on_cluster").notEqual(col("in_local_mode")), 1)).as("unequal")).first();
    long rows = totals.getAs("on_cluster");
    long unequalRows = totals.getAs("unequal");
    assertEquals(0L, unequalRows, view + " differs: " + rows + " rows on the cluster, " + totals.getAs("in_local_mode")
        + " in local mode; rows with different counts (up to 5): " + unequal.limit(5).collectAsList());
    return rows;
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  /** The jar the reactor put on this test's classpath: jobs/target/service-metrics-jobs-*.jar, shaded. */
  static Path shadedJar() {
    try {
      Path jar = Path.of(ServiceMetricsCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!jar.getFileName().toString().endsWith(".jar")) {
        throw new AssertionError("The jobs module is on the classpath as " + jar + ", not as its shaded jar."
            + " Run the integration test through the package phase: mvn verify (from the repository root).");
      }
      return jar;
    } catch (URISyntaxException e) {
      throw new AssertionError("Cannot locate the jar of " + ServiceMetricsCli.class, e);
    }
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new AssertionError("System property " + name + " is not set; run this test through Maven (mvn verify),"
          + " whose failsafe configuration in cluster-it/pom.xml sets it.");
    }
    return value;
  }

  private static String fill(String template, Map<String, String> placeholders) {
    String result = template;
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      result = result.replace(p.getKey(), p.getValue());
    }
    return result;
  }

  private static boolean isTextLog(Path file) {
    String name = file.getFileName().toString();
    return name.equals("stderr") || name.equals("stdout") || name.endsWith(".log") || name.endsWith(".out")
        || name.endsWith(".cmd");
  }

  private static List<Path> listSorted(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  private static long seconds(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + dir, e);
    }
  }
}
