package io.servicemetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's chart CSVs carry landing text (queues, categories, agent ids): never as formulas. */
class ReportCsvInjectionTest {
  @Test
  void chartCsvCellsFromLandingTextAreNeutralized() {
    List<List<Object>> rows = List.of(
        List.of("issue_category", "chains", "repeat_7d_rate"),
        Arrays.asList("=HYPERLINK(\"http://evil.example\")", 12L, 0.25),
        Arrays.asList("@cmd|' /C calc'!A0", 3L, null),
        Arrays.asList("+billing", 1L, -0.5),
        Arrays.asList("-refunds", 2L, 0.0),
        Arrays.asList("\tinvoice", 4L, 1.0));
    // By hand: prefix ' on text cells that start with = @ + - or a tab, quote cells with quotes.
    assertEquals(String.join("\r\n",
            "issue_category,chains,repeat_7d_rate",
            "\"'=HYPERLINK(\"\"http://evil.example\"\")\",12,0.25",
            "'@cmd|' /C calc'!A0,3,",
            "'+billing,1,-0.5",
            "'-refunds,2,0.0",
            "'\tinvoice,4,1.0") + "\r\n",
        ReportWriter.csv(rows), "chart CSV");
  }
}
