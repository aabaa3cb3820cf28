package io.servicemetrics.report;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.io.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the report files: {@code <out>/service-report-<D>.pdf} and, in
 * {@code <out>/service-report-<D>/}, each chart as PNG (for slides and e-mail) and its data as CSV.
 */
public final class ReportWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
  /** PNG size in points; written at 2x for sharp slides. */
  public static final int PNG_WIDTH = 800;
  public static final int PNG_HEIGHT = 450;
  public static final double PNG_SCALE = 2.0;

  private ReportWriter() {}

  /** Renders and writes everything; returns the PDF's path. */
  public static Path write(ReportModel model, Path outDir) {
    try {
      ServiceReport.Rendered rendered = ServiceReport.render(model);
      Files.createDirectories(outDir);
      String stem = "service-report-" + model.periodEnd();
      Path pdf = outDir.resolve(stem + ".pdf");
      Files.write(pdf, rendered.pdf());
      Path chartDir = outDir.resolve(stem);
      Files.createDirectories(chartDir);
      for (ReportChart chart : rendered.charts()) {
        try (OutputStream out = Files.newOutputStream(chartDir.resolve(chart.name() + ".png"))) {
          ChartUtils.writeScaledChartAsPNG(out, chart.chart(), PNG_WIDTH, PNG_HEIGHT, (int) PNG_SCALE, (int) PNG_SCALE);
        }
        Files.writeString(chartDir.resolve(chart.name() + ".csv"), csv(chart.csv()), StandardCharsets.UTF_8);
      }
      LOG.info("Wrote {} and {} charts to {}", pdf, rendered.charts().size(), chartDir);
      return pdf;
    } catch (IOException | UncheckedIOException e) {
      throw Errors.io("Cannot write the report to " + outDir, e);
    }
  }

  /** RFC 4180 lines with formula-leading cells neutralized (io.CsvCells). */
  static String csv(List<List<Object>> rows) {
    StringBuilder out = new StringBuilder();
    for (List<Object> row : rows) {
      out.append(CsvCells.line(row)).append("\r\n");
    }
    return out.toString();
  }
}
