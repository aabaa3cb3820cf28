package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Social-media mentions: the landing contract (JSON Lines) and silver/mentions. */
public final class MentionsSchema {
  public static final String MENTION_ID = "mention_id";
  public static final String PLATFORM = "platform";
  public static final String AUTHOR_HANDLE = "author_handle";
  public static final String AUTHOR_FOLLOWERS = "author_followers";
  public static final String POSTED_AT = "posted_at";
  public static final String FETCHED_AT = "fetched_at";
  public static final String TEXT = "text";
  public static final String RESHARES = "reshares";
  public static final String REPLIES = "replies";
  public static final String LIKES = "likes";
  public static final String IMPRESSIONS = "impressions";
  public static final String SENTIMENT = "sentiment";
  public static final String IN_REPLY_TO = "in_reply_to";

  /**
   * Silver only: the vendor sentiment when present, else the active sentiment model's P(positive) -
   * P(negative), else the project's lexicon score (-1..1).
   */
  public static final String SENTIMENT_SCORE = "sentiment_score";
  /** Silver only: "vendor", "lexicon" or "model:<model_id>": which scorer produced sentiment_score. */
  public static final String SENTIMENT_SOURCE = "sentiment_source";
  /** Silver only: negative (score <= -0.05), positive (>= 0.05) or neutral; a model's most probable class. */
  public static final String SENTIMENT_LABEL = "sentiment_label";
  public static final String LABEL_NEGATIVE = "negative";
  public static final String LABEL_POSITIVE = "positive";
  public static final String LABEL_NEUTRAL = "neutral";

  /** Silver only: HMAC pseudonym of the normalized (platform, handle). */
  public static final String AUTHOR_PSEUDONYM = "author_pseudonym";

  public static final List<String> LANDING_COLUMNS = List.of(
      MENTION_ID, PLATFORM, AUTHOR_HANDLE, AUTHOR_FOLLOWERS, POSTED_AT, FETCHED_AT, TEXT, RESHARES,
      REPLIES, LIKES, IMPRESSIONS, SENTIMENT, IN_REPLY_TO);

  public static final List<String> REQUIRED_LANDING_COLUMNS =
      List.of(MENTION_ID, PLATFORM, AUTHOR_HANDLE, AUTHOR_FOLLOWERS, POSTED_AT, FETCHED_AT, TEXT);

  public static final StructType SILVER = Fields.struct(
      List.of(
          required(MENTION_ID, StringType),
          required(PLATFORM, StringType),
          required(AUTHOR_PSEUDONYM, StringType),
          required(AUTHOR_FOLLOWERS, LongType),
          required(POSTED_AT, TimestampType),
          required(FETCHED_AT, TimestampType),
          // Text with e-mail addresses, phone numbers and @handles redacted.
          required(TEXT, StringType),
          required(RESHARES, LongType),
          required(REPLIES, LongType),
          required(LIKES, LongType),
          nullable(IMPRESSIONS, LongType),
          nullable(SENTIMENT, DoubleType),
          nullable(IN_REPLY_TO, StringType),
          required(SENTIMENT_SCORE, DoubleType),
          required(SENTIMENT_SOURCE, StringType),
          required(SENTIMENT_LABEL, StringType),
          required(Provenance.EVENT_DATE, DateType)),
      Provenance.FIELDS);

  private MentionsSchema() {}
}
