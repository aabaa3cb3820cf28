package io.servicemetrics.sentiment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.servicemetrics.io.CsvCells;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.schema.SentimentModelsSchema;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code sentiment sample}: silver mentions for people to label, stratified by their current
 * label: the sample is shared equally among negative, neutral and positive (a label with too few
 * mentions gives its unused share to the others), so the rarer labels are represented well enough
 * to train on. Which mentions are drawn depends only on the seed and the mention ids.
 */
public final class SentimentSampleJob {
  /** The sample file's columns; people fill in {@link LabelsFile#LABEL}. */
  public static final List<String> COLUMNS = List.of(MentionsSchema.MENTION_ID, MentionsSchema.PLATFORM,
      MentionsSchema.POSTED_AT, MentionsSchema.TEXT, "current_label", LabelsFile.LABEL);
  private static final String DRAW = "sample_draw";

  private SentimentSampleJob() {}

  /**
   * Shares {@code n} among the classes as equally as possible within what each has: rounds of
   * equal shares (the remainder to the first classes in order) until {@code n} is given out or
   * every class is exhausted.
   */
  static long[] quotas(long[] available, long n) {
    long[] quota = new long[available.length];
    long left = Math.min(n, java.util.Arrays.stream(available).sum());
    while (left > 0) {
      List<Integer> open = new ArrayList<>();
      for (int c = 0; c < available.length; c++) {
        if (quota[c] < available[c]) {
          open.add(c);
        }
      }
      long share = left / open.size();
      long extra = left % open.size();
      for (int i = 0; i < open.size(); i++) {
        int c = open.get(i);
        long give = Math.min(available[c] - quota[c], share + (i < extra ? 1 : 0));
        quota[c] += give;
        left -= give;
      }
    }
    return quota;
  }

  /**
   * The sampled mentions, in {@link #COLUMNS} (label empty), ordered by current label and draw.
   *
   * @param quota per class in {@link SentimentModelsSchema#CLASSES} order
   */
  public static Dataset<Row> stratified(Dataset<Row> mentions, long[] quota, long seed) {
    Column draw = row_number().over(Window.partitionBy(col(MentionsSchema.SENTIMENT_LABEL))
        .orderBy(xxhash64(col(MentionsSchema.MENTION_ID), lit(seed)), col(MentionsSchema.MENTION_ID)));
    Column limit = lit(0L);
    for (int c = SentimentModelsSchema.CLASSES.size() - 1; c >= 0; c--) {
      limit = when(col(MentionsSchema.SENTIMENT_LABEL).equalTo(lit(SentimentModelsSchema.CLASSES.get(c))),
          lit(quota[c])).otherwise(limit);
    }
    return mentions.withColumn(DRAW, draw)
        .where(col(DRAW).leq(limit))
        .orderBy(col(MentionsSchema.SENTIMENT_LABEL), col(DRAW))
        .select(col(MentionsSchema.MENTION_ID), col(MentionsSchema.PLATFORM), col(MentionsSchema.POSTED_AT),
            col(MentionsSchema.TEXT), col(MentionsSchema.SENTIMENT_LABEL).as("current_label"),
            lit("").as(LabelsFile.LABEL));
  }

  /**
   * The sample as CSV text (header and one line per mention), drawn from silver mentions posted on
   * UTC dates {@code from}..{@code to} (either may be null: unbounded).
   */
  public static String run(DeltaIo delta, LocalDate from, LocalDate to, long n, long seed) {
    Dataset<Row> mentions = delta.read(Table.SILVER_MENTIONS);
    if (from != null) {
      mentions = mentions.where(col(Provenance.EVENT_DATE).geq(lit(Date.valueOf(from))));
    }
    if (to != null) {
      mentions = mentions.where(col(Provenance.EVENT_DATE).leq(lit(Date.valueOf(to))));
    }
    long[] available = new long[SentimentModelsSchema.CLASSES.size()];
    for (Row r : mentions.groupBy(MentionsSchema.SENTIMENT_LABEL).count().collectAsList()) {
      int c = SentimentModelsSchema.CLASSES.indexOf(r.getString(0));
      if (c >= 0) {
        available[c] = r.getLong(1);
      }
    }
    StringBuilder csv = new StringBuilder(CsvCells.line(COLUMNS)).append('\n');
    // Bounded by n, which the user chose as a number of mentions people will read.
    for (Row r : stratified(mentions, quotas(available, n), seed).collectAsList()) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        cells.add(v instanceof Timestamp t ? t.toInstant().toString() : v);
      }
      csv.append(CsvCells.line(cells)).append('\n');
    }
    return csv.toString();
  }
}
