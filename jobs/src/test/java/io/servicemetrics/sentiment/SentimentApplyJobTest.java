package io.servicemetrics.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.metrics.PeriodMetricsJob;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.WomMentionsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class SentimentApplyJobTest {
  static final LocalDate PERIOD_END = LocalDate.of(2026, 3, 28);

  @Test
  void relabelsMentionsWithoutVendorSentimentAndRestatesWordOfMouth(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    // The lexicon called the two complaints neutral; the vendor scored v1 positive whatever its text says.
    delta.append(Table.SILVER_MENTIONS, SentimentFixtures.frame(spark, List.of(
        SentimentFixtures.mention("n1", "flight 977 delayed 6 hours and still no bag", null, 0.0, "lexicon", "neutral",
            "2026-03-10T10:00:00Z"),
        SentimentFixtures.mention("n2", "lost my bag on flight 612, 9 calls and nobody answers", null, 0.0, "lexicon",
            "neutral", "2026-03-11T10:00:00Z"),
        SentimentFixtures.mention("p1", "thank you, great crew on flight 733, seat 4 was lovely", null, 0.6, "lexicon",
            "positive", "2026-03-12T10:00:00Z"),
        SentimentFixtures.mention("v1", "flight 5 delayed 2 hours and still no bag", 0.8, 0.8, "vendor", "positive",
            "2026-03-12T11:00:00Z"),
        // After the period: re-labelled in silver, counted in no restated period.
        SentimentFixtures.mention("n3", "waiting on hold for 4 hours, flight 8 cancelled, no refund", null, 0.0,
            "lexicon", "neutral", "2026-03-30T10:00:00Z"))));
    delta.append(Table.GOLD_CONTACT_CHAINS, spark.createDataFrame(List.of(), ContactChainsSchema.SCHEMA));
    PeriodMetricsJob.runWordOfMouth(delta, PERIOD_END, ZoneOffset.UTC, 28);
    Row before = delta.read(Table.GOLD_WOM_MENTIONS).first();
    assertEquals(0L, (long) before.getAs(WomMentionsSchema.N_NEGATIVE), "the lexicon saw no complaint");
    assertEquals(2L, (long) before.getAs(WomMentionsSchema.N_POSITIVE), "p1 and the vendor's v1");
    assertNull(before.getAs(WomMentionsSchema.SENTIMENT_MODEL_ID), "no model yet");
    assertEquals(3L, (long) before.getAs(WomMentionsSchema.N_LEXICON_LABELLED), "n1, n2, p1");

    SentimentModels models = new SentimentModels(delta);
    models.register("m-test", Instant.parse("2026-03-29T00:00:00Z"), "labels.csv", new long[] {30, 30, 30}, 0, 2,
        new SentimentClassifier.Trained(SentimentFixtures.fittedModel(spark), 0.1,
            ClassifierMetrics.of(new long[][] {{30, 0, 0}, {0, 30, 0}, {0, 0, 30}})));
    models.activate("m-test");
    SentimentApplyJob.Result result = SentimentApplyJob.run(delta, ZoneOffset.UTC, 28);

    assertEquals(4, result.relabelled(), "every mention without vendor sentiment changes source");
    assertEquals(List.of(PERIOD_END), result.periodEnds(), "the period end gold held");
    Map<String, Row> silver = delta.read(Table.SILVER_MENTIONS).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(MentionsSchema.MENTION_ID), r -> r));
    assertEquals("negative", silver.get("n1").getAs(MentionsSchema.SENTIMENT_LABEL), "n1");
    assertEquals("negative", silver.get("n3").getAs(MentionsSchema.SENTIMENT_LABEL), "n3");
    assertEquals("positive", silver.get("p1").getAs(MentionsSchema.SENTIMENT_LABEL), "p1");
    assertEquals("model:m-test", silver.get("n1").getAs(MentionsSchema.SENTIMENT_SOURCE), "provenance");
    double score = silver.get("n1").getAs(MentionsSchema.SENTIMENT_SCORE);
    assertTrue(score < 0 && score >= -1, "P(positive) - P(negative) of a complaint: " + score);
    assertEquals("vendor", silver.get("v1").getAs(MentionsSchema.SENTIMENT_SOURCE), "the vendor's score wins");
    assertEquals(0.8, (double) silver.get("v1").getAs(MentionsSchema.SENTIMENT_SCORE), 0.0, "vendor score kept");
    assertEquals(5L, delta.read(Table.SILVER_MENTIONS).count(), "re-labelled in place, no row added");

    Row after = delta.read(Table.GOLD_WOM_MENTIONS).first();
    assertEquals(1L, delta.read(Table.GOLD_WOM_MENTIONS).count(), "the slice replaced");
    assertEquals(2L, (long) after.getAs(WomMentionsSchema.N_NEGATIVE), "n1 and n2; n3 is after the period");
    assertEquals(2L, (long) after.getAs(WomMentionsSchema.N_POSITIVE), "p1 and v1");
    assertEquals("m-test", after.getAs(WomMentionsSchema.SENTIMENT_MODEL_ID), "gold records the model");
    assertEquals(0L, (long) after.getAs(WomMentionsSchema.N_LEXICON_LABELLED), "none left to the lexicon");
    // The model's held-out labels were all right: its errors correct nothing.
    assertEquals(1.0, (double) after.getAs(WomMentionsSchema.SCORER_ACCURACY), 0.0, "scorer_accuracy");
    assertEquals(2.0, (double) after.getAs(WomMentionsSchema.N_NEGATIVE_CORRECTED), 1e-9, "n1 and n2");
    assertEquals(1.0, (double) after.getAs(WomMentionsSchema.INCIDENCE_RATIO_CORRECTED), 1e-9, "2 / (1 + vendor's 1)");

    assertEquals(0, SentimentApplyJob.run(delta, ZoneOffset.UTC, 28).relabelled(), "a second apply changes nothing");

    models.deactivateAll();
    assertEquals(4, SentimentApplyJob.run(delta, ZoneOffset.UTC, 28).relabelled(), "back to the lexicon");
    assertEquals("lexicon", delta.read(Table.SILVER_MENTIONS).where("mention_id = 'n1'").first()
        .getAs(MentionsSchema.SENTIMENT_SOURCE), "lexicon again");
    assertNull(delta.read(Table.GOLD_WOM_MENTIONS).first().getAs(WomMentionsSchema.SENTIMENT_MODEL_ID),
        "restated without the model");
  }
}
