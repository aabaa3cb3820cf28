package io.servicemetrics.sentiment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.schema.SentimentModelsSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The warehouse's sentiment models: each trained pipeline under {@code models/sentiment/<model id>/}
 * and its row in meta_sentiment_models, of which at most one is active. The only code that reads
 * or writes them.
 */
public final class SentimentModels {
  /** {@code sentiment_source} of a mention scored by a model: this prefix and the model id. */
  public static final String SOURCE_MODEL_PREFIX = "model:";
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DeltaIo delta;

  public SentimentModels(DeltaIo delta) {
    this.delta = delta;
  }

  /** The active model, loaded, with its cross-validated confusion matrix. */
  public record ActiveModel(String modelId, PipelineModel model, long[][] confusion) {
    /** The {@code sentiment_source} of the mentions it scores. */
    public String source() {
      return SOURCE_MODEL_PREFIX + modelId;
    }
  }

  /** A new model id: the training time (UTC, to the second) and four random hex digits, e.g. 20261207T031500Z-3fa2. */
  public static String newModelId(Instant trainedAt) {
    return ID_TIME.format(trainedAt) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** Saves the pipeline and appends its row, not yet active. */
  public void register(String modelId, Instant trainedAt, String labelsFile, long[] perClass, long unknownIds,
      int folds, SentimentClassifier.Trained trained) {
    String path = delta.warehouse().sentimentModelPath(modelId);
    try {
      trained.model().write().overwrite().save(path);
    } catch (java.io.IOException e) {
      throw Errors.io("Cannot save the sentiment model to " + path, e);
    }
    ClassifierMetrics m = trained.metrics();
    List<List<Long>> confusion = new ArrayList<>();
    for (long[] rowCounts : m.confusion()) {
      confusion.add(Arrays.stream(rowCounts).boxed().toList());
    }
    Row row = RowFactory.create(modelId, Timestamp.from(trainedAt), labelsFile, Arrays.stream(perClass).sum(),
        perClass[0], perClass[1], perClass[2], unknownIds, folds, "regParam=" + trained.regParam(),
        m.accuracy(), m.macroF1(), boxed(m.precision()), boxed(m.recall()), confusion, path, false);
    delta.append(Table.META_SENTIMENT_MODELS, delta.spark().createDataFrame(List.of(row), SentimentModelsSchema.SCHEMA));
  }

  /** Makes the model the active one (and every other inactive) in one commit. */
  public void activate(String modelId) {
    List<String> known = modelIds();
    if (!known.contains(modelId)) {
      throw Errors.unknownSentimentModel(modelId, known);
    }
    delta.update(Table.META_SENTIMENT_MODELS, lit(true),
        Map.of(SentimentModelsSchema.ACTIVE, col(SentimentModelsSchema.MODEL_ID).equalTo(lit(modelId))));
  }

  /** No model active: the lexicon scores mentions without vendor sentiment again. */
  public void deactivateAll() {
    if (delta.exists(Table.META_SENTIMENT_MODELS)) {
      delta.update(Table.META_SENTIMENT_MODELS, col(SentimentModelsSchema.ACTIVE),
          Map.of(SentimentModelsSchema.ACTIVE, lit(false)));
    }
  }

  /** Every model's row, newest first (empty when none was trained). */
  public Dataset<Row> list() {
    return delta.readOrEmpty(Table.META_SENTIMENT_MODELS, SentimentModelsSchema.SCHEMA)
        .orderBy(col(SentimentModelsSchema.TRAINED_AT).desc(), col(SentimentModelsSchema.MODEL_ID));
  }

  /** The active model, loaded; empty when none is (the lexicon scores). */
  public Optional<ActiveModel> active() {
    if (!delta.exists(Table.META_SENTIMENT_MODELS)) {
      return Optional.empty();
    }
    List<Row> rows = delta.read(Table.META_SENTIMENT_MODELS)
        .where(col(SentimentModelsSchema.ACTIVE))
        .select(SentimentModelsSchema.MODEL_ID, SentimentModelsSchema.MODEL_PATH, SentimentModelsSchema.CONFUSION)
        .collectAsList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row r = rows.get(0);
    String modelId = r.getAs(SentimentModelsSchema.MODEL_ID);
    long[][] confusion = confusion(r.getList(2));
    return Optional.of(new ActiveModel(modelId, PipelineModel.load(r.getAs(SentimentModelsSchema.MODEL_PATH)), confusion));
  }

  /** Every model's cross-validated confusion matrix by model id (empty when none was trained). */
  public Map<String, long[][]> confusions() {
    Map<String, long[][]> out = new java.util.TreeMap<>();
    if (!delta.exists(Table.META_SENTIMENT_MODELS)) {
      return out;
    }
    for (Row r : delta.read(Table.META_SENTIMENT_MODELS)
        .select(SentimentModelsSchema.MODEL_ID, SentimentModelsSchema.CONFUSION).collectAsList()) {
      out.put(r.getString(0), confusion(r.getList(1)));
    }
    return out;
  }

  private static long[][] confusion(List<scala.collection.Seq<Long>> matrix) {
    long[][] confusion = new long[matrix.size()][];
    for (int i = 0; i < matrix.size(); i++) {
      confusion[i] = scala.jdk.javaapi.CollectionConverters.asJava(matrix.get(i)).stream()
          .mapToLong(Long::longValue).toArray();
    }
    return confusion;
  }

  private List<String> modelIds() {
    if (!delta.exists(Table.META_SENTIMENT_MODELS)) {
      return List.of();
    }
    return delta.read(Table.META_SENTIMENT_MODELS).select(SentimentModelsSchema.MODEL_ID).as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
