package io.servicemetrics.config;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.io.Warehouse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one ingest run needs, validated once. A nightly run ingests one delivery day; a bulk
 * backfill ingests a range of them in one pass.
 *
 * @param firstDay first delivery day (landing folder date=) to read
 * @param lastDay last delivery day, inclusive
 * @param landing the landing zone root (any Hadoop filesystem URI)
 * @param businessZone zone of timestamps that carry no offset
 * @param formats the export format of each source's landing files (canonical unless chosen)
 * @param validFrom events before this day (midnight UTC) are {@code out_of_range}: older history is
 *     real data only when the user says so, anything else that old is a corrupt default (1970, 1900)
 */
public record IngestConfig(
    LocalDate firstDay, LocalDate lastDay, String landing, Warehouse warehouse, ZoneId businessZone, PiiKey piiKey,
    SourceFormats formats, LocalDate validFrom) {
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
  /** The text of {@link #DEFAULT_VALID_FROM}, for the command line's default values. */
  public static final String DEFAULT_VALID_FROM_TEXT = "2000-01-01";
  /** Event times before this are corrupt defaults, not contact-center history, unless --valid-from says otherwise. */
  public static final LocalDate DEFAULT_VALID_FROM = LocalDate.parse(DEFAULT_VALID_FROM_TEXT);

  public IngestConfig {
    Objects.requireNonNull(formats, "formats");
    Objects.requireNonNull(validFrom, "validFrom");
    requireDeliveryRun(firstDay, "firstDay", lastDay, "lastDay", businessZone, "businessZone", landing, warehouse, piiKey,
        () -> Errors.badArgument("The delivery range " + firstDay + ".." + lastDay + " is empty",
            "Its last day is before its first", "Give the earlier date first"));
    requireValidFrom(validFrom, lastDay);
  }

  /** A --valid-from after the last delivery day would make every event of the run out_of_range. */
  static void requireValidFrom(LocalDate validFrom, LocalDate lastDay) {
    if (validFrom.isAfter(lastDay)) {
      throw Errors.badArgument("--valid-from " + validFrom + " is after the delivery day " + lastDay,
          "Every event of the run would be out_of_range", "Pass a --valid-from on or before the delivery days");
    }
  }

  /**
   * The checks a run over delivery days makes, shared with {@link PipelineConfig}: the days, the
   * zone and what an ingest reads and writes are given, then the days run forward. Each caller
   * names the parts as its own components are named and words a backwards range for its options.
   *
   * @throws NullPointerException naming the first missing part
   * @throws ServiceMetricsException from {@code backwards} when {@code last} is before {@code first}
   */
  static void requireDeliveryRun(LocalDate first, String firstName, LocalDate last, String lastName, ZoneId zone,
      String zoneName, String landing, Warehouse warehouse, PiiKey piiKey, Supplier<ServiceMetricsException> backwards) {
    Objects.requireNonNull(first, firstName);
    Objects.requireNonNull(last, lastName);
    Objects.requireNonNull(landing, "landing");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(zone, zoneName);
    Objects.requireNonNull(piiKey, "piiKey");
    if (last.isBefore(first)) {
      throw backwards.get();
    }
  }

  /** Events from {@link #DEFAULT_VALID_FROM} on. */
  public IngestConfig(LocalDate firstDay, LocalDate lastDay, String landing, Warehouse warehouse, ZoneId businessZone,
      PiiKey piiKey, SourceFormats formats) {
    this(firstDay, lastDay, landing, warehouse, businessZone, piiKey, formats, DEFAULT_VALID_FROM);
  }

  /** The same run with events valid from {@code day} on. */
  public IngestConfig withValidFrom(LocalDate day) {
    return new IngestConfig(firstDay, lastDay, landing, warehouse, businessZone, piiKey, formats, day);
  }

  /** Every source in the canonical format. */
  public IngestConfig(
      LocalDate firstDay, LocalDate lastDay, String landing, Warehouse warehouse, ZoneId businessZone, PiiKey piiKey) {
    this(firstDay, lastDay, landing, warehouse, businessZone, piiKey, SourceFormats.ALL_CANONICAL);
  }

  public static IngestConfig forDay(LocalDate day, String landing, Warehouse warehouse, ZoneId zone, PiiKey key) {
    return new IngestConfig(day, day, landing, warehouse, zone, key);
  }

  public static IngestConfig forDay(
      LocalDate day, String landing, Warehouse warehouse, ZoneId zone, PiiKey key, SourceFormats formats) {
    return new IngestConfig(day, day, landing, warehouse, zone, key, formats);
  }
}
