package io.servicemetrics.sentiment;

import static org.apache.spark.sql.functions.col;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SentimentModelsSchema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sentiment train}: the labelled mentions' texts from silver, a classifier chosen and
 * measured by cross-validation ({@link SentimentClassifier}), stored under the warehouse and made
 * the active model. Refuses (exit 2) fewer than {@link #MIN_LABELS} usable labels or a class with
 * fewer than {@link #MIN_PER_CLASS}; labelled ids not in silver are counted, named (the first
 * {@link #UNKNOWN_IDS_NAMED}) and left out.
 */
public final class SentimentTrainJob {
  private static final Logger LOG = LoggerFactory.getLogger(SentimentTrainJob.class);
  public static final int MIN_LABELS = 100;
  public static final int MIN_PER_CLASS = 10;
  public static final int MAX_FOLDS = 10;
  static final int UNKNOWN_IDS_NAMED = 10;
  private static final String LINE = "label_line";

  /**
   * @param labelsPath the labels file as the user named it (recorded with the model)
   * @param folds cross-validation folds, 2..{@link #MAX_FOLDS}
   * @param regParams regularization strengths cross-validation chooses from
   */
  public record Config(String labelsPath, int folds, long seed, List<Double> regParams) {
    public Config {
      if (folds < 2 || folds > MAX_FOLDS) {
        throw Errors.badArgument("--folds " + folds + " is out of range",
            "Cross-validation needs at least 2 folds, and more than " + MAX_FOLDS
                + " leaves a class of " + MIN_PER_CLASS + " labels out of some folds",
            "Pass --folds between 2 and " + MAX_FOLDS + " (default " + SentimentClassifier.DEFAULT_FOLDS + ")");
      }
      if (regParams.isEmpty()) {
        throw new IllegalArgumentException("regParams must not be empty");
      }
      regParams = List.copyOf(regParams);
    }

    public static Config defaults(String labelsPath) {
      return new Config(labelsPath, SentimentClassifier.DEFAULT_FOLDS, SentimentClassifier.DEFAULT_SEED,
          SentimentClassifier.DEFAULT_REG_PARAMS);
    }
  }

  /** What was trained on, and the model. */
  public record Result(String modelId, long[] perClass, long unknownIds, List<String> firstUnknownIds,
      SentimentClassifier.Trained trained) {}

  private SentimentTrainJob() {}

  public static Result run(DeltaIo delta, Config config, LabelsFile labels, Clock clock) {
    var spark = delta.spark();
    spark.sparkContext().setJobGroup("sentiment-train", "sentiment train " + config.labelsPath(), false);
    try {
      Dataset<Row> texts = delta.read(Table.SILVER_MENTIONS)
          .select(col(MentionsSchema.MENTION_ID), col(MentionsSchema.TEXT))
          .dropDuplicates(MentionsSchema.MENTION_ID);
      Dataset<Row> given = labelsFrame(delta, labels);
      Dataset<Row> unknown = given.join(texts, given.col(MentionsSchema.MENTION_ID).equalTo(texts.col(MentionsSchema.MENTION_ID)), "left_anti");
      long unknownCount = unknown.count();
      List<String> firstUnknown = unknown.orderBy(col(LINE)).limit(UNKNOWN_IDS_NAMED)
          .select(MentionsSchema.MENTION_ID).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      if (unknownCount > 0) {
        LOG.warn("sentiment train: {} labelled mention id(s) are not in silver mentions and are left out: {}{}",
            unknownCount, firstUnknown, unknownCount > firstUnknown.size() ? " ..." : "");
      }
      Dataset<Row> labelled = given.join(texts, MentionsSchema.MENTION_ID)
          .select(col(MentionsSchema.MENTION_ID), col(MentionsSchema.TEXT), col(LabelsFile.LABEL));
      long[] perClass = new long[SentimentModelsSchema.CLASSES.size()];
      for (Row r : labelled.groupBy(LabelsFile.LABEL).count().collectAsList()) {
        perClass[SentimentModelsSchema.CLASSES.indexOf(r.getString(0))] = r.getLong(1);
      }
      requireEnough(config.labelsPath(), perClass, unknownCount, labels.unlabelled());

      Dataset<Row> folded = SentimentClassifier.withFolds(labelled, LabelsFile.LABEL, config.folds(), config.seed())
          .persist(StorageLevel.MEMORY_AND_DISK());
      SentimentClassifier.Trained trained;
      try {
        trained = SentimentClassifier.train(folded, config.folds(), config.seed(), config.regParams());
      } finally {
        folded.unpersist();
      }
      Instant trainedAt = clock.instant();
      String modelId = SentimentModels.newModelId(trainedAt);
      SentimentModels models = new SentimentModels(delta);
      models.register(modelId, trainedAt, config.labelsPath(), perClass, unknownCount, config.folds(), trained);
      models.activate(modelId);
      ClassifierMetrics m = trained.metrics();
      LOG.info("sentiment model {} (active): {} labels (negative {}, neutral {}, positive {}), {}-fold accuracy {},"
              + " macro-F1 {}, regParam {}", modelId, m.total(), perClass[0], perClass[1], perClass[2], config.folds(),
          String.format(Locale.ROOT, "%.3f", m.accuracy()), String.format(Locale.ROOT, "%.3f", m.macroF1()),
          trained.regParam());
      return new Result(modelId, perClass, unknownCount, firstUnknown, trained);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Refuses too few usable labels in all or in one class; says what was left out and why. */
  static void requireEnough(String path, long[] perClass, long unknownIds, long unlabelled) {
    long usable = java.util.Arrays.stream(perClass).sum();
    String leftOut = " (" + unknownIds + " labelled id(s) not found in silver mentions, " + unlabelled
        + " line(s) with an empty label)";
    if (usable < MIN_LABELS) {
      throw Errors.tooFewLabels(
          "Only " + usable + " usable labels in " + path + leftOut + "; at least " + MIN_LABELS + " are needed",
          "Label more mentions (`sentiment sample --n 600` gives a balanced sample to label) and train again");
    }
    List<String> small = new ArrayList<>();
    for (int c = 0; c < perClass.length; c++) {
      if (perClass[c] < MIN_PER_CLASS) {
        small.add(SentimentModelsSchema.CLASSES.get(c) + " " + perClass[c]);
      }
    }
    if (!small.isEmpty()) {
      throw Errors.tooFewLabels(
          "Too few labels of a class in " + path + ": " + String.join(", ", small) + "; each class needs at least "
              + MIN_PER_CLASS,
          "Label more mentions of that class (`sentiment sample` draws equally from each current label) and train"
              + " again");
    }
  }

  private static Dataset<Row> labelsFrame(DeltaIo delta, LabelsFile labels) {
    StructType schema = new StructType()
        .add(MentionsSchema.MENTION_ID, DataTypes.StringType, false)
        .add(LabelsFile.LABEL, DataTypes.StringType, false)
        .add(LINE, DataTypes.LongType, false);
    List<Row> rows = labels.labels().stream()
        .map(l -> RowFactory.create(l.mentionId(), l.label(), l.line())).toList();
    return delta.spark().createDataFrame(rows, schema);
  }
}
