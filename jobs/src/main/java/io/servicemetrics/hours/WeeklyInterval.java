package io.servicemetrics.hours;

import java.io.Serializable;

/**
 * One opening of a weekday, in local minutes of the day: {@code [start, end)}. {@code end} is 1..1440
 * (1440 is "24:00", the end of the day); an end before the start runs past midnight into the next day
 * (so an end of 0, "00:00", after a later start ends at the next midnight).
 *
 * @param start minute of the day the opening starts, 0..1439
 * @param end minute of the day it ends, 0..1440, never equal to {@code start}
 */
record WeeklyInterval(int start, int end) implements Serializable {
  static final int MINUTES_PER_DAY = 24 * 60;

  WeeklyInterval {
    if (start < 0 || start >= MINUTES_PER_DAY || end < 0 || end > MINUTES_PER_DAY || start == end) {
      throw new IllegalArgumentException("interval " + start + ".." + end);
    }
  }

  /** True when the opening runs past midnight into the next day. */
  boolean overnight() {
    return end < start;
  }

  /** Length in minutes of local wall time (a daylight-saving switch can make the real length differ). */
  int minutes() {
    return overnight() ? MINUTES_PER_DAY - start + end : end - start;
  }
}
