package io.servicemetrics.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.schema.ContactsSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class AmazonConnectFormatTest {
  /** Shaped like the contact record sample in the Amazon Connect data model documentation. */
  static final String ANSWERED = "{\"AWSAccountId\":\"123456789012\",\"AWSContactTraceRecordFormatVersion\":\"2017-03-10\","
      + "\"Agent\":{\"ARN\":\"arn:aws:connect:us-west-2:123456789012:instance/i-1/agent/a-1\","
      + "\"AfterContactWorkDuration\":284,\"AfterContactWorkEndTimestamp\":\"2026-11-02T20:13:37Z\","
      + "\"AfterContactWorkStartTimestamp\":\"2026-11-02T20:08:53Z\",\"AgentInteractionDuration\":102,"
      + "\"ConnectedToAgentTimestamp\":\"2026-11-02T20:07:04Z\",\"CustomerHoldDuration\":7,"
      + "\"HierarchyGroups\":{\"Level1\":{\"GroupName\":\"north\"},\"Level2\":{\"GroupName\":\"billing-east\"}},"
      + "\"LongestHoldDuration\":7,\"NumberOfHolds\":1,\"Username\":\"AG07\"},"
      + "\"Attributes\":{\"outcome\":\"resolved\",\"escalated\":\"false\",\"issue_category\":\"invoice\",\"customer_id\":\"CUST-1\"},"
      + "\"Channel\":\"VOICE\",\"ContactId\":\"c-1\",\"CustomerEndpoint\":{\"Address\":\"+14155550134\",\"Type\":\"TELEPHONE_NUMBER\"},"
      + "\"DisconnectTimestamp\":\"2026-11-02T20:08:53Z\",\"InitialContactId\":null,\"InitiationMethod\":\"INBOUND\","
      + "\"InitiationTimestamp\":\"2026-11-02T20:06:50Z\",\"LastUpdateTimestamp\":\"2026-11-02T20:15:08Z\","
      + "\"PreviousContactId\":null,\"Queue\":{\"Name\":\"billing\",\"Duration\":11}}";
  static final String ABANDONED = "{\"Agent\":null,\"Attributes\":{\"customer_id\":\"CUST-2\"},\"Channel\":\"CHAT\","
      + "\"ContactId\":\"c-2\",\"CustomerEndpoint\":{\"Address\":\"chat-participant-9\"},"
      + "\"DisconnectTimestamp\":\"2026-11-02T09:03:00Z\",\"InitiationTimestamp\":\"2026-11-02T09:00:00Z\","
      + "\"LastUpdateTimestamp\":\"2026-11-02T09:03:05Z\",\"Queue\":{\"Name\":\"orders\"}}";

  private static List<LandingRecord> parse(String text, FormatOptions options) {
    return new AmazonConnectFormat().parse(new RawLandingFile("ctr", text.getBytes(StandardCharsets.UTF_8), null), options);
  }

  @Test
  void mapsAnAnsweredVoiceContactWithTalkEndingWhenAfterContactWorkStarts() {
    List<LandingRecord> records = parse(ANSWERED + "\n", FormatOptions.DEFAULTS);
    assertEquals(1, records.size());
    Map<String, String> f = records.get(0).fields();
    assertEquals("c-1", f.get(ContactsSchema.CONTACT_ID));
    assertEquals("2026-11-02T20:15:08Z", f.get(ContactsSchema.UPDATED_AT));
    assertNull(f.get(ContactsSchema.PREVIOUS_CONTACT_ID), "JSON null is blank");
    assertEquals("phone", f.get(ContactsSchema.CHANNEL));
    assertEquals("+14155550134", f.get(ContactsSchema.CUSTOMER_PHONE));
    assertEquals("billing", f.get(ContactsSchema.QUEUE));
    assertEquals("AG07", f.get(ContactsSchema.AGENT_ID), "Username wins over the ARN");
    assertEquals("north", f.get(ContactsSchema.TEAM), "hierarchy level 1 by default");
    assertEquals("2026-11-02T20:06:50Z", f.get(ContactsSchema.INITIATED_AT));
    assertEquals("2026-11-02T20:07:04Z", f.get(ContactsSchema.ANSWERED_AT));
    // 20:07:04 + interaction 102 s + hold 7 s = 20:08:53 (interaction excludes hold).
    assertEquals("2026-11-02T20:08:53Z", f.get(ContactsSchema.ENDED_AT));
    assertEquals("7", f.get(ContactsSchema.HOLD_SECONDS));
    assertEquals("284", f.get(ContactsSchema.ACW_SECONDS));
    assertEquals("resolved", f.get(ContactsSchema.OUTCOME));
    assertEquals("false", f.get(ContactsSchema.ESCALATED));
    assertEquals("invoice", f.get(ContactsSchema.ISSUE_CATEGORY));
    assertEquals("CUST-1", f.get(ContactsSchema.CUSTOMER_ID));
    assertEquals(ANSWERED, records.get(0).rawRecord(), "the raw record is the CTR's exact text");
  }

  @Test
  void queuedAtIsTheEnqueueTimestampAndBlankWhenTheContactNeverQueued() {
    String queued = "{\"ContactId\":\"c-4\",\"Channel\":\"VOICE\",\"InitiationTimestamp\":\"2026-11-02T10:00:00Z\","
        + "\"DisconnectTimestamp\":\"2026-11-02T10:03:00Z\",\"LastUpdateTimestamp\":\"2026-11-02T10:03:05Z\","
        + "\"Queue\":{\"Name\":\"billing\",\"EnqueueTimestamp\":\"2026-11-02T10:01:10Z\",\"Duration\":110}}";
    assertEquals("2026-11-02T10:01:10Z", parse(queued, FormatOptions.DEFAULTS).get(0).fields().get(ContactsSchema.QUEUED_AT),
        "QueueInfo.EnqueueTimestamp, after 70 s in the flow");
    // ABANDONED's Queue has a name but no EnqueueTimestamp: it ended in the flow. Connect always
    // reports queuing, so the column is delivered, blank (never queued), not left out.
    Map<String, String> f = parse(ABANDONED, FormatOptions.DEFAULTS).get(0).fields();
    assertEquals("", f.get(ContactsSchema.QUEUED_AT));
  }

  @Test
  void talkEndsBeforeDisconnectAfterAnExternalTransfer() {
    // Connected 10:00:00, talked 240 s with 60 s hold, then transferred out: the customer stayed on
    // the line until 10:45:00. Talk ended 10:00:00 + 240 + 60 = 10:05:00, not at the disconnect.
    String ctr = "{\"ContactId\":\"c-3\",\"Channel\":\"VOICE\",\"InitiationTimestamp\":\"2026-11-02T09:59:00Z\","
        + "\"DisconnectTimestamp\":\"2026-11-02T10:45:00Z\",\"LastUpdateTimestamp\":\"2026-11-02T10:46:00Z\","
        + "\"Queue\":{\"Name\":\"technical\"},\"Agent\":{\"ARN\":\"arn:aws:connect:agent/a-9\","
        + "\"ConnectedToAgentTimestamp\":\"2026-11-02T10:00:00Z\",\"AgentInteractionDuration\":240,"
        + "\"CustomerHoldDuration\":60,\"AfterContactWorkDuration\":30}}";
    Map<String, String> f = parse(ctr, FormatOptions.DEFAULTS).get(0).fields();
    assertEquals("2026-11-02T10:05:00Z", f.get(ContactsSchema.ENDED_AT));
    assertEquals("arn:aws:connect:agent/a-9", f.get(ContactsSchema.AGENT_ID), "the ARN when there is no Username");
    assertNull(f.get(ContactsSchema.TEAM), "no hierarchy, no team");
    assertNull(f.get(ContactsSchema.OUTCOME), "no attributes, no outcome");
  }

  @Test
  void aContactThatNeverReachedAnAgentHasNoAgentAnswerOrOutcomeAndAChatEndpointIsNoPhone() {
    Map<String, String> f = parse(ABANDONED, FormatOptions.DEFAULTS).get(0).fields();
    assertEquals("chat", f.get(ContactsSchema.CHANNEL));
    assertFalse(f.containsKey(ContactsSchema.CUSTOMER_PHONE), "a chat participant address is not a phone");
    assertFalse(f.containsKey(ContactsSchema.ANSWERED_AT));
    assertFalse(f.containsKey(ContactsSchema.AGENT_ID));
    assertFalse(f.containsKey(ContactsSchema.OUTCOME));
    assertEquals("2026-11-02T09:03:00Z", f.get(ContactsSchema.ENDED_AT), "ended at the disconnect");
    assertEquals("CUST-2", f.get(ContactsSchema.CUSTOMER_ID));
  }

  @Test
  void readsObjectsConcatenatedWithoutSeparatorsInOrder() {
    String threeVersions = ABANDONED.replace("09:03:05", "09:03:06") + ANSWERED + ABANDONED;
    List<LandingRecord> records = parse(threeVersions, FormatOptions.DEFAULTS);
    assertEquals(List.of(1L, 2L, 3L), records.stream().map(LandingRecord::recordNumber).toList(), "record = position");
    assertEquals(List.of("c-2", "c-1", "c-2"), records.stream().map(r -> r.fields().get(ContactsSchema.CONTACT_ID)).toList());
    assertEquals(ANSWERED, records.get(1).rawRecord(), "each raw record is exactly its object");
  }

  @Test
  void readsGzipCompressedRecords() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write((ANSWERED + "\n" + ABANDONED + "\n").getBytes(StandardCharsets.UTF_8));
    }
    List<LandingRecord> records = new AmazonConnectFormat().parse(
        new RawLandingFile("ctr.json.gz", bytes.toByteArray(), null), FormatOptions.DEFAULTS);
    assertEquals(List.of("c-1", "c-2"), records.stream().map(r -> r.fields().get(ContactsSchema.CONTACT_ID)).toList());
  }

  @Test
  void malformedAndNonObjectValuesAreQuarantinedAndReadingResumesAtTheNextObject() {
    String text = ANSWERED + "\n{\"ContactId\":\"c-9\",\"Channel\":\n" + "42\n" + ABANDONED + "\n";
    List<LandingRecord> records = parse(text, FormatOptions.DEFAULTS);
    // 1 = c-1; 2 = the truncated object (malformed_json), up to the next line starting with '{';
    // the "42" line is inside the skipped text; 3 = c-2.
    assertEquals(List.of("ok", "malformed_json", "ok"),
        records.stream().map(r -> r.errorCode() == null ? "ok" : r.errorCode()).toList());
    assertTrue(records.get(1).rawRecord().startsWith("{\"ContactId\":\"c-9\""), records.get(1).rawRecord());
    assertEquals("c-2", records.get(2).fields().get(ContactsSchema.CONTACT_ID));

    List<LandingRecord> scalar = parse("[1,2]\n" + ABANDONED, FormatOptions.DEFAULTS);
    assertEquals("format_mismatch", scalar.get(0).errorCode(), "an array is not a contact record");
    assertEquals("c-2", scalar.get(1).fields().get(ContactsSchema.CONTACT_ID));
  }

  @Test
  void taskContactsAreQuarantinedUnlessMappedAndOtherOptionsApply() {
    String task = ANSWERED.replace("\"VOICE\"", "\"TASK\"");
    LandingRecord unmapped = parse(task, FormatOptions.DEFAULTS).get(0);
    assertEquals("unmappable_record", unmapped.errorCode());
    assertTrue(unmapped.errorDetail().contains(FormatOptions.CONNECT_TASK_CHANNEL), unmapped.errorDetail());

    FormatOptions options = FormatOptions.of(Map.of(FormatOptions.CONNECT_TASK_CHANNEL, "email",
        FormatOptions.CONNECT_TEAM_LEVEL, "2", FormatOptions.CONNECT_OUTCOME_ATTRIBUTE, "escalated"));
    Map<String, String> f = parse(task, options).get(0).fields();
    assertEquals("email", f.get(ContactsSchema.CHANNEL));
    assertFalse(f.containsKey(ContactsSchema.CUSTOMER_PHONE), "only VOICE endpoints are phones");
    assertEquals("billing-east", f.get(ContactsSchema.TEAM), "team from hierarchy level 2");
    assertEquals("false", f.get(ContactsSchema.OUTCOME), "outcome from the configured attribute");

    assertEquals("FAX", parse(ANSWERED.replace("\"VOICE\"", "\"FAX\""), FormatOptions.DEFAULTS).get(0)
        .fields().get(ContactsSchema.CHANNEL), "an unknown channel passes on for validation to reject");
  }

  @Test
  void readsFirehoseNamesJsonAndGzipButNotOtherExtensions() {
    AmazonConnectFormat f = new AmazonConnectFormat();
    for (String name : List.of("ctr.json", "ctr.json.gz", "ctr.gz",
        "connect-ctr-stream-1-2026-11-02-09-15-00-0a1b2c3d-aaaa-bbbb-cccc-0123456789ab")) {
      assertTrue(f.reads(name), name);
    }
    for (String name : List.of("contacts.csv", "notes.txt", "mentions.jsonl")) {
      assertFalse(f.reads(name), name);
    }
  }
}
