package io.servicemetrics.io;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Reads one partition of a small Delta table on the driver with Delta Kernel (delta-spark's own
 * table reader): no Spark query, so none of the three Spark executions a Spark read of a freshly
 * written table costs (log replay into the cached state, its file statistics, the file listing),
 * nor the read itself. For the few rows of a period table's slice that is the whole cost; a table
 * whose slice is large is read with Spark instead.
 *
 * <p>Rows come back as Spark would collect them: {@link Row}s with the table's schema, DATE as
 * {@link Date}, TIMESTAMP as {@link Timestamp}. The file status and physical read schema come from
 * two Kernel classes under {@code io.delta.kernel.internal} (its own read example uses them): a
 * Delta upgrade that moves them breaks the build here, not the data (DeltaSlicesTest).
 */
public final class DeltaSlices {
  private DeltaSlices() {}

  /**
   * The rows of {@code table} whose DATE column {@code partitionColumn} (the table's partition
   * column) equals {@code value}; an empty list when it has none, empty when the table does not exist.
   *
   * @throws IllegalArgumentException when the table has no such column or a column type this
   *     reader does not convert
   */
  public static Optional<List<Row>> read(DeltaIo delta, Table table, String partitionColumn, LocalDate value) {
    Optional<DeltaIo.KernelSnapshot> latest = delta.kernelSnapshot(table);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    Engine engine = latest.get().engine();
    Snapshot snapshot = latest.get().snapshot();
    // Partitioned (as every period table is written): only the value's files. A table written
    // without partitions (a test's literal rows) is read whole and filtered below.
    var builder = snapshot.getScanBuilder();
    if (snapshot.getPartitionColumnNames().contains(partitionColumn)) {
      builder = builder.withFilter(
          new Predicate("=", new Column(partitionColumn), Literal.ofDate((int) value.toEpochDay())));
    }
    Scan scan = builder.build();
    io.delta.kernel.data.Row scanState = scan.getScanState(engine);
    StructType logical = snapshot.getSchema();
    org.apache.spark.sql.types.StructType sparkSchema = sparkSchema(logical);
    int partitionIndex = logical.fieldNames().indexOf(partitionColumn);
    if (partitionIndex < 0) {
      throw new IllegalArgumentException(table.viewName() + " has no column " + partitionColumn);
    }
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> files = scanFiles.next().getRows()) {
          while (files.hasNext()) {
            io.delta.kernel.data.Row file = files.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
            CloseableIterator<io.delta.kernel.data.ColumnarBatch> physical = engine.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(status),
                    ScanStateRow.getPhysicalDataReadSchema(scanState), Optional.empty())
                .map(io.delta.kernel.engine.FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> data =
                Scan.transformPhysicalData(engine, scanState, file, physical)) {
              while (data.hasNext()) {
                try (CloseableIterator<io.delta.kernel.data.Row> batch = data.next().getRows()) {
                  while (batch.hasNext()) {
                    Row row = sparkRow(batch.next(), logical, sparkSchema);
                    // Pruning is by file: the check keeps the contract for a table read whole.
                    if (Date.valueOf(value).equals(row.get(partitionIndex))) {
                      rows.add(row);
                    }
                  }
                }
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + table.viewName() + " at " + delta.warehouse().path(table), e);
    }
    return Optional.of(rows);
  }

  private static org.apache.spark.sql.types.StructType sparkSchema(StructType kernel) {
    return new org.apache.spark.sql.types.StructType(kernel.fields().stream()
        .map(f -> new StructField(f.getName(), sparkType(f.getName(), f.getDataType()), f.isNullable(),
            org.apache.spark.sql.types.Metadata.empty()))
        .toArray(StructField[]::new));
  }

  /** The Kernel types our period tables use, and Spark's for each. */
  private static final java.util.Map<io.delta.kernel.types.DataType, DataType> SPARK_TYPES = java.util.Map.of(
      io.delta.kernel.types.StringType.STRING, DataTypes.StringType,
      io.delta.kernel.types.LongType.LONG, DataTypes.LongType,
      io.delta.kernel.types.IntegerType.INTEGER, DataTypes.IntegerType,
      io.delta.kernel.types.DoubleType.DOUBLE, DataTypes.DoubleType,
      io.delta.kernel.types.BooleanType.BOOLEAN, DataTypes.BooleanType,
      io.delta.kernel.types.DateType.DATE, DataTypes.DateType,
      io.delta.kernel.types.TimestampType.TIMESTAMP, DataTypes.TimestampType);

  private static DataType sparkType(String name, io.delta.kernel.types.DataType type) {
    DataType spark = SPARK_TYPES.get(type);
    if (spark == null) {
      throw new IllegalArgumentException("DeltaSlices does not read column " + name + " of type " + type);
    }
    return spark;
  }

  private static Row sparkRow(io.delta.kernel.data.Row row, StructType kernel, org.apache.spark.sql.types.StructType schema) {
    Object[] values = new Object[kernel.length()];
    for (int i = 0; i < values.length; i++) {
      if (row.isNullAt(i)) {
        continue;
      }
      DataType type = schema.fields()[i].dataType();
      if (type == DataTypes.StringType) {
        values[i] = row.getString(i);
      } else if (type == DataTypes.LongType) {
        values[i] = row.getLong(i);
      } else if (type == DataTypes.IntegerType) {
        values[i] = row.getInt(i);
      } else if (type == DataTypes.DoubleType) {
        values[i] = row.getDouble(i);
      } else if (type == DataTypes.BooleanType) {
        values[i] = row.getBoolean(i);
      } else if (type == DataTypes.DateType) {
        values[i] = Date.valueOf(LocalDate.ofEpochDay(row.getInt(i)));
      } else {
        // TIMESTAMP: microseconds since the epoch, UTC.
        long micros = row.getLong(i);
        values[i] = Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            Math.floorMod(micros, 1_000_000L) * 1_000L));
      }
    }
    return new GenericRowWithSchema(values, schema);
  }
}
