package io.servicemetrics.hours;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * A named schedule: effective-dated versions of weekly hours in one IANA time zone
 * (docs/METRICS.md "Business hours").
 *
 * <p>The unit of computation is a local date: its open windows are instants, clipped to the date's
 * own span from local midnight to the next local midnight, under the version in effect on that date.
 * So every instant is judged by the version in effect at it (an opening that runs past midnight into a
 * date of a new version continues only if the new version has it too), a holiday closes exactly its
 * local date, and the windows of different dates never overlap, whatever the daylight-saving rules.
 *
 * @param versions sorted by strictly increasing {@code validFrom}; before the first one the schedule
 *     is closed (no hours are defined)
 */
record Schedule(String name, ZoneId zone, List<ScheduleVersion> versions) implements Serializable {
  Schedule {
    versions = List.copyOf(versions);
  }

  /** One open stretch of time, {@code [from, to)}. */
  record Window(Instant from, Instant to) {}

  /** Time open inside {@code [from, to)}, exact to the nanosecond; {@code from} must not be after {@code to}. */
  Duration businessTime(Instant from, Instant to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    Duration total = Duration.ZERO;
    // One date more than the last: where the clock falls back across midnight, the repeated hour's
    // instants carry the earlier date but lie inside the later date's span.
    LocalDate last = localDate(to).plusDays(1);
    for (LocalDate d = localDate(from); !d.isAfter(last); d = d.plusDays(1)) {
      for (Window w : openOn(d)) {
        Instant a = w.from().isAfter(from) ? w.from() : from;
        Instant b = w.to().isBefore(to) ? w.to() : to;
        if (a.isBefore(b)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  boolean isOpen(Instant at) {
    LocalDate d = localDate(at);
    for (LocalDate date : List.of(d, d.plusDays(1))) { // the next date: see businessTime
      for (Window w : openOn(date)) {
        if (!at.isBefore(w.from()) && at.isBefore(w.to())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The open windows of local date {@code d}, each inside {@code [start of d, start of d + 1)}. */
  List<Window> openOn(LocalDate d) {
    ScheduleVersion v = versionOn(d);
    if (v == null || v.holidays().contains(d)) {
      return List.of();
    }
    Instant dayStart = at(d, 0);
    Instant dayEnd = at(d.plusDays(1), 0);
    List<Window> out = new ArrayList<>();
    for (WeeklyInterval i : v.on(d.getDayOfWeek())) {
      // An overnight opening's part after midnight belongs to the next date (and its version).
      add(out, at(d, i.start()), i.overnight() ? dayEnd : at(d, i.end()));
    }
    for (WeeklyInterval i : v.on(d.getDayOfWeek().minus(1))) {
      if (i.overnight()) {
        add(out, dayStart, at(d, i.end()));
      }
    }
    return out;
  }

  private static void add(List<Window> out, Instant from, Instant to) {
    if (from.isBefore(to)) {
      out.add(new Window(from, to));
    }
  }

  /** The version in effect on local date {@code d}, or null before the first one. */
  ScheduleVersion versionOn(LocalDate d) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!versions.get(i).validFrom().isAfter(d)) {
        return versions.get(i);
      }
    }
    return null;
  }

  LocalDate localDate(Instant at) {
    return LocalDate.ofInstant(at, zone);
  }

  /**
   * The earliest instant at which the local clock reads {@code minute} of date {@code d} or later:
   * a time the clock skips (spring forward) is the instant of the switch, a time the clock reads
   * twice (autumn) its first occurrence, and minute 1440 ("24:00") the next date's start. Unlike
   * {@code ZonedDateTime.of}, which moves a skipped time forward by the gap's length, this never
   * puts a later local time before an earlier one, so an opening cannot turn negative.
   */
  Instant at(LocalDate d, int minute) {
    if (minute == WeeklyInterval.MINUTES_PER_DAY) {
      return at(d.plusDays(1), 0);
    }
    LocalDateTime local = d.atTime(minute / 60, minute % 60);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return local.atZone(zone).toInstant(); // an overlap resolves to the earlier offset: the first occurrence
  }
}
