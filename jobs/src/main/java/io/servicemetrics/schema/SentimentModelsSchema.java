package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * meta/sentiment_models: one row per trained sentiment model (docs/SENTIMENT.md). Per-class arrays
 * are in {@link #CLASSES} order; {@link #CONFUSION} has one row per true class, one column per
 * predicted class, counted on the cross-validated (held-out) predictions.
 */
public final class SentimentModelsSchema {
  public static final String MODEL_ID = "model_id";
  public static final String TRAINED_AT = "trained_at";
  /** The labels file as given to {@code sentiment train}. */
  public static final String LABELS_FILE = "labels_file";
  /** Usable labels: labelled mentions found in silver, the ones the model was trained on. */
  public static final String LABELS = "labels";
  public static final String N_NEGATIVE = "n_negative";
  public static final String N_NEUTRAL = "n_neutral";
  public static final String N_POSITIVE = "n_positive";
  /** Labelled mention ids not found in silver mentions (left out). */
  public static final String UNKNOWN_IDS = "unknown_ids";
  public static final String FOLDS = "folds";
  /** The chosen hyper-parameters, e.g. {@code regParam=0.01}. */
  public static final String PARAMS = "params";
  public static final String ACCURACY = "accuracy";
  public static final String MACRO_F1 = "macro_f1";
  public static final String PRECISION = "precision";
  public static final String RECALL = "recall";
  public static final String CONFUSION = "confusion";
  public static final String MODEL_PATH = "model_path";
  /** True for the one model that scores mentions; false for all when the lexicon does. */
  public static final String ACTIVE = "active";

  /** Class order of the per-class arrays and of the confusion matrix's rows and columns. */
  public static final List<String> CLASSES =
      List.of(MentionsSchema.LABEL_NEGATIVE, MentionsSchema.LABEL_NEUTRAL, MentionsSchema.LABEL_POSITIVE);

  public static final StructType SCHEMA = Fields.struct(
      required(MODEL_ID, StringType),
      required(TRAINED_AT, TimestampType),
      required(LABELS_FILE, StringType),
      required(LABELS, LongType),
      required(N_NEGATIVE, LongType),
      required(N_NEUTRAL, LongType),
      required(N_POSITIVE, LongType),
      required(UNKNOWN_IDS, LongType),
      required(FOLDS, IntegerType),
      required(PARAMS, StringType),
      required(ACCURACY, DoubleType),
      required(MACRO_F1, DoubleType),
      required(PRECISION, createArrayType(DoubleType, true)),
      required(RECALL, createArrayType(DoubleType, true)),
      required(CONFUSION, createArrayType(createArrayType(LongType, false), false)),
      required(MODEL_PATH, StringType),
      required(ACTIVE, BooleanType));

  private SentimentModelsSchema() {}
}
