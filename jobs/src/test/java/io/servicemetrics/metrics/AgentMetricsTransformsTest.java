package io.servicemetrics.metrics;

import static io.servicemetrics.metrics.Fixtures.STAMP;
import static io.servicemetrics.metrics.Fixtures.WINDOW;
import static io.servicemetrics.metrics.Fixtures.chain;
import static io.servicemetrics.metrics.Fixtures.chains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.servicemetrics.schema.AgentMetricsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class AgentMetricsTransformsTest {
  private static final StructType PER_AGENT = new StructType()
      .add(AgentMetricsSchema.AGENT_ID, DataTypes.StringType)
      .add(AgentMetricsSchema.AHT_SECONDS, DataTypes.DoubleType)
      .add(AgentMetricsSchema.FCR_7D_RATE, DataTypes.DoubleType)
      .add(AgentMetricsSchema.FCR_7D_ELIGIBLE, DataTypes.LongType);

  @Test
  void perAgentAggregatesFirstContactChainsOfThePeriod(SparkSession spark) {
    // a1: 4 chains in period (one abandoned leg is impossible for an agent, so all answered):
    //   handle 100, 200, 300, 600 -> aht 300; fcr true, false, NULL, true -> 2/3 of 3 eligible;
    //   csat 5, 3, -, 4 -> top2 2/3 of 3; teams t2, t1, t2, t1 -> tie 2:2 -> smallest "t1".
    // a2: one chain, no csat, fcr NULL -> rates NULL. Chain before the period and agentless chain ignored.
    Dataset<Row> input = chains(spark,
        chain("c1").agent("a1").team("t2").handleSeconds(100).csat(5),
        chain("c2").agent("a1").team("t1").handleSeconds(200).fcr(false).csat(3),
        chain("c3").agent("a1").team("t2").handleSeconds(300).fcr(null),
        chain("c4").agent("a1").team("t1").handleSeconds(600).csat(4).resolved(null),
        chain("c5").agent("a1").started("2024-03-01T10:00:00Z").handleSeconds(9000),
        chain("c6").agent("a2").team(null).fcr(null),
        chain("c7").abandoned());
    Map<String, Row> agents = AgentMetricsTransforms.agentMetrics(input, WINDOW, STAMP).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs(AgentMetricsSchema.AGENT_ID), r -> r));
    assertEquals(2, agents.size(), "one row per agent with chains in the period");
    Row a1 = agents.get("a1");
    assertEquals(4L, a1.<Long>getAs(AgentMetricsSchema.CHAINS), "a1 chains");
    assertEquals(300.0, a1.<Double>getAs(AgentMetricsSchema.AHT_SECONDS), 1e-9, "a1 aht");
    assertEquals(2.0 / 3, a1.<Double>getAs(AgentMetricsSchema.FCR_7D_RATE), 1e-12, "a1 fcr rate");
    assertEquals(3L, a1.<Long>getAs(AgentMetricsSchema.FCR_7D_ELIGIBLE), "a1 fcr eligible");
    assertEquals(1L, a1.<Long>getAs(AgentMetricsSchema.FCR_7D_NO_REPEAT_BASIS), "c4: no outcome reported");
    assertEquals(2.0 / 3, a1.<Double>getAs(AgentMetricsSchema.CSAT_TOP2), 1e-12, "a1 csat top2");
    assertEquals(3L, a1.<Long>getAs(AgentMetricsSchema.CSAT_N), "a1 csat n");
    assertEquals("t1", a1.getAs(AgentMetricsSchema.TEAM), "team tie goes to the smallest name");
    assertEquals(AgentMetricsSchema.INSUFFICIENT_DATA, a1.getAs(AgentMetricsSchema.QUADRANT), "3 < 20 eligible");
    Row a2 = agents.get("a2");
    assertNull(a2.getAs(AgentMetricsSchema.FCR_7D_RATE), "no eligible chain, no rate");
    assertNull(a2.getAs(AgentMetricsSchema.CSAT_TOP2), "no survey, no csat");
    assertNull(a2.getAs(AgentMetricsSchema.TEAM), "team never known");
    assertEquals(java.sql.Date.valueOf(Fixtures.PERIOD_END), a2.getAs(AgentMetricsSchema.PERIOD_END), "stamped");
  }

  @Test
  void quadrantsUseTheMediansAndAgentsAtTheMedianCountAsSlowButResolving(SparkSession spark) {
    // Qualified (>= 20 eligible): aht 100, 150, 200, 250, 300 -> median 200;
    // fcr .8, .5, .6, .9, .7 -> sorted .5 .6 .7 .8 .9 -> median .7. "D" (19 eligible) is ignored.
    Dataset<Row> perAgent = spark.createDataFrame(List.of(
        RowFactory.create("A", 100.0, 0.8, 20L),   // fast, fcr above   -> fast_resolving
        RowFactory.create("E", 150.0, 0.5, 40L),   // fast, fcr below   -> speed_trap
        RowFactory.create("B", 200.0, 0.6, 25L),   // aht AT median -> slow; fcr below -> struggling
        RowFactory.create("F", 250.0, 0.9, 30L),   // slow, fcr above   -> slow_resolving
        RowFactory.create("C", 300.0, 0.7, 21L),   // slow, fcr AT median -> slow_resolving
        RowFactory.create("D", 10.0, 1.0, 19L)),   // under 20          -> insufficient_data
        PER_AGENT);
    assertEquals(Map.of("A", AgentMetricsSchema.FAST_RESOLVING, "E", AgentMetricsSchema.SPEED_TRAP,
            "B", AgentMetricsSchema.STRUGGLING, "F", AgentMetricsSchema.SLOW_RESOLVING,
            "C", AgentMetricsSchema.SLOW_RESOLVING, "D", AgentMetricsSchema.INSUFFICIENT_DATA),
        quadrants(perAgent), "quadrants relative to the medians 200 s and 0.7");
  }

  @Test
  void anEvenNumberOfAgentsUsesTheMeanOfTheMiddleTwo(SparkSession spark) {
    // aht 100, 200, 300, 400 -> median 250; fcr .25, .75, .5, 1.0 -> .5 .75 -> median .625.
    Dataset<Row> perAgent = spark.createDataFrame(List.of(
        RowFactory.create("P", 100.0, 0.25, 20L),  // fast, below  -> speed_trap
        RowFactory.create("Q", 200.0, 0.75, 20L),  // fast, above  -> fast_resolving
        RowFactory.create("R", 300.0, 0.5, 20L),   // slow, below  -> struggling
        RowFactory.create("S", 400.0, 1.0, 20L)),  // slow, above  -> slow_resolving
        PER_AGENT);
    assertEquals(Map.of("P", AgentMetricsSchema.SPEED_TRAP, "Q", AgentMetricsSchema.FAST_RESOLVING,
            "R", AgentMetricsSchema.STRUGGLING, "S", AgentMetricsSchema.SLOW_RESOLVING),
        quadrants(perAgent), "200 < 250 is fast and 300 is slow; 0.75 >= 0.625 resolves, 0.5 does not");
  }

  private static Map<String, String> quadrants(Dataset<Row> perAgent) {
    return AgentMetricsTransforms.withQuadrant(perAgent).collectAsList().stream().collect(Collectors.toMap(
        r -> r.<String>getAs(AgentMetricsSchema.AGENT_ID), r -> r.<String>getAs(AgentMetricsSchema.QUADRANT)));
  }
}
