package io.servicemetrics.report;

import io.servicemetrics.report.ReportModel.DailyPoint;
import io.servicemetrics.report.ReportModel.PeriodKpis;
import io.servicemetrics.report.ReportModel.RepeatDriver;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Page 4: the daily repeat and FCR trend with its censored tail, and the top repeat drivers. */
final class RepeatCharts {
  static final String TREND = "repeat-and-fcr-daily";
  static final String BY_QUEUE = "repeat-by-queue";
  static final String BY_CATEGORY = "repeat-by-issue-category";
  /** Bars shown per driver chart. */
  static final int TOP_DRIVERS = 8;
  static final String REPEAT = "Repeat within 7 days";
  static final String FCR = "Resolved at first contact (FCR)";
  static final String NOT_FINAL = " (not yet final)";
  private static final long DAY_MILLIS = 86_400_000L;
  /** Longer periods tick by month and draw the daily lines without markers. */
  static final int LONG_PERIOD_DAYS = 62;

  private RepeatCharts() {}

  static String trendMissing(ReportModel model) {
    if (model.current().isEmpty()) {
      return "The metrics stage has not run: gold daily_service_metrics is missing.";
    }
    boolean any = model.daily().stream().anyMatch(d -> d.repeatRate() != null || d.fcrRate() != null);
    if (model.current().get().chains() == 0) {
      return "No contacts were recorded in this period, so there is no repeat trend to show.";
    }
    return any ? null : "No contacts in this period have a complete 7-day window yet, so there is no repeat trend to show.";
  }

  static String driversMissing(ReportModel model, boolean byQueue) {
    var drivers = byQueue ? model.repeatByQueue() : model.repeatByCategory();
    if (drivers.isEmpty()) {
      return "The metrics stage has not run: gold contact_chains is missing.";
    }
    if (!byQueue && !drivers.get().isEmpty()
        && drivers.get().stream().allMatch(d -> ReportData.NO_CATEGORY.equals(d.name()))) {
      // One bar labelled "(none)" would only restate the total.
      return "Issue categories are not measured: the contact records carry no issue category.";
    }
    long repeats = drivers.get().stream().mapToLong(RepeatDriver::repeats).sum();
    return repeats == 0 ? "No repeat contacts with a complete 7-day window in this period." : null;
  }

  private static long millis(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /**
   * Four series: repeat and FCR, each split into final days and the not-yet-final tail (which
   * repeats the last final point so the line stays continuous).
   */
  static XYSeriesCollection createTrendDataset(ReportModel model) {
    LocalDate lastFinal = model.lastFinalRepeatDay();
    XYSeries repeat = new XYSeries(REPEAT);
    XYSeries fcr = new XYSeries(FCR);
    XYSeries repeatTail = new XYSeries(REPEAT + NOT_FINAL);
    XYSeries fcrTail = new XYSeries(FCR + NOT_FINAL);
    DailyPoint lastFinalPoint = null;
    for (DailyPoint d : model.daily()) {
      boolean isFinal = !d.date().isAfter(lastFinal);
      if (isFinal) {
        add(repeat, d.date(), d.repeatRate());
        add(fcr, d.date(), d.fcrRate());
        lastFinalPoint = d;
      } else {
        if (lastFinalPoint != null && repeatTail.getItemCount() == 0 && fcrTail.getItemCount() == 0) {
          add(repeatTail, lastFinalPoint.date(), lastFinalPoint.repeatRate());
          add(fcrTail, lastFinalPoint.date(), lastFinalPoint.fcrRate());
        }
        add(repeatTail, d.date(), d.repeatRate());
        add(fcrTail, d.date(), d.fcrRate());
      }
    }
    XYSeriesCollection c = new XYSeriesCollection();
    c.addSeries(fcr);
    c.addSeries(repeat);
    c.addSeries(fcrTail);
    c.addSeries(repeatTail);
    return c;
  }

  private static void add(XYSeries series, LocalDate date, Double fraction) {
    if (fraction != null) {
      series.add(millis(date), 100 * fraction);
    }
  }

  static JFreeChart createTrendChart(XYSeriesCollection dataset, LocalDate periodStart, LocalDate periodEnd,
      LocalDate lastFinal) {
    DateAxis x = new DateAxis(null);
    x.setTimeZone(TimeZone.getTimeZone("UTC"));
    long days = periodEnd.toEpochDay() - periodStart.toEpochDay() + 1;
    boolean longPeriod = days > LONG_PERIOD_DAYS;
    // A long period ticks by month with its year ("Apr 2024"): "d MMM" every 46 days named no year
    // and no month start.
    SimpleDateFormat format = new SimpleDateFormat(longPeriod ? "MMM yyyy" : "d MMM", Locale.ENGLISH);
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    x.setDateFormatOverride(format);
    x.setTickUnit(longPeriod
        ? new DateTickUnit(DateTickUnitType.MONTH, (int) Math.max(1, Math.ceil((days - 1) / 31.0 / 12)))
        : new DateTickUnit(DateTickUnitType.DAY, (int) Math.max(1, Math.ceil(days / 8.0))));
    x.setRange(millis(periodStart) - DAY_MILLIS / 2.0, millis(periodEnd) + DAY_MILLIS / 2.0);
    NumberAxis y = new NumberAxis("Share of contacts (%)");
    y.setRange(0, 100);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, ReportTheme.BLUE);
    r.setSeriesStroke(0, ReportTheme.SOLID);
    r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    r.setSeriesPaint(1, ReportTheme.ORANGE);
    r.setSeriesStroke(1, ReportTheme.DASHED);
    r.setSeriesShape(1, new Rectangle2D.Double(-3, -3, 6, 6));
    // Not-yet-final: same hue, lighter, dotted, hollow markers.
    r.setSeriesPaint(2, new Color(0x7F, 0xB8, 0xD8));
    r.setSeriesStroke(2, ReportTheme.DOTTED);
    r.setSeriesShape(2, new Ellipse2D.Double(-3, -3, 6, 6));
    r.setSeriesShapesFilled(2, false);
    r.setSeriesPaint(3, new Color(0xF2, 0xCF, 0x80));
    r.setSeriesStroke(3, ReportTheme.DOTTED);
    r.setSeriesShape(3, new Rectangle2D.Double(-3, -3, 6, 6));
    r.setSeriesShapesFilled(3, false);
    if (longPeriod) {
      // 6 pt markers a day apart on a long period merge into a band thicker than the line.
      r.setDefaultShapesVisible(false);
      r.setAutoPopulateSeriesShape(false);
      for (int i = 0; i < 4; i++) {
        r.setSeriesShapesVisible(i, false);
      }
    }
    XYPlot plot = new XYPlot(dataset, x, y, r);
    if (lastFinal.isBefore(periodEnd)) {
      IntervalMarker tail = new IntervalMarker(
          Math.max(millis(periodStart) - DAY_MILLIS / 2.0, millis(lastFinal) + DAY_MILLIS / 2.0),
          millis(periodEnd) + DAY_MILLIS / 2.0, ReportTheme.SHADE);
      tail.setLabel("not yet final");
      ReportTheme.styleMarkerLabel(tail);
      if (longPeriod) {
        // The 7-day band is too narrow on a long period: the label ends at the band's left edge.
        tail.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        tail.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      } else {
        tail.setLabelAnchor(RectangleAnchor.TOP);
        tail.setLabelTextAnchor(TextAnchor.TOP_CENTER);
      }
      tail.setLabelOffset(new RectangleInsets(4, 2, 2, 2));
      plot.addDomainMarker(tail, Layer.BACKGROUND);
    }
    JFreeChart chart = new JFreeChart(null, ReportTheme.font(false, ReportTheme.CHART_LABEL_SIZE), plot, true);
    ReportTheme.apply(chart);
    return chart;
  }

  static List<List<Object>> trendCsv(ReportModel model) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("contact_date", "chains", "repeat_7d", "repeat_7d_eligible", "repeat_7d_rate", "fcr_7d",
        "fcr_7d_eligible", "fcr_7d_rate", "final"));
    for (DailyPoint d : model.daily()) {
      rows.add(Arrays.asList(d.date().toString(), d.chains(), d.repeat7d(), d.repeat7dEligible(), d.repeatRate(),
          d.fcr7d(), d.fcr7dEligible(), d.fcrRate(), !d.date().isAfter(model.lastFinalRepeatDay())));
    }
    return rows;
  }

  static ReportChart buildTrend(ReportModel model) {
    return new ReportChart(TREND,
        createTrendChart(createTrendDataset(model), model.periodStart(), model.periodEnd(), model.lastFinalRepeatDay()),
        trendCsv(model));
  }

  /** Top drivers (most repeats first) as one bar per name; the label carries the repeat count. */
  static DefaultCategoryDataset createDriversDataset(List<RepeatDriver> drivers) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    for (RepeatDriver r : top(drivers)) {
      if (r.rate() != null) {
        d.addValue(100 * r.rate(), REPEAT, label(r));
      }
    }
    return d;
  }

  /** "name (repeats): rate", so the bar's value is read beside its name. */
  private static String label(RepeatDriver r) {
    return r.name() + " (" + ReportFormat.count(r.repeats()) + "): " + ReportFormat.percent(r.rate());
  }

  static List<RepeatDriver> top(List<RepeatDriver> drivers) {
    return drivers.stream().filter(r -> r.repeats() > 0).limit(TOP_DRIVERS).toList();
  }

  static JFreeChart createDriversChart(DefaultCategoryDataset dataset, String axisLabel, Double overallRate) {
    CategoryAxis x = new CategoryAxis(axisLabel);
    x.setCategoryMargin(0.25);
    x.setMaximumCategoryLabelWidthRatio(0.45f);
    double max = 0;
    for (int c = 0; c < dataset.getColumnCount(); c++) {
      max = Math.max(max, dataset.getValue(0, c).doubleValue());
    }
    // The reference line's value is told above the chart (driversCaption): as a label inside the
    // plot it ran into the bar labels next to it.
    NumberAxis y = new NumberAxis("Repeat rate within 7 days (%)");
    y.setRange(0, Math.min(100, Math.max(10, Math.ceil(max * 1.25 / 5) * 5)));
    BarRenderer r = new BarRenderer();
    r.setSeriesPaint(0, ReportTheme.ORANGE);
    r.setDrawBarOutline(false);
    r.setMaximumBarWidth(0.12);
    // The rate is part of the category label, not a label at the bar's end: there it was clipped
    // at the plot's edge ("96.6%" printed as "9") and the reference line ran through it.
    CategoryPlot plot = new CategoryPlot(dataset, x, y, r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    if (overallRate != null) {
      plot.addRangeMarker(new ValueMarker(100 * overallRate, ReportTheme.MUTED, ReportTheme.REFERENCE), Layer.BACKGROUND);
    }
    JFreeChart chart = new JFreeChart(null, ReportTheme.font(false, ReportTheme.CHART_LABEL_SIZE), plot, false);
    ReportTheme.apply(chart);
    r.setSeriesPaint(0, ReportTheme.ORANGE);
    ReportTheme.niceTicks(y, 8);
    return chart;
  }

  /** The line above a driver chart: what its labels and its dashed line are. */
  static String driversCaption(ReportModel model, boolean byQueue) {
    Double overall = model.current().map(PeriodKpis::repeatRate).orElse(null);
    return (byQueue ? "Queue" : "Issue category") + " (repeat contacts): repeat rate within 7 days."
        + (overall == null ? "" : " Dashed line: all contacts, " + ReportFormat.percent(overall) + ".");
  }

  static List<List<Object>> driversCsv(List<RepeatDriver> drivers, String nameColumn) {
    long total = drivers.stream().mapToLong(RepeatDriver::repeats).sum();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of(nameColumn, "chains", "repeat_7d_eligible", "repeat_7d", "repeat_7d_rate", "share_of_repeats"));
    for (RepeatDriver r : drivers) {
      rows.add(Arrays.asList(r.name(), r.chains(), r.eligible(), r.repeats(), r.rate(),
          total == 0 ? null : (double) r.repeats() / total));
    }
    return rows;
  }

  static ReportChart buildDrivers(ReportModel model, boolean byQueue) {
    List<RepeatDriver> drivers = (byQueue ? model.repeatByQueue() : model.repeatByCategory()).orElse(List.of());
    Double overall = model.current().map(PeriodKpis::repeatRate).orElse(null);
    // No category-axis title: the caption above the chart says what the labels are, and the plot
    // keeps the width for the labels themselves.
    String axis = null;
    return new ReportChart(byQueue ? BY_QUEUE : BY_CATEGORY,
        createDriversChart(createDriversDataset(drivers), axis, overall),
        driversCsv(drivers, byQueue ? "queue" : "issue_category"));
  }
}
