package io.servicemetrics.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.ingest.ReasonCode;
import io.servicemetrics.schema.ContactsSchema;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Amazon Connect contact records (CTRs) as Kinesis Data Firehose delivers them: JSON objects one
 * per line or concatenated without separators, optionally gzip-compressed. One record per CTR;
 * record_number is the CTR's position in the file. The mapping is in docs/FORMATS.md.
 *
 * <p>Talk time: {@code Agent.AgentInteractionDuration} excludes hold, and a contact can stay
 * connected long after an external transfer, so DisconnectTimestamp overstates handle time.
 * ended_at is therefore ConnectedToAgentTimestamp + AgentInteractionDuration + CustomerHoldDuration
 * (the moment after-contact work starts) when the interaction duration is present, else
 * Agent.AfterContactWorkStartTimestamp, else DisconnectTimestamp. Downstream handle time
 * (ended - answered + acw) is then talk + hold + after-contact work.
 */
final class AmazonConnectFormat implements LandingFormat {
  static final String VOICE = "VOICE";
  static final String CHAT = "CHAT";
  static final String EMAIL = "EMAIL";
  static final String TASK = "TASK";
  /** An extension is a short alphanumeric suffix; Firehose's own names end in a random id with dashes. */
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,4}");

  @Override
  public String name() {
    return SourceFormats.AMAZON_CONNECT;
  }

  /** Everything: Firehose writes names without an extension, so {@link #reads} decides. */
  @Override
  public String pathGlobFilter() {
    return "*";
  }

  @Override
  public String filesDescription() {
    return "*.json, *.json.gz, *.gz and files without an extension";
  }

  @Override
  public boolean reads(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json") || lower.endsWith(".gz")) {
      return true;
    }
    int dot = fileName.lastIndexOf('.');
    return dot < 0 || !EXTENSION.matcher(fileName.substring(dot + 1)).matches();
  }

  @Override
  public List<LandingRecord> parse(RawLandingFile file, FormatOptions options) {
    String text;
    try {
      text = Content.text(Content.decompressed(file.content()));
    } catch (IOException e) {
      return Content.undecompressable(file, e);
    }
    List<LandingRecord> out = new ArrayList<>();
    for (Json.Value v : Json.values(text)) {
      if (v.error() != null) {
        out.add(LandingRecord.error(v.ordinal(), v.raw(), ReasonCode.MALFORMED_JSON, "not valid JSON: " + v.error()));
      } else if (!v.node().isObject()) {
        out.add(LandingRecord.error(v.ordinal(), v.raw(), ReasonCode.FORMAT_MISMATCH,
            "a JSON " + v.node().getNodeType().name().toLowerCase(Locale.ROOT) + ", not a contact record object"));
      } else {
        out.add(map(v.ordinal(), v.raw(), v.node(), options));
      }
    }
    return out;
  }

  static LandingRecord map(long number, String raw, JsonNode ctr, FormatOptions options) {
    Map<String, String> f = new LinkedHashMap<>();
    put(f, ContactsSchema.CONTACT_ID, Json.text(ctr, "ContactId"));
    put(f, ContactsSchema.UPDATED_AT, Json.text(ctr, "LastUpdateTimestamp"));
    put(f, ContactsSchema.PREVIOUS_CONTACT_ID, Json.text(ctr, "PreviousContactId"));
    String channel = Json.text(ctr, "Channel");
    if (channel != null) {
      String upper = channel.strip().toUpperCase(Locale.ROOT);
      if (upper.equals(TASK) && options.connectTaskChannel() == null) {
        return LandingRecord.error(number, raw, ReasonCode.UNMAPPABLE_RECORD,
            "channel TASK (an agent work item, not a customer contact) has no canonical channel;"
                + " set " + FormatOptions.CONNECT_TASK_CHANNEL + " to map it");
      }
      put(f, ContactsSchema.CHANNEL, switch (upper) {
        case VOICE -> "phone";
        case CHAT -> "chat";
        case EMAIL -> "email";
        case TASK -> options.connectTaskChannel();
        // Passed on, so validation rejects it as unknown_enum naming the value.
        default -> channel;
      });
      // Only a voice contact's endpoint is a phone number (a chat's is not, an e-mail's is an address).
      if (upper.equals(VOICE)) {
        put(f, ContactsSchema.CUSTOMER_PHONE, Json.text(ctr.path("CustomerEndpoint"), "Address"));
      }
    }
    put(f, ContactsSchema.QUEUE, Json.text(ctr.path("Queue"), "Name"));
    // Connect always reports queuing, so queued_at is always delivered: QueueInfo.EnqueueTimestamp
    // when the contact entered a queue, blank (never queued: it ended in the flow) otherwise.
    String enqueued = Json.text(ctr.path("Queue"), "EnqueueTimestamp");
    f.put(ContactsSchema.QUEUED_AT, enqueued == null ? "" : enqueued);
    put(f, ContactsSchema.INITIATED_AT, Json.text(ctr, "InitiationTimestamp"));
    String disconnect = Json.text(ctr, "DisconnectTimestamp");
    JsonNode agent = ctr.get("Agent");
    String answered = agent == null ? null : Json.text(agent, "ConnectedToAgentTimestamp");
    JsonNode attributes = ctr.path("Attributes");
    if (answered != null) {
      String username = Json.text(agent, "Username");
      put(f, ContactsSchema.AGENT_ID, username != null ? username : Json.text(agent, "ARN"));
      put(f, ContactsSchema.TEAM, Json.text(agent.path("HierarchyGroups").path("Level" + options.connectTeamLevel()), "GroupName"));
      put(f, ContactsSchema.ANSWERED_AT, answered);
      put(f, ContactsSchema.ENDED_AT, endOfTalk(answered, agent, disconnect));
      put(f, ContactsSchema.HOLD_SECONDS, Json.text(agent, "CustomerHoldDuration"));
      put(f, ContactsSchema.ACW_SECONDS, Json.text(agent, "AfterContactWorkDuration"));
      put(f, ContactsSchema.OUTCOME, Json.text(attributes, options.connectOutcomeAttribute()));
    } else {
      // Never connected to an agent (abandoned in queue or flow): blank agent, answered and outcome.
      put(f, ContactsSchema.ENDED_AT, disconnect);
    }
    put(f, ContactsSchema.CUSTOMER_ID, Json.text(attributes, options.connectCustomerIdAttribute()));
    put(f, ContactsSchema.ESCALATED, Json.text(attributes, options.connectEscalatedAttribute()));
    put(f, ContactsSchema.ISSUE_CATEGORY, Json.text(attributes, options.connectIssueCategoryAttribute()));
    return LandingRecord.ok(number, raw, f);
  }

  /** When talk ended (after-contact work began); see the class comment for why not DisconnectTimestamp. */
  static String endOfTalk(String answered, JsonNode agent, String disconnect) {
    Long interaction = Json.wholeNumber(agent, "AgentInteractionDuration");
    Instant connected = instant(answered);
    if (interaction != null && interaction >= 0 && connected != null) {
      Long hold = Json.wholeNumber(agent, "CustomerHoldDuration");
      return connected.plusSeconds(interaction + (hold != null && hold > 0 ? hold : 0)).toString();
    }
    String acwStart = Json.text(agent, "AfterContactWorkStartTimestamp");
    return acwStart != null ? acwStart : disconnect;
  }

  private static Instant instant(String iso) {
    try {
      return OffsetDateTime.parse(iso).toInstant();
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
