package io.servicemetrics.report;

import io.servicemetrics.report.ReportModel.CsatCell;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Page 2: CSAT top-2-box by handle-time quartile, resolved at first contact versus not, with Wilson whiskers. */
final class CsatBySpeedChart {
  static final String NAME = "csat-by-fcr-and-handle-quartile";
  /** Fewer surveys than this in the whole table and the comparison is not drawn. */
  static final int MIN_SURVEYS = 30;
  static final String RESOLVED = "Resolved at first contact";
  static final String NOT_RESOLVED = "Not resolved at first contact";
  private static final String[] QUARTILES = {"Q1 (shortest)", "Q2", "Q3", "Q4 (longest)"};
  /** Side-by-side offset so the two series' whiskers never overlap. */
  private static final double OFFSET = 0.07;

  private CsatBySpeedChart() {}

  /** Why the chart cannot be drawn, or null when it can. */
  static String missing(ReportModel model) {
    if (model.csatBySpeed().isEmpty()) {
      return "The analytics stage has not run: gold csat_by_fcr_speed is missing.";
    }
    List<CsatCell> cells = model.csatBySpeed().get();
    long n = cells.stream().mapToLong(CsatCell::n).sum();
    boolean both = cells.stream().anyMatch(c -> c.fcr7d() && c.csatTop2() != null)
        && cells.stream().anyMatch(c -> !c.fcr7d() && c.csatTop2() != null);
    if (n == 0) {
      return "CSAT by resolution and speed is not measured: no surveys with a CSAT score and a measured"
          + " first-contact resolution in this period.";
    }
    if (n < MIN_SURVEYS || !both) {
      return "Not enough surveys in this period to compare (n = " + ReportFormat.count(n) + ").";
    }
    return null;
  }

  static YIntervalSeriesCollection createDataset(ReportModel model) {
    YIntervalSeries resolved = new YIntervalSeries(RESOLVED);
    YIntervalSeries unresolved = new YIntervalSeries(NOT_RESOLVED);
    for (CsatCell c : sorted(model)) {
      if (c.csatTop2() == null) {
        continue;
      }
      double x = c.handleQuartile() - 1 + (c.fcr7d() ? -OFFSET : OFFSET);
      double low = c.ciLow() == null ? c.csatTop2() : c.ciLow();
      double high = c.ciHigh() == null ? c.csatTop2() : c.ciHigh();
      (c.fcr7d() ? resolved : unresolved).add(x, 100 * c.csatTop2(), 100 * low, 100 * high);
    }
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    dataset.addSeries(resolved);
    dataset.addSeries(unresolved);
    return dataset;
  }

  static JFreeChart createChart(YIntervalSeriesCollection dataset) {
    SymbolAxis x = new SymbolAxis("Handle-time quartile (Q1 = shortest quarter of contacts)", QUARTILES);
    x.setGridBandsVisible(false);
    x.setRange(-0.5, 3.5);
    NumberAxis y = new NumberAxis("CSAT top-2-box (%), 95% Wilson interval");
    double low = 100;
    double high = 0;
    for (int s = 0; s < dataset.getSeriesCount(); s++) {
      for (int i = 0; i < dataset.getItemCount(s); i++) {
        low = Math.min(low, dataset.getStartYValue(s, i));
        high = Math.max(high, dataset.getEndYValue(s, i));
      }
    }
    y.setRange(Math.max(0, Math.floor(low / 10) * 10 - 5), Math.min(100, Math.ceil(high / 10) * 10 + 5));
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setCapLength(7);
    renderer.setDefaultLinesVisible(true);
    renderer.setDefaultShapesVisible(true);
    renderer.setSeriesPaint(0, ReportTheme.BLUE);
    renderer.setSeriesStroke(0, ReportTheme.SOLID);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
    renderer.setSeriesPaint(1, ReportTheme.ORANGE);
    renderer.setSeriesStroke(1, ReportTheme.DASHED);
    renderer.setSeriesShape(1, new Rectangle2D.Double(-4, -4, 8, 8));
    renderer.setErrorStroke(ReportTheme.THIN);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    JFreeChart chart = new JFreeChart(null, ReportTheme.font(false, ReportTheme.CHART_LABEL_SIZE), plot, true);
    ReportTheme.apply(chart);
    plot.setDomainGridlinesVisible(false);
    ReportTheme.niceTicks(y, 8);
    renderer.setErrorStroke(new java.awt.BasicStroke(1.2f));
    return chart;
  }

  static List<List<Object>> csv(ReportModel model) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("fcr_7d", "handle_quartile", "n", "csat_top2", "ci_low", "ci_high"));
    for (CsatCell c : sorted(model)) {
      rows.add(java.util.Arrays.asList(c.fcr7d(), c.handleQuartile(), c.n(), c.csatTop2(), c.ciLow(), c.ciHigh()));
    }
    return rows;
  }

  static ReportChart build(ReportModel model) {
    return new ReportChart(NAME, createChart(createDataset(model)), csv(model));
  }

  private static List<CsatCell> sorted(ReportModel model) {
    return model.csatBySpeed().orElse(List.of()).stream()
        .sorted(Comparator.comparing(CsatCell::fcr7d).reversed().thenComparingInt(CsatCell::handleQuartile))
        .toList();
  }
}
