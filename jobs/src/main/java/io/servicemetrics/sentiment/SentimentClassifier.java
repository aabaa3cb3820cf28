package io.servicemetrics.sentiment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SentimentModelsSchema;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The trained sentiment scorer: a Spark ML pipeline of social-text tokens (words, @mentions,
 * #tags, emoticons, emoji, ! and ?), their unigrams and bigrams, term counts over a vocabulary of
 * terms seen in at least two labelled mentions, weighted by IDF, and a multinomial logistic regression over negative, neutral and positive. Its
 * regularization is chosen by k-fold cross-validation on folds stratified by label with a fixed
 * seed, and its quality is measured on the same folds' held-out predictions. docs/SENTIMENT.md.
 */
public final class SentimentClassifier {
  /** The label as the classifier's numeric class: its index in {@link SentimentModelsSchema#CLASSES}. */
  public static final String LABEL_INDEX = "sm_label_index";
  /** The cross-validation fold of a labelled mention, 0..folds-1. */
  public static final String FOLD = "sm_fold";
  /** Scoring output: the predicted label, and P(positive) − P(negative) in [−1, 1]. */
  public static final String MODEL_LABEL = "sm_model_label";
  public static final String MODEL_SCORE = "sm_model_score";

  static final String TOKENS = "sm_tokens";
  static final String BIGRAMS = "sm_bigrams";
  static final String TERMS = "sm_terms";
  static final String TERM_FREQUENCIES = "sm_tf";
  static final String FEATURES = "sm_features";
  static final String RAW_PREDICTION = "sm_raw_prediction";
  static final String PROBABILITY = "sm_probability";
  static final String PREDICTION = "sm_prediction";

  /**
   * One token per match, on lower-cased text: the redacted handle, @mentions and #tags whole, the
   * heart and the common emoticons (":)", ":-(", ";p", ":/"), words with an inner apostrophe
   * ("didn't"), each ! and ?, and emoji. Punctuation and spaces between them are dropped.
   */
  public static final String TOKEN_PATTERN = "@\\[handle\\]|[@#][\\p{L}\\p{N}_]+|<3|[:;=][-o^']?[)(\\]\\[dp/\\\\|*3]"
      + "|[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?|[!?]|[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]";
  /** A term (unigram or bigram) becomes a feature when at least this many training mentions hold it. */
  public static final double MIN_DOCUMENT_FREQUENCY = 2;
  /** At most this many features, the most frequent terms. */
  public static final int MAX_VOCABULARY = 1 << 16;
  public static final int MAX_ITERATIONS = 100;
  /** L2 strengths tried by cross-validation; small on purpose: each costs one fit per fold. */
  public static final List<Double> DEFAULT_REG_PARAMS = List.of(0.003, 0.03, 0.3);
  public static final int DEFAULT_FOLDS = 5;
  public static final long DEFAULT_SEED = 42L;

  private SentimentClassifier() {}

  /** A trained pipeline, the regularization chosen, and its cross-validated quality. */
  public record Trained(PipelineModel model, double regParam, ClassifierMetrics metrics) {}

  /**
   * Adds {@link #LABEL_INDEX} from the label column and {@link #FOLD}: within each label, mentions
   * ordered by a seeded hash of their id are dealt to the folds in turn, so every fold holds each
   * label in nearly equal shares, whatever the row order.
   */
  public static Dataset<Row> withFolds(Dataset<Row> labelled, String labelColumn, int folds, long seed) {
    Column index = when(col(labelColumn).equalTo(lit(SentimentModelsSchema.CLASSES.get(0))), lit(0.0))
        .when(col(labelColumn).equalTo(lit(SentimentModelsSchema.CLASSES.get(1))), lit(1.0))
        .otherwise(lit(2.0));
    Column rank = row_number().over(Window.partitionBy(col(labelColumn))
        .orderBy(xxhash64(col(MentionsSchema.MENTION_ID), lit(seed)), col(MentionsSchema.MENTION_ID)));
    return labelled.withColumn(LABEL_INDEX, index)
        .withColumn(FOLD, rank.minus(1).mod(lit(folds)).cast("int"));
  }

  /** The untrained pipeline over the {@code text} column. */
  static Pipeline pipeline(LogisticRegression classifier) {
    RegexTokenizer tokenizer = new RegexTokenizer()
        .setInputCol(MentionsSchema.TEXT).setOutputCol(TOKENS)
        .setPattern(TOKEN_PATTERN).setGaps(false).setToLowercase(true).setMinTokenLength(1);
    NGram bigrams = new NGram().setN(2).setInputCol(TOKENS).setOutputCol(BIGRAMS);
    // A pipeline stage (saved with the model) rather than a Column: the model must redo it when it scores.
    SQLTransformer terms = new SQLTransformer().setStatement(
        "SELECT *, concat(" + TOKENS + ", " + BIGRAMS + ") AS " + TERMS + " FROM __THIS__");
    // A vocabulary of the terms in at least two labelled mentions, not hashing: a term seen once cannot
    // generalize, and a few thousand features instead of 2^18 make each optimizer step cheap.
    CountVectorizer tf = new CountVectorizer().setInputCol(TERMS).setOutputCol(TERM_FREQUENCIES)
        .setMinDF(MIN_DOCUMENT_FREQUENCY).setVocabSize(MAX_VOCABULARY);
    IDF idf = new IDF().setInputCol(TERM_FREQUENCIES).setOutputCol(FEATURES);
    return new Pipeline().setStages(new PipelineStage[] {tokenizer, bigrams, terms, tf, idf, classifier});
  }

  static LogisticRegression classifier() {
    return new LogisticRegression()
        .setFamily("multinomial").setElasticNetParam(0.0).setMaxIter(MAX_ITERATIONS)
        .setFeaturesCol(FEATURES).setLabelCol(LABEL_INDEX)
        .setRawPredictionCol(RAW_PREDICTION).setProbabilityCol(PROBABILITY).setPredictionCol(PREDICTION);
  }

  /**
   * Chooses the regularization by cross-validation (weighted F1 on the held-out fold), and
   * returns the pipeline refit on every labelled mention with the confusion matrix of the chosen
   * setting's held-out predictions.
   *
   * @param folded labelled mentions with {@code text}, {@link #LABEL_INDEX} and {@link #FOLD}
   *     ({@link #withFolds}); read several times, so cache it
   */
  public static Trained train(Dataset<Row> folded, int folds, long seed, List<Double> regParams) {
    LogisticRegression classifier = classifier();
    ParamMap[] grid = new ParamGridBuilder()
        .addGrid(classifier.regParam(), regParams.stream().mapToDouble(Double::doubleValue).toArray())
        .build();
    MulticlassClassificationEvaluator evaluator = new MulticlassClassificationEvaluator()
        .setLabelCol(LABEL_INDEX).setPredictionCol(PREDICTION).setMetricName("f1");
    CrossValidator cv = new CrossValidator()
        .setEstimator(pipeline(classifier)).setEstimatorParamMaps(grid).setEvaluator(evaluator)
        .setNumFolds(folds).setFoldCol(FOLD).setSeed(seed)
        // The held-out predictions of the chosen setting come from these fold models: no refit.
        .setCollectSubModels(true).setParallelism(1);
    CrossValidatorModel fitted = cv.fit(folded);
    double[] avg = fitted.avgMetrics();
    int best = 0;
    for (int i = 1; i < avg.length; i++) {
      if (avg[i] > avg[best]) {
        best = i;
      }
    }
    long[][] confusion = new long[SentimentModelsSchema.CLASSES.size()][SentimentModelsSchema.CLASSES.size()];
    for (int fold = 0; fold < folds; fold++) {
      PipelineModel foldModel = (PipelineModel) fitted.subModels()[fold][best];
      Dataset<Row> heldOut = foldModel.transform(folded.where(col(FOLD).equalTo(lit(fold))));
      for (Row r : heldOut.groupBy(col(LABEL_INDEX), col(PREDICTION)).count().collectAsList()) {
        confusion[(int) r.getDouble(0)][(int) r.getDouble(1)] += r.getLong(2);
      }
    }
    return new Trained((PipelineModel) fitted.bestModel(), regParams.get(best), ClassifierMetrics.of(confusion));
  }

  /**
   * Adds {@link #MODEL_LABEL} and {@link #MODEL_SCORE} to mentions with a {@code text} column;
   * keeps every input column and drops the pipeline's working columns.
   */
  public static Dataset<Row> score(Dataset<Row> mentions, PipelineModel model) {
    Column probabilities = org.apache.spark.ml.functions.vector_to_array(col(PROBABILITY), "float64");
    Column label = when(col(PREDICTION).equalTo(lit(0.0)), lit(SentimentModelsSchema.CLASSES.get(0)))
        .when(col(PREDICTION).equalTo(lit(1.0)), lit(SentimentModelsSchema.CLASSES.get(1)))
        .otherwise(lit(SentimentModelsSchema.CLASSES.get(2)));
    Column[] keep = java.util.Arrays.stream(mentions.columns()).map(c -> col(c)).toArray(Column[]::new);
    Column[] out = java.util.Arrays.copyOf(keep, keep.length + 2);
    out[keep.length] = label.as(MODEL_LABEL);
    out[keep.length + 1] = probabilities.getItem(2).minus(probabilities.getItem(0)).as(MODEL_SCORE);
    return model.transform(mentions).select(out);
  }
}
