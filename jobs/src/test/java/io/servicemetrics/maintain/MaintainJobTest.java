package io.servicemetrics.maintain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.schema.RunLogSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class MaintainJobTest {
  @Test
  void compactsSmallFilesWithoutChangingRows(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    for (int i = 0; i < 3; i++) {
      delta.append(Table.META_RUN_LOG, spark.createDataFrame(List.of(RowFactory.create("run-" + i, "test", "stage", null,
          Date.valueOf("2026-11-02"), "succeeded", new Timestamp(0), null, null, null, null, null, 1L, null, null)),
          RunLogSchema.SCHEMA).coalesce(1));
    }
    List<String> before = delta.read(Table.META_RUN_LOG).toJSON().collectAsList().stream().sorted().toList();

    List<MaintainJob.TableResult> results = MaintainJob.run(delta, MaintainJob.DEFAULT_RETENTION_HOURS, true, Duration.ZERO);

    assertEquals(1, results.size(), "only existing tables are maintained");
    assertEquals(3, results.get(0).filesRemoved(), "three one-row files");
    assertEquals(1, results.get(0).filesAdded(), "compacted into one");
    assertTrue(results.get(0).vacuumed());
    assertEquals(before, delta.read(Table.META_RUN_LOG).toJSON().collectAsList().stream().sorted().toList());
    ServiceMetricsException tooShort = assertThrows(ServiceMetricsException.class, () -> MaintainJob.run(delta, 1, true, Duration.ZERO));
    assertEquals(ExitCode.BAD_INPUT, tooShort.exitCode());
  }
}
