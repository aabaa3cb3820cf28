package io.servicemetrics.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SentimentSampleJobTest {
  @Test
  void sharesTheSampleEquallyAndPassesAShortClassShareOn() {
    assertArrayEquals(new long[] {4, 3, 3}, SentimentSampleJob.quotas(new long[] {100, 100, 100}, 10), "remainder first");
    assertArrayEquals(new long[] {5, 2, 5}, SentimentSampleJob.quotas(new long[] {100, 2, 100}, 12), "neutral has 2");
    assertArrayEquals(new long[] {3, 2, 1}, SentimentSampleJob.quotas(new long[] {3, 2, 1}, 50), "all there is");
    assertArrayEquals(new long[] {0, 0, 0}, SentimentSampleJob.quotas(new long[] {0, 0, 0}, 5), "nothing to draw");
  }

  @Test
  void drawsTheQuotaOfEachCurrentLabelTheSameWayForTheSameSeed(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rows.add(SentimentFixtures.mention("n" + i, "late " + i, "negative"));
      rows.add(SentimentFixtures.mention("p" + i, "thanks " + i, "positive"));
    }
    rows.add(SentimentFixtures.mention("u0", "hello", "neutral"));
    var mentions = SentimentFixtures.frame(spark, rows);
    List<Row> first = SentimentSampleJob.stratified(mentions, new long[] {2, 1, 3}, 5L).collectAsList();
    List<Row> again = SentimentSampleJob.stratified(mentions, new long[] {2, 1, 3}, 5L).collectAsList();
    assertEquals(first, again, "the same seed draws the same mentions");
    assertEquals(List.of("negative", "negative", "neutral", "positive", "positive", "positive"),
        first.stream().map(r -> r.<String>getAs("current_label")).toList(), "2 negative, 1 neutral, 3 positive");
    assertEquals(SentimentSampleJob.COLUMNS, List.of(SentimentSampleJob.stratified(mentions, new long[] {1, 1, 1}, 5L)
        .columns()), "the sample file's columns");
    assertEquals("", first.get(0).getAs("label"), "label left for people");
    assertEquals("hello", first.get(2).getAs(MentionsSchema.TEXT));
  }
}
