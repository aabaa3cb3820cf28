package io.servicemetrics.io;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.AlwaysFalse;
import io.delta.kernel.expressions.AlwaysTrue;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.delta.tables.DeltaTable;
import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that reads or writes warehouse tables. Every write is one Delta commit, retried
 * with backoff when another writer committed first, so a reader always sees a whole run's slice
 * or none of it.
 */
public final class DeltaIo {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaIo.class);
  public static final int MAX_CONFLICT_RETRIES = 5;
  /**
   * Writes to an existing table add the columns it lacks: a warehouse built by an earlier version
   * takes a new definitions version's columns (its older rows read NULL there: not measured, and
   * their definitions_version says which rules they were computed under) instead of failing the
   * night. Columns are matched by name, so a column added in the middle of a schema class is
   * appended at the table's end. Nothing is ever dropped or retyped.
   */
  static final String MERGE_SCHEMA = "mergeSchema";
  public static final long FIRST_BACKOFF_MILLIS = 500;
  static final String NUM_INDEXED_COLS = "delta.dataSkippingNumIndexedCols";

  private final SparkSession spark;
  private final Warehouse warehouse;

  public DeltaIo(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public SparkSession spark() {
    return spark;
  }

  public boolean exists(Table table) {
    return DeltaTable.isDeltaTable(spark, warehouse.path(table));
  }

  /** The table, or a clear error naming the stage that should have written it. */
  public Dataset<Row> read(Table table) {
    if (!exists(table)) {
      throw Errors.tableMissing(table.viewName(), warehouse.path(table));
    }
    return spark.read().format("delta").load(warehouse.path(table));
  }

  /** The table, or an empty frame with the given schema when it was never written. */
  public Dataset<Row> readOrEmpty(Table table, StructType schema) {
    return exists(table) ? read(table) : spark.createDataFrame(List.of(), schema);
  }

  /**
   * The table's rows as of its latest version. Read it after the writes it depends on, and count
   * neither on seeing later writes nor on not seeing them: a direct read is fixed at this call,
   * Delta's reader re-resolves every query. For the night's stages, which read each table once,
   * under the warehouse lock, after the writes they depend on.
   *
   * <p>A small table ({@link DirectRead}) is read from that version's data files, listed with Delta
   * Kernel in this process, as plain Parquet: none of the three Spark queries with which Delta's
   * reader first reconstructs a new version's state, parses its file statistics and lists its files
   * (a tiny night read freshly written tables about a dozen times). Any other table is a {@link #read}.
   */
  public Dataset<Row> readLatest(Table table) {
    // A missing table has no Kernel snapshot, so it falls to read(), which names the missing stage.
    return latestOrElse(table, null, () -> read(table));
  }

  /** {@link #readLatest}, or an empty frame with the given schema when the table was never written. */
  public Dataset<Row> readLatestOrEmpty(Table table, StructType schema) {
    return latestOrElse(table, null, () -> readOrEmpty(table, schema));
  }

  /**
   * {@link #readLatest}'s rows whose DATE column {@code column} lies in [{@code from}, {@code to}]. When
   * the table is partitioned by that column, only those partitions' files count towards a direct read's
   * limit ({@link DirectRead}), so a small slice of a long history is read directly too.
   */
  public Dataset<Row> readLatest(Table table, String column, java.time.LocalDate from, java.time.LocalDate to) {
    DirectRead.Slice slice = new DirectRead.Slice(column, dateRange(column, from, to));
    Column inSlice = functions.col(column)
        .between(functions.lit(java.sql.Date.valueOf(from)), functions.lit(java.sql.Date.valueOf(to)));
    return latestOrElse(table, slice, () -> read(table)).where(inSlice);
  }

  /** The direct read of the latest version (of {@code slice}'s files, when given), or {@code otherwise}. */
  private Dataset<Row> latestOrElse(Table table, DirectRead.Slice slice, Supplier<Dataset<Row>> otherwise) {
    Optional<KernelSnapshot> latest;
    try {
      latest = kernelSnapshot(table);
    } catch (KernelException e) {
      // A table feature Kernel does not read: Delta's reader does.
      return otherwise.get();
    }
    if (latest.isEmpty()) {
      return otherwise.get();
    }
    return DirectRead.of(spark, latest.get(), slice).orElseGet(() -> read(table));
  }

  /**
   * Replaces the rows matching {@code sliceCondition} (a SQL predicate over partition or data
   * columns) with {@code rows}, in one commit; creates the table on first write. Safe to rerun.
   * Columns the table lacks are added ({@link #MERGE_SCHEMA}).
   */
  public void replaceSlice(Table table, Dataset<Row> rows, String sliceCondition, String... partitionBy) {
    withConflictRetry("replace " + table.viewName() + " where " + sliceCondition, () -> {
      var writer = rows.write().format("delta");
      if (exists(table)) {
        writer.mode(SaveMode.Overwrite).option("replaceWhere", sliceCondition).option(MERGE_SCHEMA, "true");
      } else {
        writer.mode(SaveMode.Overwrite).partitionBy(partitionBy).options(creationProperties(table));
      }
      writer.save(warehouse.path(table));
      return null;
    });
  }

  /**
   * As {@link #replaceSlice}, recording {@code note} as the commit's user metadata, where
   * {@link #lastCommit} finds it again: e.g. a fingerprint of what was written, so a later run can
   * tell without a query that the table already holds it.
   */
  public void replaceSliceNoting(Table table, Dataset<Row> rows, String sliceCondition, String note,
      String... partitionBy) {
    withConflictRetry("replace " + table.viewName() + " where " + sliceCondition, () -> {
      var writer = rows.write().format("delta").mode(SaveMode.Overwrite).option(USER_METADATA, note);
      if (exists(table)) {
        writer.option("replaceWhere", sliceCondition).option(MERGE_SCHEMA, "true");
      } else {
        writer.partitionBy(partitionBy).options(creationProperties(table));
      }
      writer.save(warehouse.path(table));
      return null;
    });
  }

  /**
   * Replaces the partition {@code column = day} with {@code rows} (every row in it), in one commit.
   * When no file of that partition exists, which is every night's case for a table keyed by the
   * run date, the rows are appended: a blind append needs neither the table's file list nor a scan
   * of it, where a replaceWhere reconstructs the table's state and filters it (measured: 2 Spark
   * queries instead of 5). Otherwise, a rerun, it is {@link #replaceSlice}. Runs are one at a time
   * per warehouse ({@link WarehouseLock}), so nobody adds the partition between check and append.
   */
  public void replacePartition(Table table, Dataset<Row> rows, String column, java.time.LocalDate day) {
    if (exists(table) && partitionIsEmpty(table, column, day)) {
      append(table, rows, column);
    } else {
      replaceSlice(table, rows, column + " = DATE'" + day + "'", column);
    }
  }

  /**
   * True when the table, partitioned by the date {@code column}, has no file with {@code column =
   * day}. See {@link #partitionsEmpty}.
   */
  boolean partitionIsEmpty(Table table, String column, java.time.LocalDate day) {
    return partitionsEmpty(table, column, day, day);
  }

  /**
   * True when the table, partitioned by the date {@code column}, has no file with {@code column}
   * in [{@code from}, {@code to}] (a null bound is open). See {@link #noFileWhere}. True when the
   * table does not exist.
   */
  public boolean partitionsEmpty(Table table, String column, java.time.LocalDate from, java.time.LocalDate to) {
    if (!exists(table)) {
      return true;
    }
    return noFileWhere(table, column, dateRange(column, from, to));
  }

  /** Kernel's predicate {@code from <= column <= to} on a DATE partition column (a null bound is open). */
  private static Predicate dateRange(String column, java.time.LocalDate from, java.time.LocalDate to) {
    var partition = new io.delta.kernel.expressions.Column(column);
    Predicate inRange = AlwaysTrue.ALWAYS_TRUE;
    if (from != null) {
      inRange = new And(inRange, new Predicate(">=", partition, kernelLiteral(from)));
    }
    if (to != null) {
      inRange = new And(inRange, new Predicate("<=", partition, kernelLiteral(to)));
    }
    return inRange;
  }

  /**
   * True when the table exists and holds no data file whose {@code partitionColumn} is one of
   * {@code values}. See {@link #noFileWhere}. False when the table does not exist: callers create
   * it with a replacement.
   */
  public boolean holdsNoFileOf(Table table, String partitionColumn, List<?> values) {
    if (!exists(table)) {
      return false;
    }
    var partition = new io.delta.kernel.expressions.Column(partitionColumn);
    Predicate anyValue = AlwaysFalse.ALWAYS_FALSE;
    for (Object value : values) {
      anyValue = new Or(anyValue, new Predicate("=", partition, kernelLiteral(value)));
    }
    return noFileWhere(table, partitionColumn, anyValue);
  }

  /**
   * True when the table's latest snapshot has no data file matching {@code partitionFilter}, a
   * predicate on its partition column {@code column}. Read with Delta Kernel (delta-spark's own
   * log reader), which replays the log in this process: no Spark query, where asking Spark would
   * reconstruct the table's state and filter it (three to five queries on a small table). False
   * when the table is not partitioned by {@code column}: not known to be empty.
   */
  private boolean noFileWhere(Table table, String column, Predicate partitionFilter) {
    Optional<KernelSnapshot> latest = kernelSnapshot(table);
    if (latest.isEmpty()) {
      return true;
    }
    Snapshot snapshot = latest.get().snapshot();
    if (!snapshot.getPartitionColumnNames().contains(column)) {
      return false;
    }
    // Partition pruning only ever drops files the filter excludes, so any file left means "not empty".
    Engine engine = latest.get().engine();
    try (var batches = snapshot.getScanBuilder().withFilter(partitionFilter).build().getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (var files = batches.next().getRows()) {
          if (files.hasNext()) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw Errors.io("Could not list the files of " + table.viewName() + " where " + partitionFilter, e);
    }
  }

  /** A table's latest snapshot as Delta Kernel reads it in the driver, and the engine that reads its files. */
  record KernelSnapshot(Engine engine, Snapshot snapshot) {}

  /**
   * The table's latest snapshot read with Delta Kernel in this process (no Spark query), with the
   * session's Hadoop settings; empty when the table does not exist.
   */
  Optional<KernelSnapshot> kernelSnapshot(Table table) {
    Engine engine = DefaultEngine.create(spark.sessionState().newHadoopConf());
    try {
      return Optional.of(new KernelSnapshot(engine, TableManager.loadSnapshot(warehouse.path(table)).build(engine)));
    } catch (TableNotFoundException e) {
      return Optional.empty();
    }
  }

  /** A partition value as a Kernel literal (the types our tables partition by). */
  private static Literal kernelLiteral(Object value) {
    if (value instanceof java.time.LocalDate date) {
      return Literal.ofDate((int) date.toEpochDay());
    }
    if (value instanceof java.sql.Date date) {
      return Literal.ofDate((int) date.toLocalDate().toEpochDay());
    }
    if (value instanceof String text) {
      return Literal.ofString(text);
    }
    if (value instanceof Integer number) {
      return Literal.ofInt(number);
    }
    if (value instanceof Long number) {
      return Literal.ofLong(number);
    }
    throw new IllegalArgumentException("No Delta Kernel literal for partition value " + value + " ("
        + value.getClass().getName() + "); add its type to DeltaIo.kernelLiteral");
  }

  /** Delta's write option whose value the commit records as its userMetadata. */
  static final String USER_METADATA = "userMetadata";

  /**
   * What a table's latest commit recorded.
   *
   * @param outputRows rows the commit wrote (Delta's operation metric numOutputRows), when recorded
   * @param note the commit's user metadata ({@link #replaceSliceNoting}), when any
   */
  public record Commit(long version, String operation, OptionalLong outputRows, Optional<String> note) {}

  /**
   * Rows the table's latest commit (the caller's write) wrote, from Delta's commit metrics; counts
   * {@code written} (cache it) only when the commit does not record them: counting first would cost
   * a query of its own.
   */
  public long rowsWritten(Table table, Dataset<Row> written) {
    return lastCommit(table)
        .map(Commit::outputRows)
        .filter(OptionalLong::isPresent)
        .map(OptionalLong::getAsLong)
        .orElseGet(written::count);
  }

  /**
   * The table's latest commit, read from that commit's own log entry: no Spark query runs, where a
   * {@code count()} before a write plans and runs one (on a small night each query costs more than
   * its data). Empty when the table does not exist. After this JVM's own write it is that write's
   * commit unless another writer committed to the same table since.
   */
  public Optional<Commit> lastCommit(Table table) {
    if (!exists(table)) {
      return Optional.empty();
    }
    // DeltaLog is Delta's internal log API (the public DeltaTable.history(1) runs a query); it
    // reads the latest commit file, as DESCRIBE HISTORY does.
    DeltaLog log = DeltaLog.forTable(spark, warehouse.path(table));
    long version = log.update(false, scala.Option.empty(), scala.Option.empty()).version();
    var changes = log.getChanges(version, scala.Option.empty(), false);
    while (changes.hasNext()) {
      var versionAndActions = changes.next();
      if (((Long) versionAndActions._1()) != version) {
        continue;
      }
      for (Action action : scala.jdk.javaapi.CollectionConverters.asJava(versionAndActions._2())) {
        if (action instanceof CommitInfo info) {
          OptionalLong rows = OptionalLong.empty();
          if (info.operationMetrics().isDefined() && info.operationMetrics().get().contains(NUM_OUTPUT_ROWS)) {
            rows = OptionalLong.of(Long.parseLong(info.operationMetrics().get().apply(NUM_OUTPUT_ROWS)));
          }
          Optional<String> note = info.userMetadata().isDefined() ? Optional.of(info.userMetadata().get()) : Optional.empty();
          return Optional.of(new Commit(version, info.operation(), rows, note));
        }
      }
    }
    return Optional.of(new Commit(version, null, OptionalLong.empty(), Optional.empty()));
  }

  /** Delta's operation metric: rows a WRITE, MERGE or UPDATE wrote. */
  static final String NUM_OUTPUT_ROWS = "numOutputRows";

  /**
   * Removes the rows matching {@code sliceCondition}, in one commit, when there are any: the
   * check reads only the table's log and the files the condition cannot prune.
   */
  public void clearSlice(Table table, String sliceCondition) {
    Dataset<Row> current = read(table);
    if (!current.where(sliceCondition).isEmpty()) {
      replaceSlice(table, spark.createDataFrame(List.of(), current.schema()), sliceCondition);
    }
  }

  /**
   * As {@link #replaceSlice}, for a slice made of whole partitions: the rows whose
   * {@code partitionColumn} is one of {@code values} (the slice {@code sliceCondition} selects). When
   * the table exists and provably holds no file of those partitions ({@link #holdsNoFileOf}), nothing
   * is there to replace, so the rows are appended: the same table afterwards, without the scans of
   * the table's file list a replacement makes to find the files it removes (three to five Spark
   * queries per write on a small table). No rows and nothing to replace writes nothing, as a
   * replacement by no rows commits nothing.
   *
   * @return true when the rows were appended, false when the slice was replaced or nothing written
   */
  public boolean replacePartitions(Table table, Dataset<Row> rows, long rowCount, String sliceCondition,
      String partitionColumn, List<?> values) {
    return appendUnlessHeld(table, rows, rowCount, sliceCondition, partitionColumn,
        exists(table) && holdsNoFileOf(table, partitionColumn, values));
  }

  /**
   * As {@link #replacePartitions}, for the slice of the date partitions {@code partitionColumn} in
   * [{@code from}, {@code to}] (a null bound is open), which {@code sliceCondition} selects.
   */
  public boolean replaceDateRange(Table table, Dataset<Row> rows, long rowCount, String sliceCondition,
      String partitionColumn, java.time.LocalDate from, java.time.LocalDate to) {
    return appendUnlessHeld(table, rows, rowCount, sliceCondition, partitionColumn,
        exists(table) && partitionsEmpty(table, partitionColumn, from, to));
  }

  /** Appends the rows (none: nothing) when the existing table holds nothing of the slice, else replaces it. */
  private boolean appendUnlessHeld(Table table, Dataset<Row> rows, long rowCount, String sliceCondition,
      String partitionColumn, boolean sliceEmpty) {
    if (sliceEmpty) {
      if (rowCount > 0) {
        append(table, rows);
        return true;
      }
      return false;
    }
    replaceSlice(table, rows, sliceCondition, partitionColumn);
    return false;
  }

  /**
   * As {@link #clearSlice}, for whole partitions: nothing to do, without a Spark query, when the table
   * provably holds no file of them ({@link #holdsNoFileOf}).
   */
  public void clearPartitions(Table table, String sliceCondition, String partitionColumn, List<?> values) {
    if (!holdsNoFileOf(table, partitionColumn, values)) {
      clearSlice(table, sliceCondition);
    }
  }

  /**
   * Table properties set when a table is created. Bronze is read only by delivery_date, its
   * partition column, so per-file column statistics (min/max of every raw record, on every
   * write of millions of rows) would buy no data skipping.
   */
  static Map<String, String> creationProperties(Table table) {
    return table.layer() == Layer.BRONZE ? Map.of(NUM_INDEXED_COLS, "0") : Map.of();
  }

  /** Appends rows in one commit; creates the table on first write. */
  public void append(Table table, Dataset<Row> rows, String... partitionBy) {
    withConflictRetry("append to " + table.viewName(), () -> {
      var writer = rows.write().format("delta").mode(SaveMode.Append);
      if (!exists(table)) {
        writer.partitionBy(partitionBy);
      } else {
        writer.option(MERGE_SCHEMA, "true");
      }
      writer.save(warehouse.path(table));
      return null;
    });
  }

  /**
   * Upserts {@code updates} into the table on {@code matchCondition} (aliases {@code t} for the
   * table and {@code s} for the updates): matched rows are replaced, new ones inserted. Creates the
   * table from the updates on first write.
   */
  public void upsert(Table table, Dataset<Row> updates, Column matchCondition, String... partitionBy) {
    withConflictRetry("merge into " + table.viewName(), () -> {
      if (!exists(table)) {
        updates.write().format("delta").mode(SaveMode.ErrorIfExists).partitionBy(partitionBy)
            .save(warehouse.path(table));
        return null;
      }
      DeltaTable.forPath(spark, warehouse.path(table)).as("t")
          .merge(updates.as("s"), matchCondition)
          .withSchemaEvolution()
          .whenMatched().updateAll()
          .whenNotMatched().insertAll()
          .execute();
      return null;
    });
  }

  /** Sets columns of the rows matching {@code condition} to the given values, in one commit. */
  public void update(Table table, Column condition, Map<String, Column> set) {
    if (!exists(table)) {
      throw Errors.tableMissing(table.viewName(), warehouse.path(table));
    }
    withConflictRetry("update " + table.viewName(), () -> {
      DeltaTable.forPath(spark, warehouse.path(table)).update(condition, set);
      return null;
    });
  }

  /**
   * Drops NOT NULL from the table's columns that {@code declared} (a schema class) says are
   * nullable: schema evolution adds columns but never relaxes a constraint, so a warehouse built
   * when a column was required would reject the NULL a newer version writes there ("not
   * delivered", e.g. silver contacts' hold_seconds). One ALTER per such column, once: afterwards
   * the table agrees with the schema class and this is a no-op. Nothing is ever tightened.
   *
   * @return the columns relaxed (empty when the table is missing or already agrees)
   */
  public List<String> relaxNotNull(Table table, StructType declared) {
    if (!exists(table)) {
      return List.of();
    }
    List<String> relax = columnsToRelax(read(table).schema(), declared);
    for (String column : relax) {
      LOG.info("{}: column {} may now be NULL (not delivered); dropping its NOT NULL", table.viewName(), column);
      withConflictRetry("relax " + table.viewName() + "." + column, () -> spark.sql("ALTER TABLE delta.`"
          + warehouse.path(table).replace("`", "``") + "` ALTER COLUMN `" + column + "` DROP NOT NULL"));
    }
    return relax;
  }

  /** Top-level columns required in {@code current} but nullable in {@code declared}, in table order. */
  static List<String> columnsToRelax(StructType current, StructType declared) {
    List<String> relax = new java.util.ArrayList<>();
    for (var f : current.fields()) {
      var names = List.of(declared.fieldNames());
      if (!f.nullable() && names.contains(f.name()) && declared.apply(f.name()).nullable()) {
        relax.add(f.name());
      }
    }
    return relax;
  }

  /** The Delta table handle, for maintenance commands. */
  public Optional<DeltaTable> deltaTable(Table table) {
    return exists(table) ? Optional.of(DeltaTable.forPath(spark, warehouse.path(table))) : Optional.empty();
  }

  /** Runs a whole write again when a concurrent writer won the commit race. */
  public static <T> T withConflictRetry(String what, Supplier<T> write) {
    long backoff = FIRST_BACKOFF_MILLIS;
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (DeltaConcurrentModificationException e) {
        if (attempt > MAX_CONFLICT_RETRIES) {
          throw Errors.io("Gave up on '" + what + "' after " + attempt + " conflicting commits", e);
        }
        LOG.warn("{}: a concurrent writer committed first ({}); retry {} in {} ms",
            what, e.getClass().getSimpleName(), attempt, backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw Errors.io("Interrupted while retrying '" + what + "'", ie);
        }
        backoff *= 2;
      }
    }
  }
}
