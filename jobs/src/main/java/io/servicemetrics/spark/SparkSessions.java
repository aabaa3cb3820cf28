package io.servicemetrics.spark;

import io.servicemetrics.schema.BronzeSchema;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession a command runs in: Delta enabled, UTC session clock, and a local
 * master only when nobody (spark-submit, --master, --conf) chose one.
 */
public final class SparkSessions {
  public static final String DEFAULT_LOCAL_MASTER = "local[*]";
  /** Small data on few cores: 200 default shuffle partitions would be mostly empty tasks. */
  public static final int DEFAULT_LOCAL_SHUFFLE_PARTITIONS = 8;

  /**
   * How cached and written rows are encoded, on every master (the test session applies them too).
   * Measured on the ingest of 30 days of contacts (docs/BENCHMARKS.md "What helped in session 3"):
   * compressing cached batches spent most of its time building dictionaries of unique strings (raw
   * records, ids) that then do not compress; Parquet dictionaries of raw records and INT96
   * timestamps likewise. Session 7's profile of a 30-day backfill found 3 % of the ingest's CPU
   * samples building the dictionary of bronze's field values (every field of every record in one
   * Parquet column, mostly unique: the dictionary overflows and is dropped), for files of the same
   * size without it. None changes a value read back.
   */
  public static final Map<String, String> STORAGE_DEFAULTS = Map.of(
      "spark.sql.inMemoryColumnarStorage.compressed", "false",
      "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS",
      "spark.hadoop.parquet.enable.dictionary#" + BronzeSchema.RAW_RECORD, "false",
      "spark.hadoop.parquet.enable.dictionary#" + BronzeSchema.FIELDS_VALUE_COLUMN, "false");

  /**
   * Fields a plan's text lists before "... N more fields" (Spark's default is 25). Spark renders
   * every query's plan for its SQL listeners (the UI's SQL tab, the event log), and our tables are
   * wider than 25 columns (daily_service_metrics 41, contact_chains 35), so every run logged
   * "Truncated the string representation of a plan since it was too large" once, a warning nobody
   * could act on, and the plans shown were clipped. Wide enough for our schemas and the working
   * columns the transforms add.
   */
  public static final int MAX_PLAN_STRING_FIELDS = 100;

  /**
   * Delta's row counts of what a replaceWhere or a partition delete removed (the commit metrics
   * numDeletedRows and numCopiedRows) come from a second scan of the table's file statistics, one
   * more Spark query on every such write (measured: 5 queries per replaceWhere instead of 6).
   * Nothing here reads those two metrics; numOutputRows, which the jobs do read
   * (DeltaIo.lastCommit), comes from the write itself and stays.
   */
  public static final String DELTA_DML_METRICS_FROM_METADATA = "spark.databricks.delta.dmlMetricsFromMetadata.enabled";

  private SparkSessions() {}

  /**
   * @param appName shown in the Spark UI
   * @param master explicit master from the CLI, or null to keep spark.master / local default
   * @param conf extra Spark settings, applied last so they win
   */
  public static SparkSession create(String appName, String master, Map<String, String> conf) {
    SparkConf sparkConf = new SparkConf(true);
    if (master != null) {
      sparkConf.setMaster(master);
    } else if (!hasLauncherMaster(sparkConf)) {
      sparkConf.setMaster(DEFAULT_LOCAL_MASTER);
    }
    boolean local = sparkConf.get("spark.master").startsWith("local");
    sparkConf.setIfMissing("spark.app.name", appName);
    sparkConf.setIfMissing("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    sparkConf.setIfMissing(
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    sparkConf.setIfMissing("spark.sql.session.timeZone", "UTC");
    STORAGE_DEFAULTS.forEach(sparkConf::setIfMissing);
    sparkConf.setIfMissing("spark.sql.debug.maxToStringFields", Integer.toString(MAX_PLAN_STRING_FIELDS));
    sparkConf.setIfMissing(DELTA_DML_METRICS_FROM_METADATA, "false");
    if (local) {
      sparkConf.setIfMissing("spark.ui.enabled", "false");
      sparkConf.setIfMissing(
          "spark.sql.shuffle.partitions", Integer.toString(DEFAULT_LOCAL_SHUFFLE_PARTITIONS));
      sparkConf.setIfMissing("spark.databricks.delta.snapshotPartitions", "2");
      sparkConf.setIfMissing("spark.sql.sources.parallelPartitionDiscovery.parallelism", "4");
      sparkConf.setIfMissing("spark.driver.host", "127.0.0.1");
      sparkConf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.forEach(sparkConf::set);
    return SparkSession.builder().config(sparkConf).getOrCreate();
  }

  /**
   * True when the JVM was started by spark-submit: its launcher hands the driver its settings as
   * spark.* system properties, spark.master always among them, while bin/service-metrics sets none.
   * The driver's logging then belongs to the submitter's log4j2 configuration.
   */
  public static boolean launchedBySparkSubmit() {
    return hasLauncherMaster(new SparkConf(true));
  }

  private static boolean hasLauncherMaster(SparkConf systemConf) {
    return systemConf.contains("spark.master");
  }
}
