package io.servicemetrics.metrics;

import static io.servicemetrics.metrics.Fixtures.STAMP;
import static io.servicemetrics.metrics.Fixtures.WINDOW;
import static io.servicemetrics.metrics.Fixtures.chain;
import static io.servicemetrics.metrics.Fixtures.chains;
import static io.servicemetrics.metrics.Fixtures.handle;
import static io.servicemetrics.metrics.Fixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.WomMentionsSchema;
import io.servicemetrics.schema.WomMultiplierSchema;
import io.servicemetrics.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class WordOfMouthTransformsTest {
  private static final String NEG = MentionsSchema.LABEL_NEGATIVE;
  private static final String POS = MentionsSchema.LABEL_POSITIVE;

  @Test
  void womMentionsRatiosUseReachWithFollowersAsFallback(SparkSession spark) {
    // Negative reach: 100 (impressions), 50 (followers), 150 -> n 3, total 300, mean 100.
    // Positive reach: 100, 20 (followers)                   -> n 2, total 120, mean 60.
    // I = 3/2 = 1.5; R = 100/60 = 1.6667; M = 300/120 = 2.5. Neutral counts only in N;
    // the mention posted on 2024-04-01 (as_of) is outside the period.
    Dataset<Row> mentions = Fixtures.mentions(spark,
        mention("m1", "x", "h1", "2024-03-05T10:00:00Z", NEG, 100L, 9),
        mention("m2", "x", "h2", "2024-03-06T10:00:00Z", NEG, null, 50),
        mention("m3", "x", "h3", "2024-03-31T23:59:59Z", NEG, 150L, 1),
        mention("m4", "x", "h4", "2024-03-04T00:00:00Z", POS, 100L, 5),
        mention("m5", "x", "h5", "2024-03-08T10:00:00Z", POS, null, 20),
        mention("m6", "x", "h6", "2024-03-08T10:00:00Z", MentionsSchema.LABEL_NEUTRAL, 7L, 7),
        mention("m7", "x", "h7", "2024-04-01T00:00:00Z", POS, 1_000_000L, 7));
    Row row = WordOfMouthTransforms.womMentions(mentions, WINDOW, STAMP).first();
    assertEquals(3L, row.<Long>getAs(WomMentionsSchema.N_NEGATIVE), "negatives");
    assertEquals(2L, row.<Long>getAs(WomMentionsSchema.N_POSITIVE), "positives, m7 is after the period");
    assertEquals(1.5, row.<Double>getAs(WomMentionsSchema.INCIDENCE_RATIO), 1e-12, "I");
    assertEquals(100.0 / 60, row.<Double>getAs(WomMentionsSchema.REACH_RATIO), 1e-12, "R");
    assertEquals(2.5, row.<Double>getAs(WomMentionsSchema.EXPOSURE_MULTIPLIER), 1e-12, "M");
    // A resample of 6 mentions misses both positives with probability (4/6)^6 = 8.8% > 2.5%.
    assertNull(row.getAs(WomMentionsSchema.INCIDENCE_CI_LOW), "interval withheld on so few positives");
    assertTrue(row.<String>getAs(WomMentionsSchema.NOTE).startsWith(
        "incidence_ratio: no interval: undefined (zero denominator) in "), row.<String>getAs(WomMentionsSchema.NOTE));
  }

  @Test
  void womMentionsWithoutPositivesIsNullWithAReasonNeverInfinity(SparkSession spark) {
    Dataset<Row> mentions = Fixtures.mentions(spark,
        mention("m1", "x", "h1", "2024-03-05T10:00:00Z", NEG, 100L, 9));
    Row row = WordOfMouthTransforms.womMentions(mentions, WINDOW, STAMP).first();
    assertNull(row.getAs(WomMentionsSchema.INCIDENCE_RATIO), "1/0 is not a number we report");
    assertNull(row.getAs(WomMentionsSchema.EXPOSURE_MULTIPLIER), "100/0 neither");
    assertTrue(row.<String>getAs(WomMentionsSchema.NOTE).contains(
        "exposure_multiplier: undefined: no positive mentions in the period"), row.<String>getAs(WomMentionsSchema.NOTE));
  }

  @Test
  void womMentionsBootstrapIsDeterministic() {
    List<Row> frequencies = new ArrayList<>();
    for (long reach = 1; reach <= 60; reach++) {
      frequencies.add(RowFactory.create(reach % 3 == 0 ? NEG : POS, reach * 10, 1 + reach % 4));
    }
    List<Row> asRows = frequencies.stream().map(f -> (Row) new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
        new Object[] {f.get(0), f.get(1), f.get(2)}, FREQUENCY_SCHEMA)).toList();
    Row first = WordOfMouthTransforms.womMentionsRow(asRows, STAMP);
    Row second = WordOfMouthTransforms.womMentionsRow(asRows, STAMP);
    assertEquals(first, second, "same frequencies and seed give identical gold rows");
    double low = first.getAs(WomMentionsSchema.EXPOSURE_CI_LOW);
    double high = first.getAs(WomMentionsSchema.EXPOSURE_CI_HIGH);
    double m = first.getAs(WomMentionsSchema.EXPOSURE_MULTIPLIER);
    assertTrue(low < m && m < high, "interval around M = " + m + ": " + low + ".." + high);
  }

  private static final org.apache.spark.sql.types.StructType FREQUENCY_SCHEMA = new org.apache.spark.sql.types.StructType()
      .add(MentionsSchema.SENTIMENT_LABEL, "string")
      .add(WordOfMouthTransforms.REACH, "long")
      .add(WordOfMouthTransforms.ITEMS, "long");

  /**
   * Period 2024-03-04..31, as_of 2024-04-01. Chains (customer, end, polarity):
   *   n1 A 03-05 csat 1 -> negative;      p1 B 03-06 csat 5 -> positive;
   *   p2 C 03-07 no csat, resolved -> positive;  n2 D 03-08 no csat, unresolved -> negative;
   *   x1 E 03-09 csat 3 -> neutral (not eligible);
   *   late A 03-25 csat 1 -> negative but censored (03-25 + 14 d = 04-08 > as_of).
   * Handles: A hA, B hB, C hC, shared hS -> C and D (ambiguous, ignored).
   * Mentions: m1 hA 03-06 reach 500 -> n1; m2 hA 03-26 reach 1000 -> "late" (A's latest chain),
   *   not n1; m3 hB 03-10 reach 100 -> p1; m6 hB 03-11 reach 0 (followers 0) -> p1;
   *   m4 hS 03-09 reach 10000 -> nobody; m5 hC 03-30 -> 23 days after p2, nobody.
   * Eligible: negative n1 (told 500), n2 (0); positive p1 (100, 2 mentions), p2 (0).
   * -> 2 and 2 experiences, shares 1/2 and 1/2, told 250 and 50, multiplier 5.
   * Survey: people_told n1 10 (csat 1), p1 2 (csat 5), x1 4 (csat 3) -> 10 / 2 = 5.
   */
  private static Dataset<Row>[] scenario(SparkSession spark) {
    Dataset<Row> chains = chains(spark,
        chain("n1").customer("A").started("2024-03-05T09:50:00Z").csat(1).peopleTold(10),
        chain("p1").customer("B").started("2024-03-06T09:50:00Z").csat(5).peopleTold(2),
        chain("p2").customer("C").started("2024-03-07T09:50:00Z"),
        chain("n2").customer("D").started("2024-03-08T09:50:00Z").resolved(false).fcr(false),
        chain("x1").customer("E").started("2024-03-09T09:50:00Z").csat(3).peopleTold(4),
        chain("late").customer("A").started("2024-03-25T09:50:00Z").csat(1));
    Dataset<Row> handles = Fixtures.handles(spark,
        handle("A", "x", "hA"), handle("B", "x", "hB"), handle("C", "x", "hC"),
        handle("C", "x", "hS"), handle("D", "x", "hS"));
    Dataset<Row> mentions = Fixtures.mentions(spark,
        mention("m1", "x", "hA", "2024-03-06T10:00:00Z", NEG, 500L, 1),
        mention("m2", "x", "hA", "2024-03-26T10:00:00Z", NEG, 1000L, 1),
        mention("m3", "x", "hB", "2024-03-10T10:00:00Z", POS, 100L, 1),
        mention("m6", "x", "hB", "2024-03-11T10:00:00Z", POS, null, 0),
        mention("m4", "x", "hS", "2024-03-09T10:00:00Z", NEG, 10000L, 1),
        mention("m5", "x", "hC", "2024-03-30T10:00:00Z", POS, 700L, 1));
    @SuppressWarnings("unchecked")
    Dataset<Row>[] all = new Dataset[] {chains, mentions, handles};
    return all;
  }

  @Test
  void mentionsGoToTheLatestChainWithinFourteenDaysAndSharedHandlesToNobody(SparkSession spark) {
    Dataset<Row>[] s = scenario(spark);
    Map<String, String> attributed = WordOfMouthTransforms.attributedMentions(
            WordOfMouthTransforms.periodMentions(s[1], WINDOW), WordOfMouthTransforms.unambiguousHandles(s[2]), s[0], WINDOW)
        .collectAsList().stream().collect(Collectors.toMap(
            r -> r.<String>getAs(MentionsSchema.MENTION_ID), r -> r.<String>getAs(ContactChainsSchema.CHAIN_ID)));
    assertEquals(Map.of("m1", "n1", "m2", "late", "m3", "p1", "m6", "p1"), attributed,
        "m4 (handle of two customers) and m5 (23 days later) are not attributed");
  }

  @Test
  void authorHandlesKeepEveryRowOfAPostingHandleAndNoOtherHandle(SparkSession spark) {
    Dataset<Row>[] s = scenario(spark);
    Dataset<Row> extra = Fixtures.handles(spark, handle("F", "x", "hQuiet"), handle("A", "x", "hS2"));
    List<String> kept = WordOfMouthTransforms.authorHandles(s[2].unionByName(extra),
            WordOfMouthTransforms.periodMentions(s[1], WINDOW))
        .collectAsList().stream()
        .map(r -> r.<String>getAs(CustomerHandlesSchema.CUSTOMER_KEY) + ":" + r.<String>getAs(CustomerHandlesSchema.HANDLE_PSEUDONYM))
        .sorted().collect(Collectors.toList());
    // Period authors hA, hB, hS, hC; hS keeps both of its customers so it stays ambiguous;
    // hQuiet and hS2 never posted.
    assertEquals(List.of("A:hA", "B:hB", "C:hC", "C:hS", "D:hS"), kept, "identity-map rows of period authors");
  }

  @Test
  void multiplierComparesMeanToldOfCompleteNegativeAndPositiveExperiences(SparkSession spark) {
    Dataset<Row>[] s = scenario(spark);
    Row row = WordOfMouthTransforms.womMultiplier(s[0], s[1], s[2], WINDOW, STAMP).first();
    assertEquals(2L, row.<Long>getAs(WomMultiplierSchema.NEGATIVE_EXPERIENCES), "n1, n2; 'late' is censored");
    assertEquals(2L, row.<Long>getAs(WomMultiplierSchema.POSITIVE_EXPERIENCES), "p1, p2");
    assertEquals(0.5, row.<Double>getAs(WomMultiplierSchema.NEGATIVE_MENTIONING_SHARE), 1e-12, "n1 of 2");
    assertEquals(0.5, row.<Double>getAs(WomMultiplierSchema.POSITIVE_MENTIONING_SHARE), 1e-12, "p1 (reach 0 counts) of 2");
    assertEquals(250.0, row.<Double>getAs(WomMultiplierSchema.TOLD_PER_NEGATIVE), 1e-12, "(500 + 0) / 2");
    assertEquals(50.0, row.<Double>getAs(WomMultiplierSchema.TOLD_PER_POSITIVE), 1e-12, "(100 + 0) / 2");
    assertEquals(5.0, row.<Double>getAs(WomMultiplierSchema.MULTIPLIER), 1e-12, "250 / 50");
    assertEquals(5.0, row.<Double>getAs(WomMultiplierSchema.SURVEY_MULTIPLIER), 1e-12, "10 / 2");
    assertEquals(1L, row.<Long>getAs(WomMultiplierSchema.NEUTRAL_EXPERIENCES), "x1 (csat 3); 'late' is censored");
    assertEquals(0L, row.<Long>getAs(WomMultiplierSchema.UNKNOWN_EXPERIENCES), "every chain has csat or an outcome");
    assertEquals(6L, row.<Long>getAs(WomMultiplierSchema.PERIOD_MENTIONS), "m1..m6 posted in the period");
    // A stratified resample of the positives is {p2, p2} with probability 1/4: undefined.
    assertNull(row.getAs(WomMultiplierSchema.MULTIPLIER_CI_LOW), "interval withheld");
    assertTrue(row.<String>getAs(WomMultiplierSchema.NOTE).startsWith("multiplier: no interval: undefined"),
        row.<String>getAs(WomMultiplierSchema.NOTE));
  }

  @Test
  void zeroPositiveExperiencesGiveNullMultiplierWithAReason(SparkSession spark) {
    Dataset<Row> chains = chains(spark,
        chain("n1").customer("A").csat(1).peopleTold(3),
        chain("n2").customer("B").resolved(false).fcr(false));
    Row row = WordOfMouthTransforms.womMultiplier(chains, Fixtures.mentions(spark), Fixtures.handles(spark),
        WINDOW, STAMP).first();
    assertEquals(2L, row.<Long>getAs(WomMultiplierSchema.NEGATIVE_EXPERIENCES), "two negatives");
    assertEquals(0L, row.<Long>getAs(WomMultiplierSchema.POSITIVE_EXPERIENCES), "no positive");
    assertNull(row.getAs(WomMultiplierSchema.POSITIVE_MENTIONING_SHARE), "share of nothing");
    assertNull(row.getAs(WomMultiplierSchema.TOLD_PER_POSITIVE), "mean of nothing");
    assertNull(row.getAs(WomMultiplierSchema.MULTIPLIER), "no multiplier, never infinity");
    assertNull(row.getAs(WomMultiplierSchema.SURVEY_MULTIPLIER), "no csat >= 4 survey");
    assertEquals("multiplier: not measured: no mentions were delivered for the period; "
            + "survey_multiplier: undefined: no survey with csat >= 4 reports people_told",
        row.getAs(WomMultiplierSchema.NOTE), "both reasons; without mentions nothing about them is measured");
    assertNull(row.getAs(WomMultiplierSchema.NEGATIVE_MENTIONING_SHARE), "no mentions: not 0 %");
    assertEquals(0L, row.<Long>getAs(WomMultiplierSchema.PERIOD_MENTIONS));
  }

  @Test
  void contactsWithoutOutcomesOrSurveysAreUnknownExperiencesNeverUnhappy(SparkSession spark) {
    // u1, u2 answered, no outcome reported, no survey -> unknown; ab abandoned (known unresolved) ->
    // negative. A mention of someone else is posted, so mentions were delivered.
    Dataset<Row> chains = chains(spark,
        chain("u1").customer("A").resolved(null).fcr(true),
        chain("u2").customer("B").resolved(null).fcr(false),
        chain("ab").customer("C").abandoned().resolved(false));
    Dataset<Row> mentions = Fixtures.mentions(spark,
        mention("m1", "x", "hZ", "2024-03-12T10:00:00Z", NEG, 50L, 1));
    Row row = WordOfMouthTransforms.womMultiplier(chains, mentions, Fixtures.handles(spark), WINDOW, STAMP).first();
    assertEquals(1L, row.<Long>getAs(WomMultiplierSchema.NEGATIVE_EXPERIENCES), "only the abandoned chain");
    assertEquals(0L, row.<Long>getAs(WomMultiplierSchema.POSITIVE_EXPERIENCES));
    assertEquals(2L, row.<Long>getAs(WomMultiplierSchema.UNKNOWN_EXPERIENCES), "u1, u2 left out, not unhappy");
    assertEquals(0L, row.<Long>getAs(WomMultiplierSchema.NEUTRAL_EXPERIENCES));
    assertEquals(1L, row.<Long>getAs(WomMultiplierSchema.PERIOD_MENTIONS));
    assertEquals(0.0, row.<Double>getAs(WomMultiplierSchema.NEGATIVE_MENTIONING_SHARE), 1e-12,
        "mentions were delivered and none was about ab: a measured 0");
    assertNull(row.getAs(WomMultiplierSchema.MULTIPLIER));
    assertTrue(row.<String>getAs(WomMultiplierSchema.NOTE).contains("experiences: 2 left out: "
        + WordOfMouthTransforms.UNKNOWN_REASON), row.<String>getAs(WomMultiplierSchema.NOTE));
  }

  @Test
  void multiplierBootstrapIsDeterministicAndBracketsTheEstimate() {
    List<Row> frequencies = new ArrayList<>();
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add(WordOfMouthTransforms.POLARITY, "string").add(WordOfMouthTransforms.TOLD, "long")
        .add("mentioned", "boolean").add(WordOfMouthTransforms.ITEMS, "long");
    // 400 negatives: 300 told 0, 100 told 40..139; 600 positives: 500 told 0, 100 told 10..109.
    frequencies.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {"negative", 0L, false, 300L}, schema));
    frequencies.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {"positive", 0L, false, 500L}, schema));
    for (long i = 0; i < 100; i++) {
      frequencies.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {"negative", 40 + i, true, 1L}, schema));
      frequencies.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {"positive", 10 + i, true, 1L}, schema));
    }
    Row survey = new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {null, null},
        new org.apache.spark.sql.types.StructType().add("negative", "double").add("positive", "double"));
    Row first = WordOfMouthTransforms.womMultiplierRow(frequencies, survey, STAMP);
    assertEquals(first, WordOfMouthTransforms.womMultiplierRow(frequencies, survey, STAMP), "identical reruns");
    // told: negative (100·40 + 4950) / 400 = 22.375; positive (100·10 + 4950) / 600 = 9.9167 -> 2.2563.
    double m = first.getAs(WomMultiplierSchema.MULTIPLIER);
    assertEquals(22.375 / (5950.0 / 600), m, 1e-12, "point estimate");
    double low = first.getAs(WomMultiplierSchema.MULTIPLIER_CI_LOW);
    double high = first.getAs(WomMultiplierSchema.MULTIPLIER_CI_HIGH);
    assertTrue(low < m && m < high, "interval around " + m + ": " + low + ".." + high);
  }
}
