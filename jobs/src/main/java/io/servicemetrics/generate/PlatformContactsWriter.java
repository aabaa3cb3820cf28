package io.servicemetrics.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.identity.IdentityNormalizer;
import io.servicemetrics.ingest.CsvFileParser;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.schema.ContactsSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the generator's contact legs as the two contact-center platforms' exports the ingest
 * reads (docs/FORMATS.md): Genesys Cloud analytics conversation details (one conversation per
 * chain, re-delivered whole on every day one of its legs changes, as the API returns it) and NICE
 * CXone completed contacts (one record per leg, linked to its master as CXone assigns masters:
 * the first leg, and after the second transfer the leg that transferred). Wrap-up codes and
 * dispositions are the ids of {@link #WRAP_UP_CODES} and {@link #DISPOSITIONS}; the samples'
 * formats config maps them back to outcomes.
 *
 * <p>Unlike the other real formats, Genesys conversations need every leg of a chain, so the
 * writer keeps the latest version of every leg seen so far (the samples are small).
 */
final class PlatformContactsWriter {
  /** Outcome to Genesys wrap-up code id (an organisation's codes are GUIDs). */
  static final Map<String, String> WRAP_UP_CODES = Map.of(
      "resolved", "7c1f6a52-3d0e-4b8a-9f21-5a6e0d3b9c11",
      "unresolved", "0a9e4b7d-61c2-4f35-8d10-2b7f5e9a4c22",
      "follow_up", "e4d2c8a1-9b07-4e6f-a3c5-6f1b8d2e7a33");
  /** Outcome to CXone disposition id. */
  static final Map<String, String> DISPOSITIONS = Map.of("resolved", "101", "unresolved", "102", "follow_up", "103");
  /** The IVR greeting every generated call hears before the queue. */
  static final long IVR_SECONDS = 12;
  /** Seconds an agent's phone rings before the answer. */
  static final long ALERT_SECONDS = 5;
  static final int CONVERSATIONS_PER_PAGE = 25;
  static final int CONTACTS_PER_PAGE = 100;
  static final String DIALED = "+18005550100";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path out;
  private final Map<String, Map<String, String>> latest = new HashMap<>();
  private long files;

  private PlatformContactsWriter(Path out) {
    this.out = out;
  }

  static List<String> formats() {
    return List.of(SourceFormats.GENESYS_CLOUD, SourceFormats.NICE_CXONE);
  }

  /** Converts the canonical contacts of {@code landing} into both formats under {@code out}; returns the files written. */
  static long write(Path landing, Path out) {
    PlatformContactsWriter w = new PlatformContactsWriter(out);
    List<Path> days = RealFormatsWriter.dayFolders(landing.resolve(ContactCenterGenerator.CONTACTS));
    for (int i = 0; i < days.size(); i++) {
      w.day(i, days.get(i));
    }
    return w.files;
  }

  private void day(int dayIndex, Path day) {
    String date = day.getFileName().toString().substring("date=".length());
    List<Map<String, String>> legs = new ArrayList<>();
    for (Path file : RealFormatsWriter.csvFiles(day)) {
      for (LandingRecord r : CsvFileParser.parse(RealFormatsWriter.read(file), ContactsSchema.LANDING_COLUMNS,
          ContactsSchema.REQUIRED_LANDING_COLUMNS).records()) {
        if (r.errorCode() == null && convertible(present(r.fields()))) {
          legs.add(present(r.fields()));
        }
      }
    }
    for (Map<String, String> leg : legs) {
      Map<String, String> known = latest.get(leg.get(ContactsSchema.CONTACT_ID));
      if (known == null || !instant(known.get(ContactsSchema.UPDATED_AT)).isAfter(instant(leg.get(ContactsSchema.UPDATED_AT)))) {
        latest.put(leg.get(ContactsSchema.CONTACT_ID), leg);
      }
    }
    Set<String> roots = new LinkedHashSet<>();
    legs.forEach(leg -> roots.add(root(leg.get(ContactsSchema.CONTACT_ID))));
    Map<String, List<Map<String, String>>> byRoot = new HashMap<>();
    for (Map<String, String> leg : latest.values()) {
      String root = root(leg.get(ContactsSchema.CONTACT_ID));
      if (roots.contains(root)) {
        byRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(leg);
      }
    }
    List<String> conversations = new ArrayList<>();
    for (String root : roots) {
      List<Map<String, String>> chain = byRoot.get(root);
      chain.sort(Comparator.comparing((Map<String, String> l) -> instant(l.get(ContactsSchema.INITIATED_AT)))
          .thenComparing(l -> l.get(ContactsSchema.CONTACT_ID)));
      conversations.add(json(conversation(root, chain)));
    }
    List<String> contacts = new ArrayList<>();
    for (Map<String, String> leg : legs) {
      contacts.add(json(completedContact(leg)));
    }
    boolean gzip = dayIndex % 3 == 1;
    Path genesys = out.resolve(SourceFormats.GENESYS_CLOUD).resolve(ContactCenterGenerator.CONTACTS).resolve(day.getFileName());
    write(genesys.resolve("conversation-details-" + date + (gzip ? ".json.gz" : ".json")),
        pages(conversations, "conversations", "totalHits", CONVERSATIONS_PER_PAGE), gzip);
    Path cxone = out.resolve(SourceFormats.NICE_CXONE).resolve(ContactCenterGenerator.CONTACTS).resolve(day.getFileName());
    // Pages as the API returns them on even days, one contact per line (a flattened export) on odd ones.
    if (dayIndex % 2 == 0) {
      write(cxone.resolve("completed-contacts-" + date + (gzip ? ".json.gz" : ".json")),
          pages(contacts, "completedContacts", "totalRecords", CONTACTS_PER_PAGE), gzip);
    } else {
      write(cxone.resolve("completed-contacts-" + date + (gzip ? ".jsonl.gz" : ".jsonl")), lines(contacts), gzip);
    }
  }

  /**
   * Whether a canonical leg has the times a platform record is built from: the generator's
   * planted defects (bad timestamps, times out of order) exist only in the canonical files.
   */
  static boolean convertible(Map<String, String> leg) {
    Instant updated = instant(leg.get(ContactsSchema.UPDATED_AT));
    Instant initiated = instant(leg.get(ContactsSchema.INITIATED_AT));
    Instant ended = instant(leg.get(ContactsSchema.ENDED_AT));
    String answeredText = leg.get(ContactsSchema.ANSWERED_AT);
    Instant answered = instant(answeredText);
    if (updated == null || initiated == null || ended == null || (answeredText != null && answered == null)
        || leg.get(ContactsSchema.CONTACT_ID) == null || leg.get(ContactsSchema.QUEUE) == null) {
      return false;
    }
    for (String count : List.of(ContactsSchema.HOLD_SECONDS, ContactsSchema.ACW_SECONDS)) {
      if (leg.get(count) != null && !leg.get(count).matches("\\d{1,9}")) {
        return false;
      }
    }
    long hold = number(leg.get(ContactsSchema.HOLD_SECONDS));
    return !ended.isBefore(initiated) && (answered == null || (!answered.isBefore(initiated) && !ended.isBefore(answered)
        && hold <= ended.getEpochSecond() - answered.getEpochSecond()));
  }

  /** The first leg of a contact's chain among the legs seen so far. */
  private String root(String contactId) {
    String id = contactId;
    for (int hops = 0; hops < 64; hops++) {
      Map<String, String> leg = latest.get(id);
      String previous = leg == null ? null : leg.get(ContactsSchema.PREVIOUS_CONTACT_ID);
      if (previous == null || !latest.containsKey(previous)) {
        return id;
      }
      id = previous;
    }
    return id;
  }

  // ------------------------------------------------------------------ Genesys Cloud

  private static ObjectNode conversation(String root, List<Map<String, String>> chain) {
    ObjectNode c = JSON.createObjectNode();
    c.put("conversationId", uuid("conversation", root));
    Map<String, String> first = chain.get(0);
    c.put("conversationStart", millis(instant(first.get(ContactsSchema.INITIATED_AT))));
    Instant end = null;
    for (Map<String, String> leg : chain) {
      Instant legEnd = instant(leg.get(ContactsSchema.ENDED_AT));
      if (leg.get(ContactsSchema.ANSWERED_AT) != null) {
        legEnd = legEnd.plusSeconds(number(leg.get(ContactsSchema.ACW_SECONDS)));
      }
      end = end == null || legEnd.isAfter(end) ? legEnd : end;
    }
    c.put("conversationEnd", millis(end));
    c.put("originatingDirection", "inbound");
    String mediaType = mediaType(first.get(ContactsSchema.CHANNEL));
    ArrayNode participants = c.putArray("participants");
    ObjectNode customer = participants.addObject();
    customer.put("participantId", uuid("customer", root));
    customer.put("purpose", "customer");
    ObjectNode customerSession = customer.putArray("sessions").addObject();
    customerSession.put("mediaType", mediaType);
    String phone = IdentityNormalizer.phone(first.get(ContactsSchema.CUSTOMER_PHONE));
    if ("voice".equals(mediaType) && phone != null) {
      customerSession.put("ani", "tel:+" + phone);
      customerSession.put("dnis", "tel:" + DIALED);
    }
    Instant start = instant(first.get(ContactsSchema.INITIATED_AT));
    segment(customerSession.putArray("segments"), start, end, "interact", null, null, null);
    for (int i = 0; i < chain.size(); i++) {
      Map<String, String> leg = chain.get(i);
      Instant initiated = instant(leg.get(ContactsSchema.INITIATED_AT));
      Instant answered = instant(leg.get(ContactsSchema.ANSWERED_AT));
      Instant ended = instant(leg.get(ContactsSchema.ENDED_AT));
      String queueId = uuid("queue", leg.get(ContactsSchema.QUEUE));
      Instant queued = initiated;
      if (i == 0 && "voice".equals(mediaType)) {
        // Calls hear the IVR first; the queue wait starts after it.
        Instant ivrEnd = earliest(initiated.plusSeconds(IVR_SECONDS), answered != null ? answered : ended);
        ObjectNode ivr = participants.addObject();
        ivr.put("purpose", "ivr");
        ObjectNode ivrSession = ivr.putArray("sessions").addObject();
        ivrSession.put("mediaType", mediaType);
        segment(ivrSession.putArray("segments"), initiated, ivrEnd, "ivr", null, null,
            answered == null && !ivrEnd.isBefore(ended) ? "peer" : null);
        queued = ivrEnd;
      }
      Instant waitEnd = answered != null ? answered : ended;
      if (queued.isBefore(waitEnd)) {
        ObjectNode acd = participants.addObject();
        acd.put("purpose", "acd");
        acd.put("participantName", leg.get(ContactsSchema.QUEUE));
        ObjectNode acdSession = acd.putArray("sessions").addObject();
        acdSession.put("mediaType", mediaType);
        segment(acdSession.putArray("segments"), queued, waitEnd, "interact", queueId, null,
            answered == null ? "peer" : null);
      }
      if (answered == null) {
        continue;
      }
      ObjectNode agent = participants.addObject();
      agent.put("purpose", "agent");
      agent.put("userId", uuid("user", leg.get(ContactsSchema.AGENT_ID)));
      ObjectNode session = agent.putArray("sessions").addObject();
      session.put("mediaType", mediaType);
      ArrayNode segments = session.putArray("segments");
      long hold = number(leg.get(ContactsSchema.HOLD_SECONDS));
      long acw = number(leg.get(ContactsSchema.ACW_SECONDS));
      boolean handedOn = i + 1 < chain.size();
      segment(segments, latest(queued, answered.minusSeconds(ALERT_SECONDS)), answered, "alert", queueId, null, null);
      if (hold > 0) {
        Instant holdStart = answered.plusSeconds((ended.getEpochSecond() - answered.getEpochSecond() - hold) / 2);
        segment(segments, answered, holdStart, "interact", queueId, null, null);
        segment(segments, holdStart, holdStart.plusSeconds(hold), "hold", queueId, null, null);
        segment(segments, holdStart.plusSeconds(hold), ended, "interact", queueId, null, handedOn ? "transfer" : "client");
      } else {
        segment(segments, answered, ended, "interact", queueId, null, handedOn ? "transfer" : "client");
      }
      String outcome = leg.get(ContactsSchema.OUTCOME);
      segment(segments, ended, ended.plusSeconds(acw), "wrapup", null, outcome == null ? null : WRAP_UP_CODES.get(outcome), null);
      ArrayNode metrics = session.putArray("metrics");
      metric(metrics, "tTalk", (ended.getEpochSecond() - answered.getEpochSecond() - hold) * 1000);
      if (hold > 0) {
        metric(metrics, "tHeld", hold * 1000);
      }
      metric(metrics, "tAcw", acw * 1000);
      metric(metrics, "tHandle", (ended.getEpochSecond() - answered.getEpochSecond() + acw) * 1000);
      if (handedOn) {
        metric(metrics, "nBlindTransferred", 1);
      }
    }
    return c;
  }

  private static void segment(ArrayNode segments, Instant from, Instant to, String type, String queueId,
      String wrapUpCode, String disconnectType) {
    ObjectNode s = segments.addObject();
    s.put("segmentStart", millis(from));
    s.put("segmentEnd", millis(to));
    s.put("segmentType", type);
    if (queueId != null) {
      s.put("queueId", queueId);
    }
    if (wrapUpCode != null) {
      s.put("wrapUpCode", wrapUpCode);
    }
    if (disconnectType != null) {
      s.put("disconnectType", disconnectType);
    }
  }

  private static void metric(ArrayNode metrics, String name, long value) {
    ObjectNode m = metrics.addObject();
    m.put("name", name);
    m.put("value", value);
  }

  private static String mediaType(String channel) {
    return switch (channel == null ? "" : channel) {
      case "chat", "social" -> "chat";
      case "email" -> "email";
      default -> "voice";
    };
  }

  // ------------------------------------------------------------------ NICE CXone

  private ObjectNode completedContact(Map<String, String> leg) {
    String id = leg.get(ContactsSchema.CONTACT_ID);
    Instant initiated = instant(leg.get(ContactsSchema.INITIATED_AT));
    Instant answered = instant(leg.get(ContactsSchema.ANSWERED_AT));
    Instant ended = instant(leg.get(ContactsSchema.ENDED_AT));
    String channel = leg.get(ContactsSchema.CHANNEL);
    long wait = (answered != null ? answered : ended).getEpochSecond() - initiated.getEpochSecond();
    long preQueue = "phone".equals(channel) ? Math.min(IVR_SECONDS, wait) : 0;
    ObjectNode c = JSON.createObjectNode();
    c.put("contactId", contactNumber(id));
    c.put("masterContactId", contactNumber(master(id)));
    String phone = IdentityNormalizer.phone(leg.get(ContactsSchema.CUSTOMER_PHONE));
    c.put("fromAddr", "phone".equals(channel) && phone != null ? phone : "");
    c.put("toAddr", "phone".equals(channel) ? DIALED.substring(2) : "");
    c.put("mediaTypeName", switch (channel == null ? "" : channel) {
      case "chat" -> "Chat";
      case "email" -> "Email";
      case "social" -> "Social";
      default -> "Call";
    });
    c.put("skillName", leg.get(ContactsSchema.QUEUE));
    c.put("agentId", answered == null ? 0 : agentNumber(leg.get(ContactsSchema.AGENT_ID)));
    if (leg.get(ContactsSchema.TEAM) != null) {
      c.put("teamName", leg.get(ContactsSchema.TEAM));
    }
    c.put("contactStart", millis(initiated));
    c.put("lastUpdateTime", millis(instant(leg.get(ContactsSchema.UPDATED_AT))));
    c.put("preQueueSeconds", preQueue);
    c.put("inQueueSeconds", wait - preQueue);
    c.put("agentSeconds", answered == null ? 0 : ended.getEpochSecond() - answered.getEpochSecond());
    if (leg.get(ContactsSchema.HOLD_SECONDS) != null) {
      c.put("holdSeconds", number(leg.get(ContactsSchema.HOLD_SECONDS)));
    }
    if (answered != null && leg.get(ContactsSchema.ACW_SECONDS) != null) {
      c.put("ACWSeconds", number(leg.get(ContactsSchema.ACW_SECONDS)));
    }
    c.put("totalDurationSeconds", ended.getEpochSecond() - initiated.getEpochSecond());
    c.put("abandoned", answered == null);
    c.put("isShortAbandon", answered == null && wait < 15);
    c.put("transferIndicatorName", hasNext(id) ? "Transfer" : "None");
    String outcome = leg.get(ContactsSchema.OUTCOME);
    if (answered != null && outcome != null) {
      c.put("primaryDispositionId", Long.parseLong(DISPOSITIONS.get(outcome)));
    }
    return c;
  }

  /**
   * CXone's master: the leg that created this one (the first leg for the first transfer, and
   * from the second transfer on the transferred leg that created it), itself for a first leg.
   */
  private String master(String contactId) {
    Map<String, String> leg = latest.get(contactId);
    String previous = leg == null ? null : leg.get(ContactsSchema.PREVIOUS_CONTACT_ID);
    return previous == null ? contactId : previous;
  }

  private boolean hasNext(String contactId) {
    return latest.values().stream().anyMatch(l -> contactId.equals(l.get(ContactsSchema.PREVIOUS_CONTACT_ID)));
  }

  /** A CXone contact id is a number: the canonical id's digits ({@code L20261001-00012} is 2026100100012). */
  static long contactNumber(String id) {
    String digits = id.replaceAll("\\D", "");
    return digits.isEmpty() ? Math.abs((long) id.hashCode()) : Long.parseLong(digits);
  }

  private static long agentNumber(String agent) {
    String digits = agent == null ? "" : agent.replaceAll("\\D", "");
    return 5000 + (digits.isEmpty() ? 0 : Long.parseLong(digits));
  }

  // ------------------------------------------------------------------ files

  private static String pages(List<String> items, String arrayField, String countField, int perPage) {
    StringBuilder text = new StringBuilder();
    for (int from = 0; from < items.size(); from += perPage) {
      List<String> page = items.subList(from, Math.min(items.size(), from + perPage));
      text.append("{\"").append(countField).append("\":").append(items.size()).append(",\"").append(arrayField)
          .append("\":[").append(String.join(",", page)).append("]}\n");
    }
    return text.toString();
  }

  private static String lines(List<String> items) {
    return items.isEmpty() ? "" : String.join("\n", items) + "\n";
  }

  private void write(Path file, String text, boolean gzip) {
    try {
      Files.createDirectories(file.getParent());
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (gzip) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // Fixed header bytes (no name, no time): the same input writes the same file.
        try (GZIPOutputStream z = new GZIPOutputStream(buffer)) {
          z.write(bytes);
        }
        bytes = buffer.toByteArray();
      }
      Files.write(file, bytes);
      files++;
    } catch (IOException e) {
      throw Errors.io("Cannot write " + file, e);
    }
  }

  private static String json(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> present(Map<String, String> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        out.put(k, v.strip());
      }
    });
    return out;
  }

  private static String uuid(String kind, String name) {
    return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static long number(String value) {
    return value == null || !value.matches("\\d{1,18}") ? 0 : Long.parseLong(value);
  }

  private static Instant instant(String value) {
    return RealFormatsWriter.instant(value);
  }

  private static String millis(Instant t) {
    return t == null ? null : java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
        .format(t.atOffset(java.time.ZoneOffset.UTC));
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
