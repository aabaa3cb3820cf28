package io.servicemetrics.generate;

import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SurveysSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deliberate defects that exercise the ingest's quarantine. They are extra records with ids
 * of their own (…-Dnn), never corrupted copies of real ones, so the clean story stays whole.
 * They appear on "defect days" (every 7th day from day 3, or day 0 of a short run): every
 * contacts kind on each such day, the surveys and mentions kinds spread over those days so that
 * each kind appears at least once, the missing-column file on the first defect day and one bad
 * identity-map row on day 0.
 */
public final class Defects {
  public static final String MISSING_REQUIRED_FIELD = "MISSING_REQUIRED_FIELD";
  public static final String UNPARSEABLE_TIMESTAMP = "UNPARSEABLE_TIMESTAMP";
  public static final String UNPARSEABLE_NUMBER = "UNPARSEABLE_NUMBER";
  public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
  public static final String UNKNOWN_ENUM = "UNKNOWN_ENUM";
  public static final String ENDED_BEFORE_ANSWERED = "ENDED_BEFORE_ANSWERED";
  public static final String MALFORMED_JSON = "MALFORMED_JSON";
  public static final String MISSING_REQUIRED_COLUMN = "MISSING_REQUIRED_COLUMN";

  static final int EVERY = 7;
  static final int PHASE = 3;

  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

  private Defects() {}

  /** A defect record before it has a place in a file. */
  record Planned(String kind, String recordId, String detail, String rendered) {}

  static int phase(int days) {
    return PHASE % Math.min(EVERY, days);
  }

  static boolean isDefectDay(int day, int days) {
    return day % EVERY == phase(days);
  }

  static int occurrence(int day, int days) {
    return (day - phase(days)) / EVERY;
  }

  static int occurrences(int days) {
    return (days - 1 - phase(days)) / EVERY + 1;
  }

  /** Kind i of {@code kinds} goes to defect day k when i and k agree modulo min(occurrences, kinds). */
  private static boolean rotates(int kindIndex, int kinds, int day, int days) {
    int m = Math.min(occurrences(days), kinds);
    return kindIndex % m == occurrence(day, days) % m;
  }

  private static String id(String prefix, LocalDate date, int n) {
    return String.format(Locale.ROOT, "%s%s-D%02d", prefix, COMPACT.format(date), n);
  }

  static LandingRow validLeg(String id, Instant t) {
    return new LandingRow(ContactsSchema.KNOWN_LANDING_COLUMNS)
        .set(ContactsSchema.CONTACT_ID, id)
        .set(ContactsSchema.UPDATED_AT, Timestamps.UTC_Z.format(t.plusSeconds(700)))
        .set(ContactsSchema.CUSTOMER_ID, "C0000000")
        .set(ContactsSchema.CHANNEL, "phone")
        .set(ContactsSchema.QUEUE, "billing")
        .set(ContactsSchema.AGENT_ID, "AG01")
        .set(ContactsSchema.TEAM, "north")
        .set(ContactsSchema.INITIATED_AT, Timestamps.UTC_Z.format(t))
        .set(ContactsSchema.ANSWERED_AT, Timestamps.UTC_Z.format(t.plusSeconds(60)))
        .set(ContactsSchema.ENDED_AT, Timestamps.UTC_Z.format(t.plusSeconds(600)))
        .set(ContactsSchema.HOLD_SECONDS, "0")
        .set(ContactsSchema.ACW_SECONDS, "45")
        .set(ContactsSchema.OUTCOME, "resolved")
        .set(ContactsSchema.ESCALATED, "false")
        .set(ContactsSchema.ISSUE_CATEGORY, "invoice_question");
  }

  static List<Planned> contacts(LocalDate date, Instant noon) {
    List<Planned> out = new ArrayList<>();
    int n = 0;
    String id = id("L", date, ++n);
    out.add(new Planned(MISSING_REQUIRED_FIELD, id, "queue is blank",
        validLeg(id, noon).set(ContactsSchema.QUEUE, null).csv()));
    id = id("L", date, ++n);
    String badTime = String.format(Locale.ROOT, "%02d/%02d/%d 9:15 AM", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
    out.add(new Planned(UNPARSEABLE_TIMESTAMP, id, "initiated_at = " + badTime,
        validLeg(id, noon.plusSeconds(600)).set(ContactsSchema.INITIATED_AT, badTime).csv()));
    id = id("L", date, ++n);
    out.add(new Planned(UNPARSEABLE_NUMBER, id, "acw_seconds = 45s",
        validLeg(id, noon.plusSeconds(1200)).set(ContactsSchema.ACW_SECONDS, "45s").csv()));
    id = id("L", date, ++n);
    out.add(new Planned(OUT_OF_RANGE, id, "hold_seconds = -30",
        validLeg(id, noon.plusSeconds(1800)).set(ContactsSchema.HOLD_SECONDS, "-30").csv()));
    id = id("L", date, ++n);
    out.add(new Planned(UNKNOWN_ENUM, id, "channel = fax",
        validLeg(id, noon.plusSeconds(2400)).set(ContactsSchema.CHANNEL, "fax").csv()));
    id = id("L", date, ++n);
    Instant t = noon.plusSeconds(3000);
    out.add(new Planned(ENDED_BEFORE_ANSWERED, id, "ended_at is 2 minutes before answered_at",
        validLeg(id, t).set(ContactsSchema.ENDED_AT, Timestamps.UTC_Z.format(t.plusSeconds(60 - 120))).csv()));
    return out;
  }

  /** A contacts file from a partner system whose header lacks the required queue column. */
  static List<String> partnerFileWithoutQueue(LocalDate date, Instant noon, List<String> header) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = String.format(Locale.ROOT, "P%s-%02d", COMPACT.format(date), i + 1);
      rows.add(validLeg(id, noon.plusSeconds(3600L * i)).project(header).csv());
    }
    return rows;
  }

  static List<String> columnsWithout(List<String> columns, String missing) {
    return columns.stream().filter(c -> !c.equals(missing)).toList();
  }

  private static LandingRow validSurvey(String id, String contactId, Instant t) {
    return new LandingRow(SurveysSchema.LANDING_COLUMNS)
        .set(SurveysSchema.SURVEY_ID, id)
        .set(SurveysSchema.CONTACT_ID, contactId)
        .set(SurveysSchema.RESPONDED_AT, Timestamps.UTC_Z.format(t))
        .set(SurveysSchema.CSAT, "4")
        .set(SurveysSchema.NPS, "8")
        .set(SurveysSchema.CES, "6")
        .set(SurveysSchema.RESOLVED_REPORTED, "yes")
        .set(SurveysSchema.PEOPLE_TOLD, "1")
        .set(SurveysSchema.COMMENT, "ok");
  }

  static List<Planned> surveys(LocalDate date, Instant noon, String contactId, int day, int days) {
    List<Planned> all = new ArrayList<>();
    String[][] specs = {
      {MISSING_REQUIRED_FIELD, "responded_at is blank"},
      {UNPARSEABLE_TIMESTAMP, "responded_at = 2026-13-45T10:00:00Z"},
      {UNPARSEABLE_NUMBER, "nps = ten"},
      {OUT_OF_RANGE, "csat = 9"},
      {OUT_OF_RANGE, "nps = 11"},
      {MISSING_REQUIRED_FIELD, "csat, nps and ces are all blank"},
      {UNKNOWN_ENUM, "resolved_reported = maybe"},
    };
    for (int i = 0; i < specs.length; i++) {
      if (!rotates(i, specs.length, day, days)) {
        continue;
      }
      String id = id("S", date, i + 1);
      LandingRow row = validSurvey(id, contactId, noon.plusSeconds(300L * i));
      switch (i) {
        case 0 -> row.set(SurveysSchema.RESPONDED_AT, null);
        case 1 -> row.set(SurveysSchema.RESPONDED_AT, "2026-13-45T10:00:00Z");
        case 2 -> row.set(SurveysSchema.NPS, "ten");
        case 3 -> row.set(SurveysSchema.CSAT, "9");
        case 4 -> row.set(SurveysSchema.NPS, "11");
        case 5 -> row.set(SurveysSchema.CSAT, null).set(SurveysSchema.NPS, null).set(SurveysSchema.CES, null);
        default -> row.set(SurveysSchema.RESOLVED_REPORTED, "maybe");
      }
      all.add(new Planned(specs[i][0], id, specs[i][1], row.csv()));
    }
    return all;
  }

  private static LandingRow validMention(String id, Instant t) {
    return new LandingRow(MentionsSchema.LANDING_COLUMNS)
        .set(MentionsSchema.MENTION_ID, id)
        .set(MentionsSchema.PLATFORM, "x")
        .set(MentionsSchema.AUTHOR_HANDLE, "@quietfox77")
        .set(MentionsSchema.AUTHOR_FOLLOWERS, 120)
        .set(MentionsSchema.POSTED_AT, Timestamps.UTC_Z.format(t))
        .set(MentionsSchema.FETCHED_AT, Timestamps.UTC_Z.format(t.plusSeconds(3600)))
        .set(MentionsSchema.TEXT, "Acme store downtown has a new layout")
        .set(MentionsSchema.RESHARES, 0)
        .set(MentionsSchema.REPLIES, 0)
        .set(MentionsSchema.LIKES, 1);
  }

  static List<Planned> mentions(LocalDate date, Instant noon, int day, int days) {
    List<Planned> all = new ArrayList<>();
    String[][] specs = {
      {MALFORMED_JSON, "line is truncated JSON"},
      {MISSING_REQUIRED_FIELD, "text is absent"},
      {UNPARSEABLE_TIMESTAMP, "posted_at = Sun Oct 04 14:02:11 2026"},
      {UNPARSEABLE_NUMBER, "author_followers = \"12k\""},
      {OUT_OF_RANGE, "sentiment = 1.7"},
      {OUT_OF_RANGE, "likes = -3"},
    };
    for (int i = 0; i < specs.length; i++) {
      if (!rotates(i, specs.length, day, days)) {
        continue;
      }
      String id = id("M", date, i + 1);
      LandingRow row = validMention(id, noon.plusSeconds(420L * i));
      String rendered = switch (i) {
        case 0 -> {
          String json = row.json();
          yield json.substring(0, json.indexOf(",\"text\"")) + ",\"text\":\"Acme store downt";
        }
        case 1 -> row.set(MentionsSchema.TEXT, null).json();
        case 2 -> row.set(MentionsSchema.POSTED_AT, "Sun Oct 04 14:02:11 2026").json();
        case 3 -> row.set(MentionsSchema.AUTHOR_FOLLOWERS, "12k").json();
        case 4 -> row.set(MentionsSchema.SENTIMENT, new java.math.BigDecimal("1.7")).json();
        default -> row.set(MentionsSchema.LIKES, -3).json();
      };
      all.add(new Planned(specs[i][0], id, specs[i][1], rendered));
    }
    return all;
  }

  static Planned handle() {
    String customerId = "C0000000";
    return new Planned(MISSING_REQUIRED_FIELD, customerId, "handle is blank (platform x)",
        new LandingRow(CustomerHandlesSchema.LANDING_COLUMNS)
            .set(CustomerHandlesSchema.CUSTOMER_ID, customerId)
            .set(CustomerHandlesSchema.PLATFORM, "x")
            .csv());
  }
}
