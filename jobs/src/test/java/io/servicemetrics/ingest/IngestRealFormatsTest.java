package io.servicemetrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One tiny delivery day in the three real formats, through the whole ingest. */
@ExtendWith(SharedSpark.class)
class IngestRealFormatsTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-02");
  private static final SourceFormats REAL = new SourceFormats(SourceFormats.AMAZON_CONNECT, SourceFormats.QUALTRICS,
      SourceFormats.X_API_V2, FormatOptions.DEFAULTS);

  private static final String ABANDONED = "{\"Agent\":null,\"Channel\":\"CHAT\",\"ContactId\":\"c-2\","
      + "\"CustomerEndpoint\":{\"Address\":\"chat-participant-9\"},\"DisconnectTimestamp\":\"2026-11-02T09:03:00Z\","
      + "\"InitiationTimestamp\":\"2026-11-02T09:00:00Z\",\"LastUpdateTimestamp\":\"2026-11-02T09:03:05Z\","
      + "\"Queue\":{\"Name\":\"orders\"}}";
  private static final String X_RESPONSE = "{\"data\":["
      + "{\"id\":\"1851\",\"text\":\"@acme_help worst service ever\",\"created_at\":\"2026-11-02T16:00:00.000Z\","
      + "\"author_id\":\"u1\",\"public_metrics\":{\"retweet_count\":2,\"reply_count\":1,\"like_count\":5,\"quote_count\":1}},"
      + "{\"id\":\"1852\",\"text\":\"@jo_doe same here\",\"created_at\":\"2026-11-02T16:30:00.000Z\",\"author_id\":\"u2\","
      + "\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"1851\"}]},"
      + "{\"id\":\"1853\",\"text\":\"who am I\",\"created_at\":\"2026-11-02T16:40:00.000Z\",\"author_id\":\"u9\"}],"
      + "\"includes\":{\"users\":[{\"id\":\"u1\",\"username\":\"Jo_Doe\",\"public_metrics\":{\"followers_count\":120}},"
      + "{\"id\":\"u2\",\"username\":\"sam\",\"public_metrics\":{\"followers_count\":7}}]},"
      + "\"fetched_at\":\"2026-11-02T17:00:00Z\"}";

  private static String ctr(String updated, String outcome) {
    return "{\"ContactId\":\"c-1\",\"Channel\":\"VOICE\",\"InitiationTimestamp\":\"2026-11-02T09:00:00Z\","
        + "\"DisconnectTimestamp\":\"2026-11-02T09:30:00Z\",\"LastUpdateTimestamp\":\"" + updated + "\","
        + "\"CustomerEndpoint\":{\"Address\":\"+14155550134\",\"Type\":\"TELEPHONE_NUMBER\"},"
        + "\"Queue\":{\"Name\":\"billing\"},\"Attributes\":{\"outcome\":\"" + outcome + "\",\"customer_id\":\"CUST-1\"},"
        + "\"Agent\":{\"Username\":\"AG07\",\"ConnectedToAgentTimestamp\":\"2026-11-02T09:01:00Z\","
        + "\"AgentInteractionDuration\":540,\"CustomerHoldDuration\":60,\"AfterContactWorkDuration\":45,"
        + "\"HierarchyGroups\":{\"Level1\":{\"GroupName\":\"north\"}}}}";
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static LandingFixture realLanding(Path root) throws IOException {
    String survey = LandingFixture.lines(
        "RecordedDate,ResponseId,ExternalReference,Q1,Q2,Q2_NPS_GROUP,Q6_TEXT",
        "Recorded Date,Response ID,External Reference,Satisfaction,Recommend,Recommend - Group,Comment",
        "\"{\"\"ImportId\"\":\"\"recordedDate\"\",\"\"timeZone\"\":\"\"America/New_York\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\","
            + "\"{\"\"ImportId\"\":\"\"externalDataReference\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\","
            + "\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_NPS_GROUP\"\"}\",\"{\"\"ImportId\"\":\"\"QID6_TEXT\"\"}\"",
        "2026-11-02 10:00:00,R_1,c-1,5,9,3,\"Sorted in one call.\nThanks!\"",
        "2026-11-02 11:00:00,R_2,c-2,2,,,",
        "2026-11-02 12:00:00,R_3,c-1,4,4,3,");
    return new LandingFixture(root)
        // c-1 is delivered three times; the 09:50 version (resolved) must win wherever it sits.
        .file("contacts", DAY, "connect-ctr-1-2026-11-02-09-55-00-0a1b2c3d",
            ctr("2026-11-02T09:31:00Z", "follow_up") + ctr("2026-11-02T09:50:00Z", "resolved")
                + ABANDONED)
        .file("contacts", DAY, "connect-ctr-1-2026-11-02-09-45-00-9f8e7d6c.gz", gzip(
            ctr("2026-11-02T09:40:00Z", "unresolved") + "\n" + ctr("2026-11-02T09:40:00Z", "x").replace("\"VOICE\"", "\"TASK\"")
                .replace("\"c-1\"", "\"t-1\"") + "\n"))
        .file("surveys", DAY, "export.csv", survey)
        .file("mentions", DAY, "x-2026-11-02.jsonl", LandingFixture.lines(X_RESPONSE));
  }

  @Test
  void realFormatsReachSilverWithTheirSourceSystemAndTheLatestCtrWins(SparkSession spark, @TempDir Path tmp) throws IOException {
    LandingFixture landing = realLanding(tmp.resolve("landing"));
    DeltaIo delta = new DeltaIo(spark, new Warehouse(tmp.resolve("wh").toString()));
    IngestConfig config = IngestConfig.forDay(DAY, landing.root().toString(), delta.warehouse(), ZoneId.of("UTC"),
        PiiKey.demo(), REAL);
    Map<Source, RunLog.IngestCounts> counts = new IngestJob(delta, config, new RunLog(delta, "test", Clock.systemUTC())).run();

    // contacts: c-1 x3 + c-2 + t-1 = 5 read; c-1 (latest) and c-2 accepted; t-1 (TASK) quarantined; 2 older c-1 superseded.
    assertCounts(counts.get(Source.CONTACTS), 5, 2, 1, 2);
    assertEquals(Map.of("unmappable_record", 1L), counts.get(Source.CONTACTS).quarantineReasons());
    // surveys: R_1, R_2 accepted; R_3's nps 4 contradicts its promoter group.
    assertCounts(counts.get(Source.SURVEYS), 3, 2, 1, 0);
    // mentions: 1851 and 1852 accepted; 1853's author u9 is not in includes.users.
    assertCounts(counts.get(Source.MENTIONS), 3, 2, 1, 0);

    List<Row> contacts = delta.read(Table.SILVER_CONTACTS).orderBy(ContactsSchema.CONTACT_ID).collectAsList();
    Row c1 = contacts.get(0);
    assertEquals("c-1", c1.getAs(ContactsSchema.CONTACT_ID));
    assertEquals("resolved", c1.getAs(ContactsSchema.OUTCOME), "the latest LastUpdateTimestamp (09:50) wins");
    assertEquals(java.sql.Timestamp.from(java.time.Instant.parse("2026-11-02T09:50:00Z")), c1.getAs(ContactsSchema.UPDATED_AT));
    // 09:01:00 + 540 s interaction + 60 s hold = 09:11:00, not the 09:30 disconnect.
    assertEquals(java.sql.Timestamp.from(java.time.Instant.parse("2026-11-02T09:11:00Z")), c1.getAs(ContactsSchema.ENDED_AT));
    assertEquals(60L, (long) c1.<Long>getAs(ContactsSchema.HOLD_SECONDS));
    assertEquals("north", c1.getAs(ContactsSchema.TEAM));
    assertEquals(new io.servicemetrics.identity.Pseudonymizer(PiiKey.demo().bytes()).customerId("CUST-1"),
        c1.getAs(ContactsSchema.CUSTOMER_ID_PSEUDONYM), "attributes carry the customer id, pseudonymized");
    assertEquals("amazon-connect", c1.getAs(Provenance.SOURCE_SYSTEM));
    assertTrue(contacts.get(1).isNullAt(contacts.get(1).fieldIndex(ContactsSchema.ANSWERED_AT)), "the abandoned chat was never answered");

    assertEquals(List.of("amazon-connect"), systems(delta, Table.BRONZE_CONTACTS));
    assertEquals(List.of("amazon-connect"), systems(delta, Table.QUARANTINE_CONTACTS));
    assertEquals(List.of("qualtrics"), systems(delta, Table.SILVER_SURVEYS));
    assertEquals(List.of("qualtrics"), systems(delta, Table.QUARANTINE_SURVEYS));
    assertEquals(List.of("x-api-v2"), systems(delta, Table.SILVER_MENTIONS));
    Row survey = delta.read(Table.SILVER_SURVEYS).where("survey_id = 'R_1'").first();
    assertEquals(java.sql.Timestamp.from(java.time.Instant.parse("2026-11-02T15:00:00Z")), survey.getAs("responded_at"),
        "10:00 in New York (EST) is 15:00 UTC");
    assertEquals("Sorted in one call.\nThanks!", survey.getAs("comment"));

    // On through metrics: the adapters' silver rows are ordinary silver rows.
    io.servicemetrics.metrics.MetricsJob.run(spark,
        io.servicemetrics.config.MetricsConfig.of(java.time.LocalDate.parse("2026-11-02"), delta.warehouse().root()),
        io.servicemetrics.staffing.StaffingConfig.DEFAULTS, io.servicemetrics.metrics.MetricsJob.Scope.DATE_TABLES);
    Map<String, Row> chains = new java.util.TreeMap<>();
    delta.read(Table.GOLD_CONTACT_CHAINS).collectAsList().forEach(r -> chains.put(r.getAs("chain_id"), r));
    assertEquals(List.of("c-1", "c-2"), List.copyOf(chains.keySet()));
    Row call = chains.get("c-1");
    // Connected 09:01, talk 540 s + hold 60 s ends at 09:11, not at the 09:30 disconnect; + 45 s ACW.
    assertEquals(645.0, call.<Double>getAs("handle_seconds"), 1e-9);
    assertEquals(60.0, call.<Double>getAs("wait_seconds"), 1e-9);
    assertEquals(true, call.getAs("resolved"));
    assertEquals(5, (int) call.<Integer>getAs("csat"), "the Qualtrics response joined its Connect contact");
    assertEquals(true, chains.get("c-2").getAs("abandoned"));
    Row quarantinedPost = delta.read(Table.QUARANTINE_MENTIONS).first();
    assertEquals("unmappable_record", quarantinedPost.getAs("reason_code"));
    assertTrue(quarantinedPost.<String>getAs("raw_record").startsWith("{\"response_line\":1,\"post\":{\"id\":\"1853\""));
  }

  @Test
  void realFilesReadAsCanonicalOrACanonicalFileAmongRealOnesFailTheRunWithTheClearError(SparkSession spark,
      @TempDir Path tmp) throws IOException {
    LandingFixture landing = realLanding(tmp.resolve("landing"));
    DeltaIo delta = new DeltaIo(spark, new Warehouse(tmp.resolve("wh").toString()));
    IngestConfig canonical = IngestConfig.forDay(DAY, landing.root().toString(), delta.warehouse(), ZoneId.of("UTC"), PiiKey.demo());
    ServiceMetricsException driverSide = assertThrows(ServiceMetricsException.class,
        () -> new IngestJob(delta, canonical, new RunLog(delta, "test", Clock.systemUTC())).ingest(Source.CONTACTS));
    assertTrue(driverSide.getMessage().contains("contacts/date=2026-11-02/connect-ctr-1-2026-11-02-09-45-00-9f8e7d6c.gz")
        && driverSide.getMessage().contains("--contacts-format amazon-connect"), driverSide.getMessage());

    // The folder's first file is a CTR file; a later one is canonical CSV: found on an executor.
    landing.file("contacts", DAY, "zz-late.json", LandingFixture.lines(LandingFixture.CONTACTS_HEADER,
        "c9,2026-11-02T10:00:00Z,,,,phone,billing,,,2026-11-02T09:00:00Z,,2026-11-02T09:05:00Z,,,,,"));
    IngestConfig real = IngestConfig.forDay(DAY, landing.root().toString(), delta.warehouse(), ZoneId.of("UTC"), PiiKey.demo(), REAL);
    ServiceMetricsException executorSide = assertThrows(ServiceMetricsException.class,
        () -> new IngestJob(delta, real, new RunLog(delta, "test", Clock.systemUTC())).ingest(Source.CONTACTS));
    assertEquals(ExitCode.BAD_INPUT, executorSide.exitCode());
    assertTrue(executorSide.getMessage().contains("contacts/date=2026-11-02/zz-late.json")
        && executorSide.getMessage().contains("--contacts-format canonical"), executorSide.getMessage());
  }

  private static List<String> systems(DeltaIo delta, Table table) {
    return delta.read(table).select(Provenance.SOURCE_SYSTEM).distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  private static void assertCounts(RunLog.IngestCounts c, long read, long accepted, long quarantined, long superseded) {
    assertEquals(List.of(read, accepted, quarantined, superseded),
        List.of(c.read(), c.accepted(), c.quarantined(), c.superseded()), "read, accepted, quarantined, superseded");
  }
}
