package io.servicemetrics.sentiment;

/**
 * The three-way label of a sentiment score in [-1, 1], and the values of the downstream
 * {@code sentiment_source} column. Thresholds are part of the metric definitions (docs/METRICS.md).
 */
public enum SentimentLabel {
  NEGATIVE("negative"),
  NEUTRAL("neutral"),
  POSITIVE("positive");

  /** Scores at or below this are negative. */
  public static final double NEGATIVE_AT_OR_BELOW = -0.05;
  /** Scores at or above this are positive. */
  public static final double POSITIVE_AT_OR_ABOVE = 0.05;

  /** {@code sentiment_source} value: the score came with the mention from the vendor. */
  public static final String SOURCE_VENDOR = "vendor";
  /** {@code sentiment_source} value: the score came from {@link LexiconSentimentScorer}. */
  public static final String SOURCE_LEXICON = "lexicon";

  private final String value;

  SentimentLabel(String value) {
    this.value = value;
  }

  /** The lower-case label as stored in tables, e.g. {@code negative}. */
  public String value() {
    return value;
  }

  /**
   * Labels a score: negative when {@code score <= -0.05}, positive when {@code score >= 0.05},
   * neutral otherwise (NaN included, since it carries no direction).
   */
  public static SentimentLabel of(double score) {
    if (score <= NEGATIVE_AT_OR_BELOW) {
      return NEGATIVE;
    }
    if (score >= POSITIVE_AT_OR_ABOVE) {
      return POSITIVE;
    }
    return NEUTRAL;
  }
}
