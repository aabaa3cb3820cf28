package io.servicemetrics.hours;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.errors.ServiceMetricsException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a business hours file. The shape is a contract (keys are added, never
 * renamed), so anything it does not know is an error naming its JSON path, never ignored.
 */
final class BusinessHoursReader {
  static final String SCHEDULES = "schedules";
  static final String QUEUES = "queues";
  static final String TIMEZONE = "timezone";
  static final String VERSIONS = "versions";
  static final String VALID_FROM = "valid_from";
  static final String WEEKLY = "weekly";
  static final String HOLIDAYS = "holidays";
  /** Weekday keys of {@code weekly}, Monday first, as java.time numbers them. */
  static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private static final Pattern TIME = Pattern.compile("(\\d\\d):(\\d\\d)");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MINUTES_PER_WEEK = 7 * WeeklyInterval.MINUTES_PER_DAY;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String source;

  private BusinessHoursReader(String source) {
    this.source = source;
  }

  static BusinessHours parse(String json, String source) {
    return new BusinessHoursReader(source).read(json);
  }

  private BusinessHours read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String place = at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      String said = e.getOriginalMessage();
      if (said != null && said.startsWith("Duplicate field")) {
        // Jackson would keep the last value: a silent choice between two schedules, so an error.
        throw bad(place, said.replace("Duplicate field", "the key") + " appears twice in one object",
            "Keep one of the two");
      }
      throw bad(place, "it is not valid JSON (" + said + ")", "Correct the JSON syntax");
    }
    if (root == null || root.isMissingNode()) {
      throw bad("$", "the file is empty", "Write an object with \"schedules\" and \"queues\"");
    }
    object(root, "$", List.of(SCHEDULES, QUEUES));
    JsonNode schedulesNode = required(root, "$", SCHEDULES);
    String schedulesPath = key("$", SCHEDULES);
    object(schedulesNode, schedulesPath, null);
    if (schedulesNode.isEmpty()) {
      throw bad(schedulesPath, "there are no schedules", "Define at least one schedule");
    }
    Map<String, Schedule> schedules = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schedulesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = key(schedulesPath, e.getKey());
      if (e.getKey().isBlank()) {
        throw bad(path, "a schedule name is blank", "Name the schedule, e.g. \"us_office\"");
      }
      schedules.put(e.getKey(), schedule(e.getKey(), e.getValue(), path));
    }
    Map<String, String> queues = queues(required(root, "$", QUEUES), key("$", QUEUES), schedules.keySet());
    return new BusinessHours(source, schedules, queues);
  }

  private Schedule schedule(String name, JsonNode node, String path) {
    object(node, path, List.of(TIMEZONE, VERSIONS));
    String zonePath = key(path, TIMEZONE);
    String zoneName = text(required(node, path, TIMEZONE), zonePath);
    // IANA names only: a fixed offset such as "-05:00" would silently ignore daylight saving.
    if (!ZoneId.getAvailableZoneIds().contains(zoneName)) {
      throw bad(zonePath, "'" + zoneName + "' is not an IANA time zone",
          "Use a zone name of the IANA database such as America/New_York, Europe/Berlin or UTC");
    }
    ZoneId zone = ZoneId.of(zoneName);
    String versionsPath = key(path, VERSIONS);
    JsonNode versionsNode = required(node, path, VERSIONS);
    array(versionsNode, versionsPath);
    if (versionsNode.isEmpty()) {
      throw bad(versionsPath, "there are no versions", "Give at least one version with valid_from and weekly");
    }
    List<ScheduleVersion> versions = new ArrayList<>();
    List<String> holidayPaths = new ArrayList<>();
    for (int i = 0; i < versionsNode.size(); i++) {
      String versionPath = versionsPath + "[" + i + "]";
      ScheduleVersion v = version(versionsNode.get(i), versionPath);
      if (!versions.isEmpty() && !v.validFrom().isAfter(versions.get(i - 1).validFrom())) {
        throw bad(key(versionPath, VALID_FROM), v.validFrom() + " is not after the previous version's valid_from "
            + versions.get(i - 1).validFrom(), "List the versions in order of valid_from, one per date");
      }
      versions.add(v);
      holidayPaths.add(key(versionPath, HOLIDAYS));
    }
    checkHolidaysApply(versions, holidayPaths);
    return new Schedule(name, zone, versions);
  }

  private ScheduleVersion version(JsonNode node, String path) {
    object(node, path, List.of(VALID_FROM, WEEKLY, HOLIDAYS));
    LocalDate validFrom = date(required(node, path, VALID_FROM), key(path, VALID_FROM));
    String weeklyPath = key(path, WEEKLY);
    JsonNode weeklyNode = required(node, path, WEEKLY);
    object(weeklyNode, weeklyPath, WEEKDAYS);
    Map<DayOfWeek, List<WeeklyInterval>> weekly = new EnumMap<>(DayOfWeek.class);
    List<Segment> segments = new ArrayList<>();
    for (int day = 0; day < WEEKDAYS.size(); day++) {
      JsonNode dayNode = weeklyNode.get(WEEKDAYS.get(day));
      if (dayNode == null) {
        continue;
      }
      String dayPath = key(weeklyPath, WEEKDAYS.get(day));
      array(dayNode, dayPath);
      List<WeeklyInterval> intervals = new ArrayList<>();
      for (int j = 0; j < dayNode.size(); j++) {
        String intervalPath = dayPath + "[" + j + "]";
        WeeklyInterval interval = interval(dayNode.get(j), intervalPath);
        intervals.add(interval);
        int from = day * WeeklyInterval.MINUTES_PER_DAY + interval.start();
        int to = from + interval.minutes();
        // Sunday's opening past midnight wraps to Monday morning.
        segments.add(new Segment(from, Math.min(to, MINUTES_PER_WEEK), intervalPath));
        if (to > MINUTES_PER_WEEK) {
          segments.add(new Segment(0, to - MINUTES_PER_WEEK, intervalPath));
        }
      }
      weekly.put(DayOfWeek.of(day + 1), intervals);
    }
    checkDisjoint(segments);
    Set<LocalDate> holidays = new LinkedHashSet<>();
    JsonNode holidaysNode = node.get(HOLIDAYS);
    if (holidaysNode != null) {
      String holidaysPath = key(path, HOLIDAYS);
      array(holidaysNode, holidaysPath);
      for (int j = 0; j < holidaysNode.size(); j++) {
        holidays.add(date(holidaysNode.get(j), holidaysPath + "[" + j + "]"));
      }
    }
    return new ScheduleVersion(validFrom, weekly, holidays);
  }

  /** A part of an opening in minutes of the week, Monday 00:00 = 0, {@code [from, to)}. */
  private record Segment(int from, int to, String path) {}

  private void checkDisjoint(List<Segment> segments) {
    List<Segment> sorted = new ArrayList<>(segments);
    sorted.sort(Comparator.comparingInt(Segment::from));
    for (int i = 1; i < sorted.size(); i++) {
      Segment a = sorted.get(i - 1);
      Segment b = sorted.get(i);
      if (b.from() < a.to()) {
        String first = a.path().compareTo(b.path()) <= 0 ? a.path() : b.path();
        String second = first.equals(a.path()) ? b.path() : a.path();
        throw bad(second, "it overlaps " + first + " (an end before the start runs past midnight into the next day)",
            "Make the intervals of a week disjoint: merge overlapping ones or move a bound (touching is fine)");
      }
    }
  }

  private WeeklyInterval interval(JsonNode node, String path) {
    if (node == null || !node.isArray() || node.size() != 2) {
      throw bad(path, "an interval must be a pair [\"HH:MM\", \"HH:MM\"]", "Write it as [\"09:00\", \"17:00\"]");
    }
    int start = minute(node.get(0), path + "[0]", false);
    int end = minute(node.get(1), path + "[1]", true);
    if (start == end) {
      throw bad(path, "it starts and ends at the same time", "For a whole day write [\"00:00\", \"24:00\"]; remove an empty interval");
    }
    return new WeeklyInterval(start, end);
  }

  private int minute(JsonNode node, String path, boolean isEnd) {
    String value = text(node, path);
    Matcher m = TIME.matcher(value);
    int hours = m.matches() ? Integer.parseInt(m.group(1)) : -1;
    int minutes = m.matches() ? Integer.parseInt(m.group(2)) : -1;
    boolean endOfDay = hours == 24 && minutes == 0;
    if (hours < 0 || minutes > 59 || (hours > 23 && !endOfDay)) {
      throw bad(path, "'" + value + "' is not a local time HH:MM", "Write a time from 00:00 to 23:59 (or 24:00 to end a day)");
    }
    if (endOfDay && !isEnd) {
      throw bad(path, "24:00 can only end an interval", "Start the interval at 00:00 of the next day instead");
    }
    return hours * 60 + minutes;
  }

  /**
   * A holiday a version lists but can never be in effect on (before its valid_from, or on or after
   * the next version's) is almost certainly a mistake, so it is an error rather than silently unused.
   */
  private void checkHolidaysApply(List<ScheduleVersion> versions, List<String> holidayPaths) {
    for (int i = 0; i < versions.size(); i++) {
      ScheduleVersion v = versions.get(i);
      LocalDate until = i + 1 < versions.size() ? versions.get(i + 1).validFrom() : null;
      for (LocalDate h : v.holidays().stream().sorted().toList()) {
        if (h.isBefore(v.validFrom()) || (until != null && !h.isBefore(until))) {
          throw bad(holidayPaths.get(i), "the holiday " + h + " is outside the dates this version is in effect ("
              + v.validFrom() + (until == null ? " on" : " to " + until.minusDays(1)) + ")",
              "List each holiday in the version in effect on its date");
        }
      }
    }
  }

  private Map<String, String> queues(JsonNode node, String path, Set<String> scheduleNames) {
    object(node, path, null);
    if (node.isEmpty()) {
      throw bad(path, "no queue is mapped to a schedule", "Map queues to schedules, e.g. {\"*\": \"us_office\"}");
    }
    Map<String, String> queues = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String queuePath = key(path, e.getKey());
      if (e.getKey().isBlank()) {
        throw bad(queuePath, "a queue name is blank", "Name the queue, or use \"*\" for every other queue");
      }
      String schedule = text(e.getValue(), queuePath);
      if (!scheduleNames.contains(schedule)) {
        throw bad(queuePath, "there is no schedule named '" + schedule + "'", "Use one of " + scheduleNames);
      }
      queues.put(e.getKey(), schedule);
    }
    return queues;
  }

  private JsonNode required(JsonNode parent, String path, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      throw bad(key(path, field), "the required key is missing", "Add \"" + field + "\"");
    }
    return v;
  }

  /** Requires an object whose keys are all in {@code known} (any key when null). */
  private void object(JsonNode node, String path, List<String> known) {
    if (node == null || !node.isObject()) {
      throw bad(path, "expected an object {...}, found " + kind(node), "Write an object here");
    }
    if (known != null) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!known.contains(field)) {
          throw bad(key(path, field), "the key '" + field + "' is unknown here", "Use only " + known);
        }
      }
    }
  }

  private void array(JsonNode node, String path) {
    if (!node.isArray()) {
      throw bad(path, "expected an array [...], found " + kind(node), "Write an array here");
    }
  }

  private String text(JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      throw bad(path, "expected a string, found " + kind(node), "Write a quoted string here");
    }
    return node.asText();
  }

  private LocalDate date(JsonNode node, String path) {
    String value = text(node, path);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw bad(path, "'" + value + "' is not a date YYYY-MM-DD", "Write a local date such as 2026-01-01");
    }
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    return node.isObject() ? "an object" : node.isArray() ? "an array" : node.isTextual() ? "a string"
        : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : node.getNodeType().toString();
  }

  /** A JSON path step: {@code $.a.b}, or {@code $.a['*']} for a key that is not an identifier. */
  static String key(String path, String field) {
    return IDENTIFIER.matcher(field).matches() ? path + "." + field : path + "['" + field.replace("'", "\\'") + "']";
  }

  private ServiceMetricsException bad(String place, String problem, String fix) {
    return Errors.badBusinessHours(source, place, problem, fix);
  }
}
