package io.servicemetrics.metrics;

import static io.servicemetrics.metrics.Fixtures.STAMP;
import static io.servicemetrics.metrics.Fixtures.WINDOW;
import static io.servicemetrics.metrics.Fixtures.chain;
import static io.servicemetrics.metrics.Fixtures.chains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.CsatByFcrSpeedSchema;
import io.servicemetrics.schema.ResolutionSpeedModelSchema;
import io.servicemetrics.stats.Interval;
import io.servicemetrics.stats.Wilson;
import io.servicemetrics.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ResolutionSpeedTransformsTest {

  @Test
  void sampleKeepsAnsweredSurveyedChainsWithKnownFcrInThePeriod(SparkSession spark) {
    Dataset<Row> input = chains(spark,
        chain("in").csat(5),
        chain("no-csat"),
        chain("fcr-censored").csat(4).fcr(null),
        chain("abandoned").abandoned().csat(2),
        chain("before").started("2024-03-03T23:59:59Z").csat(5),
        chain("first-day").started("2024-03-04T00:00:00Z").csat(1).fcr(false).handleSeconds(120).waitSeconds(30).transfers(2));
    Map<String, Row> sample = ResolutionSpeedTransforms.sample(input, WINDOW).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs(ContactChainsSchema.CHAIN_ID), r -> r));
    assertEquals(List.of("first-day", "in"), sample.keySet().stream().sorted().toList(),
        "only answered chains in 2024-03-04..31 with csat and fcr_7d");
    Row firstDay = sample.get("first-day");
    assertEquals(0.0, firstDay.<Double>getAs(ResolutionSpeedTransforms.FCR), "fcr false -> 0");
    assertEquals(2.0, firstDay.<Double>getAs(ResolutionSpeedTransforms.HANDLE_MINUTES), "120 s = 2 min");
    assertEquals(0.5, firstDay.<Double>getAs(ResolutionSpeedTransforms.WAIT_MINUTES), "30 s = 0.5 min");
    assertEquals(2.0, firstDay.<Double>getAs(ContactChainsSchema.TRANSFERS), "transfers as double");
    assertEquals(0L, firstDay.<Long>getAs(ResolutionSpeedTransforms.TOP2), "csat 1 is not top-2");
  }

  @Test
  void modelFromSparkSumsMatchesCommonsMathOnTheSameRows(SparkSession spark) {
    // fcr, handle s, wait s, transfers, csat
    double[][] data = {
      {1, 240, 30, 0, 5}, {0, 540, 120, 1, 2}, {1, 180, 12, 0, 5}, {1, 390, 90, 0, 4},
      {0, 720, 240, 2, 1}, {0, 420, 48, 1, 3}, {1, 330, 180, 0, 4}, {1, 480, 6, 1, 4},
      {0, 240, 150, 0, 3}, {1, 600, 60, 1, 4}, {0, 900, 300, 3, 1}, {1, 150, 24, 0, 5}
    };
    Fixtures.Chain[] rows = new Fixtures.Chain[data.length];
    double[][] x = new double[data.length][];
    double[] y = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      double[] d = data[i];
      rows[i] = chain("c" + i).fcr(d[0] == 1).handleSeconds(d[1]).waitSeconds(d[2]).transfers((int) d[3]).csat((int) d[4]);
      x[i] = new double[] {d[0], d[1] / 60, d[2] / 60, d[3]};
      y[i] = d[4];
    }
    OLSMultipleLinearRegression reference = new OLSMultipleLinearRegression();
    reference.newSampleData(y, x);
    double[] b = reference.estimateRegressionParameters();
    double[] se = reference.estimateRegressionParametersStandardErrors();

    List<Row> model = ResolutionSpeedTransforms.model(chains(spark, rows), WINDOW, STAMP).collectAsList();
    assertEquals(ResolutionSpeedModelSchema.TERMS,
        model.stream().map(r -> r.<String>getAs(ResolutionSpeedModelSchema.TERM)).toList(), "one row per term, in order");
    for (int i = 0; i < model.size(); i++) {
      Row term = model.get(i);
      assertEquals(b[i], term.<Double>getAs(ResolutionSpeedModelSchema.COEFFICIENT), 1e-9, "coefficient " + i);
      assertEquals(se[i], term.<Double>getAs(ResolutionSpeedModelSchema.STD_ERROR), 1e-9, "std error " + i);
      assertEquals(12L, term.<Long>getAs(ResolutionSpeedModelSchema.N), "n on every row");
      assertEquals(reference.calculateRSquared(), term.<Double>getAs(ResolutionSpeedModelSchema.R_SQUARED), 1e-9, "r2");
      assertNull(term.getAs(ResolutionSpeedModelSchema.NOTE), "no note on a fitted model");
    }
    assertNull(model.get(0).getAs(ResolutionSpeedModelSchema.STANDARDIZED_BETA), "intercept has no standardized beta");
  }

  @Test
  void theSumsDoNotDependOnTheOrderSparkAddsRowsIn(SparkSession spark) {
    // Fractional minutes (seconds / 60) in floating point: summed in another order, a double sum moves
    // in its last digits. The same rows in one partition and in seven, reversed, must give the same sums.
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(org.apache.spark.sql.RowFactory.create(i, random.nextInt(2) * 1.0, random.nextInt(3600) / 60.0 + 0.1,
          random.nextInt(900) / 7.0, random.nextInt(4) * 1.0, 1.0 + random.nextInt(5)));
    }
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("i", "int").add(ResolutionSpeedTransforms.FCR, "double")
        .add(ResolutionSpeedTransforms.HANDLE_MINUTES, "double").add(ResolutionSpeedTransforms.WAIT_MINUTES, "double")
        .add(ContactChainsSchema.TRANSFERS, "double").add(ContactChainsSchema.CSAT, "double");
    Dataset<Row> sample = spark.createDataFrame(rows, schema);
    Row inOne = ResolutionSpeedTransforms.sufficientStatistics(sample.coalesce(1)).first();
    Row inSeven = ResolutionSpeedTransforms.sufficientStatistics(
        sample.repartition(7).sortWithinPartitions(org.apache.spark.sql.functions.col("i").desc())).first();
    assertEquals(inOne, inSeven);
  }

  @Test
  void singularRegressionWritesTheReasonInsteadOfNumbers(SparkSession spark) {
    // transfers = 0 on every chain: its column is constant, so X'X is singular.
    Dataset<Row> input = chains(spark,
        chain("a").csat(5).handleSeconds(100), chain("b").csat(2).fcr(false).handleSeconds(400).waitSeconds(200),
        chain("c").csat(4).handleSeconds(200).waitSeconds(10), chain("d").csat(1).fcr(false).handleSeconds(700),
        chain("e").csat(5).handleSeconds(150).waitSeconds(90), chain("f").csat(3).fcr(false).handleSeconds(300).waitSeconds(20),
        chain("g").csat(4).handleSeconds(250).waitSeconds(45));
    List<Row> model = ResolutionSpeedTransforms.model(input, WINDOW, STAMP).collectAsList();
    assertEquals(5, model.size(), "still one row per term");
    for (Row term : model) {
      assertNull(term.getAs(ResolutionSpeedModelSchema.COEFFICIENT), "no coefficient for " + term);
      assertNull(term.getAs(ResolutionSpeedModelSchema.R_SQUARED), "no r2");
      assertEquals(7L, term.<Long>getAs(ResolutionSpeedModelSchema.N), "n = sample size");
      assertEquals("singular design: predictor transfers is constant",
          term.getAs(ResolutionSpeedModelSchema.NOTE), "reason in note");
    }
  }

  @Test
  void emptySampleGivesTooFewObservations(SparkSession spark) {
    List<Row> model = ResolutionSpeedTransforms.model(chains(spark, chain("x")), WINDOW, STAMP).collectAsList();
    assertEquals(0L, model.get(0).<Long>getAs(ResolutionSpeedModelSchema.N), "no surveyed chain");
    assertTrue(model.get(0).<String>getAs(ResolutionSpeedModelSchema.NOTE).startsWith("too few observations: n = 0"),
        "reason: " + model.get(0));
  }

  @Test
  void quartileTiesAreBrokenByChainId(SparkSession spark) {
    // Five equal handle times: NTILE(4) puts 2, 1, 1, 1 rows in quartiles 1..4 in chain_id order;
    // a shorter handle time comes first whatever its id.
    Dataset<Row> input = chains(spark,
        chain("c5").csat(5), chain("c3").csat(5), chain("c1").csat(5), chain("c4").csat(5), chain("c2").csat(5),
        chain("z0").csat(5).handleSeconds(10));
    Map<String, Integer> quartile = ResolutionSpeedTransforms.withHandleQuartile(
            ResolutionSpeedTransforms.sample(input, WINDOW)).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs(ContactChainsSchema.CHAIN_ID),
            r -> r.<Integer>getAs(CsatByFcrSpeedSchema.HANDLE_QUARTILE)));
    // Order: z0 (10 s), c1, c2, c3, c4, c5 (300 s). 6 rows: sizes 2, 2, 1, 1.
    assertEquals(Map.of("z0", 1, "c1", 1, "c2", 2, "c3", 2, "c4", 3, "c5", 4), quartile, "NTILE(4) by handle, chain_id");
  }

  @Test
  void quartileEqualsNtileOverTheWholeSampleAcrossMinutesAndHours(SparkSession spark) {
    // Handle times on both sides of minute and hour edges, with ties; sample sizes 0..9 and 61
    // cover every n mod 4 and fewer rows than quartiles. The reference is Spark's own NTILE over
    // the unpartitioned window the transform replaces.
    double[] handles = {59.0, 60.0, 60.0, 3599.5, 3600.0, 0.0, 59.999, 7200.0, 60.0, 125.0, 3600.0, 30.0, 59.0};
    for (int n : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 9, 61}) {
      List<Fixtures.Chain> rows = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        rows.add(chain("c" + (char) ('a' + (i * 7) % 26) + i).csat(1 + i % 5).handleSeconds(handles[i % handles.length]));
      }
      Dataset<Row> sample = ResolutionSpeedTransforms.sample(chains(spark, rows.toArray(Fixtures.Chain[]::new)), WINDOW);
      Map<String, Integer> expected = sample
          .withColumn("q", org.apache.spark.sql.functions.ntile(4).over(org.apache.spark.sql.expressions.Window
              .orderBy(org.apache.spark.sql.functions.col(ContactChainsSchema.HANDLE_SECONDS),
                  org.apache.spark.sql.functions.col(ContactChainsSchema.CHAIN_ID))))
          .collectAsList().stream()
          .collect(Collectors.toMap(r -> r.<String>getAs(ContactChainsSchema.CHAIN_ID), r -> r.<Integer>getAs("q")));
      Dataset<Row> withQuartile = ResolutionSpeedTransforms.withHandleQuartile(sample);
      List<String> columns = new java.util.ArrayList<>(List.of(sample.columns()));
      columns.add(CsatByFcrSpeedSchema.HANDLE_QUARTILE);
      assertEquals(columns, List.of(withQuartile.columns()), "the sample's columns and the quartile");
      Map<String, Integer> actual = withQuartile.collectAsList().stream()
          .collect(Collectors.toMap(r -> r.<String>getAs(ContactChainsSchema.CHAIN_ID),
              r -> r.<Integer>getAs(CsatByFcrSpeedSchema.HANDLE_QUARTILE)));
      assertEquals(expected, actual, "NTILE(4) over " + n + " rows");
    }
  }

  @Test
  void csatByFcrSpeedHasAllEightCellsWithWilsonIntervals(SparkSession spark) {
    // 4 chains: by handle 100 (fcr, csat 5), 200 (fcr, csat 4), 300 (not fcr, csat 2), 400 (fcr, csat 3)
    // -> quartiles 1..4, one chain each.
    Dataset<Row> input = chains(spark,
        chain("a").handleSeconds(100).csat(5), chain("b").handleSeconds(200).csat(4),
        chain("c").handleSeconds(300).csat(2).fcr(false), chain("d").handleSeconds(400).csat(3));
    List<Row> cells = ResolutionSpeedTransforms.csatByFcrSpeed(input, WINDOW, STAMP).collectAsList();
    assertEquals(8, cells.size(), "fcr_7d x quartile always complete");
    Map<String, Row> byCell = cells.stream().collect(Collectors.toMap(
        r -> r.getAs(CsatByFcrSpeedSchema.FCR_7D) + "/" + r.getAs(CsatByFcrSpeedSchema.HANDLE_QUARTILE), r -> r));
    Row fcrQ1 = byCell.get("true/1");
    Interval oneOfOne = Wilson.interval(1, 1);
    assertEquals(1L, fcrQ1.<Long>getAs(CsatByFcrSpeedSchema.N), "a in fcr/Q1");
    assertEquals(1.0, fcrQ1.<Double>getAs(CsatByFcrSpeedSchema.CSAT_TOP2), "csat 5 is top-2");
    assertEquals(oneOfOne.low(), fcrQ1.<Double>getAs(CsatByFcrSpeedSchema.CI_LOW), 1e-12, "Wilson low of 1/1");
    assertEquals(0.0, byCell.get("false/3").<Double>getAs(CsatByFcrSpeedSchema.CSAT_TOP2), "c: csat 2");
    assertEquals(0.0, byCell.get("true/4").<Double>getAs(CsatByFcrSpeedSchema.CSAT_TOP2), "d: csat 3");
    Row empty = byCell.get("false/1");
    assertEquals(0L, empty.<Long>getAs(CsatByFcrSpeedSchema.N), "empty cell present with n = 0");
    assertNull(empty.getAs(CsatByFcrSpeedSchema.CSAT_TOP2), "empty cell has no rate");
    assertNull(empty.getAs(CsatByFcrSpeedSchema.CI_HIGH), "empty cell has no interval");
  }
}
