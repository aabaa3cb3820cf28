package io.servicemetrics.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The business-time model on literal schedules, one test per known failure case of business-hours
 * implementations (issue 17). Every expected value is worked out by hand in the comment beside it.
 */
class BusinessHoursTest {
  private static final String Q = "billing";

  /** One schedule "s" for every queue, with the given versions (a JSON array). */
  static BusinessHours versions(String zone, String versionsJson) {
    return BusinessHours.parse("""
        {"schedules": {"s": {"timezone": "%s", "versions": %s}}, "queues": {"*": "s"}}
        """.formatted(zone, versionsJson), "test.json");
  }

  /** One schedule "s" for every queue with one version from 2000-01-01. */
  static BusinessHours weekly(String zone, String weeklyJson, String holidaysJson) {
    return versions(zone, """
        [{"valid_from": "2000-01-01", "weekly": %s, "holidays": %s}]""".formatted(weeklyJson, holidaysJson));
  }

  static BusinessHours weekly(String zone, String weeklyJson) {
    return weekly(zone, weeklyJson, "[]");
  }

  static final String ALWAYS = """
      {"mon": [["00:00","24:00"]], "tue": [["00:00","24:00"]], "wed": [["00:00","24:00"]], "thu": [["00:00","24:00"]],
       "fri": [["00:00","24:00"]], "sat": [["00:00","24:00"]], "sun": [["00:00","24:00"]]}""";

  static final String NINE_TO_FIVE = """
      {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]], "wed": [["09:00","17:00"]],
       "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}""";

  private static Instant t(String instant) {
    return Instant.parse(instant);
  }

  private static void assertSeconds(double expected, BusinessHours hours, String from, String to, String message) {
    assertEquals(expected, hours.businessSeconds(Q, t(from), t(to)), 0.0, message);
  }

  @Test
  void springForwardInsideAnOpenIntervalInAmericaCountsTheRealHours() {
    // New York, Sunday 2026-03-08: 02:00 EST becomes 03:00 EDT. Open Sunday 00:00-06:00 local:
    // 00:00 EST = 05:00Z to 06:00 EDT = 10:00Z, five real hours (six on the wall clock).
    BusinessHours hours = weekly("America/New_York", "{\"sun\": [[\"00:00\",\"06:00\"]]}");
    assertSeconds(5 * 3600, hours, "2026-03-08T04:00:00Z", "2026-03-08T12:00:00Z", "00:00-06:00 on the switch day");
    // An opening that starts at a skipped time starts at the switch: 02:30-04:00 is 03:00-04:00 EDT.
    BusinessHours skipped = weekly("America/New_York", "{\"sun\": [[\"02:30\",\"04:00\"]]}");
    assertSeconds(3600, skipped, "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z", "02:30-04:00 on the switch day");
    // 02:30-03:15 is 03:00-03:15 EDT (moving 02:30 forward by the gap, to 03:30, would make it negative).
    BusinessHours short_ = weekly("America/New_York", "{\"sun\": [[\"02:30\",\"03:15\"]]}");
    assertSeconds(900, short_, "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z", "02:30-03:15 on the switch day");
    assertFalse(short_.isOpen(Q, t("2026-03-08T06:59:59Z")), "01:59:59 EST, before the switch");
    assertTrue(short_.isOpen(Q, t("2026-03-08T07:00:00Z")), "03:00 EDT, the switch");
  }

  @Test
  void fallBackInsideAnOpenIntervalInAmericaCountsTheRepeatedHour() {
    // New York, Sunday 2026-11-01: 02:00 EDT becomes 01:00 EST. Open Sunday 00:00-06:00 local:
    // 00:00 EDT = 04:00Z to 06:00 EST = 11:00Z, seven real hours.
    BusinessHours hours = weekly("America/New_York", "{\"sun\": [[\"00:00\",\"06:00\"]]}");
    assertSeconds(7 * 3600, hours, "2026-11-01T00:00:00Z", "2026-11-01T12:00:00Z", "00:00-06:00 on the switch day");
    // 01:00-02:00 runs from the first 01:00 (EDT, 05:00Z) to 02:00 EST (07:00Z): two real hours.
    BusinessHours repeated = weekly("America/New_York", "{\"sun\": [[\"01:00\",\"02:00\"]]}");
    assertSeconds(2 * 3600, repeated, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "01:00-02:00 on the switch day");
    assertTrue(repeated.isOpen(Q, t("2026-11-01T06:30:00Z")), "01:30 EST, the second 01:30");
    assertFalse(repeated.isOpen(Q, t("2026-11-01T07:00:00Z")), "02:00 EST");
  }

  @Test
  void springForwardInsideAnOvernightIntervalInEuropeCountsTheRealHours() {
    // Berlin, Sunday 2026-03-29: 02:00 CET becomes 03:00 CEST. Open Saturday 22:00 to Sunday 06:00:
    // 22:00 CET = 21:00Z to 06:00 CEST = 04:00Z, seven real hours (eight on the wall clock).
    BusinessHours hours = weekly("Europe/Berlin", "{\"sat\": [[\"22:00\",\"06:00\"]]}");
    assertSeconds(7 * 3600, hours, "2026-03-28T20:00:00Z", "2026-03-29T10:00:00Z", "Saturday night over the switch");
  }

  @Test
  void fallBackInsideAnOvernightIntervalInEuropeCountsTheRepeatedHour() {
    // Berlin, Sunday 2026-10-25: 03:00 CEST becomes 02:00 CET. Saturday 22:00 CEST = 20:00Z to Sunday
    // 06:00 CET = 05:00Z: nine real hours.
    BusinessHours hours = weekly("Europe/Berlin", "{\"sat\": [[\"22:00\",\"06:00\"]]}");
    assertSeconds(9 * 3600, hours, "2026-10-24T19:00:00Z", "2026-10-25T10:00:00Z", "Saturday night over the switch");
    assertTrue(hours.isOpen(Q, t("2026-10-25T01:30:00Z")), "02:30 CET, the second 02:30");
  }

  @Test
  void aHolidayFarFromUtcIsClosedFromLocalMidnightToLocalMidnight() {
    // Kiritimati is UTC+14: its 2026-12-25 runs from 2026-12-24T10:00Z to 2026-12-25T10:00Z.
    BusinessHours east = weekly("Pacific/Kiritimati", ALWAYS, "[\"2026-12-25\"]");
    assertSeconds(24 * 3600, east, "2026-12-24T00:00:00Z", "2026-12-26T00:00:00Z", "48 hours around the holiday");
    assertTrue(east.isOpen(Q, t("2026-12-24T09:59:59Z")), "23:59:59 on the 24th, local");
    assertFalse(east.isOpen(Q, t("2026-12-24T10:00:00Z")), "local midnight starting the 25th");
    assertFalse(east.isOpen(Q, t("2026-12-25T09:59:59Z")), "23:59:59 on the 25th, local");
    assertTrue(east.isOpen(Q, t("2026-12-25T10:00:00Z")), "local midnight starting the 26th");
    // Pago Pago is UTC-11: its 2026-12-25 runs from 2026-12-25T11:00Z to 2026-12-26T11:00Z.
    BusinessHours west = weekly("Pacific/Pago_Pago", ALWAYS, "[\"2026-12-25\"]");
    assertSeconds(12 * 3600, west, "2026-12-25T00:00:00Z", "2026-12-26T12:00:00Z", "11 h before and 1 h after");
    assertTrue(west.isOpen(Q, t("2026-12-25T10:59:59Z")), "23:59:59 on the 24th, local");
    assertFalse(west.isOpen(Q, t("2026-12-26T10:59:59Z")), "23:59:59 on the 25th, local");
  }

  @Test
  void aHolidayClosesItsLocalDateEvenInsideANightOpening() {
    // Night openings 22:00-02:00 every Thursday and Friday (UTC); Friday 2026-12-25 is a holiday.
    BusinessHours hours = weekly("UTC", "{\"thu\": [[\"22:00\",\"02:00\"]], \"fri\": [[\"22:00\",\"02:00\"]]}",
        "[\"2026-12-25\"]");
    // Thursday night: 22:00-24:00 open, its after-midnight part falls on the holiday and is closed.
    assertSeconds(2 * 3600, hours, "2026-12-24T20:00:00Z", "2026-12-25T12:00:00Z", "Thursday night");
    // Friday night: closed until midnight (the holiday), open Saturday 00:00-02:00.
    assertSeconds(2 * 3600, hours, "2026-12-25T12:00:00Z", "2026-12-26T12:00:00Z", "Friday night");
  }

  @Test
  void aVersionChangingMidWeekAndMidWaitCountsEachPartUnderItsOwnVersion() {
    // From Wednesday 2026-06-17 the office opens 08:00-20:00 instead of 09:00-17:00 (New York, EDT = UTC-4).
    BusinessHours hours = versions("America/New_York", """
        [{"valid_from": "2026-01-01", "weekly": %s},
         {"valid_from": "2026-06-17", "weekly": {"mon": [["08:00","20:00"]], "tue": [["08:00","20:00"]],
          "wed": [["08:00","20:00"]], "thu": [["08:00","20:00"]], "fri": [["08:00","20:00"]]}}]""".formatted(NINE_TO_FIVE));
    // Tuesday 16:00 to Wednesday 09:00 local: Tuesday 16:00-17:00 under the old version, Wednesday
    // 08:00-09:00 under the new one (the old one alone gives 1 h, the new one alone 5 h).
    assertSeconds(2 * 3600, hours, "2026-06-16T20:00:00Z", "2026-06-17T13:00:00Z", "wait over the change");
    assertFalse(hours.isOpen(Q, t("2026-06-16T12:30:00Z")), "Tuesday 08:30, old version");
    assertTrue(hours.isOpen(Q, t("2026-06-17T12:30:00Z")), "Wednesday 08:30, new version");
  }

  @Test
  void aVersionChangeInsideAnOvernightIntervalEndsItAtTheChange() {
    // Friday 22:00-02:00 until Saturday 2026-03-07, when the night opening stops (UTC).
    BusinessHours hours = versions("UTC", """
        [{"valid_from": "2026-01-01", "weekly": {"fri": [["22:00","02:00"]]}},
         {"valid_from": "2026-03-07", "weekly": {"mon": [["09:00","17:00"]]}}]""");
    assertSeconds(2 * 3600, hours, "2026-03-06T21:00:00Z", "2026-03-07T03:00:00Z", "Friday 22-24 only");
    // One week earlier both parts are under the old version: 22:00-02:00, four hours.
    assertSeconds(4 * 3600, hours, "2026-02-27T21:00:00Z", "2026-02-28T03:00:00Z", "the whole night");
    // The other way round: a night opening that starts with a version from Saturday has its Saturday part.
    BusinessHours starting = versions("UTC", """
        [{"valid_from": "2026-01-01", "weekly": {"mon": [["09:00","17:00"]]}},
         {"valid_from": "2026-03-07", "weekly": {"fri": [["22:00","02:00"]]}}]""");
    assertSeconds(2 * 3600, starting, "2026-03-06T21:00:00Z", "2026-03-07T03:00:00Z", "Saturday 00-02 only");
  }

  @Test
  void anIntervalCrossingMidnightRunsIntoTheNextDay() {
    // Friday 2026-03-06 22:00 to Saturday 02:00 (UTC); the wait starts Friday 23:30.
    BusinessHours hours = weekly("UTC", "{\"fri\": [[\"22:00\",\"02:00\"]]}");
    assertSeconds(2.5 * 3600, hours, "2026-03-06T23:30:00Z", "2026-03-07T03:00:00Z", "Friday night");
    assertTrue(hours.isOpen(Q, t("2026-03-07T01:59:59Z")), "Saturday 01:59:59");
    assertFalse(hours.isOpen(Q, t("2026-03-07T02:00:00Z")), "Saturday 02:00");
    // Sunday night runs into Monday across the week's end; an end of 00:00 is the next midnight.
    BusinessHours sunday = weekly("UTC", "{\"sun\": [[\"23:00\",\"01:00\"]], \"mon\": [[\"22:00\",\"00:00\"]]}");
    assertSeconds(2 * 3600, sunday, "2026-03-08T22:00:00Z", "2026-03-09T02:00:00Z", "Sunday 23:00 to Monday 01:00");
    assertSeconds(2 * 3600, sunday, "2026-03-09T20:00:00Z", "2026-03-10T02:00:00Z", "Monday 22:00 to midnight");
  }

  @Test
  void aWaitEntirelyOutsideHoursCountsZeroAndArrivedWhileClosed() {
    BusinessHours hours = weekly("America/New_York", NINE_TO_FIVE);
    // Friday 2026-03-06 18:00 EST to Saturday 10:00 EST: closed throughout.
    assertSeconds(0, hours, "2026-03-06T23:00:00Z", "2026-03-07T15:00:00Z", "Friday evening to Saturday");
    assertFalse(hours.isOpen(Q, t("2026-03-06T23:00:00Z")), "arrived while closed");
    // The e-mail of the issue: Friday 18:00 EST to Monday 09:00 EDT is 62 calendar hours (the clocks
    // sprang forward on Sunday) and 0 business seconds; answered at 09:30 it waited 1,800.
    assertEquals(Duration.ofHours(62), Duration.between(t("2026-03-06T23:00:00Z"), t("2026-03-09T13:00:00Z")),
        "calendar time");
    assertSeconds(0, hours, "2026-03-06T23:00:00Z", "2026-03-09T13:00:00Z", "answered at opening");
    assertSeconds(1800, hours, "2026-03-06T23:00:00Z", "2026-03-09T13:30:00Z", "answered at 09:30");
    assertTrue(hours.isOpen(Q, t("2026-03-09T13:00:00Z")), "Monday 09:00 EDT is open");
    assertSeconds(0, hours, "2026-03-09T13:00:00Z", "2026-03-09T13:00:00Z", "an empty wait");
  }

  @Test
  void aSevenDayScheduleCountsCalendarSecondsAcrossWeekEndsAndDaylightSaving() {
    String[][] waits = {
        {"2026-03-07T17:00:00Z", "2026-03-10T16:00:00Z"}, // New York spring: Saturday to Tuesday, 71 h
        {"2026-10-31T16:00:00Z", "2026-11-03T17:00:00Z"}, // New York autumn: 73 h
        {"2026-03-28T11:00:00Z", "2026-03-30T10:00:00Z"}, // Berlin spring
        {"2026-10-24T10:00:00Z", "2026-10-26T11:00:00Z"}, // Berlin autumn
        {"2026-12-27T23:59:59.5Z", "2027-01-04T00:00:00.25Z"}, // a week and a year end, fractions
    };
    for (String zone : new String[] {"America/New_York", "Europe/Berlin", "UTC"}) {
      BusinessHours always = weekly(zone, ALWAYS);
      for (String[] w : waits) {
        assertEquals(Duration.between(t(w[0]), t(w[1])), always.businessTime(Q, t(w[0]), t(w[1])),
            zone + " " + w[0] + " to " + w[1]);
        assertTrue(always.isOpen(Q, t(w[0])), zone + " open at " + w[0]);
      }
    }
    assertEquals(71 * 3600.0, weekly("America/New_York", ALWAYS)
        .businessSeconds(Q, t(waits[0][0]), t(waits[0][1])), 0.0, "71 h, not 72");
  }

  @Test
  void aZoneThatStoppedObservingDaylightSavingFollowsTheTimeZoneDatabase() {
    // Sao Paulo sprang forward at midnight on Sunday 2018-11-04 (00:00 became 01:00, UTC-2) and has
    // kept UTC-3 all year since 2019. Open Sunday 00:00-06:00 local.
    BusinessHours hours = weekly("America/Sao_Paulo", "{\"sun\": [[\"00:00\",\"06:00\"]]}");
    // 2018: 01:00 -02 = 03:00Z (the switch) to 06:00 -02 = 08:00Z, five hours.
    assertSeconds(5 * 3600, hours, "2018-11-04T00:00:00Z", "2018-11-05T00:00:00Z", "2018, DST began");
    // 2019, the same Sunday of the year: 00:00 -03 = 03:00Z to 06:00 -03 = 09:00Z, six hours.
    assertSeconds(6 * 3600, hours, "2019-11-03T00:00:00Z", "2019-11-04T00:00:00Z", "2019, no DST any more");
    assertTrue(hours.isOpen(Q, t("2019-11-03T08:30:00Z")), "05:30 -03 in 2019");
    assertFalse(hours.isOpen(Q, t("2018-11-04T08:30:00Z")), "06:30 -02 in 2018");
  }

  @Test
  void waitsAreCountedInSecondsWithTheirFractionNotRoundedToMinutes() {
    BusinessHours hours = weekly("UTC", "{\"mon\": [[\"09:00\",\"17:00\"]]}");
    // Monday 2026-03-09: 16:59:59.250 to 17:00:30 has 0.75 s inside hours.
    assertEquals(Duration.ofMillis(750), hours.businessTime(Q, t("2026-03-09T16:59:59.250Z"), t("2026-03-09T17:00:30Z")),
        "three quarters of a second before closing");
    assertSeconds(0.75, hours, "2026-03-09T16:59:59.250Z", "2026-03-09T17:00:30Z", "as seconds");
    assertSeconds(45.5, hours, "2026-03-09T08:59:30Z", "2026-03-09T09:00:45.500Z", "45.5 s after opening");
    assertSeconds(59, hours, "2026-03-09T08:59:00Z", "2026-03-09T09:00:59Z", "59 s, not 0 or 1 minute");
    assertEquals(Duration.ofNanos(1000), hours.businessTime(Q, t("2026-03-09T09:00:00Z"), t("2026-03-09T09:00:00.000001Z")),
        "one microsecond");
  }

  @Test
  void theQueueMapSendsEachQueueToItsScheduleAndEveryOtherQueueToTheStar() {
    BusinessHours hours = BusinessHours.parse("""
        {"schedules": {
           "us_office": {"timezone": "America/New_York", "versions": [
              {"valid_from": "2026-01-01", "weekly": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]], "wed": [["09:00","17:00"]],
                                                     "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}, "holidays": ["2026-11-26"]}]},
           "always": {"timezone": "UTC", "versions": [{"valid_from": "2000-01-01", "weekly": {"mon": [["00:00","24:00"]], "tue": [["00:00","24:00"]],
              "wed": [["00:00","24:00"]], "thu": [["00:00","24:00"]], "fri": [["00:00","24:00"]], "sat": [["00:00","24:00"]], "sun": [["00:00","24:00"]]}}]}},
         "queues": {"billing": "us_office", "*": "always"}}
        """, "issue-17.json");
    assertEquals("us_office", hours.scheduleOf("billing"), "named queue");
    assertEquals("always", hours.scheduleOf("orders"), "every other queue");
    // Thanksgiving 2026-11-26, Thursday: billing closed all day, orders open.
    Instant from = t("2026-11-26T14:00:00Z");
    Instant to = t("2026-11-27T15:00:00Z"); // Friday 10:00 EST
    assertEquals(3600.0, hours.businessSeconds("billing", from, to), 0.0, "billing: Friday 09:00-10:00 only");
    assertEquals(25 * 3600.0, hours.businessSeconds("orders", from, to), 0.0, "orders: every second");
    assertFalse(hours.isOpen("billing", from), "billing on Thanksgiving");
    assertTrue(hours.isOpen("orders", from), "orders on Thanksgiving");
  }
}
