package io.servicemetrics.sentiment;

import io.servicemetrics.schema.MentionsSchema;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Literal silver mentions of three separable kinds, and labels for them. */
final class SentimentFixtures {
  static final String[] NEGATIVE = {
    "flight %d delayed %d hours and still no bag",
    "waiting on hold for %d hours, flight %d cancelled, no refund",
    "lost my bag on flight %d, %d calls and nobody answers",
  };
  static final String[] NEUTRAL = {
    "what time does boarding start for flight %d at gate %d?",
    "is flight %d on time today, leaving from terminal %d?",
    "can I bring a second bag on flight %d, seat %d?",
  };
  static final String[] POSITIVE = {
    "thank you, great crew on flight %d, seat %d was lovely",
    "thanks for the quick help with booking %d, row %d was perfect :)",
    "love this airline, flight %d landed early, gate %d staff amazing",
  };

  private SentimentFixtures() {}

  /** {@code perKind} mentions of each kind, ids n1.., u1.., p1.., with the lexicon's label set as given. */
  static List<Row> mentions(int perKind, String currentLabel) {
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= perKind; i++) {
      rows.add(mention("n" + i, text(NEGATIVE, i), currentLabel));
      rows.add(mention("u" + i, text(NEUTRAL, i), currentLabel));
      rows.add(mention("p" + i, text(POSITIVE, i), currentLabel));
    }
    return rows;
  }

  static String text(String[] templates, int i) {
    return String.format(templates[i % templates.length], 100 + i, 2 + i % 9);
  }

  /** Labels CSV text for the first {@code perKind} of each kind. */
  static String labels(int negative, int neutral, int positive) {
    StringBuilder csv = new StringBuilder("mention_id,label\n");
    for (int i = 1; i <= Math.max(negative, Math.max(neutral, positive)); i++) {
      if (i <= negative) {
        csv.append("n").append(i).append(",negative\n");
      }
      if (i <= neutral) {
        csv.append("u").append(i).append(",neutral\n");
      }
      if (i <= positive) {
        csv.append("p").append(i).append(",positive\n");
      }
    }
    return csv.toString();
  }

  static Row mention(String id, String text, String label) {
    return mention(id, text, null, label.equals("negative") ? -0.5 : label.equals("positive") ? 0.5 : 0.0,
        SentimentLabel.SOURCE_LEXICON, label, "2026-03-02T10:00:00Z");
  }

  static Row mention(String id, String text, Double vendor, double score, String source, String label, String postedAt) {
    Instant posted = Instant.parse(postedAt);
    Date day = Date.valueOf(posted.toString().substring(0, 10));
    return RowFactory.create(id, "x", "author-" + id, 100L, Timestamp.from(posted), Timestamp.from(posted), text,
        0L, 0L, 0L, null, vendor, null, score, source, label, day, day, "mentions.jsonl", 1L, "run-1", "canonical");
  }

  private static org.apache.spark.ml.PipelineModel fitted;

  /**
   * A pipeline fitted once per test JVM on 30 mentions of each kind, without cross-validation:
   * for tests of what a model does, not of how it is chosen.
   */
  static synchronized org.apache.spark.ml.PipelineModel fittedModel(SparkSession spark) {
    if (fitted == null) {
      Dataset<Row> labelled = frame(spark, mentions(30, "neutral")).withColumn("label",
          org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col("mention_id").startsWith("n"), "negative")
              .when(org.apache.spark.sql.functions.col("mention_id").startsWith("u"), "neutral")
              .otherwise("positive"));
      fitted = SentimentClassifier.pipeline(SentimentClassifier.classifier().setRegParam(0.1))
          .fit(SentimentClassifier.withFolds(labelled, "label", 2, 1L));
    }
    return fitted;
  }

  static Dataset<Row> frame(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, MentionsSchema.SILVER);
  }
}
