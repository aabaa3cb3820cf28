package io.servicemetrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A Genesys Cloud day and a NICE CXone day into one warehouse, through the contacts ingest. */
@ExtendWith(SharedSpark.class)
class IngestPlatformFormatsTest {
  private static final LocalDate DAY1 = LocalDate.parse("2026-11-02");
  private static final LocalDate DAY2 = LocalDate.parse("2026-11-03");
  private static final FormatOptions OPTIONS = FormatOptions.of(Map.of(
      FormatOptions.GENESYS_WRAP_UP_OUTCOMES, "wc-fixed:resolved",
      FormatOptions.CXONE_DISPOSITION_OUTCOMES, "101:resolved, 102:unresolved"));

  private static String seg(String type, String from, String to, String extra) {
    return "{\"segmentStart\":\"2026-11-02T" + from + ".000Z\"" + (to == null ? "" : ",\"segmentEnd\":\"2026-11-02T" + to + ".000Z\"")
        + ",\"segmentType\":\"" + type + "\"" + extra + "}";
  }

  private static String agent(String user, String... segments) {
    return "{\"purpose\":\"agent\",\"userId\":\"" + user + "\",\"sessions\":[{\"mediaType\":\"voice\",\"segments\":["
        + String.join(",", segments) + "]}]}";
  }

  /** Queue, agent u-1, a blind transfer, agent u-2 who fixes it. */
  private static final String TRANSFERRED = "{\"conversationId\":\"conv-a\",\"conversationStart\":\"2026-11-02T09:00:00.000Z\","
      + "\"conversationEnd\":\"2026-11-02T09:20:00.000Z\",\"participants\":["
      + "{\"purpose\":\"customer\",\"sessions\":[{\"mediaType\":\"voice\",\"ani\":\"tel:+14155550134\",\"segments\":[]}]},"
      + agent("u-1", seg("interact", "09:01:00", "09:10:00", ",\"queueId\":\"q-billing\",\"disconnectType\":\"transfer\"")) + ","
      + agent("u-2", seg("interact", "09:12:00", "09:19:00", ",\"queueId\":\"q-tech\""),
          seg("wrapup", "09:19:00", "09:20:00", ",\"wrapUpCode\":\"wc-fixed\"")) + "]}";
  /** Still talking when exported: no end yet. */
  private static final String OPEN = "{\"conversationId\":\"conv-p\",\"conversationStart\":\"2026-11-02T10:00:00.000Z\","
      + "\"participants\":[" + agent("u-3", seg("interact", "10:01:00", null, ",\"queueId\":\"q-billing\"")) + "]}";

  private static String cxone(long id, long master, String start, String extra) {
    return "{\"contactId\":" + id + ",\"masterContactId\":" + master + ",\"fromAddr\":\"4155550134\","
        + "\"contactStart\":\"2026-11-03T" + start + ".000Z\",\"skillName\":\"Billing\"" + extra + "}";
  }

  @Test
  void genesysConversationsAndCxoneContactsBecomeChainedSilverLegs(SparkSession spark, @TempDir Path tmp) {
    String first = cxone(1001, 1001, "09:00:00", ",\"agentId\":5501,\"preQueueSeconds\":10,\"inQueueSeconds\":50,"
        + "\"agentSeconds\":300,\"holdSeconds\":30,\"ACWSeconds\":45,\"abandoned\":false,\"primaryDispositionId\":102");
    LandingFixture landing = new LandingFixture(tmp.resolve("landing"))
        // the same conversation on two pages: a re-delivery
        .file("contacts", DAY1, "conversation-details.json", LandingFixture.lines(
            "{\"totalHits\":3,\"conversations\":[" + TRANSFERRED + "," + OPEN + "]}",
            "{\"totalHits\":3,\"conversations\":[" + TRANSFERRED + "]}"))
        .file("contacts", DAY2, "completed-contacts.jsonl", LandingFixture.lines(first,
            cxone(1002, 1001, "09:06:00", ",\"agentId\":5502,\"inQueueSeconds\":20,\"agentSeconds\":120,\"abandoned\":false"),
            cxone(1003, 1002, "09:08:20", ",\"agentId\":5503,\"inQueueSeconds\":5,\"agentSeconds\":60,\"abandoned\":false,"
                + "\"primaryDispositionId\":101"),
            cxone(2001, 2001, "10:00:00", ",\"agentId\":0,\"preQueueSeconds\":25,\"inQueueSeconds\":0,\"agentSeconds\":0,"
                + "\"totalDurationSeconds\":25,\"abandoned\":true"),
            first));
    DeltaIo delta = new DeltaIo(spark, new Warehouse(tmp.resolve("wh").toString()));

    RunLog.IngestCounts genesys = ingest(delta, landing, DAY1, SourceFormats.GENESYS_CLOUD);
    // 2 legs + the open conversation + the 2 legs again: the open one lacks ended_at, the copies are superseded.
    assertEquals(List.of(5L, 2L, 1L, 2L), counts(genesys), "read, accepted, quarantined, superseded");
    assertEquals(Map.of("missing_required", 1L), genesys.quarantineReasons());
    RunLog.IngestCounts cxone = ingest(delta, landing, DAY2, SourceFormats.NICE_CXONE);
    assertEquals(List.of(5L, 4L, 0L, 1L), counts(cxone), "read, accepted, quarantined, superseded");

    List<String> rows = new ArrayList<>();
    for (Row r : delta.read(Table.SILVER_CONTACTS).orderBy(ContactsSchema.CONTACT_ID).collectAsList()) {
      rows.add(String.join(" ", r.<String>getAs(ContactsSchema.CONTACT_ID), String.valueOf(r.<String>getAs(
          ContactsSchema.PREVIOUS_CONTACT_ID)), r.getAs(ContactsSchema.QUEUE), String.valueOf(r.<Object>getAs(
          ContactsSchema.ANSWERED_AT)), String.valueOf(r.<String>getAs(ContactsSchema.OUTCOME)), r.getAs(Provenance.SOURCE_SYSTEM)));
    }
    assertEquals(List.of(
        "1001 null Billing 2026-11-03 09:01:00.0 unresolved nice-cxone",
        "1002 1001 Billing 2026-11-03 09:06:20.0 null nice-cxone",
        "1003 1002 Billing 2026-11-03 09:08:25.0 resolved nice-cxone",
        "2001 null Billing null null nice-cxone",
        "conv-a/1 null q-billing 2026-11-02 09:01:00.0 null genesys-cloud",
        "conv-a/2 conv-a/1 q-tech 2026-11-02 09:12:00.0 resolved genesys-cloud"), rows);
  }

  private static RunLog.IngestCounts ingest(DeltaIo delta, LandingFixture landing, LocalDate day, String format) {
    SourceFormats formats = new SourceFormats(format, SourceFormats.CANONICAL, SourceFormats.CANONICAL, OPTIONS);
    IngestConfig config = IngestConfig.forDay(day, landing.root().toString(), delta.warehouse(), ZoneId.of("UTC"),
        PiiKey.demo(), formats);
    return new IngestJob(delta, config, new RunLog(delta, "test", Clock.systemUTC())).ingest(Source.CONTACTS);
  }

  private static List<Long> counts(RunLog.IngestCounts c) {
    return List.of(c.read(), c.accepted(), c.quarantined(), c.superseded());
  }
}
