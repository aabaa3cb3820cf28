package io.servicemetrics.sentiment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.schema.MentionsSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Silver mentions scored again: those without vendor sentiment get the active model's label and
 * score (or the lexicon's when no model is active); a vendor score always wins and is kept as it
 * is. Columns and their order are kept, so the result is still silver.
 */
public final class SentimentRescoring {
  private static final String PREVIOUS = "previous_";

  private SentimentRescoring() {}

  /** Mentions without vendor sentiment labelled by the model, {@code sentiment_source = model:<id>}. */
  public static Dataset<Row> withModel(Dataset<Row> mentions, PipelineModel model, String modelId) {
    Dataset<Row> scored = SentimentClassifier.score(mentions, model);
    return replaced(scored, mentions.columns(), col(SentimentClassifier.MODEL_SCORE),
        lit(SentimentModels.SOURCE_MODEL_PREFIX + modelId), col(SentimentClassifier.MODEL_LABEL));
  }

  /** Mentions without vendor sentiment scored by {@link LexiconSentimentScorer}, as ingest does without a model. */
  public static Dataset<Row> withLexicon(Dataset<Row> mentions) {
    LexiconSentimentScorer scorer = LexiconSentimentScorer.standard();
    UserDefinedFunction lexicon = udf((UDF1<String, Double>) scorer::score, DataTypes.DoubleType);
    Column score = lexicon.apply(col(MentionsSchema.TEXT));
    Column label = when(score.leq(lit(SentimentLabel.NEGATIVE_AT_OR_BELOW)), lit(SentimentLabel.NEGATIVE.value()))
        .when(score.geq(lit(SentimentLabel.POSITIVE_AT_OR_ABOVE)), lit(SentimentLabel.POSITIVE.value()))
        .otherwise(lit(SentimentLabel.NEUTRAL.value()));
    return replaced(mentions, mentions.columns(), score, lit(SentimentLabel.SOURCE_LEXICON), label);
  }

  /** With the active model when there is one, else with the lexicon. */
  public static Dataset<Row> rescore(Dataset<Row> mentions, Optional<SentimentModels.ActiveModel> active) {
    return active.map(m -> withModel(mentions, m.model(), m.modelId())).orElseGet(() -> withLexicon(mentions));
  }

  /**
   * Only the mentions whose score, source or label {@link #rescore} changes, rescored: what a
   * re-labelling must write back to silver.
   */
  public static Dataset<Row> changed(Dataset<Row> mentions, Optional<SentimentModels.ActiveModel> active) {
    String[] columns = mentions.columns();
    Dataset<Row> withPrevious = mentions.where(col(MentionsSchema.SENTIMENT).isNull())
        .withColumn(PREVIOUS + MentionsSchema.SENTIMENT_SCORE, col(MentionsSchema.SENTIMENT_SCORE))
        .withColumn(PREVIOUS + MentionsSchema.SENTIMENT_SOURCE, col(MentionsSchema.SENTIMENT_SOURCE))
        .withColumn(PREVIOUS + MentionsSchema.SENTIMENT_LABEL, col(MentionsSchema.SENTIMENT_LABEL));
    Column differs = lit(false);
    for (String c : List.of(MentionsSchema.SENTIMENT_SCORE, MentionsSchema.SENTIMENT_SOURCE, MentionsSchema.SENTIMENT_LABEL)) {
      differs = differs.or(not(col(c).eqNullSafe(col(PREVIOUS + c))));
    }
    return rescore(withPrevious, active).where(differs)
        .select(java.util.Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new));
  }

  private static Column not(Column c) {
    return org.apache.spark.sql.functions.not(c);
  }

  /** The input columns in order, score, source and label replaced where the vendor gave no sentiment. */
  private static Dataset<Row> replaced(Dataset<Row> rows, String[] columns, Column score, Column source, Column label) {
    Column noVendor = col(MentionsSchema.SENTIMENT).isNull();
    List<Column> out = new ArrayList<>();
    for (String c : columns) {
      Column replacement = switch (c) {
        case MentionsSchema.SENTIMENT_SCORE -> score;
        case MentionsSchema.SENTIMENT_SOURCE -> source;
        case MentionsSchema.SENTIMENT_LABEL -> label;
        default -> null;
      };
      out.add(replacement == null ? col(c) : when(noVendor, replacement).otherwise(col(c)).as(c));
    }
    return rows.select(out.toArray(Column[]::new));
  }
}
