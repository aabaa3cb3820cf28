package io.servicemetrics.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  @Test
  void formatsEachKindOfNumberOneWay() {
    assertEquals("15.3%", ReportFormat.percent(0.1534));
    assertEquals("14.1\u201316.5%", ReportFormat.percentRange(0.1412, 0.16549));
    assertEquals("-1.2 pp", ReportFormat.points(-0.012));
    assertEquals("+0.0 pp", ReportFormat.points(-0.00001), "a change that rounds to zero is not negative");
    assertEquals("5:13", ReportFormat.duration(312.6));
    assertEquals("0:48", ReportFormat.duration(48.0));
    assertEquals("+0:12", ReportFormat.durationDelta(12.2));
    assertEquals("-1:05", ReportFormat.durationDelta(-65.0));
    assertEquals("5.2 min", ReportFormat.minutes(312.0));
    assertEquals("+23.4", ReportFormat.nps(23.42));
    assertEquals("-5.0", ReportFormat.nps(-5.0));
    assertEquals("2.4x", ReportFormat.ratio(2.43));
    assertEquals("<0.001", ReportFormat.pValue(0.0004));
    assertEquals("0.042", ReportFormat.pValue(0.0421));
    assertEquals("12,345", ReportFormat.count(12_345));
    assertEquals("28 Mar 2025", ReportFormat.day(LocalDate.of(2025, 3, 28)));
    assertEquals(ReportFormat.NONE, ReportFormat.percent(null));
  }

  @Test
  void wilsonAndNpsIntervalsMatchHandComputedValues() {
    // Wilson 8/10: centre (0.8 + 1.9208/10) / 1.38415 = 0.71667, half 0.22658 -> 0.4902, 0.9433
    assertArrayEquals(new double[] {0.490162, 0.943318}, Intervals.wilson(8, 10), 1e-6);
    assertArrayEquals(new double[] {0.0, 0.434482}, Intervals.wilson(0, 5), 1e-6);
    assertNull(Intervals.wilson(0, 0));
    // NPS 1,180 promoters, 548 detractors of 2,950: 21.424 +/- 1.96 x 100 x sqrt((0.5861 - 0.0459) / 2950)
    assertArrayEquals(new double[] {18.772302, 24.075156}, Intervals.nps(1180, 548, 2950), 1e-5);
  }

  @Test
  void medianIsTheMeanOfTheMiddleTwoForAnEvenCount() {
    assertEquals(2.5, AgentsPage.median(new double[] {4, 1, 3, 2}));
    assertEquals(3.0, AgentsPage.median(new double[] {5, 3, 1}));
  }
}
