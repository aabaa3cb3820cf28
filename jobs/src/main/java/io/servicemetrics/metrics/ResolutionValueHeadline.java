package io.servicemetrics.metrics;

import io.servicemetrics.schema.ResolutionValueSchema;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Row;

/** What resolution is worth, in one sentence: the centre's resolution_value row at +5 FCR points. */
public record ResolutionValueHeadline(
    LocalDate periodEnd,
    int gainPoints,
    Double fcrRate,
    double repeatChainsAvoided,
    double contactsAvoided,
    double agentHoursAvoided,
    Double positionHoursSaved,
    Double costSaved,
    String currency,
    double repeatHandleHours,
    Double repeatCost) {
  /** The gain the headline speaks of (the middle of the default 1, 5 and 10 points). */
  public static final int HEADLINE_GAIN_POINTS = 5;

  /**
   * The headline from a period's resolution_value rows: the centre row at {@link #HEADLINE_GAIN_POINTS},
   * else the centre row of the smallest gain; empty without centre rows.
   */
  public static Optional<ResolutionValueHeadline> from(LocalDate periodEnd, List<Row> rows) {
    return rows.stream()
        .filter(r -> ResolutionValueSchema.SCOPE_CENTER.equals(r.getAs(ResolutionValueSchema.SCOPE)))
        .min(Comparator.comparingInt((Row r) -> r.<Integer>getAs(ResolutionValueSchema.FCR_GAIN_POINTS) == HEADLINE_GAIN_POINTS ? 0 : 1)
            .thenComparingInt(r -> r.<Integer>getAs(ResolutionValueSchema.FCR_GAIN_POINTS)))
        .map(r -> new ResolutionValueHeadline(periodEnd,
            r.<Integer>getAs(ResolutionValueSchema.FCR_GAIN_POINTS),
            r.getAs(ResolutionValueSchema.FCR_7D_RATE),
            r.<Double>getAs(ResolutionValueSchema.REPEAT_CHAINS_AVOIDED),
            r.<Double>getAs(ResolutionValueSchema.CONTACTS_AVOIDED),
            r.<Double>getAs(ResolutionValueSchema.AGENT_HOURS_AVOIDED),
            r.getAs(ResolutionValueSchema.POSITION_HOURS_SAVED),
            r.getAs(ResolutionValueSchema.COST_SAVED),
            r.getAs(ResolutionValueSchema.CURRENCY),
            r.<Double>getAs(ResolutionValueSchema.REPEAT_HANDLE_HOURS),
            r.getAs(ResolutionValueSchema.REPEAT_COST)));
  }

  /** One plain sentence; money only when an agent-hour cost was given. */
  public String sentence() {
    String from = fcrRate == null ? ""
        : String.format(Locale.ROOT, " (from %.1f %% to %.1f %%)", 100 * fcrRate, Math.min(100, 100 * fcrRate + gainPoints));
    String positions = positionHoursSaved == null ? ""
        : String.format(Locale.ROOT, " and %,.1f paid position hours%s", positionHoursSaved,
            costSaved == null ? "" : String.format(Locale.ROOT, ", worth %,.0f %s", costSaved, currency));
    String repeats = String.format(Locale.ROOT, "; repeat contacts took %,.1f agent hours in all%s", repeatHandleHours,
        repeatCost == null ? "" : String.format(Locale.ROOT, " (%,.0f %s of handle time)", repeatCost, currency));
    return String.format(Locale.ROOT,
        "In the period ending %s, %d more points of first-contact resolution%s would have avoided %,.0f repeat"
            + " chains (%,.0f contacts, %,.1f agent hours)%s%s.",
        periodEnd, gainPoints, from, repeatChainsAvoided, contactsAvoided, agentHoursAvoided, positions, repeats);
  }
}
