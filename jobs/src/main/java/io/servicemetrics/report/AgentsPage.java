package io.servicemetrics.report;

import io.servicemetrics.report.ReportModel.Agent;
import io.servicemetrics.schema.AgentMetricsSchema;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Page 3: AHT against FCR per agent, quadrants at the medians of the plotted agents. */
final class AgentsPage {
  static final String NAME = "agents-aht-vs-fcr";
  /** The FCR axis title when FCR rests on reported outcomes; short, for the median is appended. */
  static final String FCR_AXIS = "First-contact resolution, 7 days (%)";
  /** Fewer agents with enough data than this and the quadrants say nothing. */
  static final int MIN_AGENTS = 3;

  /** Quadrants in legend order, with their plain-language names. */
  static final Map<String, String> QUADRANT_LABELS = new LinkedHashMap<>();

  static {
    QUADRANT_LABELS.put(AgentMetricsSchema.SPEED_TRAP, "Speed trap: fast, not resolving");
    QUADRANT_LABELS.put(AgentMetricsSchema.FAST_RESOLVING, "Fast and resolving");
    QUADRANT_LABELS.put(AgentMetricsSchema.SLOW_RESOLVING, "Slow but resolving");
    QUADRANT_LABELS.put(AgentMetricsSchema.STRUGGLING, "Slow and not resolving");
  }

  private AgentsPage() {}

  /** The agents the chart plots: enough data and both coordinates known, by agent id. */
  static List<Agent> plotted(ReportModel model) {
    return model.agents().orElse(List.of()).stream()
        .filter(a -> a.ahtSeconds() != null && a.fcr7dRate() != null)
        .sorted(Comparator.comparing(Agent::agentId))
        .toList();
  }

  static String missing(ReportModel model) {
    if (model.agents().isEmpty()) {
      return "The analytics stage has not run: gold agent_metrics is missing.";
    }
    int n = plotted(model).size();
    if (n == 0 && model.current().map(k -> k.fcr7dEligible() == 0).orElse(false)) {
      // Without a measured FCR there is no vertical axis: quadrants would place everyone at 0 %.
      return "Agent quadrants are not measured: first-contact resolution is not measured this period ("
          + ExecutiveSummary.FCR_NOT_MEASURED + ").";
    }
    if (n < MIN_AGENTS) {
      return "Not enough agents with at least " + AgentMetricsSchema.MIN_FCR_ELIGIBLE_CHAINS
          + " FCR-eligible contacts to draw quadrants (n = " + n + "; " + model.agentsInsufficient()
          + " more with too little data).";
    }
    return null;
  }

  /** Median as the analytics stage defines it: the mean of the middle two for an even count. */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The scatter's data: one series per quadrant, point sizes by chains, and the medians. */
  record Dataset(XYSeriesCollection series, List<double[]> chains, long maxChains, double medianAhtMinutes,
      double medianFcrPercent) {}

  static Dataset createDataset(ReportModel model) {
    List<Agent> agents = plotted(model);
    XYSeriesCollection collection = new XYSeriesCollection();
    List<double[]> chains = new ArrayList<>();
    for (Map.Entry<String, String> q : QUADRANT_LABELS.entrySet()) {
      XYSeries series = new XYSeries(q.getValue(), false, true);
      List<Agent> in = agents.stream().filter(a -> q.getKey().equals(a.quadrant())).toList();
      for (Agent a : in) {
        series.add(a.ahtSeconds() / 60, 100 * a.fcr7dRate());
      }
      collection.addSeries(series);
      chains.add(in.stream().mapToDouble(Agent::chains).toArray());
    }
    long max = agents.stream().mapToLong(Agent::chains).max().orElse(1);
    return new Dataset(collection, chains, max,
        median(agents.stream().mapToDouble(a -> a.ahtSeconds() / 60).toArray()),
        median(agents.stream().mapToDouble(a -> 100 * a.fcr7dRate()).toArray()));
  }

  static JFreeChart createChart(Dataset data) {
    return createChart(data, FCR_AXIS);
  }

  /** The FCR axis title, naming the no-repeat basis when the figures rest on it. */
  static String fcrAxisLabel(ReportModel model) {
    ReportModel.FcrBasis basis = model.current().map(ReportModel.PeriodKpis::fcrBasis)
        .orElse(ReportModel.FcrBasis.DISPOSITION);
    return switch (basis) {
      case NO_REPEAT -> "FCR as no repeat within 7 days (%)";
      case MIXED -> "FCR, 7 days, part as no repeat (%)";
      default -> FCR_AXIS;
    };
  }

  static JFreeChart createChart(Dataset data, String fcrAxis) {
    XYSeriesCollection c = data.series();
    double xMin = Double.MAX_VALUE, xMax = -Double.MAX_VALUE, yMin = Double.MAX_VALUE, yMax = -Double.MAX_VALUE;
    for (int s = 0; s < c.getSeriesCount(); s++) {
      for (int i = 0; i < c.getItemCount(s); i++) {
        xMin = Math.min(xMin, c.getXValue(s, i));
        xMax = Math.max(xMax, c.getXValue(s, i));
        yMin = Math.min(yMin, c.getYValue(s, i));
        yMax = Math.max(yMax, c.getYValue(s, i));
      }
    }
    double xPad = Math.max(0.5, (xMax - xMin) * 0.12);
    double yPad = Math.max(2, (yMax - yMin) * 0.18);
    double x0 = Math.max(0, xMin - xPad), x1 = xMax + xPad;
    double y0 = Math.max(0, yMin - yPad), y1 = Math.min(100, yMax + yPad);
    if (y1 - y0 < 10) {
      y1 = Math.min(100, y0 + 10);
    }
    // The medians' values go in the axis titles: drawn inside the plot they ran into the quadrant
    // labels (a median near the left edge put "Fast and resolving" over "median 2.8 min").
    NumberAxis x = new NumberAxis("Average handle time (minutes); median "
        + String.format(java.util.Locale.ROOT, "%.1f min", data.medianAhtMinutes()));
    x.setRange(x0, x1);
    NumberAxis y = new NumberAxis(fcrAxis + "; median "
        + String.format(java.util.Locale.ROOT, "%.1f%%", data.medianFcrPercent()));
    y.setRange(y0, y1);
    Color[] paints = {ReportTheme.VERMILLION, ReportTheme.BLUE, ReportTheme.SKY, ReportTheme.MUTED};
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true) {
      @Override
      public Shape getItemShape(int series, int item) {
        // Area proportional to contacts: diameter 5..16 pt by sqrt(chains / max).
        double share = data.chains().get(series)[item] / (double) data.maxChains();
        double d = 5 + 11 * Math.sqrt(Math.max(0, share));
        return series == 0 ? new Rectangle2D.Double(-d / 2, -d / 2, d, d) : new Ellipse2D.Double(-d / 2, -d / 2, d, d);
      }
    };
    for (int s = 0; s < paints.length; s++) {
      renderer.setSeriesPaint(s, paints[s]);
      renderer.setSeriesOutlinePaint(s, Color.WHITE);
      renderer.setSeriesShape(s, s == 0 ? new Rectangle2D.Double(-4, -4, 8, 8) : new Ellipse2D.Double(-4, -4, 8, 8));
    }
    renderer.setUseOutlinePaint(true);
    renderer.setDrawOutlines(true);
    XYPlot plot = new XYPlot(c, x, y, renderer);
    // The speed-trap quadrant (faster than median, resolving less) is the story: shade it.
    renderer.addAnnotation(new XYBoxAnnotation(x0, y0, data.medianAhtMinutes(), data.medianFcrPercent(), null, null,
        new Color(0xFB, 0xE6, 0xD9)), org.jfree.chart.ui.Layer.BACKGROUND);
    ValueMarker vx = new ValueMarker(data.medianAhtMinutes(), ReportTheme.MUTED, ReportTheme.REFERENCE);
    ValueMarker vy = new ValueMarker(data.medianFcrPercent(), ReportTheme.MUTED, ReportTheme.REFERENCE);
    plot.addDomainMarker(vx);
    plot.addRangeMarker(vy);
    double dx = (x1 - x0) * 0.015;
    double dy = (y1 - y0) * 0.03;
    corner(plot, "SPEED TRAP", x0 + dx, y0 + dy, TextAnchor.BOTTOM_LEFT, true);
    corner(plot, "Fast and resolving", x0 + dx, y1 - dy, TextAnchor.TOP_LEFT, false);
    corner(plot, "Slow but resolving", x1 - dx, y1 - dy, TextAnchor.TOP_RIGHT, false);
    corner(plot, "Slow and not resolving", x1 - dx, y0 + dy, TextAnchor.BOTTOM_RIGHT, false);
    JFreeChart chart = new JFreeChart(null, ReportTheme.font(false, ReportTheme.CHART_LABEL_SIZE), plot, true);
    ReportTheme.apply(chart);
    ReportTheme.niceTicks(x, 10);
    ReportTheme.niceTicks(y, 10);
    return chart;
  }

  private static void corner(XYPlot plot, String text, double x, double y, TextAnchor anchor, boolean highlight) {
    XYTextAnnotation a = new XYTextAnnotation(text, x, y);
    a.setTextAnchor(anchor);
    a.setFont(ReportTheme.font(highlight, ReportTheme.CHART_LABEL_SIZE));
    a.setPaint(highlight ? ReportTheme.VERMILLION : ReportTheme.MUTED);
    plot.addAnnotation(a, false);
  }

  static List<List<Object>> csv(ReportModel model) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("agent_id", "team", "chains", "aht_seconds", "fcr_7d_rate", "fcr_7d_eligible", "csat_top2",
        "csat_n", "quadrant"));
    for (Agent a : plotted(model)) {
      rows.add(Arrays.asList(a.agentId(), a.team(), a.chains(), a.ahtSeconds(), a.fcr7dRate(), a.fcr7dEligible(),
          a.csatTop2(), a.csatN(), a.quadrant()));
    }
    return rows;
  }

  static ReportChart build(ReportModel model) {
    return new ReportChart(NAME, createChart(createDataset(model), fcrAxisLabel(model)), csv(model));
  }
}
