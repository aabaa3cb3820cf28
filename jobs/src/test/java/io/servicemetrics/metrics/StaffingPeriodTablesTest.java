package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.schema.ResolutionValueSchema;
import io.servicemetrics.schema.StaffingIntervalsSchema;
import io.servicemetrics.staffing.StaffingConfig;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The period job writes staffing_intervals and resolution_value as slices, with the cost it is given. */
@ExtendWith(SharedSpark.class)
class StaffingPeriodTablesTest {
  @Test
  void thePeriodJobWritesBothStaffingTables(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    delta.replaceSlice(Table.GOLD_CONTACT_CHAINS, StaffingTransformsTest.week(spark), "true");
    StaffingConfig config = StaffingConfig.DEFAULTS.withCost(OptionalDouble.of(30.0), "EUR");

    PeriodMetricsJob.run(delta, LocalDate.of(2024, 3, 10), ZoneOffset.UTC, 7, config);

    Dataset<Row> intervals = delta.read(Table.GOLD_STAFFING_INTERVALS);
    assertEquals(List.of(StaffingIntervalsSchema.SCHEMA.fieldNames()), List.of(intervals.schema().fieldNames()), "columns");
    assertEquals(5, intervals.count(), "the five phone cells of the week");
    Dataset<Row> value = delta.read(Table.GOLD_RESOLUTION_VALUE);
    assertEquals(List.of(ResolutionValueSchema.SCHEMA.fieldNames()), List.of(value.schema().fieldNames()), "columns");
    assertEquals(9, value.count(), "billing, technical and the centre at the default 1, 5 and 10 points");
    Row center = value.filter(col(ResolutionValueSchema.SCOPE).equalTo(ResolutionValueSchema.SCOPE_CENTER)
        .and(col(ResolutionValueSchema.FCR_GAIN_POINTS).equalTo(1))).first();
    // 1 % of 7 eligible = 0.07 converted of 4 failures with 4 followers.
    assertEquals(0.07, center.<Double>getAs(ResolutionValueSchema.REPEAT_CHAINS_AVOIDED), 1e-12, "avoided");
    assertEquals(7.5, center.<Double>getAs(ResolutionValueSchema.REPEAT_COST), 1e-12, "900 s x 30 / 3600");
    assertEquals("EUR", center.getAs(ResolutionValueSchema.CURRENCY), "currency");
  }
}
