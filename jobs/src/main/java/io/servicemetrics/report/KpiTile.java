package io.servicemetrics.report;

/**
 * One executive-summary tile, already formatted.
 *
 * @param label what the number is
 * @param value the period value
 * @param interval "95% CI ..." or null when the metric has no interval
 * @param delta the signed change against the previous period, or {@link ReportFormat#FIRST_PERIOD}
 * @param trend direction of the change (NONE when there is no previous period)
 * @param judgement whether the change is good news, bad news or neither
 * @param basis what the value is computed over, e.g. "n = 1,234 surveys"
 */
public record KpiTile(
    String label, String value, String interval, String delta, Trend trend, Judgement judgement, String basis) {

  public enum Trend {
    UP("\u25B2"), DOWN("\u25BC"), FLAT("="), NONE("");

    private final String arrow;

    Trend(String arrow) {
      this.arrow = arrow;
    }

    public String arrow() {
      return arrow;
    }
  }

  public enum Judgement { GOOD, BAD, NEUTRAL }
}
