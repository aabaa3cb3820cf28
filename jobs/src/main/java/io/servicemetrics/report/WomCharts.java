package io.servicemetrics.report;

import io.servicemetrics.report.ReportModel.WomMultiplier;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.LengthAdjustmentType;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/** Page 5: people told per unhappy versus happy experience, and every ratio against 2x and 11x. */
final class WomCharts {
  /** Points between a reference line and its label. */
  private static final double LABEL_GAP = 4;
  /** Points from one reference-label row to the next: the tick font's size and some leading. */
  private static final double LABEL_ROW_HEIGHT = ReportTheme.CHART_TICK_SIZE + 4;
  /**
   * The narrowest plot area the ratio chart is drawn with, in points (page 5 after the row labels;
   * the PNG is wider): the reference labels are fitted to it.
   */
  private static final double MIN_RATIO_PLOT_WIDTH = 290;
  static final String TOLD = "wom-told-per-experience";
  static final String RATIOS = "wom-ratios";
  static final String UNHAPPY = "Unhappy";
  static final String HAPPY = "Happy";
  static final String EXPERIENCE_MULTIPLIER = "Experiences: people told";
  static final String EXPOSURE = "Mentions: total reach";
  static final String INCIDENCE = "Mentions: count";
  static final String REACH = "Mentions: reach per mention";
  static final String INCIDENCE_CORRECTED = "Mentions: count, scorer errors undone";
  static final String RESHARES = "Mentions: reshares per mention";
  /** Said when the untrained word list labelled the period's mentions: its measured accuracy is in docs/SENTIMENT.md. */
  static final String LEXICON_WARNING = "Mention sentiment comes from the built-in word list, not trained on your"
      + " labels: expect about 6 in 10 right on customer-service text (docs/SENTIMENT.md).";

  private WomCharts() {}

  static String toldMissing(ReportModel model) {
    if (model.womMultiplier().isEmpty()) {
      return "The word-of-mouth stage has not run: gold wom_multiplier has no row for this period.";
    }
    WomMultiplier w = model.womMultiplier().get();
    if (w.noMentions()) {
      return "People told per experience is not measured: no mentions were delivered for the period, so no one"
          + " can be counted as told (" + ReportFormat.count(w.negativeExperiences()) + " unhappy, "
          + ReportFormat.count(w.positiveExperiences()) + " happy experiences"
          + (w.unknownExperiences() == 0 ? "" : "; " + ReportFormat.count(w.unknownExperiences())
              + " with neither a survey score nor a reported outcome left out") + ").";
    }
    if (w.negativeExperiences() == 0 && w.positiveExperiences() == 0 && w.unknownExperiences() == 0) {
      // Mentions without contacts: "not enough" would suggest a few; there are none to follow.
      return "People told per experience is not measured: no contact experience with a complete follow window in"
          + " the period. The mention ratios need no contact and are shown on their own.";
    }
    if (w.toldPerNegative() == null || w.toldPerPositive() == null) {
      return "Not enough experiences to compare word of mouth (" + ReportFormat.count(w.negativeExperiences())
          + " unhappy, " + ReportFormat.count(w.positiveExperiences()) + " happy)"
          + (w.note() == null ? "." : ": " + w.note() + ".");
    }
    return null;
  }

  /** One row of the ratio chart: a measured ratio with its interval. */
  record Ratio(String label, Double value, Double low, Double high, Long nNegative, Long nPositive) {}

  static List<Ratio> ratios(ReportModel model) {
    List<Ratio> out = new ArrayList<>();
    model.womMultiplier().ifPresent(w -> out.add(new Ratio(EXPERIENCE_MULTIPLIER, w.multiplier(), w.ciLow(), w.ciHigh(),
        w.negativeExperiences(), w.positiveExperiences())));
    model.womMentions().ifPresent(m -> {
      out.add(new Ratio(EXPOSURE, m.exposureMultiplier(), m.exposureCiLow(), m.exposureCiHigh(), m.nNegative(), m.nPositive()));
      out.add(new Ratio(INCIDENCE, m.incidenceRatio(), m.incidenceCiLow(), m.incidenceCiHigh(), m.nNegative(), m.nPositive()));
      out.add(new Ratio(REACH, m.reachRatio(), m.reachCiLow(), m.reachCiHigh(), m.nNegative(), m.nPositive()));
      // Rows only where gold delivers them: no model, no correction; no reshare counts, no reshare ratio.
      if (m.incidenceRatioCorrected() != null) {
        out.add(new Ratio(INCIDENCE_CORRECTED, m.incidenceRatioCorrected(), m.incidenceCorrectedCiLow(),
            m.incidenceCorrectedCiHigh(), roundedOrNull(m.nNegativeCorrected()), roundedOrNull(m.nPositiveCorrected())));
      }
      if (m.reshareRatio() != null) {
        out.add(new Ratio(RESHARES, m.reshareRatio(), m.reshareCiLow(), m.reshareCiHigh(), m.nNegative(), m.nPositive()));
      }
    });
    return out;
  }

  private static Long roundedOrNull(Double n) {
    return n == null ? null : Math.round(n);
  }

  /**
   * Where the period's mention labels came from and how good that scorer is, with the corrected
   * count ratio beside the raw one; null when no mention row or vendor labels only.
   */
  static String sentimentText(ReportModel model) {
    if (model.womMentions().isEmpty()) {
      return null;
    }
    ReportModel.WomMentions m = model.womMentions().get();
    if (m.sentimentModelId() != null) {
      String text = "Sentiment: model " + m.sentimentModelId() + ", cross-validated accuracy "
          + ReportFormat.percent(m.scorerAccuracy())
          + (m.scorerLabels() == null ? "" : " (" + ReportFormat.count(m.scorerLabels()) + " labels)") + ".";
      if (m.incidenceRatioCorrected() != null) {
        text += " With its errors undone (confusion matrix inverted), unhappy versus happy mentions "
            + ReportFormat.ratio(m.incidenceRatioCorrected()) + " ("
            + ReportFormat.ratioRange(m.incidenceCorrectedCiLow(), m.incidenceCorrectedCiHigh()) + ") against "
            + ReportFormat.ratio(m.incidenceRatio()) + " (" + ReportFormat.ratioRange(m.incidenceCiLow(),
                m.incidenceCiHigh()) + ") as labelled.";
      }
      return text;
    }
    if (m.nLexiconLabelled() > 0) {
      return LEXICON_WARNING + " " + ReportFormat.count(m.nLexiconLabelled())
          + " of the period's mentions were labelled so; the counts are not corrected for its errors.";
    }
    return null;
  }

  static String ratiosMissing(ReportModel model) {
    if (model.womMultiplier().isEmpty() && model.womMentions().isEmpty()) {
      return "The word-of-mouth stage has not run: gold wom_multiplier and wom_mentions have no row for this period.";
    }
    if (ratios(model).stream().anyMatch(r -> r.value() != null)) {
      return null;
    }
    boolean noMentions = model.womMultiplier().map(WomMultiplier::noMentions).orElse(false)
        || model.womMentions().map(m -> m.nNegative() == 0 && m.nPositive() == 0).orElse(false);
    return noMentions
        ? "Word-of-mouth ratios are not measured: no mentions were delivered for the period."
        : "No ratio could be computed this period (a denominator was zero).";
  }

  static DefaultCategoryDataset createToldDataset(WomMultiplier w) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    d.addValue(w.toldPerNegative(), "People told", UNHAPPY);
    d.addValue(w.toldPerPositive(), "People told", HAPPY);
    return d;
  }

  static JFreeChart createToldChart(DefaultCategoryDataset dataset) {
    CategoryAxis x = new CategoryAxis("Experience (survey or outcome)");
    x.setCategoryMargin(0.4);
    x.setMaximumCategoryLabelLines(2);
    // Short enough to fit the chart when the scorer paragraph makes it shorter (the x axis says per experience).
    NumberAxis y = new NumberAxis("People told (mean reach)");
    double max = Math.max(dataset.getValue(0, 0).doubleValue(), dataset.getValue(0, 1).doubleValue());
    y.setRange(0, Math.max(1, max * 1.2));
    BarRenderer r = new BarRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        return column == 0 ? ReportTheme.ORANGE : ReportTheme.BLUE;
      }
    };
    r.setDrawBarOutline(false);
    r.setMaximumBarWidth(0.3);
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.0",
        java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(ReportTheme.font(true, ReportTheme.CHART_LABEL_SIZE));
    r.setDefaultItemLabelPaint(ReportTheme.TEXT);
    r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    CategoryPlot plot = new CategoryPlot(dataset, x, y, r);
    JFreeChart chart = new JFreeChart(null, ReportTheme.font(false, ReportTheme.CHART_LABEL_SIZE), plot, false);
    ReportTheme.apply(chart);
    ReportTheme.niceTicks(y, 8);
    return chart;
  }

  /** One point per ratio at y = its row, with the interval as an x whisker. */
  static XYIntervalSeriesCollection createRatiosDataset(List<Ratio> ratios) {
    XYIntervalSeries experiences = new XYIntervalSeries("Experience multiplier (headline)");
    XYIntervalSeries mentions = new XYIntervalSeries("Mention ratios");
    for (int i = 0; i < ratios.size(); i++) {
      Ratio r = ratios.get(i);
      if (r.value() == null) {
        continue;
      }
      double y = ratios.size() - 1 - i;
      double low = r.low() == null ? r.value() : r.low();
      double high = r.high() == null ? r.value() : r.high();
      (i == 0 && EXPERIENCE_MULTIPLIER.equals(r.label()) ? experiences : mentions)
          .add(r.value(), low, high, y, y, y);
    }
    XYIntervalSeriesCollection c = new XYIntervalSeriesCollection();
    c.addSeries(experiences);
    c.addSeries(mentions);
    return c;
  }

  static JFreeChart createRatiosChart(XYIntervalSeriesCollection dataset, List<Ratio> ratios) {
    double max = ExecutiveSummary.FOLKLORE_RATIO;
    for (int s = 0; s < dataset.getSeriesCount(); s++) {
      for (int i = 0; i < dataset.getItemCount(s); i++) {
        max = Math.max(max, dataset.getEndXValue(s, i));
      }
    }
    NumberAxis x = new NumberAxis("Unhappy versus happy (ratio; 1 = equal), 95% bootstrap interval");
    x.setRange(0, Math.ceil(max * 1.1));
    String[] labels = new String[ratios.size()];
    for (int i = 0; i < ratios.size(); i++) {
      labels[ratios.size() - 1 - i] = ratios.get(i).label();
    }
    SymbolAxis y = new SymbolAxis(null, labels);
    y.setGridBandsVisible(false);
    // Headroom above the first row for the two rows of reference-line labels: more rows on a
    // shorter chart (the corrected and reshare rows) make a row thinner, so more of one.
    y.setRange(-0.6, ratios.size() - 1 + (ratios.size() > 4 ? 1.6 : 0.9));
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(true);
    r.setDrawYError(false);
    r.setDefaultLinesVisible(false);
    r.setDefaultShapesVisible(true);
    r.setCapLength(8);
    r.setErrorStroke(new java.awt.BasicStroke(1.4f));
    Path2D diamond = new Path2D.Double();
    diamond.moveTo(0, -6);
    diamond.lineTo(6, 0);
    diamond.lineTo(0, 6);
    diamond.lineTo(-6, 0);
    diamond.closePath();
    r.setSeriesShape(0, diamond);
    r.setSeriesPaint(0, ReportTheme.VERMILLION);
    r.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
    r.setSeriesPaint(1, ReportTheme.BLUE);
    XYPlot plot = new XYPlot(dataset, x, y, r);
    plot.addDomainMarker(new ValueMarker(1, ReportTheme.RULE, ReportTheme.THIN), Layer.BACKGROUND);
    // Two label rows: on a wide axis (a ratio's interval reaching 18x, say) the lines are close
    // enough for the two labels, one right of 2x and one left of 11x, to run into each other.
    // The 2x label runs right from its line and the 11x label left from its own: each must fit
    // between the two lines, or it crosses the other line. Shorter names on a wider axis.
    double gapPoints = (ExecutiveSummary.FOLKLORE_RATIO - ExecutiveSummary.STUDIES_RATIO) / Math.ceil(max * 1.1)
        * MIN_RATIO_PLOT_WIDTH - 2 * LABEL_GAP;
    String studies = fitting(gapPoints, "2x: published consumer studies", "2x: studies", "2x");
    String folklore = fitting(gapPoints, "11x: folklore", "11x");
    plot.addDomainMarker(reference(ExecutiveSummary.STUDIES_RATIO, studies, true, 0), Layer.BACKGROUND);
    plot.addDomainMarker(reference(ExecutiveSummary.FOLKLORE_RATIO, folklore, false, 1), Layer.BACKGROUND);
    JFreeChart chart = new JFreeChart(null, ReportTheme.font(false, ReportTheme.CHART_LABEL_SIZE), plot, true);
    ReportTheme.apply(chart);
    plot.setDomainGridlinesVisible(false);
    return chart;
  }

  /** The first label whose width in the marker font fits {@code points}; the last one otherwise. */
  static String fitting(double points, String... labels) {
    java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
    java.awt.Font font = ReportTheme.font(false, ReportTheme.CHART_TICK_SIZE);
    for (String label : labels) {
      if (font.getStringBounds(label, frc).getWidth() <= points) {
        return label;
      }
    }
    return labels[labels.length - 1];
  }

  /**
   * A reference line with its label on the right of the line, or on the left near the plot's edge,
   * in label row {@code row} from the top of the plot.
   */
  private static ValueMarker reference(double at, String label, boolean labelRight, int row) {
    ValueMarker m = new ValueMarker(at, ReportTheme.MUTED, ReportTheme.REFERENCE);
    m.setLabel(label);
    ReportTheme.styleMarkerLabel(m);
    m.setLabelAnchor(labelRight ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(labelRight ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
    // The same gap between line and label on either side: by default the offset shrinks the
    // line's zero-width area, which pushes a label on the left onto its line. (The offset type
    // applies across the line only; the top inset still moves the label down, one row at a time.)
    m.setLabelOffsetType(LengthAdjustmentType.EXPAND);
    m.setLabelOffset(new RectangleInsets(2 + row * LABEL_ROW_HEIGHT, LABEL_GAP, 2, LABEL_GAP));
    return m;
  }

  static List<List<Object>> toldCsv(WomMultiplier w) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("experience", "experiences", "mentioning_share", "told_per_experience"));
    rows.add(Arrays.asList("negative", w.negativeExperiences(), w.negativeMentioningShare(), w.toldPerNegative()));
    rows.add(Arrays.asList("positive", w.positiveExperiences(), w.positiveMentioningShare(), w.toldPerPositive()));
    return rows;
  }

  static List<List<Object>> ratiosCsv(List<Ratio> ratios) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("measure", "ratio", "ci_low", "ci_high", "n_negative", "n_positive"));
    for (Ratio r : ratios) {
      rows.add(Arrays.asList(r.label(), r.value(), r.low(), r.high(), r.nNegative(), r.nPositive()));
    }
    return rows;
  }

  static ReportChart buildTold(ReportModel model) {
    WomMultiplier w = model.womMultiplier().orElseThrow();
    return new ReportChart(TOLD, createToldChart(createToldDataset(w)), toldCsv(w));
  }

  static ReportChart buildRatios(ReportModel model) {
    List<Ratio> ratios = ratios(model);
    return new ReportChart(RATIOS, createRatiosChart(createRatiosDataset(ratios), ratios), ratiosCsv(ratios));
  }
}
