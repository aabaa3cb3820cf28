package io.servicemetrics.report;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * A chart ready to render (into the PDF as vectors, or to PNG) with the data behind it.
 *
 * @param name file stem for the PNG and CSV, e.g. "csat-by-speed"
 * @param chart the styled chart
 * @param csv the chart's data, header row first
 */
public record ReportChart(String name, JFreeChart chart, List<List<Object>> csv) {
  public ReportChart {
    csv = List.copyOf(csv);
  }
}
