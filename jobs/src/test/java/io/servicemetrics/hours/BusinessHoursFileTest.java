package io.servicemetrics.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A business hours file that cannot be read exactly as written exits 2 naming the place. */
class BusinessHoursFileTest {
  /** One schedule "s" with one version whose weekly part is given, and a queue map. */
  private static String file(String zone, String weekly, String extraVersionKeys, String queues) {
    return """
        {"schedules": {"s": {"timezone": "%s", "versions": [{"valid_from": "2026-01-01", "weekly": %s%s}]}},
         "queues": %s}""".formatted(zone, weekly, extraVersionKeys, queues);
  }

  private static String weekly(String weekly) {
    return file("UTC", weekly, "", "{\"*\": \"s\"}");
  }

  /** Asserts the text is rejected as bad input, with a message starting with the file and place. */
  private static String assertBad(String json, String place, String problem) {
    return assertBad(() -> BusinessHours.parse(json, "hours.json"), place, problem);
  }

  private static String assertBad(Executable executable, String place, String problem) {
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class, executable, place);
    assertEquals(ExitCode.BAD_INPUT, e.exitCode(), "exit 2: " + e.getMessage());
    assertTrue(e.getMessage().startsWith("The business hours file hours.json is invalid at " + place + ": "),
        "names the place " + place + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(problem), "says " + problem + ": " + e.getMessage());
    assertTrue(e.getMessage().contains("docs/METRICS.md \"Business hours\""), "points at the format: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void anUnknownTimeZoneOrAFixedOffsetIsRejected() {
    assertBad(file("America/New_Yrok", "{}", "", "{\"*\": \"s\"}"), "$.schedules.s.timezone",
        "'America/New_Yrok' is not an IANA time zone");
    // An offset is a valid java.time zone but ignores daylight saving: not an IANA name.
    assertBad(file("-05:00", "{}", "", "{\"*\": \"s\"}"), "$.schedules.s.timezone", "'-05:00' is not an IANA time zone");
  }

  @Test
  void overlappingIntervalsAreRejectedNamingBoth() {
    assertBad(weekly("{\"mon\": [[\"09:00\",\"12:00\"], [\"11:00\",\"17:00\"]]}"),
        "$.schedules.s.versions[0].weekly.mon[1]", "overlaps $.schedules.s.versions[0].weekly.mon[0]");
    // Friday's night opening runs into Saturday's early one.
    assertBad(weekly("{\"fri\": [[\"22:00\",\"02:00\"]], \"sat\": [[\"01:00\",\"05:00\"]]}"),
        "$.schedules.s.versions[0].weekly.sat[0]", "overlaps $.schedules.s.versions[0].weekly.fri[0]");
    // Sunday's night opening wraps into Monday morning.
    assertBad(weekly("{\"sun\": [[\"23:00\",\"02:00\"]], \"mon\": [[\"01:00\",\"03:00\"]]}"),
        "$.schedules.s.versions[0].weekly.sun[0]", "overlaps $.schedules.s.versions[0].weekly.mon[0]");
    // Touching is fine, and so is a night opening that ends when the next day's starts.
    BusinessHours.parse(weekly("{\"mon\": [[\"09:00\",\"12:00\"], [\"12:00\",\"17:00\"]],"
        + " \"sun\": [[\"22:00\",\"09:00\"]]}"), "hours.json");
  }

  @Test
  void anUnknownKeyIsRejectedWhereverItIs() {
    assertBad(file("UTC", "{}", ", \"holiday\": [\"2026-12-25\"]", "{\"*\": \"s\"}"),
        "$.schedules.s.versions[0].holiday", "the key 'holiday' is unknown here");
    assertBad(weekly("{\"monday\": [[\"09:00\",\"17:00\"]]}"), "$.schedules.s.versions[0].weekly.monday",
        "the key 'monday' is unknown here");
    assertBad("{\"schedules\": {\"s\": {\"timezone\": \"UTC\", \"zone\": \"UTC\", \"versions\": []}}, \"queues\": {}}",
        "$.schedules.s.zone", "unknown");
    assertBad("{\"schedules\": {}, \"queue\": {}}", "$.queue", "unknown");
  }

  @Test
  void aBadTimeIsRejected() {
    String mon = "$.schedules.s.versions[0].weekly.mon[0]";
    assertBad(weekly("{\"mon\": [[\"9:00\",\"17:00\"]]}"), mon + "[0]", "'9:00' is not a local time HH:MM");
    assertBad(weekly("{\"mon\": [[\"09:00\",\"25:00\"]]}"), mon + "[1]", "'25:00' is not a local time HH:MM");
    assertBad(weekly("{\"mon\": [[\"09:00\",\"12:60\"]]}"), mon + "[1]", "'12:60' is not a local time HH:MM");
    assertBad(weekly("{\"mon\": [[\"09:00\",\"17:00:30\"]]}"), mon + "[1]", "is not a local time HH:MM");
    assertBad(weekly("{\"mon\": [[\"24:00\",\"02:00\"]]}"), mon + "[0]", "24:00 can only end an interval");
    assertBad(weekly("{\"mon\": [[\"09:00\",\"09:00\"]]}"), mon, "starts and ends at the same time");
    assertBad(weekly("{\"mon\": [[\"09:00\"]]}"), mon, "a pair");
    assertBad(weekly("{\"mon\": [[\"09:00\", 17]]}"), mon + "[1]", "expected a string, found a number");
    assertBad(weekly("{\"mon\": [\"09:00\",\"17:00\"]}"), mon, "a pair");
  }

  @Test
  void aQueueTheMapDoesNotCoverIsRejectedWhenAsked() {
    BusinessHours hours = BusinessHours.parse(file("UTC", "{}", "", "{\"billing\": \"s\"}"), "hours.json");
    assertEquals("s", hours.scheduleOf("billing"), "a covered queue");
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> hours.isOpen("orders", Instant.parse("2026-03-02T10:00:00Z")), "orders is not covered");
    assertEquals(ExitCode.BAD_INPUT, e.exitCode(), "exit 2");
    assertTrue(e.getMessage().startsWith(
        "The business hours file hours.json maps no schedule to the queue 'orders' at $.queues"), e.getMessage());
    assertTrue(e.getMessage().contains("Add \"orders\": \"<schedule>\" or \"*\": \"<schedule>\" to $.queues"), e.getMessage());
  }

  @Test
  void aQueueMappedToAnUnknownScheduleIsRejected() {
    assertBad(file("UTC", "{}", "", "{\"billing\": \"s\", \"*\": \"allways\"}"), "$.queues['*']",
        "there is no schedule named 'allways'");
    assertBad(file("UTC", "{}", "", "{}"), "$.queues", "no queue is mapped");
  }

  @Test
  void versionsMustBeInOrderAndHolidaysInsideTheirVersion() {
    String twoVersions = """
        {"schedules": {"s": {"timezone": "UTC", "versions": [
           {"valid_from": "2026-06-01", "weekly": {}, "holidays": ["2026-12-25"]},
           {"valid_from": "%s", "weekly": {}, "holidays": [%s]}]}},
         "queues": {"*": "s"}}""";
    assertBad(twoVersions.formatted("2026-06-01", ""), "$.schedules.s.versions[1].valid_from",
        "2026-06-01 is not after the previous version's valid_from 2026-06-01");
    assertBad(twoVersions.formatted("2026-09-01", ""), "$.schedules.s.versions[0].holidays",
        "the holiday 2026-12-25 is outside the dates this version is in effect (2026-06-01 to 2026-08-31)");
    assertBad(twoVersions.formatted("2027-01-01", "\"2026-12-31\""), "$.schedules.s.versions[1].holidays",
        "the holiday 2026-12-31 is outside the dates this version is in effect (2027-01-01 on)");
    assertBad(twoVersions.formatted("2027-02-30", ""), "$.schedules.s.versions[1].valid_from",
        "'2027-02-30' is not a date YYYY-MM-DD");
  }

  @Test
  void malformedJsonAndDuplicateKeysAreRejectedWithTheirLine() {
    assertBad("{\"schedules\": {\n  \"s\": {\"timezone\": \"UTC\",}}}", "line 2, column 27", "not valid JSON");
    assertBad("{\"schedules\": {},\n \"schedules\": {}}", "line 2, column 13", "the key 'schedules' appears twice");
    assertBad("", "$", "the file is empty");
    assertBad("[]", "$", "expected an object");
    assertBad("{\"queues\": {\"*\": \"s\"}}", "$.schedules", "the required key is missing");
  }

  @Test
  void aMissingFileIsBadInput() {
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> BusinessHours.read(Path.of("/nonexistent/hours.json")), "missing file");
    assertEquals(ExitCode.BAD_INPUT, e.exitCode(), "exit 2");
    assertTrue(e.getMessage().startsWith("Cannot read the business hours file /nonexistent/hours.json"), e.getMessage());
  }

  @Test
  void theShippedSampleScheduleReadsAndCoversTheSampleQueues() {
    // Tests run in the jobs module; the sample lives at the repository root.
    BusinessHours sample = BusinessHours.read(Path.of("..", "data-samples", "business-hours.json"));
    for (String queue : new String[] {"billing", "technical", "orders", "account"}) {
      assertTrue(Set.of("billing_office", "contact_center", "always").contains(sample.scheduleOf(queue)), queue);
    }
  }
}
