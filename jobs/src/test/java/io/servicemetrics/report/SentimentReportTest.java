package io.servicemetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.report.ReportModel.WomMentions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The word-of-mouth page says where mention sentiment came from, how good it is, and what correcting it changes. */
class SentimentReportTest {
  private static final int WOM_PAGE = ServiceReport.SECTIONS.indexOf(ServiceReport.SECTION_WOM);

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static ReportModel with(ReportModel m, WomMentions mentions) {
    return new ReportModel(m.periodEnd(), m.periodDays(), m.current(), m.previous(), m.daily(), m.repeatByQueue(),
        m.repeatByCategory(), m.csatBySpeed(), m.model(), m.agents(), m.agentsInsufficient(), m.womMultiplier(),
        m.previousMultiplier(), Optional.of(mentions), m.dataQuality(), m.definitionsVersions(), m.asOf());
  }

  /** Renders the page, keeps the PDF under target/report-preview for eyes, and returns the page's text. */
  private static String womPage(ReportModel model, String name) throws Exception {
    byte[] pdf = ServiceReport.render(model).pdf();
    Path dir = Path.of("target", "report-preview");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".pdf"), pdf);
    List<String> pages = PdfInspection.pageTexts(pdf);
    assertEquals(ServiceReport.SECTIONS.size(), pages.size(), "still one page a section");
    return normalized(pages.get(WOM_PAGE));
  }

  @Test
  void aModelScoredPeriodShowsAccuracyAndTheCorrectedRatioBesideTheRawOne() throws Exception {
    ReportModel base = ReportFixtures.realistic();
    // Raw 412 / 655 = 0.63; corrected 470.4 / 590.2 = 0.797 (interval 0.66-0.93); reshares 2.4x (1.6-3.5).
    WomMentions m = base.womMentions().orElseThrow()
        .withSentiment("m-20250301-ab12", 0, 0.782, 2_140L, 470.4, 590.2, 470.4 / 590.2, 0.66, 0.93)
        .withReshares(2.4, 1.6, 3.5);
    String page = womPage(with(base, m), "sentiment-model");
    assertTrue(page.contains("Sentiment: model m-20250301-ab12, cross-validated accuracy 78.2% (2,140 labels)."), page);
    assertTrue(page.contains("unhappy versus happy mentions 0.8x (0.7" + ReportFormat.RANGE + "0.9x) against 0.6x (0.6"
        + ReportFormat.RANGE + "0.7x) as labelled."), page);
    // The table rows: corrected counts rounded (470, 590), the reshare ratio with its interval.
    assertTrue(page.contains(WomCharts.INCIDENCE_CORRECTED + " 0.8x 0.7" + ReportFormat.RANGE + "0.9x 470 590"), page);
    assertTrue(page.contains(WomCharts.RESHARES + " 2.4x 1.6" + ReportFormat.RANGE + "3.5x 412 655"), page);
    assertFalse(page.contains("built-in word list"), "a trained model is not the lexicon");
  }

  @Test
  void aLexiconScoredPeriodSaysSoPlainlyAndShowsNoCorrection() throws Exception {
    ReportModel base = ReportFixtures.realistic();
    WomMentions m = base.womMentions().orElseThrow().withSentiment(null, 1_067, null, null, null, null, null, null, null);
    String page = womPage(with(base, m), "sentiment-lexicon");
    assertTrue(page.contains(WomCharts.LEXICON_WARNING + " 1,067 of the period's mentions were labelled so"), page);
    assertFalse(page.contains("Sentiment: model"), page);
    assertFalse(page.contains(WomCharts.INCIDENCE_CORRECTED), "no model, no corrected row");
    assertFalse(page.contains(WomCharts.RESHARES), "no reshare ratio delivered, no row");
  }

  @Test
  void vendorLabelsOnlySayNothingAboutAScorer() {
    assertEquals(null, WomCharts.sentimentText(ReportFixtures.realistic()));
  }
}
