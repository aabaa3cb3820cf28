package io.servicemetrics.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.ingest.ReasonCode;
import io.servicemetrics.schema.ContactsSchema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Genesys Cloud analytics conversation details as {@code POST /api/v2/analytics/conversations/details/query}
 * (or the async jobs' results) return them: each JSON value of a file is a response page with
 * {@code conversations[]}, or one conversation object; optionally gzip-compressed. The mapping is
 * in docs/FORMATS.md.
 *
 * <p>Legs: each session of an {@code agent} participant that reached the customer (it has an
 * {@code interact} segment) is a leg; the conversation's legs, in the order they were answered,
 * chain through previous_contact_id, so blind and consult transfers become transfers (whether or
 * not the session says so with {@code disconnectType} transfer or {@code nBlindTransferred} /
 * {@code nConsultTransferred}: a second agent leg in one conversation is a hand-over). A consulted
 * agent whose talk ended while the transferring agent still held the customer (a consult that was
 * not completed) spoke to the agent, not the customer, and is not a leg. A conversation no agent
 * answered is one unanswered leg in the last queue it reached, or in {@code genesys-cloud.ivr-queue}
 * when it ended in the IVR. Leg ids are {@code <conversationId>/<n>}, n counting legs in answer
 * order, so a conversation re-delivered with more legs keeps its earlier legs' ids.
 *
 * <p>Times: answered_at is the first {@code interact} start, ended_at the end of the last
 * {@code interact} or {@code hold} segment (when after-call work starts, as for Amazon Connect);
 * hold and after-call work come from the session metrics {@code tHeld} and {@code tAcw}
 * (milliseconds), else from the {@code hold} and {@code wrapup} segments. Every record number of
 * a file counts conversations; the legs of one conversation share it.
 */
final class GenesysCloudFormat extends ApiPagesFormat {
  static final String AGENT = "agent";
  static final String ACD = "acd";
  static final String INTERACT = "interact";
  static final String HOLD = "hold";
  static final String WRAPUP = "wrapup";

  GenesysCloudFormat() {
    // A page with totalHits and no conversations is an empty result, not a record.
    super("conversationId", "conversations", "totalHits",
        "a conversation (conversationId) nor a response page (conversations[])");
  }

  @Override
  public String name() {
    return SourceFormats.GENESYS_CLOUD;
  }

  @Override
  List<LandingRecord> records(long number, JsonNode conversation, FormatOptions options) {
    return conversation(number, conversation, options);
  }

  /** One agent session that reached the customer, before chaining. */
  record Session(String userId, Instant firstStart, Instant answered, Instant talkEnd, String queueId,
      String wrapUpCode, Long holdSeconds, Long acwSeconds) {}

  /**
   * One leg: its canonical fields, and when its caller started waiting in a queue
   * ({@link #queuedAt}; {@link #conversation} puts it into the fields as queued_at).
   */
  record Leg(Map<String, String> fields, Instant queuedAt) {}

  /** The legs of one conversation as landing records, in order. */
  static List<LandingRecord> conversation(long number, JsonNode c, FormatOptions options) {
    String raw = c.toString();
    if (!c.isObject() || Json.text(c, "conversationId") == null) {
      return List.of(LandingRecord.error(number, raw, ReasonCode.UNMAPPABLE_RECORD, "a conversation without conversationId"));
    }
    List<LandingRecord> out = new ArrayList<>();
    List<Leg> legs = legs(c, options);
    for (int i = 0; i < legs.size(); i++) {
      // Genesys always reports its ACD segments, so queued_at is delivered on every leg: blank when
      // the leg never entered a queue (docs/FORMATS.md "queued_at").
      Map<String, String> fields = new LinkedHashMap<>(legs.get(i).fields());
      fields.put(ContactsSchema.QUEUED_AT, legs.get(i).queuedAt() == null ? "" : legs.get(i).queuedAt().toString());
      out.add(LandingRecord.ok(number, "{\"leg\":" + (i + 1) + ",\"conversation\":" + raw + "}", fields));
    }
    return out;
  }

  /** The legs of a conversation that has a conversationId. */
  static List<Leg> legs(JsonNode c, FormatOptions options) {
    String id = Json.text(c, "conversationId");
    Instant start = instant(Json.text(c, "conversationStart"));
    Instant end = instant(Json.text(c, "conversationEnd"));
    String phone = null;
    String mediaType = null;
    List<Instant> acdStarts = new ArrayList<>();
    String lastQueue = null;
    Instant lastSeen = start;
    List<Session> sessions = new ArrayList<>();
    for (JsonNode p : c.path("participants")) {
      String purpose = Json.text(p, "purpose");
      for (JsonNode s : p.path("sessions")) {
        if (mediaType == null) {
          mediaType = Json.text(s, "mediaType");
        }
        if (phone == null && ("customer".equals(purpose) || "external".equals(purpose))) {
          phone = address(Json.text(s, "ani"));
        }
        for (JsonNode seg : s.path("segments")) {
          lastSeen = later(lastSeen, later(instant(Json.text(seg, "segmentStart")), instant(Json.text(seg, "segmentEnd"))));
          if (ACD.equals(purpose)) {
            Instant acdStart = instant(Json.text(seg, "segmentStart"));
            if (acdStart != null) {
              acdStarts.add(acdStart);
            }
            lastQueue = Json.text(seg, "queueId") != null ? Json.text(seg, "queueId") : lastQueue;
          }
        }
        if (AGENT.equals(purpose)) {
          Session session = session(Json.text(p, "userId"), s);
          if (session != null) {
            sessions.add(session);
          }
        }
      }
    }
    sessions.sort(Comparator.comparing(Session::answered));
    List<Session> legs = new ArrayList<>();
    for (Session s : sessions) {
      Session previous = legs.isEmpty() ? null : legs.get(legs.size() - 1);
      if (previous != null && s.talkEnd() != null && previous.talkEnd() != null && !s.talkEnd().isAfter(previous.talkEnd())) {
        continue; // a consult that was not completed: this agent never held the customer
      }
      legs.add(s);
    }
    Map<String, String> common = new LinkedHashMap<>();
    put(common, ContactsSchema.UPDATED_AT, string(end != null ? end : lastSeen));
    put(common, ContactsSchema.CUSTOMER_PHONE, phone);
    put(common, ContactsSchema.CHANNEL, channel(mediaType));
    List<Leg> out = new ArrayList<>();
    if (legs.isEmpty()) {
      // Nobody answered: abandoned in the queue, or ended in the IVR before reaching one.
      Map<String, String> f = new LinkedHashMap<>(common);
      put(f, ContactsSchema.CONTACT_ID, id + "/1");
      put(f, ContactsSchema.QUEUE, lastQueue != null ? lastQueue : options.genesysIvrQueue());
      put(f, ContactsSchema.INITIATED_AT, string(start));
      Instant ended = end != null ? end : lastSeen;
      put(f, ContactsSchema.ENDED_AT, string(ended));
      out.add(new Leg(f, queuedAt(acdStarts, start, ended)));
      return out;
    }
    for (int i = 0; i < legs.size(); i++) {
      Session leg = legs.get(i);
      Map<String, String> f = new LinkedHashMap<>(common);
      put(f, ContactsSchema.CONTACT_ID, id + "/" + (i + 1));
      // A transferred leg starts when the one before handed the customer on (a blind transfer's
      // wait in the next queue is this leg's wait), or earlier when the agent was consulted first.
      Instant initiated = i == 0 ? start : earlier(leg.firstStart(), legs.get(i - 1).talkEnd());
      if (i > 0) {
        put(f, ContactsSchema.PREVIOUS_CONTACT_ID, id + "/" + i);
      }
      put(f, ContactsSchema.QUEUE, leg.queueId() != null ? leg.queueId() : lastQueue);
      put(f, ContactsSchema.AGENT_ID, leg.userId());
      put(f, ContactsSchema.INITIATED_AT, string(initiated));
      put(f, ContactsSchema.ANSWERED_AT, string(leg.answered()));
      put(f, ContactsSchema.ENDED_AT, string(leg.talkEnd()));
      put(f, ContactsSchema.HOLD_SECONDS, leg.holdSeconds() == null ? null : leg.holdSeconds().toString());
      put(f, ContactsSchema.ACW_SECONDS, leg.acwSeconds() == null ? null : leg.acwSeconds().toString());
      put(f, ContactsSchema.OUTCOME, leg.wrapUpCode() == null ? null : options.genesysWrapUpOutcomes().get(leg.wrapUpCode()));
      out.add(new Leg(f, queuedAt(acdStarts, initiated, leg.answered())));
    }
    return out;
  }

  /**
   * When the caller of each leg started waiting in a queue: the first ACD segment that starts
   * between the leg's start and its answer (its end when unanswered), or null when it never
   * queued (ended in the IVR, or a consult straight to an agent). This is
   * the one place that computes queued_at for Genesys Cloud (docs/FORMATS.md).
   */
  static Instant queuedAt(List<Instant> acdStarts, Instant legStart, Instant answeredOrEnded) {
    Instant first = null;
    for (Instant t : acdStarts) {
      if (!t.isBefore(legStart) && (answeredOrEnded == null || !t.isAfter(answeredOrEnded))
          && (first == null || t.isBefore(first))) {
        first = t;
      }
    }
    return first;
  }

  /** An agent session that reached the customer, or null when it only alerted (offered, not answered). */
  static Session session(String userId, JsonNode s) {
    Instant firstStart = null;
    Instant answered = null;
    Instant talkEnd = null;
    String queueId = null;
    String wrapUpCode = null;
    long holdMillis = 0;
    long wrapMillis = 0;
    boolean sawHold = false;
    boolean sawWrap = false;
    for (JsonNode seg : s.path("segments")) {
      String type = Json.text(seg, "segmentType");
      Instant from = instant(Json.text(seg, "segmentStart"));
      Instant to = instant(Json.text(seg, "segmentEnd"));
      firstStart = earlier(firstStart, from);
      if (queueId == null) {
        queueId = Json.text(seg, "queueId");
      }
      if (Json.text(seg, "wrapUpCode") != null) {
        wrapUpCode = Json.text(seg, "wrapUpCode");
      }
      if (INTERACT.equals(type)) {
        answered = earlier(answered, from);
        talkEnd = later(talkEnd, to);
      } else if (HOLD.equals(type)) {
        talkEnd = later(talkEnd, to);
        if (from != null && to != null) {
          holdMillis += to.toEpochMilli() - from.toEpochMilli();
          sawHold = true;
        }
      } else if (WRAPUP.equals(type) && from != null && to != null) {
        wrapMillis += to.toEpochMilli() - from.toEpochMilli();
        sawWrap = true;
      }
    }
    if (answered == null) {
      return null;
    }
    Long tHeld = metric(s, "tHeld");
    Long tAcw = metric(s, "tAcw");
    Long hold = tHeld != null ? Long.valueOf(seconds(tHeld)) : sawHold ? Long.valueOf(seconds(holdMillis)) : null;
    Long acw = tAcw != null ? Long.valueOf(seconds(tAcw)) : sawWrap ? Long.valueOf(seconds(wrapMillis)) : null;
    return new Session(userId, firstStart, answered, talkEnd, queueId, wrapUpCode, hold, acw);
  }

  /** A session metric's value (the last one reported under that name), or null. */
  static Long metric(JsonNode session, String name) {
    Long value = null;
    for (JsonNode m : session.path("metrics")) {
      if (name.equals(Json.text(m, "name"))) {
        Long v = Json.wholeNumber(m, "value");
        value = v != null ? v : value;
      }
    }
    return value;
  }

  static String channel(String mediaType) {
    if (mediaType == null) {
      return "phone"; // the payload's ani/dnis are telephony: a conversation without media type is a call
    }
    return switch (mediaType.toLowerCase(Locale.ROOT)) {
      case "voice", "callback" -> "phone";
      case "chat", "message" -> "chat";
      case "email" -> "email";
      // Passed on, so validation rejects it as unknown_enum naming the value.
      default -> mediaType;
    };
  }

  /** {@code tel:+14155550134} to {@code +14155550134}; a SIP address keeps its user part. */
  static String address(String ani) {
    if (ani == null) {
      return null;
    }
    String a = ani.strip();
    if (a.startsWith("tel:")) {
      a = a.substring(4);
    } else if (a.startsWith("sip:")) {
      int at = a.indexOf('@');
      a = a.substring(4, at < 0 ? a.length() : at);
    }
    return a.isEmpty() ? null : a;
  }

  private static long seconds(long millis) {
    return Math.round(millis / 1000.0);
  }

  static Instant instant(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return Instant.parse(iso.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static String string(Instant t) {
    return t == null ? null : t.toString();
  }

  private static void put(Map<String, String> fields, String column, String value) {
    if (value != null) {
      fields.put(column, value);
    }
  }
}
