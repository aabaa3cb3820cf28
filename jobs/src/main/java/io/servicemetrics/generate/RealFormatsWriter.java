package io.servicemetrics.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.identity.IdentityNormalizer;
import io.servicemetrics.ingest.CsvFileParser;
import io.servicemetrics.ingest.JsonLinesFileParser;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SurveysSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the same synthetic days in the real export formats the ingest adapters read
 * (docs/FORMATS.md): contacts as Amazon Connect contact records (and, by {@link PlatformContactsWriter},
 * as Genesys Cloud conversation details and NICE CXone completed contacts), surveys as Qualtrics exports,
 * mentions as saved X API v2 responses. It converts a canonical landing zone the generator has
 * just written, file by file, so the story is the same and memory stays bounded by one file.
 *
 * <p>Layout: {@code <out>/amazon-connect/contacts/date=D/}, {@code <out>/qualtrics/surveys/date=D/},
 * {@code <out>/x-api-v2/mentions/date=D/}: each folder is a landing root for its format. The
 * formats vary by day index so every variant occurs: CTR files one per line ({@code .json}),
 * gzip-compressed ({@code .gz}) and concatenated without separators under a Firehose-style name
 * without extension; Qualtrics three-header exports, one in German with renamed export tags, and a
 * legacy two-header export.
 */
public final class RealFormatsWriter {
  /** Survey times are written in this zone (UTC-5, no daylight saving: fixed bytes forever). */
  public static final String SURVEY_ZONE = "Etc/GMT+5";
  static final String ACCOUNT = "123456789012";
  static final String INSTANCE = "arn:aws:connect:us-east-1:" + ACCOUNT + ":instance/5e1f0c3a-7d4b-4c1e-9a2f-0b6d8e4f1a22";
  /** An answered phone leg that ends unresolved stays connected this long after talk (an external transfer). */
  static final long TRANSFER_LINGER_SECONDS = 300;
  static final int POSTS_PER_RESPONSE = 5;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter QUALTRICS_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter X_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
  private static final List<String> QUALTRICS_TAGS = List.of("StartDate", "EndDate", "Status", "IPAddress", "Progress",
      "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
      "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel",
      "UserLanguage", "Q1", "Q2", "Q2_NPS_GROUP", "Q3", "Q4", "Q5_TEXT", "Q6_TEXT");
  private static final List<String> QUALTRICS_IMPORT_IDS = List.of("startDate", "endDate", "status", "ipAddress",
      "progress", "duration", "finished", "recordedDate", "_recordId", "recipientLastName", "recipientFirstName",
      "recipientEmail", "externalDataReference", "locationLatitude", "locationLongitude", "distributionChannel",
      "userLanguage", "QID1", "QID2", "QID2_NPS_GROUP", "QID3", "QID4", "QID5_TEXT", "QID6_TEXT");
  private static final List<String> QUESTIONS_EN = List.of("Start Date", "End Date", "Response Type", "IP Address",
      "Progress", "Duration (in seconds)", "Finished", "Recorded Date", "Response ID", "Recipient Last Name",
      "Recipient First Name", "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
      "Distribution Channel", "User Language", "Overall, how satisfied were you with the service you received?",
      "How likely are you to recommend us to a friend or colleague?",
      "How likely are you to recommend us to a friend or colleague? - Group",
      "How easy was it to get your issue handled?", "Was your issue resolved?",
      "How many people have you told about this experience?", "Anything else you would like to tell us?");
  private static final List<String> QUESTIONS_DE = List.of("Startdatum", "Enddatum", "Antworttyp", "IP-Adresse",
      "Fortschritt", "Dauer (in Sekunden)", "Beendet", "Aufgezeichnetes Datum", "Antwort-ID", "Nachname", "Vorname",
      "E-Mail", "Externe Referenz", "Breitengrad", "Längengrad", "Verteilungskanal", "Sprache",
      "Wie zufrieden waren Sie insgesamt mit unserem Service?",
      "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
      "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen? - Gruppe", "Wie einfach war es, Ihr Anliegen zu klären?",
      "Wurde Ihr Anliegen gelöst?", "Wie vielen Personen haben Sie davon erzählt?", "Möchten Sie uns noch etwas sagen?");
  private static final List<String> TAGS_DE = List.of("StartDate", "EndDate", "Status", "IPAddress", "Progress",
      "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
      "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel",
      "UserLanguage", "zufriedenheit", "empfehlung", "empfehlung_NPS_GROUP", "aufwand", "geloest", "erzaehlt_TEXT",
      "kommentar_TEXT");
  private static final List<String> LEGACY_COLUMNS = List.of("ResponseID", "ResponseSet", "ExternalDataReference",
      "Status", "StartDate", "EndDate", "Finished", "QID1", "QID2", "QID2_NPS_GROUP", "QID3", "QID4", "QID5_TEXT",
      "QID6_TEXT");

  private final Path landing;
  private final Path out;
  private final ZoneId surveyZone = ZoneId.of(SURVEY_ZONE);
  private long files;

  private RealFormatsWriter(Path landing, Path out) {
    this.landing = landing;
    this.out = out;
  }

  /** Fails unless the three format folders under {@code out} are absent or empty (out itself may hold others). */
  public static void requireWritable(Path out) {
    for (String format : List.of(SourceFormats.AMAZON_CONNECT, SourceFormats.QUALTRICS, SourceFormats.X_API_V2)) {
      ContactCenterGenerator.requireEmpty(out.resolve(format));
    }
    for (String format : PlatformContactsWriter.formats()) {
      ContactCenterGenerator.requireEmpty(out.resolve(format));
    }
  }

  /** Converts the canonical landing zone {@code landing} into {@code out}; returns the number of files written. */
  public static long write(Path landing, Path out) {
    requireWritable(out);
    RealFormatsWriter w = new RealFormatsWriter(landing, out);
    List<Path> days = w.dayFolders(ContactCenterGenerator.CONTACTS);
    for (int i = 0; i < days.size(); i++) {
      w.contacts(i, days.get(i));
    }
    days = w.dayFolders(ContactCenterGenerator.SURVEYS);
    for (int i = 0; i < days.size(); i++) {
      w.surveys(i, days.get(i));
    }
    for (Path day : w.dayFolders(ContactCenterGenerator.MENTIONS)) {
      w.mentions(day);
    }
    return w.files + PlatformContactsWriter.write(landing, out);
  }

  // ------------------------------------------------------------------ Amazon Connect

  private void contacts(int dayIndex, Path day) {
    String date = day.getFileName().toString().substring("date=".length());
    List<String> ctrs = new ArrayList<>();
    for (Path file : csvFiles(day)) {
      for (LandingRecord r : CsvFileParser.parse(read(file), ContactsSchema.KNOWN_LANDING_COLUMNS,
          ContactsSchema.REQUIRED_LANDING_COLUMNS).records()) {
        if (r.errorCode() != null) {
          continue;
        }
        Map<String, String> f = present(r.fields());
        ObjectNode ctr = ctr(f);
        ObjectNode interim = interimVersion(ctr, f);
        if (interim != null) {
          ctrs.add(json(interim));
        }
        ctrs.add(json(ctr));
      }
    }
    String stem = "connect-ctr-1-" + date + "-23-59-00-" + hex(date);
    Path dir = out.resolve(SourceFormats.AMAZON_CONNECT).resolve(ContactCenterGenerator.CONTACTS).resolve(day.getFileName());
    switch (dayIndex % 3) {
      case 0 -> writeBytes(dir.resolve(stem + ".json"), lines(ctrs).getBytes(StandardCharsets.UTF_8));
      case 1 -> writeBytes(dir.resolve(stem + ".gz"), gzip(lines(ctrs)));
      // Firehose's default: no extension, records concatenated without any separator.
      default -> writeBytes(dir.resolve(stem), String.join("", ctrs).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static ObjectNode ctr(Map<String, String> f) {
    String channel = f.get(ContactsSchema.CHANNEL);
    String connectChannel = channel == null ? null : switch (channel) {
      case "phone" -> "VOICE";
      case "chat", "social" -> "CHAT";
      case "email" -> "EMAIL";
      default -> channel.toUpperCase(Locale.ROOT);
    };
    Instant answered = instant(f.get(ContactsSchema.ANSWERED_AT));
    Instant ended = instant(f.get(ContactsSchema.ENDED_AT));
    Long hold = whole(f.get(ContactsSchema.HOLD_SECONDS));
    Long acw = whole(f.get(ContactsSchema.ACW_SECONDS));
    String agentId = f.get(ContactsSchema.AGENT_ID);
    Long interaction = null;
    String disconnect = iso(f.get(ContactsSchema.ENDED_AT));

    ObjectNode c = JSON.createObjectNode();
    c.put("AWSAccountId", ACCOUNT);
    c.put("AWSContactTraceRecordFormatVersion", "2017-03-10");
    if (agentId != null && f.get(ContactsSchema.ANSWERED_AT) != null) {
      ObjectNode agent = c.putObject("Agent");
      agent.put("ARN", INSTANCE + "/agent/" + agentId.toLowerCase(Locale.ROOT));
      agent.put("Username", agentId);
      if (answered != null && ended != null) {
        interaction = ended.getEpochSecond() - answered.getEpochSecond() - (hold == null || hold < 0 ? 0 : hold);
        agent.put("AgentInteractionDuration", interaction);
        agent.put("AfterContactWorkStartTimestamp", ended.toString());
        if (acw != null) {
          agent.put("AfterContactWorkEndTimestamp", ended.plusSeconds(acw).toString());
        }
      }
      putNumber(agent, "AfterContactWorkDuration", f.get(ContactsSchema.ACW_SECONDS));
      agent.put("ConnectedToAgentTimestamp", iso(f.get(ContactsSchema.ANSWERED_AT)));
      putNumber(agent, "CustomerHoldDuration", f.get(ContactsSchema.HOLD_SECONDS));
      if (f.get(ContactsSchema.TEAM) != null) {
        agent.putObject("HierarchyGroups").putObject("Level1").put("GroupName", f.get(ContactsSchema.TEAM));
      }
      if ("VOICE".equals(connectChannel) && "unresolved".equals(f.get(ContactsSchema.OUTCOME)) && interaction != null) {
        // Transferred out to an external number: the customer stays connected after the agent's part.
        disconnect = ended.plusSeconds(TRANSFER_LINGER_SECONDS).toString();
      }
    } else {
      c.putNull("Agent");
    }
    ObjectNode attributes = c.putObject("Attributes");
    putText(attributes, "customer_id", f.get(ContactsSchema.CUSTOMER_ID));
    putText(attributes, "escalated", f.get(ContactsSchema.ESCALATED));
    putText(attributes, "issue_category", f.get(ContactsSchema.ISSUE_CATEGORY));
    putText(attributes, "outcome", f.get(ContactsSchema.OUTCOME));
    c.put("Channel", connectChannel);
    c.put("ContactId", f.get(ContactsSchema.CONTACT_ID));
    String phone = IdentityNormalizer.phone(f.get(ContactsSchema.CUSTOMER_PHONE));
    if ("VOICE".equals(connectChannel) && phone != null) {
      ObjectNode endpoint = c.putObject("CustomerEndpoint");
      endpoint.put("Address", "+" + phone);
      endpoint.put("Type", "TELEPHONE_NUMBER");
    } else {
      c.putNull("CustomerEndpoint");
    }
    c.put("DisconnectTimestamp", disconnect);
    c.put("InitiationMethod", f.get(ContactsSchema.PREVIOUS_CONTACT_ID) == null ? "INBOUND" : "TRANSFER");
    c.put("InitiationTimestamp", iso(f.get(ContactsSchema.INITIATED_AT)));
    c.put("LastUpdateTimestamp", iso(f.get(ContactsSchema.UPDATED_AT)));
    c.put("PreviousContactId", f.get(ContactsSchema.PREVIOUS_CONTACT_ID));
    if (f.get(ContactsSchema.QUEUE) != null) {
      ObjectNode queue = c.putObject("Queue");
      queue.put("ARN", INSTANCE + "/queue/" + f.get(ContactsSchema.QUEUE));
      queue.put("Name", f.get(ContactsSchema.QUEUE));
      // QueueInfo: only a contact that reached the queue has an enqueue time.
      String enqueued = f.get(ContactsSchema.QUEUED_AT);
      if (enqueued != null && !enqueued.isBlank()) {
        queue.put("EnqueueTimestamp", iso(enqueued));
      }
    } else {
      c.putNull("Queue");
    }
    return c;
  }

  /**
   * Connect writes a record when the contact disconnects and updates it when after-contact work
   * ends. A follow-up leg gets that first, earlier version too (no disposition yet), so it is
   * delivered twice on its day, and three times when the follow-up is later re-delivered resolved.
   */
  private static ObjectNode interimVersion(ObjectNode ctr, Map<String, String> f) {
    Instant ended = instant(f.get(ContactsSchema.ENDED_AT));
    Instant updated = instant(f.get(ContactsSchema.UPDATED_AT));
    if (!"follow_up".equals(f.get(ContactsSchema.OUTCOME)) || ended == null || updated == null || !ended.isBefore(updated)) {
      return null;
    }
    ObjectNode interim = ctr.deepCopy();
    interim.put("LastUpdateTimestamp", ended.toString());
    ((ObjectNode) interim.get("Attributes")).remove("outcome");
    if (interim.get("Agent").isObject()) {
      ((ObjectNode) interim.get("Agent")).remove(List.of("AfterContactWorkDuration", "AfterContactWorkEndTimestamp"));
    }
    return interim;
  }

  // ------------------------------------------------------------------ Qualtrics

  private void surveys(int dayIndex, Path day) {
    String date = day.getFileName().toString().substring("date=".length());
    boolean legacy = dayIndex % 5 == 4;
    boolean german = dayIndex % 5 == 2;
    StringBuilder csv = new StringBuilder();
    if (legacy) {
      csv.append(LandingFile.csvLine(LEGACY_COLUMNS.toArray(String[]::new))).append('\n');
      csv.append(LandingFile.csvLine(LEGACY_COLUMNS.subList(0, 7).toArray(String[]::new)))
          .append(',').append(LandingFile.csvLine(QUESTIONS_EN.subList(17, 24).toArray(String[]::new))).append('\n');
    } else {
      csv.append(LandingFile.csvLine((german ? TAGS_DE : QUALTRICS_TAGS).toArray(String[]::new))).append('\n');
      csv.append(LandingFile.csvLine((german ? QUESTIONS_DE : QUESTIONS_EN).toArray(String[]::new))).append('\n');
      List<String> ids = new ArrayList<>();
      for (String id : QUALTRICS_IMPORT_IDS) {
        ObjectNode n = JSON.createObjectNode().put("ImportId", id);
        if (id.endsWith("Date")) {
          n.put("timeZone", SURVEY_ZONE);
        }
        ids.add(json(n));
      }
      csv.append(LandingFile.csvLine(ids.toArray(String[]::new))).append('\n');
    }
    for (Path file : csvFiles(day)) {
      for (LandingRecord r : CsvFileParser.parse(read(file), SurveysSchema.LANDING_COLUMNS,
          SurveysSchema.REQUIRED_LANDING_COLUMNS).records()) {
        if (r.errorCode() == null) {
          csv.append(LandingFile.csvLine(qualtricsRow(present(r.fields()), legacy, german).toArray(String[]::new))).append('\n');
        }
      }
    }
    Path dir = out.resolve(SourceFormats.QUALTRICS).resolve(ContactCenterGenerator.SURVEYS).resolve(day.getFileName());
    writeBytes(dir.resolve("qualtrics-export-" + date + ".csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private List<String> qualtricsRow(Map<String, String> f, boolean legacy, boolean german) {
    String id = f.get(SurveysSchema.SURVEY_ID);
    Instant at = instant(f.get(SurveysSchema.RESPONDED_AT));
    long duration = 45 + Math.floorMod(id.hashCode(), 240);
    String recorded = at == null ? f.get(SurveysSchema.RESPONDED_AT) : local(at);
    String end = at == null ? recorded : local(at.minusSeconds(1));
    String start = at == null ? recorded : local(at.minusSeconds(1 + duration));
    String nps = f.get(SurveysSchema.NPS);
    Long npsValue = whole(nps);
    String group = npsValue == null || npsValue < 0 || npsValue > 10 ? null : npsValue <= 6 ? "1" : npsValue <= 8 ? "2" : "3";
    String resolved = f.get(SurveysSchema.RESOLVED_REPORTED);
    String resolvedCode = "yes".equals(resolved) ? "1" : "no".equals(resolved) ? "2" : resolved;
    List<String> answers = List.of(nz(f.get(SurveysSchema.CSAT)), nz(nps), nz(group), nz(f.get(SurveysSchema.CES)),
        nz(resolvedCode), nz(f.get(SurveysSchema.PEOPLE_TOLD)), nz(f.get(SurveysSchema.COMMENT)));
    List<String> row = new ArrayList<>();
    if (legacy) {
      // No RecordedDate in a legacy export: its EndDate is the response time.
      row.addAll(List.of(id, "Default Response Set", f.get(SurveysSchema.CONTACT_ID), "0", nz(start), nz(recorded), "1"));
    } else {
      row.addAll(List.of(nz(start), nz(end), "0", "", "100", Long.toString(duration), "1", nz(recorded), id, "", "", "",
          f.get(SurveysSchema.CONTACT_ID), "", "", "email", german ? "DE" : "EN"));
    }
    row.addAll(answers);
    return row;
  }

  private String local(Instant instant) {
    return QUALTRICS_TIME.format(instant.atZone(surveyZone));
  }

  // ------------------------------------------------------------------ X API v2

  private void mentions(Path day) {
    List<String> lines = new ArrayList<>();
    List<Map<String, String>> page = new ArrayList<>();
    for (Path file : files(day, ".jsonl")) {
      for (LandingRecord r : JsonLinesFileParser.parse(read(file), MentionsSchema.LANDING_COLUMNS).records()) {
        if (r.errorCode() != null) {
          flush(page, lines);
          // A broken line stays broken: the collector saved a truncated response.
          lines.add(r.rawRecord());
          continue;
        }
        page.add(present(r.fields()));
        if (page.size() == POSTS_PER_RESPONSE) {
          flush(page, lines);
        }
      }
    }
    flush(page, lines);
    String date = day.getFileName().toString().substring("date=".length());
    Path dir = out.resolve(SourceFormats.X_API_V2).resolve(ContactCenterGenerator.MENTIONS).resolve(day.getFileName());
    writeBytes(dir.resolve("x-api-v2-" + date + ".jsonl"), lines(lines).getBytes(StandardCharsets.UTF_8));
  }

  /** One saved search response holding the page's posts; its fetched_at is the page's latest fetch. */
  private static void flush(List<Map<String, String>> page, List<String> lines) {
    if (page.isEmpty()) {
      return;
    }
    ObjectNode response = JSON.createObjectNode();
    ArrayNode data = response.putArray("data");
    ObjectNode users = JSON.createObjectNode();
    Instant fetched = null;
    for (Map<String, String> m : page) {
      ObjectNode post = data.addObject();
      String id = m.get(MentionsSchema.MENTION_ID);
      String handle = m.get(MentionsSchema.AUTHOR_HANDLE);
      String authorId = handle == null ? null : authorId(handle);
      post.put("id", id);
      post.putArray("edit_history_tweet_ids").add(id);
      if (m.get(MentionsSchema.TEXT) != null) {
        post.put("text", m.get(MentionsSchema.TEXT));
      }
      Instant posted = instant(m.get(MentionsSchema.POSTED_AT));
      post.put("created_at", posted == null ? m.get(MentionsSchema.POSTED_AT) : X_TIME.format(posted.atOffset(ZoneOffset.UTC)));
      post.put("author_id", authorId);
      post.put("lang", "en");
      ObjectNode metrics = post.putObject("public_metrics");
      Long reshares = whole(m.get(MentionsSchema.RESHARES));
      if (reshares != null && reshares >= 0) {
        metrics.put("retweet_count", reshares - reshares / 4);
        metrics.put("quote_count", reshares / 4);
      } else {
        putNumber(metrics, "retweet_count", m.getOrDefault(MentionsSchema.RESHARES, "0"));
        metrics.put("quote_count", 0);
      }
      putNumber(metrics, "reply_count", m.getOrDefault(MentionsSchema.REPLIES, "0"));
      putNumber(metrics, "like_count", m.getOrDefault(MentionsSchema.LIKES, "0"));
      putNumber(metrics, "impression_count", m.get(MentionsSchema.IMPRESSIONS));
      if (m.get(MentionsSchema.IN_REPLY_TO) != null) {
        post.putArray("referenced_tweets").addObject().put("type", "replied_to").put("id", m.get(MentionsSchema.IN_REPLY_TO));
      }
      if (authorId != null && !users.has(authorId)) {
        ObjectNode user = users.putObject(authorId);
        user.put("id", authorId);
        user.put("username", handle.startsWith("@") ? handle.substring(1) : handle);
        putNumber(user.putObject("public_metrics"), "followers_count", m.get(MentionsSchema.AUTHOR_FOLLOWERS));
      }
      Instant f = instant(m.get(MentionsSchema.FETCHED_AT));
      if (f != null && (fetched == null || f.isAfter(fetched))) {
        fetched = f;
      }
    }
    ArrayNode userList = response.putObject("includes").putArray("users");
    users.elements().forEachRemaining(userList::add);
    ObjectNode meta = response.putObject("meta");
    meta.put("result_count", page.size());
    response.put("fetched_at", fetched == null ? null : fetched.toString());
    lines.add(json(response));
    page.clear();
  }

  /** A stable numeric user id per handle, as X assigns one per account. */
  static String authorId(String handle) {
    String h = handle.toLowerCase(Locale.ROOT);
    long x = 1125899906842597L;
    for (int i = 0; i < h.length(); i++) {
      x = 31 * x + h.charAt(i);
    }
    return Long.toUnsignedString(Rng.mix(x) >>> 4);
  }

  // ------------------------------------------------------------------ helpers

  private List<Path> dayFolders(String source) {
    return dayFolders(landing.resolve(source));
  }

  /** The {@code date=} folders of one source of a landing zone, in date order; none when it is absent. */
  static List<Path> dayFolders(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("date=")).sorted().toList();
    } catch (IOException e) {
      throw Errors.io("Cannot list " + dir, e);
    }
  }

  static List<Path> csvFiles(Path day) {
    return files(day, ".csv");
  }

  private static List<Path> files(Path day, String extension) {
    try (Stream<Path> s = Files.list(day)) {
      return s.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw Errors.io("Cannot list " + day, e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.io("Cannot read " + file, e);
    }
  }

  private void writeBytes(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      files++;
    } catch (IOException e) {
      throw Errors.io("Cannot write " + file, e);
    }
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("in-memory gzip failed", e);
    }
    return bytes.toByteArray();
  }

  private static String lines(List<String> lines) {
    StringBuilder s = new StringBuilder();
    lines.forEach(l -> s.append(l).append('\n'));
    return s.toString();
  }

  private static String json(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }

  private static String hex(String seed) {
    return String.format(Locale.ROOT, "%08x", (int) Rng.mix(seed.hashCode()));
  }

  /** A canonical timestamp as an instant (no offset = UTC, the generator's convention), or null. */
  static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** ISO-8601 UTC as Connect writes it; unparseable text unchanged (a planted defect stays one). */
  private static String iso(String value) {
    Instant i = instant(value);
    return i == null ? value : i.toString();
  }

  private static Long whole(String value) {
    return value != null && value.matches("[+-]?\\d{1,18}") ? Long.parseLong(value) : null;
  }

  private static void putNumber(ObjectNode node, String field, String value) {
    if (value == null) {
      return;
    }
    Long n = whole(value);
    if (n != null) {
      node.put(field, n);
    } else {
      node.put(field, value);
    }
  }

  private static void putText(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /** The record's non-blank values (a blank CSV cell means absent). */
  private static Map<String, String> present(Map<String, String> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
