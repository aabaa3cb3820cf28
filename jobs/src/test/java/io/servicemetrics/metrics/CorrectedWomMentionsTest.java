package io.servicemetrics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.WomMentionsSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** wom_mentions' counts corrected for the model's errors, on literal frequency tables (no Spark job). */
class CorrectedWomMentionsTest {
  static final GoldStamp STAMP = new GoldStamp(LocalDate.of(2026, 3, 28), Instant.parse("2026-03-29T00:00:00Z"), "1");
  static final StructType FREQUENCY = new StructType().add(MentionsSchema.SENTIMENT_LABEL, "string")
      .add(WordOfMouthTransforms.REACH, "long").add(WordOfMouthTransforms.ITEMS, "long");
  static final StructType SOURCE = new StructType().add(MentionsSchema.SENTIMENT_SOURCE, "string")
      .add(MentionsSchema.SENTIMENT_LABEL, "string").add(WordOfMouthTransforms.ITEMS, "long");
  static final long[][] CONFUSION = {{8, 2, 0}, {1, 8, 1}, {0, 2, 8}};

  static Row row(StructType schema, Object... values) {
    return new GenericRowWithSchema(values, schema);
  }

  @Test
  void modelLabelledCountsAreCorrectedAndTheVendorsAdded() {
    // The model labelled 43 negative, 38 neutral, 19 positive; the vendor 7 negative and 1 positive.
    List<Row> frequencies = List.of(row(FREQUENCY, "negative", 10L, 50L), row(FREQUENCY, "neutral", 10L, 38L),
        row(FREQUENCY, "positive", 10L, 20L));
    List<Row> sources = List.of(row(SOURCE, "model:m1", "negative", 43L), row(SOURCE, "model:m1", "neutral", 38L),
        row(SOURCE, "model:m1", "positive", 19L), row(SOURCE, "vendor", "negative", 7L),
        row(SOURCE, "vendor", "positive", 1L));
    Row gold = WordOfMouthTransforms.womMentionsRow(frequencies, sources, List.of(), Map.of("m1", CONFUSION), STAMP);
    assertEquals(50L, (long) gold.getAs(WomMentionsSchema.N_NEGATIVE), "raw");
    assertEquals(20L, (long) gold.getAs(WomMentionsSchema.N_POSITIVE), "raw");
    assertEquals("m1", gold.getAs(WomMentionsSchema.SENTIMENT_MODEL_ID));
    assertEquals(0.8, (double) gold.getAs(WomMentionsSchema.SCORER_ACCURACY), 1e-12, "24 of 30 held-out labels");
    assertEquals(30L, (long) gold.getAs(WomMentionsSchema.SCORER_LABELS), "the confusion matrix's 30 labels");
    assertEquals(57.0, (double) gold.getAs(WomMentionsSchema.N_NEGATIVE_CORRECTED), 1e-9, "50 true + 7 vendor");
    assertEquals(21.0, (double) gold.getAs(WomMentionsSchema.N_POSITIVE_CORRECTED), 1e-9, "20 true + 1 vendor");
    double ratio = gold.getAs(WomMentionsSchema.INCIDENCE_RATIO_CORRECTED);
    assertEquals(57.0 / 21.0, ratio, 1e-9);
    double low = gold.getAs(WomMentionsSchema.INCIDENCE_CORRECTED_CI_LOW);
    double high = gold.getAs(WomMentionsSchema.INCIDENCE_CORRECTED_CI_HIGH);
    assertTrue(low < ratio && ratio < high, low + " < " + ratio + " < " + high);
  }

  @Test
  void reshareRatioComparesMeanResharesOfNegativeAndPositiveMentions() {
    List<Row> frequencies = List.of(row(FREQUENCY, "negative", 10L, 4L), row(FREQUENCY, "positive", 10L, 2L));
    // Negative: 20 mentions reshared 4 times, 20 never (mean 2); positive: 20 reshared once (mean 1).
    // (With a handful of mentions, too many resamples would hold no positive one and the interval is withheld.)
    List<Row> reshares = List.of(row(FREQUENCY, "negative", 4L, 20L), row(FREQUENCY, "negative", 0L, 20L),
        row(FREQUENCY, "positive", 1L, 20L));
    Row gold = WordOfMouthTransforms.womMentionsRow(frequencies, List.of(), reshares, Map.of(), STAMP);
    assertEquals(2.0, (double) gold.getAs(WomMentionsSchema.RESHARE_RATIO), 1e-12, "2 / 1");
    double low = gold.getAs(WomMentionsSchema.RESHARE_CI_LOW);
    double high = gold.getAs(WomMentionsSchema.RESHARE_CI_HIGH);
    assertTrue(low <= 2.0 && 2.0 <= high, low + " .. " + high);

    Row never = WordOfMouthTransforms.womMentionsRow(frequencies, List.of(),
        List.of(row(FREQUENCY, "negative", 3L, 4L), row(FREQUENCY, "positive", 0L, 2L)), Map.of(), STAMP);
    assertNull(never.getAs(WomMentionsSchema.RESHARE_RATIO), "3 / 0 is not reported");
    assertTrue(never.<String>getAs(WomMentionsSchema.NOTE).contains(
        "reshare_ratio: undefined: positive mentions were never reshared"), never.<String>getAs(WomMentionsSchema.NOTE));
  }

  @Test
  void twoModelsInOnePeriodAreNotCorrectedAndTheNoteSaysWhy() {
    List<Row> frequencies = List.of(row(FREQUENCY, "negative", 10L, 3L), row(FREQUENCY, "positive", 10L, 2L));
    List<Row> sources = List.of(row(SOURCE, "model:m1", "negative", 3L), row(SOURCE, "model:m2", "positive", 2L));
    Row gold = WordOfMouthTransforms.womMentionsRow(frequencies, sources, List.of(),
        Map.of("m1", CONFUSION, "m2", CONFUSION), STAMP);
    assertEquals("m1,m2", gold.getAs(WomMentionsSchema.SENTIMENT_MODEL_ID));
    assertNull(gold.getAs(WomMentionsSchema.INCIDENCE_RATIO_CORRECTED));
    assertTrue(gold.<String>getAs(WomMentionsSchema.NOTE).contains(
        "incidence_ratio_corrected: not computed: the period's mentions were labelled by 2 models"),
        gold.<String>getAs(WomMentionsSchema.NOTE));
  }

  @Test
  void withoutAModelNothingIsCorrected() {
    List<Row> frequencies = List.of(row(FREQUENCY, "negative", 10L, 3L), row(FREQUENCY, "positive", 10L, 2L));
    List<Row> sources = List.of(row(SOURCE, "lexicon", "negative", 3L), row(SOURCE, "vendor", "positive", 2L));
    Row gold = WordOfMouthTransforms.womMentionsRow(frequencies, sources, List.of(), Map.of("m1", CONFUSION), STAMP);
    assertNull(gold.getAs(WomMentionsSchema.SENTIMENT_MODEL_ID));
    assertEquals(3L, (long) gold.getAs(WomMentionsSchema.N_LEXICON_LABELLED), "the lexicon's three");
    assertNull(gold.getAs(WomMentionsSchema.INCIDENCE_RATIO_CORRECTED), "no model, no correction");
    assertNull(gold.getAs(WomMentionsSchema.SCORER_ACCURACY));
    assertNull(gold.getAs(WomMentionsSchema.SCORER_LABELS));
  }
}
