package io.servicemetrics.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the realistic fixture's report to target/report-preview, for bin/preview-report and eyes. */
class ReportPreviewTest {
  @Test
  void writesTheRealisticReportWithItsChartFiles() throws Exception {
    Path out = Path.of("target", "report-preview");
    Path pdf = ReportWriter.write(ReportFixtures.realistic(), out);
    assertTrue(Files.size(pdf) > 10_000, "a six-page PDF with charts is not tiny: " + Files.size(pdf));
    assertTrue(Files.exists(out.resolve("service-report-2025-03-28").resolve(AgentsPage.NAME + ".png")), "agent PNG");
    ReportWriter.write(ReportFixtures.sparse(), out.resolve("sparse"));
    ReportWriter.write(ReportFixtures.empty(), out.resolve("empty"));
    ReportWriter.write(ReportFixtures.contactsOnly(), out.resolve("contacts-only"));
    ReportWriter.write(ReportFixtures.contactsOnlyOneDay(), out.resolve("contacts-only-one-day"));
    ReportWriter.write(ReportFixtures.mentionsOnly(), out.resolve("mentions-only"));
    ReportWriter.write(ReportFixtures.year(), out.resolve("year"));
  }
}
