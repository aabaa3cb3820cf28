package io.servicemetrics.io;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A small Delta table's latest version read as the Parquet files that version consists of, listed
 * by Delta Kernel (delta-spark's own log reader) on the driver: the rows Delta's reader returns,
 * without the three Spark queries it first spends on a version it has not read yet (replaying the
 * log into a cached state, parsing the files' statistics, filtering the files). On a tiny night
 * those queries are most of a read's cost, and every stage reads tables the previous one has just
 * written.
 *
 * <p>Only where plain Parquet means exactly what Delta means: no column mapping (Parquet column
 * names are the table's), no deletion vectors (every row of a listed file is live), no type
 * widening (every file has the table's types), partition values that are dates, strings or whole
 * numbers and stand in Hive-style directories exactly as the log records them (Spark reads them
 * back from the paths, as the table's types), and a table root without glob characters. At most
 * {@link #maxFiles} files, so that Spark lists them on the driver without a listing job, and at most
 * {@link #MAX_BYTES}; a larger table is left to Delta's reader, whose fixed costs then no longer
 * count. {@link #of} is empty whenever one of these does not hold, and the caller reads with Delta.
 */
final class DirectRead {
  /** Spark's setting: above this many paths it lists files with a Spark job. */
  static final String LISTING_THRESHOLD = "spark.sql.sources.parallelPartitionDiscovery.threshold";
  /** Spark's default for {@link #LISTING_THRESHOLD}. */
  static final int DEFAULT_LISTING_THRESHOLD = 32;
  /**
   * The most bytes a direct read reads. What it saves is a fixed cost per table version (three
   * small queries); a read of more than this is seconds of scanning, where that cost no longer
   * counts, so it stays with Delta's reader as before. A year's identity map (140 MB in 8 files)
   * is read by Delta; a small night's tables hold kilobytes.
   */
  static final long MAX_BYTES = 16L << 20;

  private static final Set<DataType> PARTITION_TYPES =
      Set.of(DataTypes.DateType, DataTypes.StringType, DataTypes.IntegerType, DataTypes.LongType);
  private static final String GLOB_CHARACTERS = "{}[]*?\\";

  private DirectRead() {}

  /** The most files a direct read lists: Spark's listing threshold, so no listing job runs. */
  static int maxFiles(SparkSession spark) {
    return Integer.parseInt(spark.conf().get(LISTING_THRESHOLD, Integer.toString(DEFAULT_LISTING_THRESHOLD)));
  }

  /**
   * A predicate on partition column {@code column} that narrows the files a direct read lists; the
   * caller still filters the rows, so a file it lets through, or a table not partitioned by the
   * column (whose files are then all listed), changes nothing but the count.
   */
  record Slice(String column, Predicate partitionFilter) {}

  /**
   * The latest version's rows (of the files {@code slice} keeps, when given and the table is
   * partitioned by its column) read directly, or empty when the table does not qualify (see above).
   */
  static Optional<Dataset<Row>> of(SparkSession spark, DeltaIo.KernelSnapshot latest, Slice slice) {
    Snapshot snapshot = latest.snapshot();
    Map<String, String> properties = snapshot.getTableProperties();
    if (!"none".equalsIgnoreCase(properties.getOrDefault("delta.columnMapping.mode", "none"))
        || Boolean.parseBoolean(properties.getOrDefault("delta.enableTypeWidening", "false"))) {
      return Optional.empty();
    }
    String root = snapshot.getPath().replaceAll("/+$", "");
    if (root.chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    StructType schema = (StructType) DataType.fromJson(snapshot.getSchema().toJson());
    List<String> partitionColumns = snapshot.getPartitionColumnNames();
    for (String column : partitionColumns) {
      if (!PARTITION_TYPES.contains(schema.apply(column).dataType())) {
        return Optional.empty();
      }
    }
    Predicate filter = slice != null && partitionColumns.contains(slice.column()) ? slice.partitionFilter() : null;
    int maxFiles = maxFiles(spark);
    if (filter == null && tooLarge(latest, maxFiles)) {
      return Optional.empty();
    }
    Optional<List<String>> files = files(latest, filter, root, partitionColumns, maxFiles);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    if (files.get().isEmpty()) {
      return Optional.of(spark.createDataFrame(List.of(), schema));
    }
    // Spark appends the partition columns it reads from the paths; the table's order is restored.
    Dataset<Row> rows = spark.read().schema(schema).option("basePath", root)
        .parquet(files.get().toArray(String[]::new));
    return Optional.of(rows.select(Arrays.stream(schema.fieldNames()).map(functions::col)
        .toArray(org.apache.spark.sql.Column[]::new)));
  }

  /**
   * True when the version's checksum file says the whole table has more files or bytes than a
   * direct read takes: then its files are not listed at all (on a year's history that listing is
   * hundreds of log entries replayed in the driver for nothing). False when it has no checksum.
   */
  private static boolean tooLarge(DeltaIo.KernelSnapshot latest, int limit) {
    try {
      return latest.snapshot().getStatistics().getTableStats(latest.engine())
          .map(stats -> stats.getNumFiles() > limit || stats.getTableSizeBytes() > MAX_BYTES)
          .orElse(false);
    } catch (IOException e) {
      throw Errors.io("Could not read the checksum of the Delta table at " + latest.snapshot().getPath(), e);
    } catch (KernelException e) {
      return false;
    }
  }

  /**
   * The paths of the version's data files (those the partition filter keeps, when given), or empty
   * when there are more than {@code limit} or {@link #MAX_BYTES} in all, one
   * has a deletion vector, or one does not stand in its partition values' directories.
   */
  private static Optional<List<String>> files(DeltaIo.KernelSnapshot latest, Predicate partitionFilter, String root,
      List<String> partitionColumns, int limit) {
    List<String> paths = new ArrayList<>();
    long bytes = 0;
    var scan = latest.snapshot().getScanBuilder();
    if (partitionFilter != null) {
      scan = scan.withFilter(partitionFilter);
    }
    try (CloseableIterator<FilteredColumnarBatch> batches = scan.build().getScanFiles(latest.engine())) {
      while (batches.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> files = batches.next().getRows()) {
          while (files.hasNext()) {
            io.delta.kernel.data.Row file = files.next();
            if (paths.size() == limit || InternalScanFileUtils.getDeletionVectorDescriptorFromRow(file) != null) {
              return Optional.empty();
            }
            FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
            String path = status.getPath();
            bytes += status.getSize();
            Map<String, String> values = InternalScanFileUtils.getPartitionValues(file);
            if (bytes > MAX_BYTES || !inPartitionDirectories(root, path, partitionColumns, values)) {
              return Optional.empty();
            }
            paths.add(path);
          }
        }
      }
    } catch (IOException e) {
      throw Errors.io("Could not list the files of the Delta table at " + root, e);
    } catch (KernelException e) {
      // A table feature Kernel does not read: Delta's reader does.
      return Optional.empty();
    }
    return Optional.of(paths);
  }

  /**
   * True when {@code path} lies in {@code root}/c1=v1/.../cn=vn/ for the table's partition columns
   * and the values the log records (escaped as Spark and Delta escape them, NULL as Hive's default
   * partition name): then the values Spark parses from the path are the log's.
   */
  static boolean inPartitionDirectories(String root, String path, List<String> partitionColumns,
      Map<String, String> values) {
    StringBuilder expected = new StringBuilder(root).append('/');
    for (String column : partitionColumns) {
      String value = values.get(column);
      // Delta records an empty partition value for NULL, and Spark writes NULL's directory for it.
      expected.append(ExternalCatalogUtils.escapePathName(column)).append('=')
          .append(value == null || value.isEmpty()
              ? ExternalCatalogUtils.DEFAULT_PARTITION_NAME() : ExternalCatalogUtils.escapePathName(value))
          .append('/');
    }
    return path.startsWith(expected.toString()) && path.indexOf('/', expected.length()) < 0;
  }
}
