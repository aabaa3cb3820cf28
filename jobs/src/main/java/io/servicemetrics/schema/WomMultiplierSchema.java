package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** gold/wom_multiplier: how many people hear about one unhappy versus one happy experience. */
public final class WomMultiplierSchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  public static final String NEGATIVE_EXPERIENCES = "negative_experiences";
  public static final String POSITIVE_EXPERIENCES = "positive_experiences";
  public static final String NEGATIVE_MENTIONING_SHARE = "negative_mentioning_share";
  public static final String POSITIVE_MENTIONING_SHARE = "positive_mentioning_share";
  public static final String TOLD_PER_NEGATIVE = "told_per_negative";
  public static final String TOLD_PER_POSITIVE = "told_per_positive";
  public static final String MULTIPLIER = "multiplier";
  public static final String MULTIPLIER_CI_LOW = "multiplier_ci_low";
  public static final String MULTIPLIER_CI_HIGH = "multiplier_ci_high";
  public static final String SURVEY_MULTIPLIER = "survey_multiplier";
  public static final String NOTE = "note";
  /** Period chains with a complete follow window left out: neither csat nor a reported outcome. */
  public static final String UNKNOWN_EXPERIENCES = "unknown_experiences";
  /** Period chains with a complete follow window left out: csat 3 (neither happy nor unhappy). */
  public static final String NEUTRAL_EXPERIENCES = "neutral_experiences";
  /** Mentions posted in the period; 0 means none were delivered and the mention figures are NULL. */
  public static final String PERIOD_MENTIONS = "period_mentions";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(NEGATIVE_EXPERIENCES, LongType),
          required(POSITIVE_EXPERIENCES, LongType),
          nullable(NEGATIVE_MENTIONING_SHARE, DoubleType),
          nullable(POSITIVE_MENTIONING_SHARE, DoubleType),
          nullable(TOLD_PER_NEGATIVE, DoubleType),
          nullable(TOLD_PER_POSITIVE, DoubleType),
          nullable(MULTIPLIER, DoubleType),
          nullable(MULTIPLIER_CI_LOW, DoubleType),
          nullable(MULTIPLIER_CI_HIGH, DoubleType),
          nullable(SURVEY_MULTIPLIER, DoubleType),
          nullable(NOTE, StringType),
          required(UNKNOWN_EXPERIENCES, LongType),
          required(NEUTRAL_EXPERIENCES, LongType),
          required(PERIOD_MENTIONS, LongType)),
      GoldColumns.STAMP);

  private WomMultiplierSchema() {}
}
