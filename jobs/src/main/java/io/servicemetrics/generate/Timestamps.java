package io.servicemetrics.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How source systems write instants: ISO-8601 with Z or a fixed offset, or (rarely) without an
 * offset, in which case the wall time is UTC, the contract's default business time zone. Fixed
 * offsets only, never region zones, so that time-zone database updates cannot change the bytes.
 */
enum Timestamps {
  UTC_Z(ZoneOffset.UTC, true),
  MINUS_05(ZoneOffset.ofHours(-5), true),
  MINUS_04(ZoneOffset.ofHours(-4), true),
  PLUS_01(ZoneOffset.ofHours(1), true),
  PLUS_0530(ZoneOffset.ofHoursMinutes(5, 30), true),
  NO_OFFSET(ZoneOffset.UTC, false);

  /** Relative frequency of each style, in declaration order. */
  private static final double[] WEIGHTS = {45, 25, 10, 10, 3, 7};

  private static final DateTimeFormatter WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  private static final DateTimeFormatter WITHOUT_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private final ZoneOffset offset;
  private final boolean withOffset;

  Timestamps(ZoneOffset offset, boolean withOffset) {
    this.offset = offset;
    this.withOffset = withOffset;
  }

  static Timestamps pick(Rng rng) {
    return values()[rng.weighted(WEIGHTS)];
  }

  /** The instant in this style; null stays null (a blank cell). */
  String format(Instant instant) {
    if (instant == null) {
      return null;
    }
    return (withOffset ? WITH_OFFSET : WITHOUT_OFFSET).format(instant.atOffset(offset));
  }
}
