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
    String note) {

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
        row.getAs(WomMultiplierSchema.NOTE));
  }

  /** One plain sentence with the interval (or why there is none). */
  public String sentence() {
    String survey = surveyMultiplier == null ? ""
        : String.format(Locale.ROOT, "; customers' own surveys put it at %.1f times", surveyMultiplier);
    if (multiplier == null) {
      return String.format(Locale.ROOT,
          "The word-of-mouth multiplier is undefined for the period ending %s (%s)%s.",
          periodEnd, note == null ? "no eligible experiences" : note, survey);
    }
    String interval = low == null ? "no interval: " + note
        : String.format(Locale.ROOT, "95%% CI %.1f to %.1f", low, high);
    return String.format(Locale.ROOT,
        "In the period ending %s, an unhappy experience reached %.1f times as many people as a happy one"
            + " (%s; %.1f versus %.1f people per experience over %d unhappy and %d happy experiences)%s.",
        periodEnd, multiplier, interval, toldPerNegative, toldPerPositive, negativeExperiences,
        positiveExperiences, survey);
  }
}
