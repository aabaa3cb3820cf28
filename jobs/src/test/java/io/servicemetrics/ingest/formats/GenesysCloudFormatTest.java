package io.servicemetrics.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.schema.ContactsSchema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversations shaped like the analytics conversation details query's response. */
class GenesysCloudFormatTest {
  private static final FormatOptions WRAP_UPS = FormatOptions.of(Map.of(FormatOptions.GENESYS_WRAP_UP_OUTCOMES,
      "wc-fixed:resolved, wc-callback:follow_up"));

  private static String seg(String type, String from, String to, String extra) {
    return "{\"segmentStart\":\"2026-11-02T" + from + ".000Z\",\"segmentEnd\":\"2026-11-02T" + to + ".000Z\","
        + "\"segmentType\":\"" + type + "\"" + extra + "}";
  }

  private static String participant(String purpose, String user, String sessionExtra, String... segments) {
    return "{\"purpose\":\"" + purpose + "\"" + (user == null ? "" : ",\"userId\":\"" + user + "\"")
        + ",\"sessions\":[{\"segments\":[" + String.join(",", segments) + "]" + sessionExtra + "}]}";
  }

  private static String conversation(String id, String start, String end, String... participants) {
    return "{\"conversationId\":\"" + id + "\",\"conversationStart\":\"2026-11-02T" + start + ".000Z\""
        + (end == null ? "" : ",\"conversationEnd\":\"2026-11-02T" + end + ".000Z\"")
        + ",\"participants\":[" + String.join(",", participants) + "]}";
  }

  private static final String CUSTOMER = "{\"purpose\":\"customer\",\"sessions\":[{\"mediaType\":\"voice\","
      + "\"ani\":\"tel:+14155550134\",\"dnis\":\"tel:+18005550100\",\"segments\":[]}]}";

  /** IVR, queue, agent 1 with hold, a blind transfer through a second queue, agent 2. */
  static final String BLIND_TRANSFER = conversation("conv-a", "09:00:00", "09:20:00", CUSTOMER,
      participant("ivr", null, "", seg("ivr", "09:00:00", "09:01:30", "")),
      participant("acd", null, "", seg("interact", "09:01:30", "09:03:00", ",\"queueId\":\"q-billing\"")),
      participant("agent", "u-1", ",\"metrics\":[{\"name\":\"tHeld\",\"value\":60000},{\"name\":\"tAcw\",\"value\":61400},"
              + "{\"name\":\"nBlindTransferred\",\"value\":1}]",
          seg("alert", "09:02:50", "09:03:00", ",\"queueId\":\"q-billing\""),
          seg("interact", "09:03:00", "09:08:00", ",\"queueId\":\"q-billing\""),
          seg("hold", "09:08:00", "09:09:00", ",\"queueId\":\"q-billing\""),
          seg("interact", "09:09:00", "09:10:00", ",\"queueId\":\"q-billing\",\"disconnectType\":\"transfer\""),
          seg("wrapup", "09:10:00", "09:11:00", ",\"wrapUpCode\":\"wc-transferred\"")),
      participant("acd", null, "", seg("interact", "09:10:00", "09:12:00", ",\"queueId\":\"q-tech\"")),
      participant("agent", "u-2", "",
          seg("alert", "09:11:50", "09:12:00", ",\"queueId\":\"q-tech\""),
          seg("interact", "09:12:00", "09:19:00", ",\"queueId\":\"q-tech\",\"disconnectType\":\"client\""),
          seg("wrapup", "09:19:00", "09:20:30", ",\"wrapUpCode\":\"wc-fixed\"")));

  private static List<LandingRecord> parse(String text, FormatOptions options) {
    return new GenesysCloudFormat().parse(new RawLandingFile("page.json", text.getBytes(StandardCharsets.UTF_8), null), options);
  }

  private static List<GenesysCloudFormat.Leg> legs(String conversation, FormatOptions options) throws Exception {
    return GenesysCloudFormat.legs(Json.MAPPER.readTree(conversation), options);
  }

  @Test
  void eachAnsweredAgentSessionIsALegAndABlindTransferChainsThem() throws Exception {
    List<GenesysCloudFormat.Leg> legs = legs(BLIND_TRANSFER, WRAP_UPS);
    assertEquals(2, legs.size());
    Map<String, String> first = legs.get(0).fields();
    assertEquals("conv-a/1", first.get(ContactsSchema.CONTACT_ID));
    assertEquals("2026-11-02T09:20:00Z", first.get(ContactsSchema.UPDATED_AT), "conversationEnd is the version");
    assertEquals("phone", first.get(ContactsSchema.CHANNEL));
    assertEquals("+14155550134", first.get(ContactsSchema.CUSTOMER_PHONE), "the customer's ani without tel:");
    assertEquals("q-billing", first.get(ContactsSchema.QUEUE));
    assertEquals("u-1", first.get(ContactsSchema.AGENT_ID));
    assertEquals("2026-11-02T09:00:00Z", first.get(ContactsSchema.INITIATED_AT), "the conversation's start, IVR included");
    assertEquals("2026-11-02T09:03:00Z", first.get(ContactsSchema.ANSWERED_AT));
    assertEquals("2026-11-02T09:10:00Z", first.get(ContactsSchema.ENDED_AT), "end of the last interact, hold inside");
    assertEquals("60", first.get(ContactsSchema.HOLD_SECONDS), "tHeld 60000 ms");
    assertEquals("61", first.get(ContactsSchema.ACW_SECONDS), "tAcw 61400 ms, rounded");
    assertNull(first.get(ContactsSchema.OUTCOME), "a wrap-up code not in the table is not reported");
    assertNull(first.get(ContactsSchema.PREVIOUS_CONTACT_ID));
    assertEquals(Instant.parse("2026-11-02T09:01:30Z"), legs.get(0).queuedAt(), "first ACD segment start, after the IVR");

    Map<String, String> second = legs.get(1).fields();
    assertEquals("conv-a/2", second.get(ContactsSchema.CONTACT_ID));
    assertEquals("conv-a/1", second.get(ContactsSchema.PREVIOUS_CONTACT_ID), "the transfer");
    assertEquals("q-tech", second.get(ContactsSchema.QUEUE));
    assertEquals("2026-11-02T09:10:00Z", second.get(ContactsSchema.INITIATED_AT), "when agent 1 handed the customer on");
    assertEquals("2026-11-02T09:12:00Z", second.get(ContactsSchema.ANSWERED_AT));
    assertEquals("2026-11-02T09:19:00Z", second.get(ContactsSchema.ENDED_AT));
    assertNull(second.get(ContactsSchema.HOLD_SECONDS), "no tHeld and no hold segment: not delivered");
    assertEquals("90", second.get(ContactsSchema.ACW_SECONDS), "no tAcw: the wrapup segment, 09:19:00 to 09:20:30");
    assertEquals("resolved", second.get(ContactsSchema.OUTCOME), "wc-fixed through the table");
    assertEquals(Instant.parse("2026-11-02T09:10:00Z"), legs.get(1).queuedAt(), "the second queue's start");
  }

  @Test
  void aCompletedConsultTransferIsATransferAndAnUncompletedConsultIsNoLeg() throws Exception {
    String consults = conversation("conv-b", "10:00:00", "10:30:00", CUSTOMER,
        participant("acd", null, "", seg("interact", "10:00:00", "10:01:00", ",\"queueId\":\"q-billing\"")),
        participant("agent", "u-3", ",\"metrics\":[{\"name\":\"nConsultTransferred\",\"value\":1}]",
            seg("interact", "10:01:00", "10:20:00", ",\"queueId\":\"q-billing\",\"disconnectType\":\"transfer\"")),
        // consulted from 10:05 to 10:06, then agent u-3 kept the customer: spoke to the agent only
        participant("agent", "u-4", "", seg("alert", "10:04:50", "10:05:00", ""), seg("interact", "10:05:00", "10:06:00", "")),
        // consulted at 10:18, took the customer over at 10:20
        participant("agent", "u-5", "", seg("alert", "10:17:50", "10:18:00", ""),
            seg("interact", "10:18:00", "10:28:00", ",\"disconnectType\":\"client\"")));
    List<GenesysCloudFormat.Leg> legs = legs(consults, WRAP_UPS);
    assertEquals(List.of("u-3", "u-5"), legs.stream().map(l -> l.fields().get(ContactsSchema.AGENT_ID)).toList());
    Map<String, String> second = legs.get(1).fields();
    assertEquals("conv-b/1", second.get(ContactsSchema.PREVIOUS_CONTACT_ID));
    assertEquals("2026-11-02T10:17:50Z", second.get(ContactsSchema.INITIATED_AT), "alerted for the consult before the handover");
    assertEquals("q-billing", second.get(ContactsSchema.QUEUE), "no queue on the session: the conversation's last queue");
    assertNull(legs.get(1).queuedAt(), "a consult goes to the agent, not through a queue");
  }

  @Test
  void abandonsInTheQueueAndInTheIvrAreOneUnansweredLegEach() throws Exception {
    String inQueue = conversation("conv-q", "12:00:00", "12:03:00", CUSTOMER,
        participant("ivr", null, "", seg("ivr", "12:00:00", "12:01:00", "")),
        participant("acd", null, "", seg("interact", "12:01:00", "12:03:00", ",\"queueId\":\"q-billing\",\"disconnectType\":\"peer\"")),
        // offered to an agent who never answered
        participant("agent", "u-7", "", seg("alert", "12:02:00", "12:02:20", ",\"queueId\":\"q-billing\"")));
    List<GenesysCloudFormat.Leg> queued = legs(inQueue, WRAP_UPS);
    assertEquals(1, queued.size());
    Map<String, String> q = queued.get(0).fields();
    assertEquals("conv-q/1", q.get(ContactsSchema.CONTACT_ID));
    assertEquals("q-billing", q.get(ContactsSchema.QUEUE));
    assertNull(q.get(ContactsSchema.ANSWERED_AT));
    assertNull(q.get(ContactsSchema.AGENT_ID), "alerted is not answered");
    assertEquals("2026-11-02T12:03:00Z", q.get(ContactsSchema.ENDED_AT));
    assertEquals(Instant.parse("2026-11-02T12:01:00Z"), queued.get(0).queuedAt());

    String inIvr = conversation("conv-i", "13:00:00", "13:00:40", CUSTOMER,
        participant("ivr", null, "", seg("ivr", "13:00:00", "13:00:40", ",\"disconnectType\":\"peer\"")));
    List<GenesysCloudFormat.Leg> ivr = legs(inIvr, FormatOptions.of(Map.of(FormatOptions.GENESYS_IVR_QUEUE, "self-service")));
    assertEquals("self-service", ivr.get(0).fields().get(ContactsSchema.QUEUE), "genesys-cloud.ivr-queue");
    assertEquals("2026-11-02T13:00:40Z", ivr.get(0).fields().get(ContactsSchema.ENDED_AT));
    assertNull(ivr.get(0).queuedAt(), "never queued");
    assertEquals("ivr", legs(inIvr, FormatOptions.DEFAULTS).get(0).fields().get(ContactsSchema.QUEUE), "the default");

    // Each record delivers queued_at: the queue entry after the IVR, or blank for a leg that never queued.
    assertEquals("2026-11-02T12:01:00Z", parse(inQueue, WRAP_UPS).get(0).fields().get(ContactsSchema.QUEUED_AT));
    assertEquals("", parse(inIvr, WRAP_UPS).get(0).fields().get(ContactsSchema.QUEUED_AT));
  }

  @Test
  void aConversationInProgressIsReDeliveredCompleteUnderTheSameLegIds() throws Exception {
    // No conversationEnd, metrics, media type or ani yet: the optional fields are absent, not zero.
    String open = conversation("conv-p", "14:00:00", null,
        participant("acd", null, "", seg("interact", "14:00:00", "14:01:00", ",\"queueId\":\"q-orders\"")),
        participant("agent", "u-8", "", "{\"segmentStart\":\"2026-11-02T14:01:00.000Z\",\"segmentType\":\"interact\"}"));
    Map<String, String> partial = legs(open, WRAP_UPS).get(0).fields();
    assertEquals("conv-p/1", partial.get(ContactsSchema.CONTACT_ID));
    assertEquals("2026-11-02T14:01:00Z", partial.get(ContactsSchema.UPDATED_AT), "the latest time seen so far");
    assertNull(partial.get(ContactsSchema.ENDED_AT), "still talking: validation quarantines it as missing ended_at");
    assertNull(partial.get(ContactsSchema.CUSTOMER_PHONE));
    assertFalse(partial.containsKey(ContactsSchema.HOLD_SECONDS));
    assertEquals("phone", partial.get(ContactsSchema.CHANNEL), "no mediaType: a call");

    String done = conversation("conv-p", "14:00:00", "14:09:00",
        participant("acd", null, "", seg("interact", "14:00:00", "14:01:00", ",\"queueId\":\"q-orders\"")),
        participant("agent", "u-8", "", seg("interact", "14:01:00", "14:08:00", ""),
            seg("wrapup", "14:08:00", "14:09:00", ",\"wrapUpCode\":\"wc-callback\"")));
    Map<String, String> complete = legs(done, WRAP_UPS).get(0).fields();
    assertEquals("conv-p/1", complete.get(ContactsSchema.CONTACT_ID), "the same leg id");
    assertEquals("2026-11-02T14:09:00Z", complete.get(ContactsSchema.UPDATED_AT), "a later version");
    assertEquals("follow_up", complete.get(ContactsSchema.OUTCOME));
  }

  @Test
  void pagesSingleConversationsAndEmptyPagesAreRead() {
    String file = "{\"conversations\":[" + BLIND_TRANSFER + "],\"totalHits\":1}\n" + BLIND_TRANSFER + "\n{\"totalHits\":0}\n[1]\n";
    List<LandingRecord> records = parse(file, WRAP_UPS);
    assertEquals(List.of(1L, 1L, 2L, 2L, 3L), records.stream().map(LandingRecord::recordNumber).toList(),
        "record numbers count conversations; the empty page holds none");
    assertEquals(records.get(0).fields(), records.get(2).fields(), "a re-delivered conversation maps to the same fields");
    assertEquals("format_mismatch", records.get(4).errorCode());
  }

  @Test
  void theWrapUpTableIsValidated() {
    assertEquals(Map.of("wc-fixed", "resolved", "wc-callback", "follow_up"), WRAP_UPS.genesysWrapUpOutcomes());
    assertThrows(ServiceMetricsException.class,
        () -> FormatOptions.of(Map.of(FormatOptions.GENESYS_WRAP_UP_OUTCOMES, "wc-fixed:fixed")), "not an outcome");
    assertThrows(ServiceMetricsException.class,
        () -> FormatOptions.of(Map.of(FormatOptions.GENESYS_WRAP_UP_OUTCOMES, "wc-fixed")), "no colon");
    assertThrows(ServiceMetricsException.class,
        () -> FormatOptions.of(Map.of(FormatOptions.CXONE_DISPOSITION_OUTCOMES, "1:resolved,1:unresolved")), "twice");
  }
}
