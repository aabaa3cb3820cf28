package io.servicemetrics.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SentimentModelsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentimentTrainJobTest {
  /** Two folds and two strengths: the smallest cross-validation that still chooses. */
  static final SentimentTrainJob.Config FAST =
      new SentimentTrainJob.Config("labels.csv", 2, 7L, List.of(0.01, 0.1));
  static final Instant TRAINED_AT = Instant.parse("2026-03-05T06:00:00Z");

  DeltaIo delta;
  SentimentTrainJob.Result result;

  @BeforeAll
  void trainOnce(SparkSession spark, @TempDir Path tmp) {
    delta = new DeltaIo(spark, new Warehouse(tmp.resolve("wh").toString()));
    // 50 of each kind in silver, all called neutral by the lexicon; 36 of each labelled, plus 2 unknown ids.
    delta.append(Table.SILVER_MENTIONS, SentimentFixtures.frame(spark, SentimentFixtures.mentions(50, "neutral")));
    String csv = SentimentFixtures.labels(36, 36, 36) + "gone1,negative\ngone2,positive\n";
    result = SentimentTrainJob.run(delta, FAST, LabelsFile.parse(csv, "labels.csv"),
        Clock.fixed(TRAINED_AT, ZoneOffset.UTC));
  }

  @Test
  void trainsOnTheLabelsFoundInSilverAndNamesTheUnknownIds() {
    assertArrayEquals(new long[] {36, 36, 36}, result.perClass(), "per-class counts of usable labels");
    assertEquals(2, result.unknownIds(), "labelled ids not in silver");
    assertEquals(List.of("gone1", "gone2"), result.firstUnknownIds(), "unknown ids in file order");
  }

  @Test
  void crossValidatedMetricsCoverEveryHeldOutLabelOnce() {
    ClassifierMetrics m = result.trained().metrics();
    assertEquals(108, m.total(), "each labelled mention predicted once, by the fold model that did not see it");
    for (int t = 0; t < 3; t++) {
      assertEquals(36, java.util.Arrays.stream(m.confusion()[t]).sum(), "row " + t + " sums to the class's labels");
    }
    assertTrue(m.accuracy() >= 0.9, "separable kinds are told apart on held-out folds: " + m.accuracy());
    assertTrue(m.macroF1() >= 0.9, "macro-F1 " + m.macroF1());
    assertTrue(List.of(0.01, 0.1).contains(result.trained().regParam()), "chosen from the grid");
  }

  @Test
  void storesTheModelAndARowThatMakesItActive() {
    Row row = delta.read(Table.META_SENTIMENT_MODELS).collectAsList().get(0);
    assertEquals(result.modelId(), row.getAs(SentimentModelsSchema.MODEL_ID));
    assertTrue(result.modelId().startsWith("20260305T060000Z-"), "id starts with the training time: " + result.modelId());
    assertEquals(108L, (long) row.getAs(SentimentModelsSchema.LABELS), "labels");
    assertEquals(36L, (long) row.getAs(SentimentModelsSchema.N_POSITIVE), "n_positive");
    assertEquals(2L, (long) row.getAs(SentimentModelsSchema.UNKNOWN_IDS), "unknown_ids");
    assertEquals(2, (int) row.getAs(SentimentModelsSchema.FOLDS), "folds");
    assertEquals("labels.csv", row.getAs(SentimentModelsSchema.LABELS_FILE), "labels_file");
    assertEquals(result.trained().metrics().accuracy(), (double) row.getAs(SentimentModelsSchema.ACCURACY), 1e-12);
    assertEquals(3, row.getList(row.fieldIndex(SentimentModelsSchema.CONFUSION)).size(), "3x3 confusion");
    assertTrue((boolean) row.getAs(SentimentModelsSchema.ACTIVE), "the new model is active");
    assertTrue(Files.isDirectory(Path.of(row.<String>getAs(SentimentModelsSchema.MODEL_PATH))), "model folder saved");
    assertTrue(row.<String>getAs(SentimentModelsSchema.MODEL_PATH).endsWith("/models/sentiment/" + result.modelId()));
  }

  @Test
  void theActiveModelLabelsNewTextsOfTheSameKinds(SparkSession spark) {
    SentimentModels.ActiveModel active = new SentimentModels(delta).active().orElseThrow();
    assertEquals(result.modelId(), active.modelId());
    Dataset<Row> fresh = SentimentFixtures.frame(spark, List.of(
        SentimentFixtures.mention("a", "flight 977 delayed 6 hours and still no bag", "neutral"),
        SentimentFixtures.mention("b", "lost my bag on flight 612, 9 calls and nobody answers", "neutral"),
        SentimentFixtures.mention("c", "is flight 845 on time today, leaving from terminal 3?", "neutral"),
        SentimentFixtures.mention("d", "what time does boarding start for flight 301 at gate 7?", "neutral"),
        SentimentFixtures.mention("e", "thank you, great crew on flight 733, seat 4 was lovely", "neutral"),
        SentimentFixtures.mention("f", "love this airline, flight 58 landed early, gate 2 staff amazing", "neutral")));
    Map<String, String> labels = SentimentClassifier.score(fresh, active.model()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(MentionsSchema.MENTION_ID), r -> r.getAs(SentimentClassifier.MODEL_LABEL)));
    assertEquals(Map.of("a", "negative", "b", "negative", "c", "neutral", "d", "neutral", "e", "positive",
        "f", "positive"), labels);
  }

  @Test
  void refusesFewerThanAHundredUsableLabels() {
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class, () -> SentimentTrainJob.run(delta, FAST,
        LabelsFile.parse(SentimentFixtures.labels(33, 33, 33), "few.csv"), Clock.systemUTC()));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("Only 99 usable labels in labels.csv"), e.getMessage());
  }

  @Test
  void refusesAClassWithFewerThanTenLabels() {
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class, () -> SentimentTrainJob.run(delta, FAST,
        LabelsFile.parse(SentimentFixtures.labels(46, 46, 9) + "gone,positive\n", "thin.csv"), Clock.systemUTC()));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("positive 9; each class needs at least 10"), e.getMessage());
  }

  @Test
  void unknownIdsDoNotCountTowardTheMinimum() {
    String csv = SentimentFixtures.labels(33, 33, 33) + "gone1,negative\ngone2,neutral\n";
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> SentimentTrainJob.run(delta, FAST, LabelsFile.parse(csv, "few.csv"), Clock.systemUTC()));
    assertTrue(e.getMessage().contains("Only 99 usable labels in labels.csv (2 labelled id(s) not found in silver mentions"),
        e.getMessage());
  }

  @Test
  void activatingAnUnknownModelIsBadInputAndTheLexiconCanBeSwitchedBack() {
    SentimentModels models = new SentimentModels(delta);
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class, () -> models.activate("nope"));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains(result.modelId()), "names the known models: " + e.getMessage());
    models.deactivateAll();
    assertFalse(models.active().isPresent(), "no model active after --lexicon");
    models.activate(result.modelId());
    assertEquals(result.modelId(), models.active().orElseThrow().modelId(), "switched back");
  }
}
