package io.servicemetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.report.ResolutionWorth.StaffingCell;
import io.servicemetrics.report.ResolutionWorth.ValueRow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The "What resolution is worth" page, rendered from literal gold rows. */
class WorthPageTest {
  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ");
  }

  /** A staffing_intervals row of queue billing, phone, 30-minute intervals, 4 weeks, 80% in 20 s. */
  private static StaffingCell cell(int weekday, String start, long arrivalsTotal, int agents, int positions) {
    return new StaffingCell("phone", weekday, start, 30, 4, arrivalsTotal, arrivalsTotal / 4.0, 300.0, 1_200, 240.0, 60,
        arrivalsTotal / 4.0 * 300 / 1800, 20.0, 0.8, 0.85, 0.30, agents, positions, 0.84, 9.5, 0.7, agents, positions);
  }

  /**
   * resolution_value rows with the gain's figures scaled by g / 5 from the +5 row: FCR 700 of 1,000
   * (70.0%), 300 failed, 0.8 repeat chains per failure; +5 points converts 50 chains, avoiding 40
   * repeat chains, 46 contacts and 3.5 agent hours; 812.0 position hours now, 796.0 after: 16.0 saved
   * at 30 USD = 480 USD; busiest interval 9 positions now, 8 after.
   */
  private static ValueRow value(String queue, int g, Double cost) {
    double f = g / 5.0;
    double saved = 16.0 * f;
    return new ValueRow(queue == null ? "center" : "queue", queue, g, 1_000, 300, 0.7, 0.8, 50 * f, 40 * f, 46 * f,
        3.5 * f, 0.02 * f, 812.0, 812.0 - saved, saved, 9, g >= 5 ? 8 : 9, cost, "USD", cost == null ? null : saved * cost,
        240, 276, 21.0, cost == null ? null : 21.0 * cost);
  }

  private static List<StaffingCell> billingCells() {
    // Monday 09:30 and Tuesday 09:00 both need 9 positions; Monday's has more arrivals (40 > 30).
    return List.of(cell(2, "09:00", 30, 7, 9), cell(1, "09:30", 40, 7, 9), cell(1, "09:00", 20, 4, 6),
        cell(1, "14:00", 8, 2, 3), cell(2, "10:00", 12, 3, 5));
  }

  static ResolutionWorth fixture(Double cost) {
    List<ValueRow> values = List.of(value("billing", 1, cost), value("billing", 5, cost), value("billing", 10, cost),
        value(null, 1, cost), value(null, 5, cost), value(null, 10, cost));
    return new ResolutionWorth("billing", ResolutionWorth.peakDay(billingCells()), values);
  }

  @Test
  void theBusiestQueueIsTheOneNeedingTheMostPositionHoursAndItsPeakWeekdayIsDrawn() {
    ValueRow small = new ValueRow("queue", "sales", 5, 10, 3, 0.7, 1.0, 0.5, 0.5, 0.5, 0.1, 0.01, 100.0, 99.0, 1.0, 2,
        2, null, "USD", null, 3, 3, 1.0, null);
    ValueRow unsized = new ValueRow("queue", "aaa", 5, 10, 3, 0.7, 1.0, 0.5, 0.5, 0.5, 0.1, null, null, null, null,
        null, null, null, "USD", null, 3, 3, 1.0, null);
    assertEquals(Optional.of("billing"),
        ResolutionWorth.busiestQueue(List.of(small, unsized, value("billing", 5, null), value(null, 5, null))),
        "812.0 position hours beat 100.0; an unsized queue and the centre are never the busiest");
    List<StaffingCell> day = ResolutionWorth.peakDay(billingCells());
    assertEquals(List.of("09:00", "09:30", "14:00"), day.stream().map(StaffingCell::intervalStart).toList(),
        "Monday's intervals in time order: its 09:30 ties Tuesday's 9 positions with more arrivals");
    assertTrue(day.stream().allMatch(c -> c.weekday() == 1), "only Monday");
  }

  @Test
  void thePagePrintsTheCurveNowVersusPlusFivePointsTheMoneyAndTheAssumptions() throws Exception {
    ReportModel model = ReportFixtures.realistic().withWorth(Optional.of(fixture(30.0)));
    ServiceReport.Rendered rendered = ServiceReport.render(model);
    List<String> pages = PdfInspection.pageTexts(rendered.pdf());
    assertEquals(7, pages.size(), "the page is added to the six");
    String page = normalized(pages.get(4));
    for (String s : List.of(ServiceReport.SECTION_WORTH, "Page 5 of 7",
        "Busiest queue: billing (phone)", "30-minute interval on Mondays", "its 4 Mondays",
        "Now versus +5 points FCR",
        "At +5 points FCR (FCR 70.0% to 75.0%), billing avoids 40 repeat chains, 46 contacts and 3.5 agent hours",
        "Busiest interval: 9 positions now, 8 at +5 points.",
        "Paid position hours in the period: 812.0 now, 796.0 at +5 points: 16.0 saved.",
        "Worth: 480 USD (16.0 position hours at 30.00 USD an hour).",
        // The table: +1 saves 16.0 x 1/5 = 3.2 position hours = 96 USD; +10: 32.0 = 960 USD; the centre row.
        "billing +1 8 9 0.7 3.2 9 \u2192 9 96 USD", "billing +10 80 92 7.0 32.0 9 \u2192 8 960 USD",
        "Whole centre +5 40 46 3.5 16.0 9 \u2192 8 480 USD",
        "Assumptions.", "goal 80.0% answered within 20 s, occupancy at most 85.0%, shrinkage 30.0%",
        "handle time 5:00 (mean of 1,200 answered chains", "1% of the 1,000 FCR-eligible chains",
        "(0.80 repeat chains")) {
      assertTrue(page.contains(s), "the page shows " + s + "\n" + page);
    }
    assertEquals(ServiceReport.SECTIONS.get(4), "Word of mouth");
    assertTrue(pages.get(5).contains("Word of mouth"), "word of mouth follows");
    ReportChart chart = rendered.charts().stream().filter(c -> c.name().equals(WorthPage.NAME)).findFirst().orElseThrow();
    assertEquals(4, chart.csv().size(), "header and Monday's three intervals");
    assertEquals(List.of("billing", "phone", 1, "09:30", 30, 4, 40L, 10.0, 300.0, 240.0, 10.0 * 300 / 1800, 7, 9, 0.84,
        9.5, 0.7, 7, 9), chart.csv().get(2), "the 09:30 row as gold holds it");
  }

  @Test
  void withoutAnAgentHourCostTheMoneyIsNotPriced() throws Exception {
    ReportModel model = ReportFixtures.realistic().withWorth(Optional.of(fixture(null)));
    String page = normalized(PdfInspection.pageTexts(ServiceReport.render(model).pdf()).get(4));
    assertTrue(page.contains("Worth: not priced: pass --agent-hour-cost."), page);
    assertTrue(page.contains("billing +5 40 46 3.5 16.0 9 \u2192 8 not priced"), "the table's short form: " + page);
    assertFalse(page.contains("USD"), "no currency without a cost: " + page);
  }

  @Test
  void withoutAStaffedQueueThePageSaysNotMeasuredAndWithoutTheTablesItIsLeftOut() throws Exception {
    ReportModel none = ReportFixtures.realistic().withWorth(Optional.of(new ResolutionWorth(null, List.of(), List.of())));
    ServiceReport.Rendered rendered = ServiceReport.render(none);
    String page = normalized(PdfInspection.pageTexts(rendered.pdf()).get(4));
    assertTrue(page.contains("What resolution is worth is not measured: no staffed queue"), page);
    assertTrue(rendered.charts().stream().noneMatch(c -> c.name().equals(WorthPage.NAME)), "no chart");
    assertEquals(6, PdfInspection.pageTexts(ServiceReport.render(ReportFixtures.realistic()).pdf()).size(),
        "no staffing tables: no page");
  }
}
