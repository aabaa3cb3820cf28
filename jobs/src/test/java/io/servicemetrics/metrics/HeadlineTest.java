package io.servicemetrics.metrics;

import static io.servicemetrics.metrics.Fixtures.STAMP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.stats.Interval;
import io.servicemetrics.stats.Newcombe;
import io.servicemetrics.stats.Ols;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

class HeadlineTest {
  @Test
  void newcombeMatchesThePublishedExample() {
    // Newcombe (1998), method 10: 56/70 - 48/80 = 0.2000, 95% CI 0.0524 to 0.3339.
    Interval d = Newcombe.difference(56, 70, 48, 80);
    assertEquals(0.2, d.estimate(), 1e-12, "difference");
    assertEquals(0.05243147240236498, d.low(), 1e-9, "lower bound");
    assertEquals(0.333872654036906, d.high(), 1e-9, "upper bound");
  }

  @Test
  void resolutionVersusSpeedPoolsCellsAndStatesOneSentence() {
    // fcr true: Q1 45/50, Q2 40/50, Q3 35/50, Q4 30/50 -> 150/200; fcr false: 20/50 in each -> 80/200.
    // FCR gain = 75% - 40% = 35 points. Q1 pooled 65/100, Q4 50/100 -> (65 - 50) / 3 = 5 points per quartile.
    long[] top2True = {45, 40, 35, 30};
    List<Row> cells = new java.util.ArrayList<>();
    for (int q = 1; q <= 4; q++) {
      cells.add(cell(true, q, 50, top2True[q - 1]));
      cells.add(cell(false, q, 50, 20));
    }
    List<Row> model = ResolutionSpeedTransforms.modelRows(new Ols.Result(new Ols.Fit(
        new double[] {3.0, 0.8, -0.02, -0.01, -0.2}, new double[] {0.1, 0.1, 0.01, 0.01, 0.05},
        new double[5], new double[5], new double[5], 0.3, 400, 395), null), 400, STAMP);
    ResolutionVersusSpeedHeadline headline = ResolutionVersusSpeedHeadline.from(Fixtures.PERIOD_END, cells, model);
    assertEquals(35.0, headline.fcrPoints().estimate(), 1e-9, "FCR points");
    assertEquals(Newcombe.difference(150, 200, 80, 200).scaled(100), headline.fcrPoints(), "Newcombe interval in points");
    assertEquals(5.0, headline.quartilePoints().estimate(), 1e-9, "points per quartile faster");
    assertNotNull(headline.fcrEffect(), "regression effect present");
    String sentence = headline.sentence();
    assertTrue(sentence.startsWith("In the period ending 2024-03-31, customers resolved at first contact gave CSAT"
        + " 35.0 points higher than those who were not (95% CI +"), sentence);
    assertTrue(sentence.contains("one handle-time quartile faster raised it by 5.0 points"), sentence);
    assertTrue(sentence.contains("+0.80 on the 1-5 scale") && sentence.contains("-0.020 per handle minute (n = 400)."),
        sentence);
  }

  @Test
  void resolutionVersusSpeedSaysWhyWhenItCannotBeStated() {
    List<Row> model = ResolutionSpeedTransforms.modelRows(new Ols.Result(null, "too few"), 0, STAMP);
    String sentence = ResolutionVersusSpeedHeadline.from(Fixtures.PERIOD_END,
        ResolutionSpeedTransforms.csatByFcrSpeedRows(List.of(), STAMP), model).sentence();
    assertEquals("Resolution versus speed cannot be stated for the period ending 2024-03-31:"
        + " no surveyed chains with a known first-contact resolution.", sentence, "empty period");
  }

  @Test
  void wordOfMouthWithoutMentionsIsNotMeasuredAndUnknownExperiencesAreLeftOut() {
    WomHeadline h = new WomHeadline(java.time.LocalDate.of(2021, 2, 28), null, null, null, null, null, 40, 0, null,
        "multiplier: not measured: no mentions were delivered for the period", 17312, true);
    assertEquals("Word of mouth is not measured for the period ending 2021-02-28: no mentions were delivered for the"
        + " period; 17312 contacts with neither a survey score nor a reported outcome are left out, not counted"
        + " unhappy.", h.sentence());
  }

  @Test
  void catalogHasOneDefinitionPerNameAtTheCurrentVersion() {
    assertEquals(PeriodMetricCatalog.DEFINITIONS.size(),
        PeriodMetricCatalog.DEFINITIONS.stream().map(MetricDefinition::name).distinct().count(), "unique names");
    assertTrue(PeriodMetricCatalog.DEFINITIONS.stream()
        .allMatch(d -> d.version().equals(io.servicemetrics.schema.GoldColumns.CURRENT_DEFINITIONS_VERSION)),
        "every definition at the current version");
  }

  private static Row cell(boolean fcr, int quartile, long n, long top2) {
    return new GenericRowWithSchema(new Object[] {STAMP.periodEndValue(), fcr, quartile, n, (double) top2 / n,
        null, null, STAMP.asOfValue(), "1"}, io.servicemetrics.schema.CsatByFcrSpeedSchema.SCHEMA);
  }
}
