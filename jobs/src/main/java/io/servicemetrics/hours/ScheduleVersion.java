package io.servicemetrics.hours;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weekly hours and holidays of a schedule from {@code validFrom} (a local date) until the next
 * version's {@code validFrom}. A weekday that is absent is closed all day.
 *
 * @param weekly openings per weekday, disjoint within the week (checked by the reader, overnight
 *     parts included)
 * @param holidays local dates closed all day (from local midnight to the next local midnight)
 */
record ScheduleVersion(LocalDate validFrom, Map<DayOfWeek, List<WeeklyInterval>> weekly, Set<LocalDate> holidays)
    implements Serializable {
  ScheduleVersion {
    EnumMap<DayOfWeek, List<WeeklyInterval>> copy = new EnumMap<>(DayOfWeek.class);
    weekly.forEach((day, intervals) -> copy.put(day, List.copyOf(intervals)));
    weekly = Collections.unmodifiableMap(copy);
    holidays = Set.copyOf(holidays);
  }

  List<WeeklyInterval> on(DayOfWeek day) {
    return weekly.getOrDefault(day, List.of());
  }
}
