package io.servicemetrics.metrics;

import static io.servicemetrics.metrics.Fixtures.chain;
import static io.servicemetrics.metrics.Fixtures.handle;
import static io.servicemetrics.metrics.Fixtures.mention;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.schema.AgentMetricsSchema;
import io.servicemetrics.schema.CsatByFcrSpeedSchema;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.ResolutionSpeedModelSchema;
import io.servicemetrics.schema.WomMentionsSchema;
import io.servicemetrics.schema.WomMultiplierSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class PeriodMetricsJobTest {
  private static final Map<Table, StructType> OUTPUTS = Map.of(
      Table.GOLD_RESOLUTION_SPEED_MODEL, ResolutionSpeedModelSchema.SCHEMA,
      Table.GOLD_CSAT_BY_FCR_SPEED, CsatByFcrSpeedSchema.SCHEMA,
      Table.GOLD_AGENT_METRICS, AgentMetricsSchema.SCHEMA,
      Table.GOLD_WOM_MENTIONS, WomMentionsSchema.SCHEMA,
      Table.GOLD_WOM_MULTIPLIER, WomMultiplierSchema.SCHEMA);

  @Test
  void writesTheFivePeriodTablesAsReplaceableSlices(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    Dataset<Row> chains = Fixtures.chains(spark,
        chain("n1").customer("A").agent("a1").started("2024-03-05T09:50:00Z").csat(1).fcr(false).resolved(false).peopleTold(6),
        chain("p1").customer("B").agent("a1").started("2024-03-06T09:50:00Z").csat(5).peopleTold(2),
        chain("p2").customer("C").agent("a2").started("2024-03-07T09:50:00Z").csat(4).handleSeconds(500),
        chain("x1").customer("D").agent("a2").started("2024-03-08T09:50:00Z").csat(3).handleSeconds(900));
    delta.replaceSlice(Table.GOLD_CONTACT_CHAINS, chains, "true");
    delta.replaceSlice(Table.SILVER_MENTIONS, Fixtures.mentions(spark,
        mention("m1", "x", "hA", "2024-03-06T10:00:00Z", MentionsSchema.LABEL_NEGATIVE, 300L, 1),
        mention("m2", "x", "hB", "2024-03-07T10:00:00Z", MentionsSchema.LABEL_POSITIVE, 100L, 1)), "true");
    delta.replaceSlice(Table.SILVER_CUSTOMER_HANDLES, Fixtures.handles(spark,
        handle("A", "x", "hA"), handle("B", "x", "hB")), "true");

    LocalDate end = LocalDate.of(2024, 3, 31);
    // Two nights: the second run adds its own slice and leaves the first; then the second night
    // again, which replaces its slice instead of appending a copy (a new period_end is appended).
    PeriodMetricsJob.run(delta, end.minusDays(1), ZoneOffset.UTC, 28);
    PeriodMetricsJob.run(delta, end, ZoneOffset.UTC, 28);
    PeriodMetricsJob.run(delta, end, ZoneOffset.UTC, 28);

    Map<Table, Long> rowsPerPeriod = Map.of(Table.GOLD_RESOLUTION_SPEED_MODEL, 5L, Table.GOLD_CSAT_BY_FCR_SPEED, 8L,
        Table.GOLD_AGENT_METRICS, 2L, Table.GOLD_WOM_MENTIONS, 1L, Table.GOLD_WOM_MULTIPLIER, 1L);
    for (Map.Entry<Table, StructType> output : OUTPUTS.entrySet()) {
      Dataset<Row> table = delta.read(output.getKey());
      assertEquals(List.of(output.getValue().fieldNames()), List.of(table.schema().fieldNames()),
          output.getKey() + " has the contract's columns in order");
      long rows = rowsPerPeriod.get(output.getKey());
      assertEquals(2 * rows, table.count(), output.getKey() + ": one slice per period_end");
      Row stamp = table.filter(col(GoldColumns.PERIOD_END).equalTo(java.sql.Date.valueOf(end))).first();
      assertEquals(Timestamp.from(Instant.parse("2024-04-01T00:00:00Z")), stamp.getAs(GoldColumns.AS_OF),
          output.getKey() + " as_of = start of D + 1");
      assertEquals(GoldColumns.CURRENT_DEFINITIONS_VERSION, stamp.getAs(GoldColumns.DEFINITIONS_VERSION), "version");
    }
    Row wom = delta.read(Table.GOLD_WOM_MULTIPLIER)
        .filter(col(GoldColumns.PERIOD_END).equalTo(java.sql.Date.valueOf(end))).first();
    // Eligible (ended by 03-18): n1 (negative, told 300); p1 (told 100), p2 (0) positive.
    assertEquals(300.0 / 50.0, wom.<Double>getAs(WomMultiplierSchema.MULTIPLIER), 1e-12, "300 / ((100 + 0) / 2)");
    assertEquals(3.0, wom.<Double>getAs(WomMultiplierSchema.SURVEY_MULTIPLIER), 1e-12, "people told 6 / 2");
    String sentence = WomHeadline.from(end, wom).sentence();
    assertTrue(sentence.startsWith("In the period ending 2024-03-31, an unhappy experience reached 6.0 times"), sentence);
  }
}
