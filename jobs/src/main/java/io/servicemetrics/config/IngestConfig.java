package io.servicemetrics.config;

import io.servicemetrics.io.Warehouse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What one ingest run needs, validated once.
 *
 * @param deliveryDate the landing folders' date= to read
 * @param landing the landing zone root (any Hadoop filesystem URI)
 * @param businessZone zone of timestamps that carry no offset
 */
public record IngestConfig(
    LocalDate deliveryDate, String landing, Warehouse warehouse, ZoneId businessZone, PiiKey piiKey) {
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

  public IngestConfig {
    Objects.requireNonNull(deliveryDate, "deliveryDate");
    Objects.requireNonNull(landing, "landing");
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(businessZone, "businessZone");
    Objects.requireNonNull(piiKey, "piiKey");
  }
}
