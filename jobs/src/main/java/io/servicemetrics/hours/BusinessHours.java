package io.servicemetrics.hours;

import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Business hours per queue, read from a {@code --business-hours} file (docs/METRICS.md "Business
 * hours"): named schedules, and a map from queue to schedule where {@code "*"} is every other queue.
 * Immutable and serializable, so Spark tasks can use it in a UDF; no Spark here.
 */
public final class BusinessHours implements Serializable {
  /** The queue-map key that stands for every queue the map does not name. */
  public static final String EVERY_OTHER_QUEUE = "*";

  private final String source;
  private final Map<String, Schedule> schedules;
  private final Map<String, String> queues;

  BusinessHours(String source, Map<String, Schedule> schedules, Map<String, String> queues) {
    this.source = source;
    this.schedules = Map.copyOf(schedules);
    this.queues = Map.copyOf(queues);
  }

  /** Reads and validates a file; a missing, unreadable or invalid file is bad input (exit 2). */
  public static BusinessHours read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.unreadableBusinessHours(file.toString(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and validates the JSON text of a business hours file.
   *
   * @param source the file's name as the user gave it, for error messages
   */
  public static BusinessHours parse(String json, String source) {
    return BusinessHoursReader.parse(json, source);
  }

  /** The file this was read from, as the user named it. */
  public String source() {
    return source;
  }

  /** The names of the schedules. */
  public Set<String> scheduleNames() {
    return schedules.keySet();
  }

  /**
   * The name of the schedule a queue follows: its own entry, else {@code "*"}'s; without either, a
   * user error naming the queue (exit 2).
   */
  public String scheduleOf(String queue) {
    String name = queues.get(queue);
    if (name == null) {
      name = queues.get(EVERY_OTHER_QUEUE);
    }
    if (name == null) {
      throw Errors.queueWithoutSchedule(source, queue);
    }
    return name;
  }

  /**
   * Time inside the queue's business hours in {@code [from, to)}, exact to the nanosecond: each
   * instant counts when the version of the schedule in effect at it is open then.
   *
   * @throws IllegalArgumentException when {@code from} is after {@code to}
   */
  public Duration businessTime(String queue, Instant from, Instant to) {
    return schedule(queue).businessTime(from, to);
  }

  /**
   * {@link #businessTime} in seconds with their fraction, as {@code wait_seconds} is: nothing is
   * rounded to seconds or minutes, and a double keeps any wait shorter than a century to better than
   * a microsecond (the resolution of Spark timestamps).
   */
  public double businessSeconds(String queue, Instant from, Instant to) {
    Duration d = businessTime(queue, from, to);
    return d.getSeconds() + d.getNano() / 1e9;
  }

  /** True when the queue's business hours are open at the instant (a contact arriving then). */
  public boolean isOpen(String queue, Instant at) {
    return schedule(queue).isOpen(at);
  }

  Schedule schedule(String queue) {
    return schedules.get(scheduleOf(queue));
  }

  @Override
  public String toString() {
    return "BusinessHours[" + source + ": " + schedules.keySet() + ", queues " + queues + "]";
  }
}
