package io.servicemetrics.sentiment;

import static org.apache.spark.sql.functions.col;

import io.servicemetrics.ingest.Source;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.metrics.PeriodMetricsJob;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.schema.WomMentionsSchema;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sentiment apply}: labels the silver mentions without vendor sentiment again with the
 * active model (the lexicon when none is active), writes back only the mentions whose label,
 * score or source changed, and restates wom_mentions and wom_multiplier for every period end
 * gold already holds, so gold and silver agree on who labelled what.
 */
public final class SentimentApplyJob {
  private static final Logger LOG = LoggerFactory.getLogger(SentimentApplyJob.class);

  /** Mentions re-labelled, and the period ends restated. */
  public record Result(Optional<String> modelId, long relabelled, List<LocalDate> periodEnds) {}

  private SentimentApplyJob() {}

  /**
   * @param zone and {@code periodDays}: those of the nightly metrics runs whose period tables are restated
   */
  public static Result run(DeltaIo delta, ZoneId zone, int periodDays) {
    var spark = delta.spark();
    Optional<SentimentModels.ActiveModel> active = new SentimentModels(delta).active();
    spark.sparkContext().setJobGroup("sentiment-apply", "sentiment apply with "
        + active.map(SentimentModels.ActiveModel::source).orElse(SentimentLabel.SOURCE_LEXICON), false);
    long relabelled;
    try {
      Dataset<Row> changed = SentimentRescoring.changed(delta.read(Table.SILVER_MENTIONS), active)
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        relabelled = changed.count();
        if (relabelled > 0) {
          delta.upsert(Table.SILVER_MENTIONS, changed, sameMention(), Provenance.EVENT_DATE);
        }
      } finally {
        changed.unpersist();
      }
    } finally {
      spark.sparkContext().clearJobGroup();
    }
    List<LocalDate> periodEnds = delta.exists(Table.GOLD_WOM_MENTIONS)
        ? delta.read(Table.GOLD_WOM_MENTIONS).select(col(WomMentionsSchema.PERIOD_END)).distinct()
            .orderBy(col(GoldColumns.PERIOD_END)).as(Encoders.DATE()).collectAsList().stream()
            .map(java.sql.Date::toLocalDate).toList()
        : List.of();
    for (LocalDate end : periodEnds) {
      PeriodMetricsJob.runWordOfMouth(delta, end, zone, periodDays);
    }
    LOG.info("sentiment apply: {} mention(s) labelled again by {}; word of mouth restated for {} period end(s)",
        relabelled, active.map(SentimentModels.ActiveModel::source).orElse(SentimentLabel.SOURCE_LEXICON),
        periodEnds.size());
    return new Result(active.map(SentimentModels.ActiveModel::modelId), relabelled, periodEnds);
  }

  /** Silver's key, and the same partition: a re-labelled mention keeps its event date. */
  private static Column sameMention() {
    Column on = col("t." + Provenance.EVENT_DATE).equalTo(col("s." + Provenance.EVENT_DATE));
    for (String k : Source.MENTIONS.keyColumns()) {
      on = on.and(col("t." + k).equalTo(col("s." + k)));
    }
    return on;
  }
}
