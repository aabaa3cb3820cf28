package io.servicemetrics.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import io.servicemetrics.report.ReportTheme.PdfFonts;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

/**
 * The little layout PDFBox lacks: landscape A4 pages with one margin, a header and footer with
 * page numbers, word-wrapped text, simple tables, filled boxes, and charts placed as vector forms.
 * Coordinates are PDF points with y growing upwards; "top" arguments are the upper edge.
 */
final class PdfPages implements Closeable {
  static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
  static final float MARGIN = 40;
  static final float LEFT = MARGIN;
  static final float RIGHT = PAGE.getWidth() - MARGIN;
  static final float WIDTH = RIGHT - LEFT;
  /** First baseline area below the running header. */
  static final float TOP = PAGE.getHeight() - 58;
  /** Lowest point content may reach, above the footer. */
  static final float BOTTOM = 42;
  static final float LEADING = 1.35f;

  private final PDDocument document;
  private final PdfFonts fonts;
  private final PdfBoxGraphics2DFontTextDrawer fontDrawer;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream content;

  PdfPages(PDDocument document) throws IOException {
    this.document = document;
    this.fonts = ReportTheme.loadInto(document);
    this.fontDrawer = ReportTheme.fontDrawer(fonts);
  }

  /** Starts a page with a section title (none when null); returns the y below the title. */
  float newPage(String sectionTitle) throws IOException {
    closeContent();
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    pages.add(page);
    content = new PDPageContentStream(document, page);
    if (sectionTitle == null) {
      return TOP;
    }
    text(sectionTitle, true, ReportTheme.HEADING_SIZE, ReportTheme.TEXT, LEFT, TOP - ReportTheme.HEADING_SIZE);
    return TOP - ReportTheme.HEADING_SIZE - 14;
  }

  /** Draws one line of text at a baseline; characters the font lacks become '?'. */
  void text(String text, boolean bold, float size, Color color, float x, float baseline) throws IOException {
    PDType0Font font = fonts.of(bold);
    content.beginText();
    content.setFont(font, size);
    content.setNonStrokingColor(color);
    content.newLineAtOffset(x, baseline);
    content.showText(printable(font, text));
    content.endText();
  }

  /** Right-aligned text ending at x. */
  void textRight(String text, boolean bold, float size, Color color, float x, float baseline) throws IOException {
    text(text, bold, size, color, x - width(text, bold, size), baseline);
  }

  float width(String text, boolean bold, float size) throws IOException {
    PDType0Font font = fonts.of(bold);
    return font.getStringWidth(printable(font, text)) / 1000f * size;
  }

  /** Greedy word wrap to a width; a word longer than the width gets its own line. */
  List<String> wrap(String text, boolean bold, float size, float maxWidth) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    // Keep "n = 1,234" on one line.
    String glued = text.replaceAll("\\bn = ", "n\u00A0=\u00A0");
    for (String word : glued.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && width(candidate, bold, size) > maxWidth) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    lines.replaceAll(l -> l.replace('\u00A0', ' '));
    return lines;
  }

  /** A wrapped paragraph whose first line's top is at {@code top}; returns the y below it. */
  float paragraph(String text, boolean bold, float size, Color color, float x, float top, float maxWidth)
      throws IOException {
    float y = top;
    for (String line : wrap(text, bold, size, maxWidth)) {
      y -= size * LEADING;
      text(line, bold, size, color, x, y + size * (LEADING - 1));
    }
    return y;
  }

  /** A bullet paragraph; returns the y below it. */
  float bullet(String text, float size, float x, float top, float maxWidth) throws IOException {
    text("\u2022", false, size, ReportTheme.MUTED, x, top - size);
    return paragraph(text, false, size, ReportTheme.TEXT, x + 12, top, maxWidth - 12);
  }

  void fill(Color color, float x, float y, float w, float h) throws IOException {
    content.setNonStrokingColor(color);
    content.addRect(x, y, w, h);
    content.fill();
  }

  void rule(float x0, float y, float x1, Color color, float lineWidth) throws IOException {
    content.setStrokingColor(color);
    content.setLineWidth(lineWidth);
    content.moveTo(x0, y);
    content.lineTo(x1, y);
    content.stroke();
  }

  /**
   * Draws a chart as vectors: JFreeChart paints into a PDF form whose text uses the document's
   * fonts, and the form is placed with its top-left corner at (x, top).
   */
  void chart(JFreeChart chart, float x, float top, float w, float h) throws IOException {
    PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, w, h);
    g.setFontTextDrawer(fontDrawer);
    try {
      chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
    } finally {
      g.dispose();
    }
    PDFormXObject form = g.getXFormObject();
    content.saveGraphicsState();
    content.transform(Matrix.getTranslateInstance(x, top - h));
    content.drawForm(form);
    content.restoreGraphicsState();
  }

  /** A column of a table: header, width and alignment. */
  record Column(String header, float width, boolean rightAligned) {}

  /**
   * A table with a bold header and a rule under it; cells wrap within their column. Returns the y
   * below the last row.
   */
  float table(float x, float top, List<Column> columns, List<List<String>> rows, float size) throws IOException {
    float y = row(x, top, columns, columns.stream().map(Column::header).toList(), size, true);
    rule(x, y + 2, x + columns.stream().map(Column::width).reduce(0f, Float::sum), ReportTheme.RULE, 0.8f);
    y -= 2;
    for (List<String> r : rows) {
      y = row(x, y, columns, r, size, false);
    }
    return y;
  }

  private float row(float x, float top, List<Column> columns, List<String> cells, float size, boolean bold)
      throws IOException {
    float lowest = top;
    float cx = x;
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      String cell = cells.get(i) == null ? "" : cells.get(i);
      float pad = 4;
      List<String> lines = wrap(cell, bold, size, c.width() - 2 * pad);
      float y = top - 2;
      for (String line : lines) {
        y -= size * LEADING;
        float baseline = y + size * (LEADING - 1);
        if (c.rightAligned()) {
          textRight(line, bold, size, bold ? ReportTheme.MUTED : ReportTheme.TEXT, cx + c.width() - pad, baseline);
        } else {
          text(line, bold, size, bold ? ReportTheme.MUTED : ReportTheme.TEXT, cx + pad, baseline);
        }
      }
      lowest = Math.min(lowest, y - 2);
      cx += c.width();
    }
    return lowest;
  }

  /** Closes the last page and draws every page's header and footer, now that the count is known. */
  void finish(String headerLeft, String headerRight, String footerLeft) throws IOException {
    closeContent();
    int total = pages.size();
    for (int i = 0; i < total; i++) {
      try (PDPageContentStream cs = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        content = cs;
        float headerBaseline = PAGE.getHeight() - 28;
        text(headerLeft, true, ReportTheme.SMALL_SIZE, ReportTheme.MUTED, LEFT, headerBaseline);
        textRight(headerRight, false, ReportTheme.SMALL_SIZE, ReportTheme.MUTED, RIGHT, headerBaseline);
        rule(LEFT, headerBaseline - 6, RIGHT, ReportTheme.RULE, 0.6f);
        rule(LEFT, 30, RIGHT, ReportTheme.RULE, 0.6f);
        text(footerLeft, false, ReportTheme.SMALL_SIZE, ReportTheme.MUTED, LEFT, 19);
        textRight("Page " + (i + 1) + " of " + total, false, ReportTheme.SMALL_SIZE, ReportTheme.MUTED, RIGHT, 19);
      } finally {
        content = null;
      }
    }
  }

  private void closeContent() throws IOException {
    if (content != null) {
      content.close();
      content = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeContent();
    fontDrawer.close();
  }

  /** Replaces line breaks and characters the font cannot show, so showText never throws. */
  private static String printable(PDType0Font font, String text) {
    String clean = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    try {
      font.encode(clean);
      return clean;
    } catch (IllegalArgumentException | IOException e) {
      StringBuilder out = new StringBuilder();
      clean.codePoints().forEach(cp -> {
        String ch = new String(Character.toChars(cp));
        try {
          font.encode(ch);
          out.append(ch);
        } catch (IllegalArgumentException | IOException missing) {
          out.append('?');
        }
      });
      return out.toString();
    }
  }
}
