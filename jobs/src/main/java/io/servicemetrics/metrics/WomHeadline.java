package io.servicemetrics.metrics;

import io.servicemetrics.schema.WomMultiplierSchema;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.sql.Row;

/** The word-of-mouth headline of a period, from its gold wom_multiplier row. */
public record WomHeadline(
    LocalDate periodEnd,
    Double multiplier,
    Double low,
    Double high,
    Double toldPerNegative,
    Double toldPerPositive,
    long negativeExperiences,
    long positiveExperiences,
    Double surveyMultiplier,
    String note,
    long unknownExperiences,
    boolean noMentions) {

  public static WomHeadline from(LocalDate periodEnd, Row row) {
    return new WomHeadline(periodEnd,
        row.getAs(WomMultiplierSchema.MULTIPLIER),
        row.getAs(WomMultiplierSchema.MULTIPLIER_CI_LOW),
        row.getAs(WomMultiplierSchema.MULTIPLIER_CI_HIGH),
        row.getAs(WomMultiplierSchema.TOLD_PER_NEGATIVE),
        row.getAs(WomMultiplierSchema.TOLD_PER_POSITIVE),
        row.<Long>getAs(WomMultiplierSchema.NEGATIVE_EXPERIENCES),
        row.<Long>getAs(WomMultiplierSchema.POSITIVE_EXPERIENCES),
        row.getAs(WomMultiplierSchema.SURVEY_MULTIPLIER),
        row.getAs(WomMultiplierSchema.NOTE),
        has(row, WomMultiplierSchema.UNKNOWN_EXPERIENCES) ? row.<Long>getAs(WomMultiplierSchema.UNKNOWN_EXPERIENCES) : 0L,
        has(row, WomMultiplierSchema.PERIOD_MENTIONS) && row.<Long>getAs(WomMultiplierSchema.PERIOD_MENTIONS) == 0L);
  }

  /** Rows written before a column was added do not have it. */
  private static boolean has(Row row, String column) {
    return java.util.Arrays.asList(row.schema().fieldNames()).contains(column);
  }

  /** One plain sentence with the interval (or why there is none). */
  public String sentence() {
    String survey = surveyMultiplier == null ? ""
        : String.format(Locale.ROOT, "; customers' own surveys put it at %.1f times", surveyMultiplier);
    String unknown = unknownExperiences == 0 ? ""
        : String.format(Locale.ROOT, "; %d contacts with neither a survey score nor a reported outcome are left out,"
            + " not counted unhappy", unknownExperiences);
    if (noMentions) {
      return String.format(Locale.ROOT,
          "Word of mouth is not measured for the period ending %s: %s%s%s.", periodEnd,
          WordOfMouthTransforms.NO_MENTIONS, unknown, survey);
    }
    if (multiplier == null) {
      return String.format(Locale.ROOT,
          "The word-of-mouth multiplier is undefined for the period ending %s (%s)%s.",
          periodEnd, note == null ? "no eligible experiences" : note, survey + unknown);
    }
    String interval = low == null ? "no interval: " + note
        : String.format(Locale.ROOT, "95%% CI %.1f to %.1f", low, high);
    return String.format(Locale.ROOT,
        "In the period ending %s, an unhappy experience reached %.1f times as many people as a happy one"
            + " (%s; %.1f versus %.1f people per experience over %d unhappy and %d happy experiences)%s.",
        periodEnd, multiplier, interval, toldPerNegative, toldPerPositive, negativeExperiences,
        positiveExperiences, survey + unknown);
  }
}
