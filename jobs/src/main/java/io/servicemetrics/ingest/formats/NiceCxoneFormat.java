package io.servicemetrics.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.ingest.ReasonCode;
import io.servicemetrics.schema.ContactsSchema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NICE CXone completed contacts as the reporting API ({@code GET /contacts/completed}) returns
 * them: each JSON value of a file is a response page with {@code completedContacts[]}, or one
 * contact object; optionally gzip-compressed. One record per contact (leg). The mapping is in
 * docs/FORMATS.md.
 *
 * <p>Chains: every leg whose {@code masterContactId} is not its own {@code contactId} links to
 * that master as its previous leg, so legs sharing a master form one chain. After the second
 * transfer CXone names a new master: the transferred leg that created the next one. That leg is
 * itself linked to the original master, so the chain runs on through it (a tree under the first
 * master, which chains resolve to one root); only when the new master's own record never
 * arrives does the chain break there into two.
 *
 * <p>Times: initiated_at is {@code contactStart}; the caller spends {@code preQueueSeconds} in
 * the IVR, then {@code inQueueSeconds} in the queue; answered_at is their sum after the start
 * when an agent took the contact ({@code agentSeconds > 0} and not {@code abandoned}), and
 * ended_at is answered_at + {@code agentSeconds} (talk including hold, as the contract's talk
 * span), else contactStart + {@code totalDurationSeconds}.
 */
final class NiceCxoneFormat extends ApiPagesFormat {
  NiceCxoneFormat() {
    // A page with totalRecords and no contacts is an empty result, not a record.
    super("contactId", "completedContacts", "totalRecords",
        "a completed contact (contactId) nor a response page (completedContacts[])");
  }

  @Override
  public String name() {
    return SourceFormats.NICE_CXONE;
  }

  @Override
  List<LandingRecord> records(long number, JsonNode contact, FormatOptions options) {
    return List.of(contact(number, contact, options));
  }

  static LandingRecord contact(long number, JsonNode c, FormatOptions options) {
    String raw = c.toString();
    if (!c.isObject()) {
      return LandingRecord.error(number, raw, ReasonCode.FORMAT_MISMATCH, "a completed contact that is not a JSON object");
    }
    String id = Json.text(c, "contactId");
    String master = Json.text(c, "masterContactId");
    Instant start = instant(Json.text(c, "contactStart"));
    Long preQueue = Json.wholeNumber(c, "preQueueSeconds");
    Long inQueue = Json.wholeNumber(c, "inQueueSeconds");
    Long agentSeconds = Json.wholeNumber(c, "agentSeconds");
    Long total = Json.wholeNumber(c, "totalDurationSeconds");
    String agent = Json.text(c, "agentId");
    boolean abandoned = "true".equalsIgnoreCase(Json.text(c, "abandoned"));
    boolean answered = !abandoned && agentSeconds != null && agentSeconds > 0;

    Map<String, String> f = new LinkedHashMap<>();
    put(f, ContactsSchema.CONTACT_ID, id);
    if (master != null && !master.equals(id)) {
      put(f, ContactsSchema.PREVIOUS_CONTACT_ID, master);
    }
    String channel = channel(Json.text(c, "mediaTypeName"));
    put(f, ContactsSchema.CHANNEL, channel);
    if ("phone".equals(channel)) {
      put(f, ContactsSchema.CUSTOMER_PHONE, Json.text(c, "fromAddr"));
    }
    put(f, ContactsSchema.QUEUE, Json.text(c, "skillName"));
    put(f, ContactsSchema.TEAM, Json.text(c, "teamName"));
    put(f, ContactsSchema.INITIATED_AT, Json.text(c, "contactStart"));
    // CXone reports the queue time of every contact, so queued_at is delivered: blank when the
    // contact never reached the queue (docs/FORMATS.md "queued_at").
    Instant queued = queuedAt(c);
    f.put(ContactsSchema.QUEUED_AT, queued == null ? "" : queued.toString());
    Instant ended = null;
    if (answered && start != null) {
      Instant answeredAt = start.plusSeconds(orZero(preQueue) + orZero(inQueue));
      ended = answeredAt.plusSeconds(agentSeconds);
      put(f, ContactsSchema.AGENT_ID, "0".equals(agent) ? null : agent);
      put(f, ContactsSchema.ANSWERED_AT, answeredAt.toString());
      put(f, ContactsSchema.HOLD_SECONDS, Json.text(c, "holdSeconds"));
      put(f, ContactsSchema.ACW_SECONDS, Json.text(c, "ACWSeconds"));
      String disposition = Json.text(c, "primaryDispositionId");
      put(f, ContactsSchema.OUTCOME, disposition == null ? null : options.cxoneDispositionOutcomes().get(disposition));
    } else if (start != null) {
      // Abandoned, in the IVR (inQueueSeconds 0) or in the queue: no agent, answer or outcome.
      long span = total != null ? total : orZero(preQueue) + orZero(inQueue);
      ended = start.plusSeconds(span);
    }
    put(f, ContactsSchema.ENDED_AT, ended == null ? null : ended.toString());
    // The completed record's version: CXone's lastUpdateTime when the export carries it, else the
    // end of the contact (a re-delivered record then ties, and the later delivery wins).
    String lastUpdate = Json.text(c, "lastUpdateTime");
    put(f, ContactsSchema.UPDATED_AT, lastUpdate != null ? lastUpdate : ended == null ? null : ended.toString());
    return LandingRecord.ok(number, raw, f);
  }

  /**
   * When the caller started waiting in the queue: contactStart + preQueueSeconds (the IVR time
   * before it), or null when the contact never reached the queue (abandoned in the IVR, no
   * queue time). The one place that computes queued_at for NICE CXone (docs/FORMATS.md).
   */
  static Instant queuedAt(JsonNode c) {
    Instant start = instant(Json.text(c, "contactStart"));
    Long preQueue = Json.wholeNumber(c, "preQueueSeconds");
    Long inQueue = Json.wholeNumber(c, "inQueueSeconds");
    Long agentSeconds = Json.wholeNumber(c, "agentSeconds");
    boolean reachedQueue = (inQueue != null && inQueue > 0) || (agentSeconds != null && agentSeconds > 0);
    return start == null || !reachedQueue ? null : start.plusSeconds(orZero(preQueue));
  }

  static String channel(String mediaTypeName) {
    if (mediaTypeName == null) {
      return "phone"; // fromAddr/toAddr without a media type: a call
    }
    String m = mediaTypeName.strip().toLowerCase(Locale.ROOT);
    return switch (m) {
      case "call", "phone call", "voice", "phonecall" -> "phone";
      case "chat", "digital", "sms", "messaging" -> "chat";
      case "email" -> "email";
      case "social" -> "social";
      // Passed on, so validation rejects it as unknown_enum naming the value.
      default -> mediaTypeName;
    };
  }

  private static long orZero(Long x) {
    return x == null || x < 0 ? 0 : x;
  }

  static Instant instant(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(iso.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void put(Map<String, String> fields, String column, String value) {
    if (value != null) {
      fields.put(column, value);
    }
  }
}
