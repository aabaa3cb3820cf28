package io.servicemetrics.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.ingest.IngestJob;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class IngestWithSentimentModelTest {
  @Test
  void theActiveModelLabelsIngestedMentionsWithoutVendorSentiment(SparkSession spark, @TempDir Path tmp)
      throws Exception {
    LocalDate day = LocalDate.parse("2026-03-02");
    Path mentions = tmp.resolve("landing/mentions/date=" + day);
    Files.createDirectories(mentions);
    Files.writeString(mentions.resolve("m.jsonl"), String.join("\n",
        "{\"mention_id\":\"m1\",\"platform\":\"x\",\"author_handle\":\"@a\",\"author_followers\":10,"
            + "\"posted_at\":\"2026-03-02T10:00:00Z\",\"fetched_at\":\"2026-03-02T11:00:00Z\","
            + "\"text\":\"flight 414 delayed 5 hours and still no bag\"}",
        "{\"mention_id\":\"m2\",\"platform\":\"x\",\"author_handle\":\"@b\",\"author_followers\":10,"
            + "\"posted_at\":\"2026-03-02T10:00:00Z\",\"fetched_at\":\"2026-03-02T11:00:00Z\","
            + "\"text\":\"flight 415 delayed 5 hours and still no bag\",\"sentiment\":0.4}") + "\n");
    DeltaIo delta = new DeltaIo(spark, new Warehouse(tmp.resolve("wh").toString()));
    SentimentModels models = new SentimentModels(delta);
    models.register("m-ingest", Instant.parse("2026-03-01T00:00:00Z"), "labels.csv", new long[] {30, 30, 30}, 0, 2,
        new SentimentClassifier.Trained(SentimentFixtures.fittedModel(spark), 0.1,
            ClassifierMetrics.of(new long[][] {{30, 0, 0}, {0, 30, 0}, {0, 0, 30}})));
    models.activate("m-ingest");

    IngestConfig config = IngestConfig.forDay(day, tmp.resolve("landing").toString(), delta.warehouse(),
        ZoneId.of("UTC"), PiiKey.demo());
    new IngestJob(delta, config, new RunLog(delta, "test", Clock.systemUTC())).run();

    Map<String, Row> silver = delta.read(Table.SILVER_MENTIONS).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(MentionsSchema.MENTION_ID), r -> r));
    assertEquals("model:m-ingest", silver.get("m1").getAs(MentionsSchema.SENTIMENT_SOURCE), "scored by the model");
    assertEquals("negative", silver.get("m1").getAs(MentionsSchema.SENTIMENT_LABEL), "a complaint");
    assertEquals("vendor", silver.get("m2").getAs(MentionsSchema.SENTIMENT_SOURCE), "the vendor's score wins");
    assertEquals("positive", silver.get("m2").getAs(MentionsSchema.SENTIMENT_LABEL), "0.4 from the vendor");
  }
}
