package io.servicemetrics.config;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.io.Warehouse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What one ingest run needs, validated once. A nightly run ingests one delivery day; a bulk
 * backfill ingests a range of them in one pass.
 *
 * @param firstDay first delivery day (landing folder date=) to read
 * @param lastDay last delivery day, inclusive
 * @param landing the landing zone root (any Hadoop filesystem URI)
 * @param businessZone zone of timestamps that carry no offset
 */
public record IngestConfig(
    LocalDate firstDay, LocalDate lastDay, String landing, Warehouse warehouse, ZoneId businessZone, PiiKey piiKey) {
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

  public IngestConfig {
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(landing, "landing");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(businessZone, "businessZone");
    Objects.requireNonNull(piiKey, "piiKey");
    if (lastDay.isBefore(firstDay)) {
      throw Errors.badArgument("The delivery range " + firstDay + ".." + lastDay + " is empty",
          "Its last day is before its first", "Give the earlier date first");
    }
  }

  public static IngestConfig forDay(LocalDate day, String landing, Warehouse warehouse, ZoneId zone, PiiKey key) {
    return new IngestConfig(day, day, landing, warehouse, zone, key);
  }
}
