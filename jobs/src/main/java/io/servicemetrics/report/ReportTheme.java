package io.servicemetrics.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import io.servicemetrics.errors.Errors;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.Stroke;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The report's one visual theme: fonts, colours, strokes and sizes for the PDF pages and every
 * chart. Fonts are DejaVu Sans (Bitstream Vera licence, shipped in the jar) and are registered
 * both with AWT (for JFreeChart and PNGs) and with each PDF document, under the same names, so
 * chart text in the PDF is real text in the same embedded subset fonts. The palette is the
 * Okabe-Ito colour-blind-safe set; every two series that must be told apart also differ in
 * dash pattern or marker, and in lightness, so they survive grayscale printing.
 */
public final class ReportTheme {
  private static final String FONT_DIR = "/io/servicemetrics/report/fonts/";
  private static final byte[] REGULAR_TTF = resource("DejaVuSans.ttf");
  private static final byte[] BOLD_TTF = resource("DejaVuSans-Bold.ttf");
  /** Base AWT fonts (size 1); derive sizes with {@link #font(boolean, float)}. */
  private static final Font REGULAR = awtFont(REGULAR_TTF);
  private static final Font BOLD = awtFont(BOLD_TTF);

  // Okabe-Ito: distinguishable for the common colour-vision deficiencies.
  /** Primary series (resolved, FCR, positive): dark, prints as dark gray. */
  public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  /** Secondary series (not resolved, repeat rate, negative): light, prints as light gray. */
  public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
  /** Highlight (the speed trap, bad news). */
  public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  public static final Color GREEN = new Color(0x00, 0x9E, 0x73);
  public static final Color SKY = new Color(0x56, 0xB4, 0xE9);
  public static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
  public static final Color TEXT = new Color(0x22, 0x22, 0x22);
  public static final Color MUTED = new Color(0x5F, 0x5F, 0x5F);
  public static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
  public static final Color GRID = new Color(0xE2, 0xE2, 0xE2);
  public static final Color TILE = new Color(0xF3, 0xF5, 0xF8);
  public static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);

  public static final float TITLE_SIZE = 22f;
  public static final float HEADING_SIZE = 15f;
  public static final float SUBHEADING_SIZE = 11f;
  public static final float BODY_SIZE = 10f;
  public static final float SMALL_SIZE = 8f;
  public static final float TILE_VALUE_SIZE = 20f;
  public static final float CHART_TICK_SIZE = 8.5f;
  public static final float CHART_LABEL_SIZE = 9.5f;

  public static final Stroke SOLID = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  public static final Stroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
      new float[] {6f, 4f}, 0f);
  /** For not-yet-final values. */
  public static final Stroke DOTTED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
      new float[] {2f, 3f}, 0f);
  public static final Stroke THIN = new BasicStroke(0.5f);
  public static final Stroke REFERENCE = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {4f, 3f}, 0f);

  private ReportTheme() {}

  /** A theme font; bold is the real bold face, never a synthesized one. */
  public static Font font(boolean bold, float size) {
    return (bold ? BOLD : REGULAR).deriveFont(size);
  }

  /** Both faces loaded into one PDF document (subset-embedded when the document is saved). */
  public record PdfFonts(PDType0Font regular, PDType0Font bold) {
    public PDType0Font of(boolean isBold) {
      return isBold ? bold : regular;
    }
  }

  public static PdfFonts loadInto(PDDocument document) throws IOException {
    return new PdfFonts(
        PDType0Font.load(document, new ByteArrayInputStream(REGULAR_TTF), true),
        PDType0Font.load(document, new ByteArrayInputStream(BOLD_TTF), true));
  }

  /** Maps the theme's AWT fonts to the document's fonts, so chart text stays text. */
  public static PdfBoxGraphics2DFontTextDrawer fontDrawer(PdfFonts fonts) {
    PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer();
    drawer.registerFont(REGULAR.getFontName(), fonts.regular());
    drawer.registerFont(BOLD.getFontName(), fonts.bold());
    return drawer;
  }

  /** Styles a chart: fonts, colours, gridlines, legend; call at the end of each createChart. */
  public static void apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("service-metrics");
    theme.setExtraLargeFont(font(true, SUBHEADING_SIZE));
    theme.setLargeFont(font(false, CHART_LABEL_SIZE));
    theme.setRegularFont(font(false, CHART_TICK_SIZE));
    theme.setSmallFont(font(false, CHART_TICK_SIZE));
    theme.setTitlePaint(TEXT);
    theme.setSubtitlePaint(MUTED);
    theme.setLegendItemPaint(TEXT);
    theme.setAxisLabelPaint(TEXT);
    theme.setTickLabelPaint(TEXT);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(RULE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setItemLabelPaint(TEXT);
    theme.setShadowVisible(false);
    theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    // The theme resets series paints; keep the ones createChart chose.
    Plot plot = chart.getPlot();
    java.util.Map<Integer, java.awt.Paint> paints = new java.util.HashMap<>();
    if (plot instanceof XYPlot xy) {
      for (int i = 0; i < xy.getSeriesCount(); i++) {
        paints.put(i, xy.getRenderer().getSeriesPaint(i));
      }
    }
    theme.apply(chart);
    if (plot instanceof XYPlot xy) {
      paints.forEach((i, p) -> {
        if (p != null) {
          xy.getRenderer().setSeriesPaint(i, p);
        }
      });
      xy.setDomainGridlineStroke(THIN);
      xy.setRangeGridlineStroke(THIN);
      styleAxis(xy.getDomainAxis());
      styleAxis(xy.getRangeAxis());
    } else if (plot instanceof CategoryPlot cat) {
      cat.setRangeGridlineStroke(THIN);
      styleAxis(cat.getDomainAxis());
      styleAxis(cat.getRangeAxis());
    }
    plot.setOutlineVisible(false);
    plot.setInsets(new RectangleInsets(4, 4, 4, 10));
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(2, 2, 2, 2));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.TOP);
      legend.setItemFont(font(false, CHART_TICK_SIZE));
    }
  }

  /** Marker labels in the theme's small font, on no background box. */
  public static void styleMarkerLabel(org.jfree.chart.plot.Marker marker) {
    marker.setLabelFont(font(false, CHART_TICK_SIZE));
    marker.setLabelPaint(MUTED);
    marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
  }

  /**
   * Sets a round tick unit (1, 2, 2.5 or 5 times a power of ten) giving at most {@code maxTicks}
   * ticks over the axis's current range, so dense charts never print crowded tick labels.
   */
  public static void niceTicks(org.jfree.chart.axis.NumberAxis axis, int maxTicks) {
    double span = axis.getRange().getLength();
    if (!(span > 0)) {
      return;
    }
    double raw = span / maxTicks;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double unit = power * 10;
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (power * step >= raw) {
        unit = power * step;
        break;
      }
    }
    axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(unit));
  }

  private static void styleAxis(Axis axis) {
    if (axis == null) {
      return;
    }
    axis.setLabelFont(font(false, CHART_LABEL_SIZE));
    axis.setTickLabelFont(font(false, CHART_TICK_SIZE));
    axis.setAxisLinePaint(RULE);
    axis.setTickMarkPaint(RULE);
  }

  private static byte[] resource(String name) {
    try (InputStream in = ReportTheme.class.getResourceAsStream(FONT_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("Font " + FONT_DIR + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw Errors.io("Cannot read the report font " + name, e);
    }
  }

  private static Font awtFont(byte[] ttf) {
    try {
      Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
      return font;
    } catch (FontFormatException | IOException e) {
      throw Errors.io("Cannot load the report font", e);
    }
  }
}
