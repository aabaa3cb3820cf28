package io.servicemetrics.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.schema.ContactsSchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Completed contacts shaped like the reporting API's contacts/completed response. */
class NiceCxoneFormatTest {
  private static final FormatOptions DISPOSITIONS = FormatOptions.of(Map.of(FormatOptions.CXONE_DISPOSITION_OUTCOMES,
      "101:resolved, 102:unresolved"));

  private static String contact(long id, long master, String start, String extra) {
    return "{\"contactId\":" + id + ",\"masterContactId\":" + master + ",\"fromAddr\":\"4155550134\","
        + "\"toAddr\":\"8005550100\",\"contactStart\":\"2026-11-02T" + start + ".000Z\"" + extra + "}";
  }

  /** 10 s in the IVR, 50 s in queue, 300 s with the agent (30 on hold), 45 s after-call work. */
  static final String ANSWERED = contact(1001, 1001, "09:00:00", ",\"skillName\":\"Billing\",\"agentId\":5501,"
      + "\"teamName\":\"North\",\"preQueueSeconds\":10,\"inQueueSeconds\":50,\"agentSeconds\":300,\"holdSeconds\":30,"
      + "\"ACWSeconds\":45,\"totalDurationSeconds\":360,\"abandoned\":false,\"isShortAbandon\":false,"
      + "\"transferIndicatorName\":\"Transfer\",\"primaryDispositionId\":101,\"dispositionNotes\":\"fixed it\"");

  private static List<LandingRecord> parse(String text, FormatOptions options) {
    return new NiceCxoneFormat().parse(new RawLandingFile("completed.json", text.getBytes(StandardCharsets.UTF_8), null),
        options);
  }

  private static Map<String, String> fields(String contact, FormatOptions options) throws Exception {
    return NiceCxoneFormat.contact(1, Json.MAPPER.readTree(contact), options).fields();
  }

  @Test
  void mapsAnAnsweredContactFromItsSecondCounts() throws Exception {
    Map<String, String> f = fields(ANSWERED, DISPOSITIONS);
    assertEquals("1001", f.get(ContactsSchema.CONTACT_ID));
    assertNull(f.get(ContactsSchema.PREVIOUS_CONTACT_ID), "its own master: a chain's first leg");
    assertEquals("phone", f.get(ContactsSchema.CHANNEL), "no mediaTypeName: a call");
    assertEquals("4155550134", f.get(ContactsSchema.CUSTOMER_PHONE), "fromAddr");
    assertEquals("Billing", f.get(ContactsSchema.QUEUE));
    assertEquals("5501", f.get(ContactsSchema.AGENT_ID));
    assertEquals("North", f.get(ContactsSchema.TEAM));
    assertEquals("2026-11-02T09:00:00.000Z", f.get(ContactsSchema.INITIATED_AT));
    assertEquals("2026-11-02T09:01:00Z", f.get(ContactsSchema.ANSWERED_AT), "start + 10 s IVR + 50 s queue");
    assertEquals("2026-11-02T09:06:00Z", f.get(ContactsSchema.ENDED_AT), "answered + 300 s with the agent");
    assertEquals("2026-11-02T09:06:00Z", f.get(ContactsSchema.UPDATED_AT), "no lastUpdateTime: the end");
    assertEquals("30", f.get(ContactsSchema.HOLD_SECONDS));
    assertEquals("45", f.get(ContactsSchema.ACW_SECONDS));
    assertEquals("resolved", f.get(ContactsSchema.OUTCOME), "disposition 101 through the table");
    assertEquals(Instant.parse("2026-11-02T09:00:10Z"), NiceCxoneFormat.queuedAt(Json.MAPPER.readTree(ANSWERED)),
        "contactStart + preQueueSeconds");
    assertEquals("2026-11-02T09:00:10Z", f.get(ContactsSchema.QUEUED_AT), "delivered as queued_at: queue time only");
    assertNull(fields(ANSWERED, FormatOptions.DEFAULTS).get(ContactsSchema.OUTCOME), "no table: not reported");
  }

  @Test
  void legsLinkToTheirMasterAndCxonesNewMasterContinuesTheChain() throws Exception {
    // 1001 transferred to 1002 (master 1001); 1002 transferred to 1003, and CXone named 1002 the
    // new master of 1003. Links 1002 -> 1001 and 1003 -> 1002: one chain rooted at 1001.
    String second = contact(1002, 1001, "09:06:00", ",\"skillName\":\"Tech\",\"agentId\":5502,\"inQueueSeconds\":20,"
        + "\"agentSeconds\":120,\"totalDurationSeconds\":140,\"abandoned\":false");
    String third = contact(1003, 1002, "09:08:20", ",\"skillName\":\"Retention\",\"agentId\":5503,\"inQueueSeconds\":5,"
        + "\"agentSeconds\":60,\"totalDurationSeconds\":65,\"abandoned\":false,\"primaryDispositionId\":102");
    assertEquals("1001", fields(second, DISPOSITIONS).get(ContactsSchema.PREVIOUS_CONTACT_ID));
    Map<String, String> f = fields(third, DISPOSITIONS);
    assertEquals("1002", f.get(ContactsSchema.PREVIOUS_CONTACT_ID), "the new master is the leg before");
    assertEquals("unresolved", f.get(ContactsSchema.OUTCOME));
    assertEquals("2026-11-02T09:08:25Z", f.get(ContactsSchema.ANSWERED_AT), "no preQueueSeconds: none");
  }

  @Test
  void abandonsInTheIvrAndInTheQueueHaveNoAgentAnswerOrOutcome() throws Exception {
    String inIvr = contact(2001, 2001, "10:00:00", ",\"skillName\":\"Billing\",\"agentId\":0,\"preQueueSeconds\":25,"
        + "\"inQueueSeconds\":0,\"agentSeconds\":0,\"totalDurationSeconds\":25,\"abandoned\":true,\"isShortAbandon\":false,"
        + "\"primaryDispositionId\":101");
    Map<String, String> ivr = fields(inIvr, DISPOSITIONS);
    assertNull(ivr.get(ContactsSchema.ANSWERED_AT));
    assertNull(ivr.get(ContactsSchema.AGENT_ID), "agentId 0 is no agent");
    assertNull(ivr.get(ContactsSchema.OUTCOME), "no outcome without an agent");
    assertEquals("2026-11-02T10:00:25Z", ivr.get(ContactsSchema.ENDED_AT));
    assertNull(NiceCxoneFormat.queuedAt(Json.MAPPER.readTree(inIvr)), "left in the IVR: never queued");
    assertEquals("", ivr.get(ContactsSchema.QUEUED_AT), "delivered blank: the contact never queued");

    String inQueue = contact(2002, 2002, "10:10:00", ",\"skillName\":\"Billing\",\"preQueueSeconds\":15,"
        + "\"inQueueSeconds\":100,\"agentSeconds\":0,\"totalDurationSeconds\":115,\"abandoned\":true,\"isShortAbandon\":false");
    Map<String, String> queue = fields(inQueue, DISPOSITIONS);
    assertNull(queue.get(ContactsSchema.ANSWERED_AT));
    assertEquals("2026-11-02T10:11:55Z", queue.get(ContactsSchema.ENDED_AT));
    assertEquals(Instant.parse("2026-11-02T10:10:15Z"), NiceCxoneFormat.queuedAt(Json.MAPPER.readTree(inQueue)));
    assertEquals("2026-11-02T10:10:15Z", queue.get(ContactsSchema.QUEUED_AT), "abandoned in the queue after 100 s");
  }

  @Test
  void missingOptionalFieldsStayAbsent() throws Exception {
    String bare = "{\"contactId\":3001,\"masterContactId\":3001,\"contactStart\":\"2026-11-02T11:00:00Z\","
        + "\"skillName\":\"Chat\",\"mediaTypeName\":\"Chat\",\"fromAddr\":\"visitor-77\",\"agentId\":5504,\"agentSeconds\":200,"
        + "\"lastUpdateTime\":\"2026-11-02T11:05:00Z\"}";
    Map<String, String> f = fields(bare, DISPOSITIONS);
    assertEquals("chat", f.get(ContactsSchema.CHANNEL));
    assertNull(f.get(ContactsSchema.CUSTOMER_PHONE), "a chat's fromAddr is not a phone");
    assertFalse(f.containsKey(ContactsSchema.HOLD_SECONDS), "no holdSeconds: not delivered, not zero");
    assertFalse(f.containsKey(ContactsSchema.ACW_SECONDS));
    assertFalse(f.containsKey(ContactsSchema.TEAM));
    assertEquals("2026-11-02T11:00:00Z", f.get(ContactsSchema.ANSWERED_AT), "no IVR or queue counts: answered at once");
    assertEquals("2026-11-02T11:05:00Z", f.get(ContactsSchema.UPDATED_AT), "lastUpdateTime when the export has it");
  }

  @Test
  void pagesAndReDeliveredContactsAreRead() {
    String file = "{\"totalRecords\":1,\"completedContacts\":[" + ANSWERED + "]}\n" + ANSWERED + "\n"
        + "{\"totalRecords\":0,\"completedContacts\":[]}\n\"x\"\n";
    List<LandingRecord> records = parse(file, DISPOSITIONS);
    assertEquals(List.of(1L, 2L, 3L), records.stream().map(LandingRecord::recordNumber).toList());
    assertEquals(records.get(0).fields(), records.get(1).fields(), "a re-delivered contact maps to the same fields");
    assertEquals("format_mismatch", records.get(2).errorCode());
  }
}
