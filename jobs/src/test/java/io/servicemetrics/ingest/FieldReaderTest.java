package io.servicemetrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timestamp fast path against the formatters it stands in for. */
class FieldReaderTest {
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"));

  @Test
  void theCommonFormIsReadWithoutFormattersToTheSameInstant() {
    ZoneId newYork = ZoneId.of("America/New_York");
    assertEquals(Instant.parse("2026-01-01T12:36:48Z"), FieldReader.parseCommonForm("2026-01-01T07:36:48-05:00", newYork));
    assertEquals(Instant.parse("2026-01-05T10:07:13Z"), FieldReader.parseCommonForm("2026-01-05T10:07:13Z", newYork));
    assertEquals(Instant.parse("2026-11-02T14:14:05.250Z"), FieldReader.parseCommonForm("2026-11-02 09:14:05.25", newYork));
    assertEquals(Instant.parse("2026-11-02T03:44:05.000000001Z"),
        FieldReader.parseCommonForm("2026-11-02t09:14:05.000000001+05:30", newYork));
    // Forms the fast path leaves to the formatters: a compact offset, no seconds, a day the
    // resolver moves to the month's end.
    assertNull(FieldReader.parseCommonForm("2026-11-02T09:14:05+0100", newYork));
    assertNull(FieldReader.parseCommonForm("2026-11-02T09:14Z", newYork));
    assertNull(FieldReader.parseCommonForm("2026-02-30T10:00:00Z", newYork));
    assertEquals(Instant.parse("2026-11-02T08:14:05Z"), FieldReader.parseTimestamp("2026-11-02T09:14:05+0100", newYork));
    assertEquals(FieldReader.parseWithFormatters("2026-02-30T10:00:00Z", newYork),
        FieldReader.parseTimestamp("2026-02-30T10:00:00Z", newYork));
  }

  @Test
  void everyGeneratedTextParsesAsTheFormattersParseIt() {
    Random random = new Random(7);
    int fast = 0;
    int texts = 20_000;
    for (int i = 0; i < texts; i++) {
      String text = timestampLike(random);
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      Instant expected = FieldReader.parseWithFormatters(text, zone);
      Instant common = FieldReader.parseCommonForm(text, zone);
      if (common != null) {
        fast++;
        assertEquals(expected, common, () -> "fast path differs on '" + text + "' in " + zone);
      }
      assertEquals(expected, FieldReader.parseTimestamp(text, zone), () -> "'" + text + "' in " + zone);
    }
    // Most generated texts are near misses (about one in eleven is in the common form), so both
    // paths meet thousands of texts each.
    assertTrue(fast > texts / 20, "fast path took " + fast + " of " + texts);
  }

  /** Mostly well-formed ISO timestamps, each part sometimes out of range or in another form. */
  private static String timestampLike(Random r) {
    StringBuilder b = new StringBuilder();
    b.append(pick(r, "2026", "2026", "2026", "1999", "0000", "9999", "20x6", "+2026"));
    b.append(pick(r, "-", "-", "-", "-", "/"));
    b.append(twoDigits(r, 13, "1", "a1"));
    b.append(pick(r, "-", "-", "-", "-", "."));
    b.append(twoDigits(r, r.nextBoolean() ? 28 : 32, "7", "0x"));
    b.append(pick(r, "T", "T", "T", "t", " ", "x", "T ", ""));
    b.append(twoDigits(r, r.nextInt(4) > 0 ? 24 : 25, "9", "9h"));
    b.append(':').append(twoDigits(r, r.nextInt(4) > 0 ? 60 : 61, "5", "5m"));
    if (r.nextInt(8) > 0) {
      b.append(':').append(twoDigits(r, r.nextInt(4) > 0 ? 60 : 61, "5", "5s"));
    }
    int fraction = r.nextInt(14) - 2;
    if (fraction >= 0) {
      b.append('.');
      for (int d = 0; d < fraction; d++) {
        b.append(r.nextInt(10));
      }
    }
    switch (r.nextInt(10)) {
      case 0, 1 -> { }
      case 2, 3 -> b.append(pick(r, "Z", "Z", "z"));
      case 4, 5, 6 -> b.append(pick(r, "+", "-")).append(twoDigits(r, 20, "5", "5x")).append(':')
          .append(twoDigits(r, 61, "3", "3x"));
      case 7 -> b.append(pick(r, "+", "-")).append(twoDigits(r, 15, "1", "1x")).append(twoDigits(r, 60, "3", "3x"));
      case 8 -> b.append(pick(r, "+05:30:15", "+05", "UTC", "+18:00", "-18:00", "+05:30x"));
      default -> b.append(pick(r, " ", "junk", "0"));
    }
    return b.toString();
  }

  /** Usually two digits below {@code bound}, sometimes one digit or not digits at all. */
  private static String twoDigits(Random r, int bound, String short1, String notDigits) {
    int form = r.nextInt(40);
    if (form == 0) {
      return short1;
    }
    if (form == 1) {
      return notDigits;
    }
    return String.format("%02d", r.nextInt(bound));
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
