package io.servicemetrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.servicemetrics.identity.Pseudonymizer;
import io.servicemetrics.sentiment.LexiconSentimentScorer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordValidatorsTest {
  private static final LocalDate DELIVERY = LocalDate.parse("2026-11-02");
  private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer("validator-test-key".getBytes(StandardCharsets.UTF_8));
  private static final Map<String, String> GOOD_CONTACT = Map.ofEntries(
      Map.entry("contact_id", "c1"), Map.entry("updated_at", "2026-11-02T10:00:00Z"),
      Map.entry("channel", "Phone"), Map.entry("queue", "billing"), Map.entry("agent_id", "a1"),
      Map.entry("initiated_at", "2026-11-02T09:14:05-05:00"), Map.entry("answered_at", "2026-11-02T14:15:05Z"),
      Map.entry("ended_at", "2026-11-02T14:25:05Z"), Map.entry("hold_seconds", "60"), Map.entry("outcome", "resolved"));

  @Test
  void aValidContactIsTypedAndItsOffsetTimestampsAreUtc() {
    FieldReader r = reader(GOOD_CONTACT, "UTC");
    RecordValidators.Valid valid = RecordValidators.contact(r, PSEUDONYMS);
    assertNotNull(valid, () -> "unexpected " + r.reason() + ": " + r.detail());
    assertEquals("phone", valid.values()[5], "enums are case-insensitive and stored lower-case");
    assertEquals(Timestamp.from(Instant.parse("2026-11-02T14:14:05Z")), valid.values()[9]);
    assertEquals(60L, valid.values()[12]);
    assertNull(valid.values()[13], "acw not delivered: NULL, not 0");
    assertEquals(false, valid.values()[15], "escalated defaults to false");
  }

  @Test
  void queuedAtLeftOutIsNotMeasuredBlankIsNeverQueuedAndATimeIsQueued() {
    int at = io.servicemetrics.schema.ContactsSchema.SILVER.fieldIndex("queued_at");
    int queued = io.servicemetrics.schema.ContactsSchema.SILVER.fieldIndex("queued");
    Object[] absent = RecordValidators.contact(reader(GOOD_CONTACT, "UTC"), PSEUDONYMS).values();
    assertNull(absent[at]);
    assertNull(absent[queued], "a file without the column did not deliver it: not measured");
    Object[] blank = RecordValidators.contact(reader(with(GOOD_CONTACT, "queued_at", " "), "UTC"), PSEUDONYMS).values();
    assertNull(blank[at]);
    assertEquals(false, blank[queued], "delivered blank: the leg never queued");
    Object[] time = RecordValidators.contact(reader(with(GOOD_CONTACT, "queued_at", "2026-11-02T14:14:45Z"), "UTC"),
        PSEUDONYMS).values();
    assertEquals(Timestamp.from(Instant.parse("2026-11-02T14:14:45Z")), time[at]);
    assertEquals(true, time[queued]);
    // An unanswered leg may queue until it ends: queued at its end is valid.
    Map<String, String> abandoned = with(with(GOOD_CONTACT, "answered_at", ""), "hold_seconds", "");
    assertNotNull(RecordValidators.contact(reader(with(abandoned, "queued_at", "2026-11-02T14:25:05Z"), "UTC"), PSEUDONYMS));
  }

  @Test
  void queuedAtOutsideTheLegIsInconsistent() {
    // GOOD_CONTACT: initiated 14:14:05Z, answered 14:15:05Z, ended 14:25:05Z.
    assertReason("inconsistent_times", with(GOOD_CONTACT, "queued_at", "2026-11-02T14:14:04Z"));
    assertReason("inconsistent_times", with(GOOD_CONTACT, "queued_at", "2026-11-02T14:15:06Z"));
    assertReason("invalid_timestamp", with(GOOD_CONTACT, "queued_at", "soon"));
  }

  @Test
  void timestampsWithoutOffsetAreReadInTheBusinessZone() {
    assertEquals(Instant.parse("2026-11-02T14:14:05Z"),
        FieldReader.parseTimestamp("2026-11-02T09:14:05", ZoneId.of("America/New_York")));
    assertEquals(Instant.parse("2026-11-02T09:14:05.250Z"), FieldReader.parseTimestamp("2026-11-02 09:14:05.25", ZoneId.of("UTC")));
    assertEquals(Instant.parse("2026-11-02T08:14:05Z"), FieldReader.parseTimestamp("2026-11-02T09:14:05+0100", ZoneId.of("UTC")));
    assertNull(FieldReader.parseTimestamp("02/11/2026 09:14", ZoneId.of("UTC")));
  }

  @Test
  void eachContractRuleHasItsReason() {
    assertReason("missing_required", with(GOOD_CONTACT, "queue", " "));
    assertReason("invalid_timestamp", with(GOOD_CONTACT, "updated_at", "yesterday"));
    assertReason("invalid_number", with(GOOD_CONTACT, "hold_seconds", "45s"));
    assertReason("invalid_number", with(GOOD_CONTACT, "acw_seconds", "NaN"));
    assertReason("invalid_number", with(GOOD_CONTACT, "acw_seconds", "Infinity"));
    assertReason("out_of_range", with(GOOD_CONTACT, "hold_seconds", "-30"));
    assertReason("out_of_range", with(GOOD_CONTACT, "hold_seconds", "601"));
    assertReason("out_of_range", with(GOOD_CONTACT, "initiated_at", "1999-12-31T23:59:59Z"));
    assertReason("out_of_range", with(GOOD_CONTACT, "ended_at", "2030-01-01T00:00:00Z"));
    assertReason("unknown_enum", with(GOOD_CONTACT, "channel", "fax"));
    assertReason("unknown_enum", with(GOOD_CONTACT, "escalated", "maybe"));
    assertReason("inconsistent_times", with(GOOD_CONTACT, "ended_at", "2026-11-02T14:15:00Z"));
    assertReason("inconsistent_times", with(GOOD_CONTACT, "answered_at", "2026-11-02T14:00:00Z"));
    Map<String, String> weeks = with(GOOD_CONTACT, "ended_at", "2026-11-10T14:25:05Z");
    assertReason("out_of_range", weeks);
  }

  @Test
  void eventsBeforeValidFromAreOutOfRangeAndTheDetailNamesTheOptionThatChangesIt() {
    Map<String, String> old = with(with(with(with(GOOD_CONTACT, "initiated_at", "1999-02-01T07:02:47+02:00"),
        "answered_at", "1999-02-01T05:03:10Z"), "ended_at", "1999-02-01T05:09:00Z"), "updated_at", "1999-02-01T05:20:00Z");
    FieldReader refused = reader(old, "UTC");
    assertNull(RecordValidators.contact(refused, PSEUDONYMS));
    assertEquals(ReasonCode.OUT_OF_RANGE, refused.reason());
    assertEquals("initiated_at 1999-02-01T07:02:47+02:00 is before --valid-from 2000-01-01; pass --valid-from"
        + " 1999-01-01 if your history is older", refused.detail(), "the event time is named before the version stamp");
    FieldReader accepted = new FieldReader(old, ZoneId.of("UTC"), DELIVERY, LocalDate.parse("1999-01-01"));
    assertNotNull(RecordValidators.contact(accepted, PSEUDONYMS), () -> accepted.reason() + ": " + accepted.detail());
    FieldReader future = reader(with(GOOD_CONTACT, "ended_at", "2026-11-05T00:00:00Z"), "UTC");
    assertNull(RecordValidators.contact(future, PSEUDONYMS));
    assertEquals("ended_at 2026-11-05T00:00:00Z is more than 2 days after the delivery day 2026-11-02; check the"
        + " delivery folder's date= and the clock of the export", future.detail());
  }

  @Test
  void aCustomerIdOfZerosIsAnAnonymousCallerWithNoId() {
    for (String anonymous : new String[] {"0", "000"}) {
      RecordValidators.Valid valid = RecordValidators.contact(reader(with(GOOD_CONTACT, "customer_id", anonymous), "UTC"),
          PSEUDONYMS);
      assertNull(valid.values()[3], "customer id " + anonymous);
    }
    RecordValidators.Valid real = RecordValidators.contact(reader(with(GOOD_CONTACT, "customer_id", "10"), "UTC"), PSEUDONYMS);
    assertEquals(PSEUDONYMS.customerId("10"), real.values()[3], "a real id containing zeros");
  }

  @Test
  void aSurveyNeedsOneScoreInRange() {
    Map<String, String> survey = Map.of("survey_id", "s1", "contact_id", "c1", "responded_at", "2026-11-02T15:00:00Z", "csat", "4");
    assertNotNull(RecordValidators.survey(reader(survey, "UTC")));
    assertEquals("missing_required", reasonOf(with(survey, "csat", ""), RecordValidators::survey));
    assertEquals("out_of_range", reasonOf(with(survey, "csat", "9"), RecordValidators::survey));
    assertEquals("out_of_range", reasonOf(with(with(survey, "csat", ""), "nps", "11"), RecordValidators::survey));
    assertEquals("unknown_enum", reasonOf(with(survey, "resolved_reported", "maybe"), RecordValidators::survey));
    assertEquals("out_of_range", reasonOf(with(survey, "people_told", "-1"), RecordValidators::survey));
  }

  @Test
  void aMentionUsesVendorSentimentWhenPresentAndTheLexiconOtherwise() {
    Map<String, String> m = Map.of("mention_id", "m1", "platform", "X", "author_handle", "@Jo", "author_followers", "10",
        "posted_at", "2026-11-02T15:00:00Z", "fetched_at", "2026-11-02T16:00:00Z", "text", "Terrible, useless support");
    LexiconSentimentScorer scorer = LexiconSentimentScorer.standard();
    RecordValidators.Valid lexicon = RecordValidators.mention(reader(m, "UTC"), PSEUDONYMS, scorer);
    assertEquals("lexicon", lexicon.values()[14]);
    assertEquals("negative", lexicon.values()[15]);
    assertEquals("x", lexicon.values()[1]);
    RecordValidators.Valid vendor = RecordValidators.mention(reader(with(m, "sentiment", "0.4"), "UTC"), PSEUDONYMS, scorer);
    assertEquals(0.4, vendor.values()[13]);
    assertEquals("vendor", vendor.values()[14]);
    assertEquals("positive", vendor.values()[15]);
    FieldReader bad = reader(with(m, "sentiment", "1.7"), "UTC");
    assertNull(RecordValidators.mention(bad, PSEUDONYMS, scorer));
    assertEquals(ReasonCode.OUT_OF_RANGE, bad.reason());
    FieldReader early = reader(with(m, "fetched_at", "2026-11-02T14:00:00Z"), "UTC");
    assertNull(RecordValidators.mention(early, PSEUDONYMS, scorer));
    assertEquals(ReasonCode.INCONSISTENT_TIMES, early.reason());
  }

  private interface Validator {
    RecordValidators.Valid validate(FieldReader r);
  }

  private static String reasonOf(Map<String, String> fields, Validator v) {
    FieldReader r = reader(fields, "UTC");
    assertNull(v.validate(r), "expected a rejection of " + fields);
    return r.reason().code();
  }

  private static void assertReason(String expected, Map<String, String> fields) {
    assertEquals(expected, reasonOf(fields, r -> RecordValidators.contact(r, PSEUDONYMS)), fields.toString());
  }

  private static FieldReader reader(Map<String, String> fields, String zone) {
    return new FieldReader(fields, ZoneId.of(zone), DELIVERY);
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
