package io.servicemetrics.report;

import io.servicemetrics.report.ResolutionWorth.StaffingCell;
import io.servicemetrics.report.ResolutionWorth.ValueRow;
import java.text.DecimalFormat;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The "What resolution is worth" page: the busiest queue's staffing curve on its peak weekday, its
 * positions now versus at +{@link ResolutionWorth#PAGE_GAIN_POINTS} points of first-contact
 * resolution, and the money, all as gold staffing_intervals and resolution_value hold them. The
 * chart in three steps (dataset, chart, {@link ReportChart}); the words as testable strings.
 */
final class WorthPage {
  static final String NAME = "staffing-curve";
  static final String NOT_PRICED = "not priced: pass --agent-hour-cost";
  /** The table's short form: the figures beside the chart say how to price it. */
  static final String NOT_PRICED_SHORT = "not priced";
  private static final String NOW = "Positions needed now";
  private static final double MINUTES_PER_HOUR = 60.0;

  private WorthPage() {}

  /** Why nothing can be drawn, or null when the page has its curve. The page is left out without gold. */
  static String missing(ResolutionWorth w) {
    if (w.queue() == null) {
      return "What resolution is worth is " + ReportFormat.NOT_MEASURED + ": no staffed queue (a live channel with a"
          + " service-level goal, phone by default) had contacts in this period, so gold resolution_value has no"
          + " queue rows.";
    }
    if (w.curve().isEmpty()) {
      return "The staffing curve of " + w.queue() + " is " + ReportFormat.NOT_MEASURED + ": no interval of the"
          + " period could be staffed (no answered contact to measure the handle time, or the goal is out of reach).";
    }
    return null;
  }

  /** "Monday", from the ISO weekday of the curve. */
  static String weekday(ResolutionWorth w) {
    return DayOfWeek.of(w.curve().get(0).weekday()).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  /** The line above the chart: which queue, day and model it shows. */
  static String caption(ResolutionWorth w) {
    StaffingCell c = w.curve().get(0);
    return "Busiest queue: " + w.queue() + " (" + c.channel() + "), the queue needing the most position hours."
        + " Bars: positions needed per " + c.intervalMinutes() + "-minute interval on " + weekday(w) + "s, the"
        + " weekday with the period's busiest interval (Erlang C on the mean arrivals of its " + c.weeks() + " "
        + weekday(w) + "s; a mean over weekdays would be no staffing any day needs)."
        + peakAfter(w).map(p -> " Dashed line: the busiest interval of the week at +" + ResolutionWorth.PAGE_GAIN_POINTS
            + " points FCR.").orElse("");
  }

  private static Optional<Integer> peakAfter(ResolutionWorth w) {
    return w.value(false, ResolutionWorth.PAGE_GAIN_POINTS).map(ValueRow::peakPositionsAfter);
  }

  // ---- the chart ---------------------------------------------------------------------------------

  /** One bar per interval with a staffing: from its start to its end, in hours of the day. */
  static XYIntervalSeriesCollection createDataset(ResolutionWorth w) {
    XYIntervalSeries now = new XYIntervalSeries(NOW);
    for (StaffingCell c : w.curve()) {
      if (c.positionsErlangC() != null) {
        double start = c.startMinute() / MINUTES_PER_HOUR;
        double end = (c.startMinute() + c.intervalMinutes()) / MINUTES_PER_HOUR;
        now.add((start + end) / 2, start, end, c.positionsErlangC(), c.positionsErlangC(), c.positionsErlangC());
      }
    }
    XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
    d.addSeries(now);
    return d;
  }

  static JFreeChart createChart(XYIntervalSeriesCollection dataset, Integer peakAfter, int gainPoints) {
    NumberAxis x = new NumberAxis("Interval of the day (business zone)");
    x.setRange(0, 24);
    x.setTickUnit(new NumberTickUnit(2, new DecimalFormat("00':00'")));
    double max = 0;
    for (int i = 0; i < dataset.getItemCount(0); i++) {
      max = Math.max(max, dataset.getYValue(0, i));
    }
    NumberAxis y = new NumberAxis("Positions (agents after shrinkage)");
    y.setRange(0, Math.max(2, Math.ceil(Math.max(max, peakAfter == null ? 0 : peakAfter) * 1.15)));
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYBarRenderer r = new XYBarRenderer(0.12);
    r.setDrawBarOutline(false);
    r.setShadowVisible(false);
    XYPlot plot = new XYPlot(dataset, x, y, r);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(new LegendItem(NOW, null, null, null, new java.awt.Rectangle(-5, -5, 10, 10), ReportTheme.BLUE));
    if (peakAfter != null) {
      plot.addRangeMarker(new ValueMarker(peakAfter, ReportTheme.VERMILLION, ReportTheme.DASHED), Layer.FOREGROUND);
      LegendItem line = new LegendItem("Busiest interval at +" + gainPoints + " points FCR: " + peakAfter + " positions",
          null, null, null, new java.awt.geom.Line2D.Double(-8, 0, 8, 0), ReportTheme.DASHED, ReportTheme.VERMILLION);
      legend.add(line);
    }
    plot.setFixedLegendItems(legend);
    JFreeChart chart = new JFreeChart(null, ReportTheme.font(false, ReportTheme.CHART_LABEL_SIZE), plot, true);
    r.setSeriesPaint(0, ReportTheme.BLUE);
    ReportTheme.apply(chart);
    r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    ReportTheme.niceTicks(y, 8);
    return chart;
  }

  /** The curve's staffing_intervals rows, as gold holds them. */
  static List<List<Object>> csv(ResolutionWorth w) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("queue", "channel", "weekday", "interval_start", "interval_minutes", "weeks", "arrivals_total",
        "arrivals", "aht_seconds", "patience_seconds", "traffic_erlangs", "agents_erlang_c", "positions_erlang_c",
        "service_level_erlang_c", "asa_seconds_erlang_c", "occupancy_erlang_c", "agents_erlang_a", "positions_erlang_a"));
    for (StaffingCell c : w.curve()) {
      rows.add(Arrays.asList(w.queue(), c.channel(), c.weekday(), c.intervalStart(), c.intervalMinutes(), c.weeks(),
          c.arrivalsTotal(), c.arrivals(), c.ahtSeconds(), c.patienceSeconds(), c.trafficErlangs(), c.agentsErlangC(),
          c.positionsErlangC(), c.serviceLevelErlangC(), c.asaSecondsErlangC(), c.occupancyErlangC(), c.agentsErlangA(),
          c.positionsErlangA()));
    }
    return rows;
  }

  static ReportChart build(ResolutionWorth w) {
    return new ReportChart(NAME, createChart(createDataset(w), peakAfter(w).orElse(null), ResolutionWorth.PAGE_GAIN_POINTS),
        csv(w));
  }

  // ---- the words -----------------------------------------------------------------------------------

  /** The key figures beside the chart: now versus +5 points, then the money. */
  static List<String> figures(ResolutionWorth w) {
    List<String> lines = new ArrayList<>();
    int g = ResolutionWorth.PAGE_GAIN_POINTS;
    Optional<ValueRow> q = w.value(false, g);
    if (q.isEmpty()) {
      lines.add("No resolution_value row of " + w.queue() + " at +" + g + " points: " + ReportFormat.NOT_MEASURED + ".");
      return lines;
    }
    ValueRow v = q.get();
    String fcr = v.fcrRate() == null ? "" : " (FCR " + ReportFormat.percent(v.fcrRate()) + " to "
        + ReportFormat.percent(Math.min(1.0, v.fcrRate() + g / 100.0)) + ")";
    lines.add("At +" + g + " points FCR" + fcr + ", " + w.queue() + " avoids " + number(v.repeatChainsAvoided(), 0)
        + " repeat chains, " + number(v.contactsAvoided(), 0) + " contacts and " + number(v.agentHoursAvoided(), 1)
        + " agent hours of handling in the period.");
    lines.add("Busiest interval: " + whole(v.peakPositionsNow()) + " positions now, " + whole(v.peakPositionsAfter())
        + " at +" + g + " points.");
    lines.add("Paid position hours in the period: " + number(v.positionHoursNow(), 1) + " now, "
        + number(v.positionHoursAfter(), 1) + " at +" + g + " points: " + number(v.positionHoursSaved(), 1) + " saved.");
    lines.add("Worth: " + money(v.costSaved(), v) + (v.agentHourCost() == null ? ""
        : " (" + number(v.positionHoursSaved(), 1) + " position hours at " + moneyExact(v.agentHourCost(), v.currency())
            + " an hour)") + ".");
    return lines;
  }

  /** The table under the chart: every gain, for the queue and for the whole centre. */
  static List<List<String>> valueTable(ResolutionWorth w) {
    List<List<String>> rows = new ArrayList<>();
    for (ValueRow v : w.values()) {
      rows.add(List.of(v.center() ? "Whole centre" : v.queue(), "+" + v.gainPoints(), number(v.repeatChainsAvoided(), 0),
          number(v.contactsAvoided(), 0), number(v.agentHoursAvoided(), 1), number(v.positionHoursSaved(), 1),
          whole(v.peakPositionsNow()) + " \u2192 " + whole(v.peakPositionsAfter()),
          v.costSaved() == null ? NOT_PRICED_SHORT : money(v.costSaved(), v)));
    }
    return rows;
  }

  /** How the figures were made, from the gold rows' own settings. */
  static String assumptions(ResolutionWorth w) {
    StaffingCell c = w.curve().isEmpty() ? null : w.curve().get(0);
    String staffing = c == null ? "" : "Staffing: Erlang C per " + c.intervalMinutes() + "-minute interval, goal "
        + ReportFormat.percent(c.serviceLevelGoal()) + " answered within " + whole((int) Math.round(c.targetSeconds()))
        + " s, occupancy at most " + ReportFormat.percent(c.maxOccupancy()) + ", shrinkage "
        + ReportFormat.percent(c.shrinkage()) + " (positions = agents / (1 - shrinkage), rounded up); arrivals are the"
        + " mean over the period's occurrences of each weekday; handle time " + ReportFormat.duration(c.ahtSeconds())
        + " (mean of " + ReportFormat.count(c.ahtChains()) + " answered chains of the queue). ";
    Optional<ValueRow> v = w.value(false, ResolutionWorth.PAGE_GAIN_POINTS);
    String repeats = v.map(r -> "Each point of FCR turns 1% of the " + ReportFormat.count(r.fcrEligible())
        + " FCR-eligible chains from not resolved to resolved; each such chain avoids the repeats that followed an"
        + " unresolved chain on average (" + number(r.repeatsPerFailure(), 2) + " repeat chains, counted with their own"
        + " repeats within 7 days), with their handle time. ").orElse("");
    return "Assumptions. " + staffing + repeats + "Positions are re-sized per interval on the arrivals left after the"
        + " avoided repeats, not scaled linearly; position hours = positions x interval hours x occurrences of the"
        + " weekday. Cost = position hours saved x the agent-hour cost given to the metrics run (--agent-hour-cost);"
        + " without it the money is not priced. Definitions: docs/METRICS.md \"Staffing and what resolution is worth\".";
  }

  private static String money(Double amount, ValueRow v) {
    return amount == null ? NOT_PRICED : String.format(Locale.ROOT, "%,.0f %s", amount, v.currency());
  }

  private static String moneyExact(double amount, String currency) {
    return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
  }

  private static String number(Double value, int decimals) {
    return value == null ? ReportFormat.NONE : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  private static String whole(Integer value) {
    return value == null ? ReportFormat.NONE : String.format(Locale.ROOT, "%,d", value);
  }
}
