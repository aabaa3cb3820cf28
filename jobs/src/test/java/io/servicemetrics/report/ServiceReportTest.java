package io.servicemetrics.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.report.ReportModel.PeriodKpis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceReportTest {
  private static String normalized(String text) {
    // Extraction breaks lines where the layout wrapped them; compare on single spaces.
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void everyKpiTilePrintsTheValueDerivedFromTheModel() throws Exception {
    ReportModel model = ReportFixtures.realistic();
    String text = normalized(PdfInspection.text(ServiceReport.render(model).pdf()));
    // Hand-derived from the fixture's literal counts:
    // repeat 1,690 / 9,210 = 18.35% (Wilson 17.57-19.15); previous 1,790 / 9,400 = 19.04% -> -0.7 pp
    // FCR 6,402 / 8,800 = 72.75%; CSAT 2,712 / 3,540 = 76.61%; NPS 100 x (1,180 - 548) / 2,950 = +21.4
    // (trinomial 18.8 to 24.1); AHT 402 s = 6:42;
    // abandon 650 / 12,480 = 5.21%; multiplier 38.2 / 15.9 = 2.40x (1.71-3.32).
    // Speed per channel (REALISTIC_CHANNELS): phone ASA 27 s = 0:27 (previous 34 s: -0:07), service level
    // 5,040 / 6,800 = 74.1% (previous 70.0%: +4.1 pp); chat 62 s = 1:02 (+0:04); e-mail 11,520 s =
    // 3 h 12 min; social 2,400 s = 40:00.
    List<String> expected = List.of("18.3%", "95% CI 17.6\u201319.2%", "-0.7 pp", "72.8%", "76.6%", "+21.4",
        "95% CI +18.8 to +24.1", "6:42", "5.2%", "2.4x", "95% CI 1.7\u20133.3x",
        "Phone: speed of answer", "0:27", "-0:07", "Phone: service level", "74.1%", "+4.1 pp", "within 0:20 of queuing; n = 6,800 queued",
        "Chat: first response", "1:02", "+0:04", "E-mail: first response", "3 h 12 min", "Social: first response", "40:00");
    for (String s : expected) {
      assertTrue(text.contains(s), "the PDF shows " + s);
    }
    PeriodKpis k = model.current().orElseThrow();
    for (String s : List.of(ReportFormat.percent(k.repeatRate()), ReportFormat.percent(k.fcrRate()),
        ReportFormat.percent(k.csat()), ReportFormat.nps(k.nps()),
        ReportFormat.duration(k.ahtSeconds()), ReportFormat.percent(k.abandonRate()))) {
      assertTrue(text.contains(s), "the formatted model value " + s + " is printed");
    }
    // Phone seconds and e-mail hours are never averaged: no all-channel speed of answer (0:48 here).
    assertFalse(text.contains("Average speed of answer"), "no mixed-channel ASA tile");
    assertFalse(text.contains(ReportFormat.duration(k.asaSeconds())), "the mixed mean " + ReportFormat.duration(k.asaSeconds()));
  }

  @Test
  void allSixSectionsArePresentInOrderOneAPage() throws Exception {
    List<String> pages = PdfInspection.pageTexts(ServiceReport.render(ReportFixtures.realistic()).pdf());
    assertEquals(6, pages.size(), "six pages");
    for (int i = 0; i < ServiceReport.SECTIONS.size(); i++) {
      assertTrue(pages.get(i).contains(ServiceReport.SECTIONS.get(i)), "page " + (i + 1) + " is " + ServiceReport.SECTIONS.get(i));
      assertTrue(pages.get(i).contains("Page " + (i + 1) + " of 6"), "page number on page " + (i + 1));
    }
  }

  @Test
  void narrativeStatesDirectionAndMagnitudeOfTheNumbers() throws Exception {
    ReportModel model = ReportFixtures.realistic();
    List<String> sentences = ExecutiveSummary.sentences(model);
    String text = normalized(PdfInspection.text(ServiceReport.render(model).pdf()));
    for (String s : sentences) {
      assertTrue(text.contains(normalized(s)), "narrative sentence printed: " + s);
    }
    // Resolution: pooled resolved 1,858/2,220 = 83.7% vs unresolved 630/1,320 = 47.7% -> +36.0 pp,
    // larger than the per-quartile speed step, so resolving "matters more".
    String resolution = sentences.stream().filter(s -> s.contains("CSAT")).findFirst().orElseThrow();
    assertTrue(resolution.startsWith("Resolving matters more for CSAT than speed"), resolution);
    assertTrue(resolution.contains("+36.0 pp") && resolution.contains("83.7%") && resolution.contains("47.7%"), resolution);
    String wom = sentences.stream().filter(s -> s.contains("unhappy experience")).findFirst().orElseThrow();
    assertTrue(wom.contains("2.4x as many people") && wom.contains("(95% CI 1.7\u20133.3x)")
        && wom.contains("38.2 versus 15.9"), wom);
    assertTrue(wom.contains("in line with the about 2x"), "CI 1.7-3.3 contains 2 and is below 11: " + wom);
    // billing: 560 of 1,690 repeats = 33.1%, rate 560/2,300 = 24.3%
    String driver = sentences.stream().filter(s -> s.contains("queue drives")).findFirst().orElseThrow();
    assertTrue(driver.contains("billing") && driver.contains("33.1%") && driver.contains("24.3%"), driver);
    String kpi = sentences.get(0);
    assertTrue(kpi.contains("12,480 contacts") && kpi.contains("18.3%") && kpi.contains("-0.7 pp"), kpi);
    assertTrue(sentences.size() >= 3 && sentences.size() <= 5, "three to five sentences: " + sentences.size());
  }

  @Test
  void speedBeatingResolutionFlipsTheSentence() {
    ReportModel base = ReportFixtures.realistic();
    // Both fcr groups at 60% everywhere except speed: Q1 90%, Q4 30% -> no resolution gap.
    var cells = List.of(cell(true, 1, 0.9), cell(true, 2, 0.7), cell(true, 3, 0.5), cell(true, 4, 0.3),
        cell(false, 1, 0.9), cell(false, 2, 0.7), cell(false, 3, 0.5), cell(false, 4, 0.3));
    ReportModel model = with(base, Optional.of(cells));
    String s = ExecutiveSummary.sentences(model).get(1);
    assertTrue(s.startsWith("Speed matters more for CSAT than resolving here"), s);
    assertTrue(s.contains("+20.0 pp"), "(90% - 30%) / 3 = +20.0 pp per quartile: " + s);
  }

  private static ReportModel.CsatCell cell(boolean fcr, int q, double p) {
    return new ReportModel.CsatCell(fcr, q, 100, p, p - 0.05, p + 0.05);
  }

  private static ReportModel with(ReportModel m, Optional<List<ReportModel.CsatCell>> cells) {
    return new ReportModel(m.periodEnd(), m.periodDays(), m.current(), m.previous(), m.daily(), m.repeatByQueue(),
        m.repeatByCategory(), cells, m.model(), m.agents(), m.agentsInsufficient(), m.womMultiplier(),
        m.previousMultiplier(), m.womMentions(), m.dataQuality(), m.definitionsVersions(), m.asOf());
  }

  @Test
  void chartsAreVectorsAndEveryFontIsEmbedded() throws Exception {
    ServiceReport.Rendered rendered = ServiceReport.render(ReportFixtures.realistic());
    PdfInspection.Contents contents = PdfInspection.contents(rendered.pdf());
    assertEquals(0, contents.images(), "no image XObjects anywhere, charts included");
    assertEquals(rendered.charts().size(), contents.forms(), "each chart is one form XObject");
    assertEquals(7, rendered.charts().size(), "seven charts in the realistic report");
    assertTrue(contents.unembeddedFonts().isEmpty(), "unembedded fonts: " + contents.unembeddedFonts());
    assertTrue(contents.fonts().stream().allMatch(f -> f.matches("[A-Z]{6}\\+DejaVuSans(-Bold)?")),
        "only subset DejaVu fonts: " + contents.fonts());
    // Chart text is text, in the same fonts: tick labels and reference-line labels are extractable.
    String text = PdfInspection.text(rendered.pdf());
    for (String s : List.of("Q1 (shortest)", "Q4 (longest)", "SPEED TRAP", "11x: folklore",
        "2x: published consumer studies", "not yet final", "billing (560)")) {
      assertTrue(text.contains(s), "chart text selectable: " + s);
    }
  }

  @Test
  void theSameModelRendersToIdenticalBytes() throws Exception {
    byte[] first = ServiceReport.render(ReportFixtures.realistic()).pdf();
    byte[] second = ServiceReport.render(ReportFixtures.realistic()).pdf();
    assertEquals(PdfInspection.text(first), PdfInspection.text(second), "same text");
    assertArrayEquals(first, second, "same bytes: dates from the run date, fixed document id");
  }

  @Test
  void anEmptyWarehouseSaysWhichStagesHaveNotRunAndDrawsNoCharts() throws Exception {
    ServiceReport.Rendered rendered = ServiceReport.render(ReportFixtures.empty());
    assertTrue(rendered.charts().isEmpty(), "no charts without data");
    assertEquals(0, PdfInspection.contents(rendered.pdf()).forms(), "no chart forms in the PDF");
    String text = normalized(PdfInspection.text(rendered.pdf()));
    for (String s : List.of("the metrics stage has not run", "The analytics stage has not run: gold csat_by_fcr_speed is missing.",
        "The analytics stage has not run: gold agent_metrics is missing.",
        "The metrics stage has not run: gold daily_service_metrics is missing.",
        "The word-of-mouth stage has not run", "The ingest stage has not run", "first period")) {
      assertTrue(text.contains(s), "says: " + s);
    }
    for (String section : ServiceReport.SECTIONS) {
      assertTrue(text.contains(section), "section still present: " + section);
    }
  }

  @Test
  void aTinyFirstPeriodExplainsWhatIsMissingInWords() throws Exception {
    ServiceReport.Rendered rendered = ServiceReport.render(ReportFixtures.sparse());
    assertTrue(rendered.charts().isEmpty(), "nothing worth a chart: " + rendered.charts().stream().map(ReportChart::name).toList());
    String text = normalized(PdfInspection.text(rendered.pdf()));
    for (String s : List.of("Not enough surveys in this period to compare (n = 3).",
        "Not enough agents with at least 20 FCR-eligible contacts to draw quadrants (n = 1; 2 more with too little data).",
        "sample of 3 is too small for 5 coefficients", "first period",
        "no negative experiences with a complete follow window",
        "No contacts in this period have a complete 7-day window yet",
        "No ingest runs succeeded for delivery dates in this period.",
        "customers made 9 contacts; none has a complete 7-day window yet")) {
      assertTrue(text.contains(s), "says: " + s);
    }
    assertFalse(text.contains("vs previous"), "no deltas in a first period");
    // Without queued_at the phone wait counts from contact start and service level is not measured.
    for (String s : List.of("Phone: speed of answer", "0:30", "from contact start, IVR included; n = 8",
        "Phone: service level", "not measured: no queued_at in the source",
        "Queue time and service level are not measured for phone")) {
      assertTrue(text.contains(s), "says: " + s);
    }
    assertFalse(text.contains("n/a came back"), "no sentence built around a missing number");
  }

  @Test
  void writesPdfPngAndCsvWithFormulaCellsNeutralized(@TempDir Path dir) throws Exception {
    ReportModel base = ReportFixtures.realistic();
    var agents = new java.util.ArrayList<>(base.agents().orElseThrow());
    var a = agents.get(0);
    agents.set(0, new ReportModel.Agent("=HYPERLINK(\"http://x\")", "@team", a.chains(), a.ahtSeconds(),
        a.fcr7dRate(), a.fcr7dEligible(), a.csatTop2(), a.csatN(), a.quadrant()));
    ReportModel model = new ReportModel(base.periodEnd(), base.periodDays(), base.current(), base.previous(),
        base.daily(), base.repeatByQueue(), base.repeatByCategory(), base.csatBySpeed(), base.model(),
        Optional.of(agents), base.agentsInsufficient(), base.womMultiplier(), base.previousMultiplier(),
        base.womMentions(), base.dataQuality(), base.definitionsVersions(), base.asOf());
    Path pdf = ReportWriter.write(model, dir);
    assertEquals(dir.resolve("service-report-2025-03-28.pdf"), pdf);
    Path charts = dir.resolve("service-report-2025-03-28");
    for (ReportChart c : ServiceReport.render(model).charts()) {
      assertTrue(Files.size(charts.resolve(c.name() + ".png")) > 1000, "PNG for " + c.name());
      assertTrue(Files.exists(charts.resolve(c.name() + ".csv")), "CSV for " + c.name());
    }
    String csv = Files.readString(charts.resolve(AgentsPage.NAME + ".csv"));
    assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\",'@team,"), "formula cells start with a quote: " + csv.lines().limit(3).toList());
    assertFalse(csv.lines().anyMatch(l -> l.startsWith("=") || l.startsWith("@")), "no line starts with a formula");
  }

  @Test
  void contactsOnlyForOneDaySaysNotMeasuredWithItsReasonAndPrintsNoZero() throws Exception {
    // Contacts only (no outcome, no surveys, no mentions), one day: no 7-day window is complete.
    ReportModel model = ReportFixtures.contactsOnlyOneDay();
    String page1 = normalized(PdfInspection.pageTexts(ServiceReport.render(model).pdf()).get(0));
    List<KpiTile> tiles = ExecutiveSummary.tiles(model);
    for (String label : List.of("First-contact resolution", "CSAT (top-2-box)", "NPS", "Word-of-mouth multiplier")) {
      KpiTile tile = tiles.stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
      assertEquals(ReportFormat.NOT_MEASURED, tile.value(), label + " tile value");
      assertTrue(tile.basis().startsWith("not measured: "), label + " gives a reason: " + tile.basis());
      assertTrue(page1.contains(normalized(tile.basis())), "page 1 prints the reason: " + tile.basis());
    }
    for (String s : List.of(
        "not measured: no answered contact from an identified customer has a complete 7-day window",
        "not measured: no surveys were delivered for the period's contacts",
        "not measured: no mentions were delivered for the period",
        "CSAT and NPS are not measured: no surveys were delivered for the period's contacts.",
        "Word of mouth is not measured this period: no mentions were delivered for the period.")) {
      assertTrue(page1.contains(s), "page 1 says: " + s);
    }
    // Five tiles not measured (repeat, FCR, CSAT, NPS, word of mouth), besides the sentences.
    assertTrue(page1.split("not measured", -1).length - 1 >= 5, page1);
    assertFalse(page1.contains("0.0%"), "no unmeasured figure printed as 0.0%: " + page1);
    assertFalse(page1.contains("n/a"), "no bare n/a on page 1: " + page1);
    assertTrue(page1.contains("6.7%"), "the abandon rate 80 / 1,200 is measured");
    KpiTile fcr = tiles.get(1);
    assertEquals("no answered contact from an identified customer has a complete 7-day window",
        ExecutiveSummary.printedNote(fcr), "the demo prints the reason after 'not measured'");
  }

  @Test
  void contactsOnlyForAMonthSaysFcrRestsOnNoRepeatAndLeavesOutEmptyCharts() throws Exception {
    ReportModel model = ReportFixtures.contactsOnly();
    ServiceReport.Rendered rendered = ServiceReport.render(model);
    List<String> pages = PdfInspection.pageTexts(rendered.pdf());
    String page1 = normalized(pages.get(0));
    // FCR 4,900 / 6,800 = 72.06 %, every eligible chain on the no-repeat basis.
    assertTrue(page1.contains("72.1%"), page1);
    assertTrue(page1.contains("n = 6,800 answered contacts; " + ExecutiveSummary.FCR_NO_REPEAT_BASIS), page1);
    assertTrue(page1.contains("72.1% were resolved at first contact (" + ExecutiveSummary.FCR_NO_REPEAT_BASIS + ")"),
        page1);
    assertFalse(page1.contains("0.0%"), page1);
    assertFalse(page1.contains("(none) leads"), "no category driver made of missing categories: " + page1);
    assertTrue(ExecutiveSummary.printedNote(ExecutiveSummary.tiles(model).get(1))
        .endsWith("; " + ExecutiveSummary.FCR_NO_REPEAT_BASIS), "the demo prints the FCR basis");
    String all = normalized(String.join(" ", pages));
    for (String s : List.of("First-contact resolution is " + ExecutiveSummary.FCR_NO_REPEAT_BASIS + ".",
        "Issue categories are not measured: the contact records carry no issue category.",
        "CSAT by resolution and speed is not measured",
        "The regression is not measured",
        "Share of experiences followed by a mention: not measured (no mentions were delivered for the period).",
        "Left out: 10,400 contacts with neither a survey score nor a reported outcome")) {
      assertTrue(all.contains(s), "the report says: " + s);
    }
    List<String> names = rendered.charts().stream().map(ReportChart::name).toList();
    assertEquals(List.of(AgentsPage.NAME, RepeatCharts.TREND, RepeatCharts.BY_QUEUE), names,
        "only charts with something true to show");
  }

  @Test
  void referenceLabelsShortenWhenTheAxisLeavesNoRoomBetweenTwoAndElevenTimes() {
    // Axis 0..ceil(1.1 x 18.4) = 21: 9 units of 21 on a 290 pt plot leave 116 pt, less than
    // "2x: published consumer studies" needs, so it crossed the 11x line on the sample.
    List<String> wide = referenceLabels(18.4);
    assertEquals(List.of("2x: studies", "11x: folklore"), wide, "shortened on a wide axis");
    assertEquals(List.of("2x: published consumer studies", "11x: folklore"), referenceLabels(3.3), "full on 0..13");
  }

  private static List<String> referenceLabels(double high) {
    List<WomCharts.Ratio> ratios = List.of(new WomCharts.Ratio(WomCharts.EXPOSURE, 6.2, 1.7, high, 150L, 95L));
    org.jfree.chart.plot.XYPlot plot = WomCharts.createRatiosChart(WomCharts.createRatiosDataset(ratios), ratios)
        .getXYPlot();
    return plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).stream()
        .map(m -> ((org.jfree.chart.plot.Marker) m).getLabel()).filter(java.util.Objects::nonNull).toList();
  }

  @Test
  void mentionsOnlySaysNotMeasuredForEveryContactFigureAndShowsWhatMentionsMeasure() throws Exception {
    // Only mentions delivered: no contacts, no surveys (issue 16, "Reports that never lie by layout").
    ReportModel model = ReportFixtures.mentionsOnly();
    ServiceReport.Rendered rendered = ServiceReport.render(model);
    List<String> pages = PdfInspection.pageTexts(rendered.pdf());
    assertEquals(6, pages.size(), "six pages");
    String page1 = normalized(pages.get(0));
    List<KpiTile> tiles = ExecutiveSummary.tiles(model);
    for (String label : List.of("Repeat contacts (7 days)", "First-contact resolution", "CSAT (top-2-box)", "NPS",
        "Average handle time", "Abandon rate", "Word-of-mouth multiplier")) {
      KpiTile tile = tiles.stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
      assertEquals(ReportFormat.NOT_MEASURED, tile.value(), label + " tile value");
      assertTrue(page1.contains(normalized(tile.basis())), "page 1 prints the reason: " + tile.basis());
    }
    assertEquals(7, tiles.size(), "no speed tile without any channel_speed row");
    for (String s : List.of("not measured: no contacts were recorded in the period",
        "not measured: no surveys were delivered for the period's contacts",
        "not measured: no contact experience with a complete follow window in the period",
        "Word of mouth is not measured this period: no contact experience with a complete follow window in the period.",
        "In the 28 days to 28 Mar 2025 no contacts were recorded.")) {
      assertTrue(page1.contains(s), "page 1 says: " + s);
    }
    // Repeat, FCR, CSAT, NPS, AHT, abandons, word of mouth: seven tiles' values and seven reasons,
    // plus the word-of-mouth sentence.
    assertEquals(15, page1.split("not measured", -1).length - 1, page1);
    assertFalse(page1.contains("n = 0"), "the abandon tile gives its reason, not n = 0: " + page1);
    String all = normalized(String.join(" ", pages));
    assertFalse(all.contains("0.0%"), "no unmeasured figure printed as 0.0%: " + all);
    assertFalse(all.contains("n/a of"), "no share of nothing: " + all);
    assertFalse(all.contains("Not enough experiences"), "none, not too few: " + all);
    // The word-of-mouth page shows what the 412 unhappy and 655 happy mentions measure: count ratio
    // 412 / 655 = 0.63 -> 0.6x (0.55-0.71), reach per mention 1.85 -> 1.9x (1.31-2.62), total reach
    // 1.16 -> 1.2x (0.81-1.70).
    String wom = normalized(pages.get(4));
    for (String s : List.of(ServiceReport.SECTIONS.get(4), "Mentions: count 0.6x 0.6\u20130.7x 412 655",
        "Mentions: reach per mention 1.9x 1.3\u20132.6x 412 655", "Mentions: total reach 1.2x 0.8\u20131.7x 412 655",
        "Share of experiences followed by a mention: not measured (no contact experience with a complete follow"
            + " window in the period).",
        "People told per experience is not measured: no contact experience with a complete follow window in the"
            + " period.")) {
      assertTrue(wom.contains(s), "the word-of-mouth page says: " + s + " in " + wom);
    }
    assertTrue(normalized(pages.get(3)).contains(
        "No contacts were recorded in this period, so there is no repeat trend to show."), pages.get(3));
    assertEquals(List.of(WomCharts.RATIOS), rendered.charts().stream().map(ReportChart::name).toList(),
        "only the mention ratios are worth a chart");
  }

  @Test
  void aYearTicksByMonthWithoutMarkersAndKeepsTheNotYetFinalBand() throws Exception {
    ReportModel model = ReportFixtures.year();
    assertEquals(365, model.daily().size(), "365 daily points");
    ServiceReport.Rendered rendered = ServiceReport.render(model);
    List<String> pages = PdfInspection.pageTexts(rendered.pdf());
    assertEquals(6, pages.size(), "six pages");
    assertTrue(normalized(pages.get(0)).contains("365 days ending 28 Mar 2025 (29 Mar 2024 \u2013 28 Mar 2025)"),
        pages.get(0));
    String trend = normalized(pages.get(3));
    assertTrue(trend.contains(ServiceReport.SECTIONS.get(3)), trend);
    // Monthly ticks from the first month start in the period (1 Apr 2024) to the last (1 Mar 2025).
    for (String s : List.of("Apr 2024", "May 2024", "Dec 2024", "Jan 2025", "Mar 2025", "not yet final",
        "Days after 21 Mar 2025 are not yet final")) {
      assertTrue(trend.contains(s), "the trend page says: " + s);
    }
    ReportChart chart = rendered.charts().stream().filter(c -> c.name().equals(RepeatCharts.TREND)).findFirst()
        .orElseThrow();
    assertEquals(366, chart.csv().size(), "header and one row a day");
    var renderer = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) chart.chart().getXYPlot().getRenderer();
    assertFalse(renderer.getItemShapeVisible(0, 0), "no markers on 365 points a pixel apart");
    var month = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) RepeatCharts.buildTrend(ReportFixtures.realistic())
        .chart().getXYPlot().getRenderer();
    assertTrue(month.getItemShapeVisible(0, 0), "a month keeps its daily markers");
  }
}
