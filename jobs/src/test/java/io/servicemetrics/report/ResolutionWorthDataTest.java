package io.servicemetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.report.ResolutionWorth.StaffingCell;
import io.servicemetrics.report.ResolutionWorth.ValueRow;
import io.servicemetrics.schema.ResolutionValueSchema;
import io.servicemetrics.schema.StaffingIntervalsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Literal gold staffing_intervals and resolution_value -> the page's rows, as gold holds them. */
@ExtendWith(SharedSpark.class)
class ResolutionWorthDataTest {
  private static final LocalDate D = LocalDate.of(2025, 3, 28);
  private static final Timestamp AS_OF = Timestamp.from(Instant.parse("2025-03-29T00:00:00Z"));

  @Test
  void readsTheBusiestQueuesPeakWeekdayAndItsValueRowsAndLeavesThePageOutWithoutTheTables(
      SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    assertTrue(ResolutionWorthData.load(delta, D).worth().isEmpty(), "no tables: no page");
    delta.append(Table.GOLD_RESOLUTION_VALUE, spark.createDataFrame(List.of(
        value(D, "queue", "billing", 5, 812.0, 9, 8, 480.0),
        value(D, "queue", "sales", 5, 100.0, 2, 2, 30.0),
        value(D, "center", null, 5, 912.0, 9, 8, 510.0),
        value(D.minusDays(28), "queue", "sales", 5, 5_000.0, 20, 19, 30.0)), ResolutionValueSchema.SCHEMA));
    delta.append(Table.GOLD_STAFFING_INTERVALS, spark.createDataFrame(List.of(
        cell(D, "billing", 1, "09:30", 40L, 9), cell(D, "billing", 1, "09:00", 20L, 6), cell(D, "billing", 3, "09:00", 12L, 5),
        cell(D, "sales", 1, "09:00", 90L, 12), cell(D.minusDays(28), "billing", 2, "09:00", 99L, 30)),
        StaffingIntervalsSchema.SCHEMA));

    ResolutionWorthData.Loaded loaded = ResolutionWorthData.load(delta, D);
    ResolutionWorth w = loaded.worth().orElseThrow();
    // billing needs 812.0 position hours, sales 100.0 (its 5,000 are the previous period's).
    assertEquals("billing", w.queue());
    assertEquals(List.of("09:00", "09:30"), w.curve().stream().map(StaffingCell::intervalStart).toList(),
        "Monday holds billing's 9-position peak; not sales' cells, not the previous period's");
    assertEquals(List.of("billing", "center"), w.values().stream().map(v -> v.center() ? "center" : v.queue()).toList());
    ValueRow v = w.values().get(0);
    assertEquals(812.0, v.positionHoursNow());
    assertEquals(480.0, v.costSaved());
    assertEquals(8, v.peakPositionsAfter());
    assertEquals(3 + 3, loaded.rows().size(), "the period's value rows and billing's cells, for the as_of and versions");
  }

  private static Row value(LocalDate end, String scope, String queue, int gain, double hoursNow, int peakNow,
      int peakAfter, double cost) {
    return RowFactory.create(Date.valueOf(end), scope, queue, gain, 1_000L, 300L, 0.7, 0.8, 50.0, 40.0, 46.0, 3.5, 0.02,
        hoursNow, hoursNow - 16.0, 16.0, peakNow, peakAfter, 30.0, "USD", cost, 240L, 276L, 21.0, 630.0, AS_OF, "1");
  }

  private static Row cell(LocalDate end, String queue, int weekday, String start, long arrivals, int positions) {
    return RowFactory.create(Date.valueOf(end), queue, "phone", weekday, start, 30, 4, arrivals, arrivals / 4.0, 300.0,
        100L, 240.0, 10L, arrivals / 4.0 * 300 / 1800, 20.0, 0.8, 0.85, 0.3, positions - 2, positions, 0.85, 8.0, 0.7,
        positions - 2, positions, 0.9, 6.0, 0.7, 0.01, AS_OF, "1");
  }
}
