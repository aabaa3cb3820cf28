package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** gold/wom_mentions: negative versus positive mentions posted in the period. */
public final class WomMentionsSchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  public static final String N_NEGATIVE = "n_negative";
  public static final String N_POSITIVE = "n_positive";
  public static final String INCIDENCE_RATIO = "incidence_ratio";
  public static final String INCIDENCE_CI_LOW = "incidence_ci_low";
  public static final String INCIDENCE_CI_HIGH = "incidence_ci_high";
  public static final String REACH_RATIO = "reach_ratio";
  public static final String REACH_CI_LOW = "reach_ci_low";
  public static final String REACH_CI_HIGH = "reach_ci_high";
  public static final String EXPOSURE_MULTIPLIER = "exposure_multiplier";
  public static final String EXPOSURE_CI_LOW = "exposure_ci_low";
  public static final String EXPOSURE_CI_HIGH = "exposure_ci_high";
  /** Added to the contract: why a ratio is NULL (zero denominator), else NULL. */
  public static final String NOTE = "note";
  /**
   * The sentiment model(s) that labelled the period's mentions without vendor sentiment (ids
   * comma-separated when a model was switched within the period); NULL when none did.
   */
  public static final String SENTIMENT_MODEL_ID = "sentiment_model_id";
  /** Mentions of the period labelled by the untrained lexicon: with no model, the labels' weakest source. */
  public static final String N_LEXICON_LABELLED = "n_lexicon_labelled";
  /** Cross-validated accuracy of the model whose errors the corrected columns undo; NULL without one. */
  public static final String SCORER_ACCURACY = "scorer_accuracy";
  /**
   * Labels behind {@link #SCORER_ACCURACY}: the total of the model's cross-validated confusion
   * matrix (every label is predicted once, held out). How far to trust the accuracy. NULL without a model.
   */
  public static final String SCORER_LABELS = "scorer_labels";
  /**
   * Negative and positive counts corrected for the model's classification errors (its confusion
   * matrix inverted, clipped at zero), plus the mentions other sources labelled; NULL without a model.
   */
  public static final String N_NEGATIVE_CORRECTED = "n_negative_corrected";
  public static final String N_POSITIVE_CORRECTED = "n_positive_corrected";
  public static final String INCIDENCE_RATIO_CORRECTED = "incidence_ratio_corrected";
  public static final String INCIDENCE_CORRECTED_CI_LOW = "incidence_corrected_ci_low";
  public static final String INCIDENCE_CORRECTED_CI_HIGH = "incidence_corrected_ci_high";
  /**
   * Mean reshares of a negative mention / mean reshares of a positive one: amplification measured
   * without impressions or followers. NULL with a note when undefined.
   */
  public static final String RESHARE_RATIO = "reshare_ratio";
  public static final String RESHARE_CI_LOW = "reshare_ci_low";
  public static final String RESHARE_CI_HIGH = "reshare_ci_high";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(N_NEGATIVE, LongType),
          required(N_POSITIVE, LongType),
          nullable(INCIDENCE_RATIO, DoubleType),
          nullable(INCIDENCE_CI_LOW, DoubleType),
          nullable(INCIDENCE_CI_HIGH, DoubleType),
          nullable(REACH_RATIO, DoubleType),
          nullable(REACH_CI_LOW, DoubleType),
          nullable(REACH_CI_HIGH, DoubleType),
          nullable(EXPOSURE_MULTIPLIER, DoubleType),
          nullable(EXPOSURE_CI_LOW, DoubleType),
          nullable(EXPOSURE_CI_HIGH, DoubleType),
          nullable(NOTE, StringType),
          nullable(SENTIMENT_MODEL_ID, StringType),
          required(N_LEXICON_LABELLED, LongType),
          nullable(SCORER_ACCURACY, DoubleType),
          nullable(SCORER_LABELS, LongType),
          nullable(N_NEGATIVE_CORRECTED, DoubleType),
          nullable(N_POSITIVE_CORRECTED, DoubleType),
          nullable(INCIDENCE_RATIO_CORRECTED, DoubleType),
          nullable(INCIDENCE_CORRECTED_CI_LOW, DoubleType),
          nullable(INCIDENCE_CORRECTED_CI_HIGH, DoubleType),
          nullable(RESHARE_RATIO, DoubleType),
          nullable(RESHARE_CI_LOW, DoubleType),
          nullable(RESHARE_CI_HIGH, DoubleType)),
      GoldColumns.STAMP);

  private WomMentionsSchema() {}
}
