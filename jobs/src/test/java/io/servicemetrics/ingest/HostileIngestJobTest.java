package io.servicemetrics.ingest;

import static io.servicemetrics.ingest.LandingFixture.CONTACTS_HEADER;
import static io.servicemetrics.ingest.LandingFixture.HANDLES_HEADER;
import static io.servicemetrics.ingest.LandingFixture.SURVEYS_HEADER;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.metrics.MetricsJob;
import io.servicemetrics.metrics.PeriodWindow;
import io.servicemetrics.metrics.WordOfMouthTransforms;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.QuarantineSchema;
import io.servicemetrics.schema.RunLogSchema;
import io.servicemetrics.schema.SurveysSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile landing file at once through {@link IngestJob} (one bulk pass over two delivery
 * days), then the metrics stage over the result: nothing lost, the expected reason per
 * quarantined record, and metrics that do not break on what was accepted.
 */
@ExtendWith(SharedSpark.class)
class HostileIngestJobTest {
  private static final LocalDate DAY1 = LocalDate.parse("2026-11-02");
  private static final LocalDate DAY2 = LocalDate.parse("2026-11-03");

  private static String leg(String id, String updatedAt, String customer, String outcome, String category) {
    return id + "," + updatedAt + ",," + customer + ",,phone,billing,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:01:00Z,"
        + "2026-11-02T09:11:00Z,60,30," + outcome + ",false," + category;
  }

  private static String mention(String id, String handle, String text, String extra) {
    return "{\"mention_id\":\"" + id + "\",\"platform\":\"x\",\"author_handle\":\"" + handle + "\",\"author_followers\":50,"
        + "\"posted_at\":\"2026-11-02T18:00:00Z\",\"fetched_at\":\"2026-11-02T19:00:00Z\",\"text\":\"" + text + "\"" + extra + "}";
  }

  @Test
  void everyHostileFileReconcilesWithItsReasonsAndMetricsStillRun(SparkSession spark, @TempDir Path tmp) {
    String longComment = "B".repeat(1 << 20) + " 🎉 \u0007";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String bomCrlf = CONTACTS_HEADER + "\r\n" + leg("c1", "2026-11-02T10:00:00Z", "CUST-1", "resolved", "invoice")
        + "\r\n" + leg("c2", "2026-11-02T10:00:00Z", "CUST-2", "resolved", "\"two\r\nlines\"") + "\r\n";
    String calls = LandingFixture.lines(CONTACTS_HEADER, leg("c3", "2026-11-02T10:00:00Z", "", "resolved", "=HYPERLINK(\"x\")"));
    LandingFixture landing = new LandingFixture(tmp.resolve("landing"))
        .file("contacts", DAY1, "bom-crlf.csv", concat(bom, bomCrlf.getBytes(StandardCharsets.UTF_8)))
        // the same file delivered twice under different names
        .file("contacts", DAY1, "calls.csv", calls)
        .file("contacts", DAY1, "calls (copy).csv", calls)
        .file("contacts", DAY1, "cut.csv", CONTACTS_HEADER + "\n" + leg("c4", "2026-11-02T10:00:00Z", "", "resolved", "x")
            + "\nc99,2026-11-02T10:00:00Z,,CUST-9,,pho")
        .file("contacts", DAY1, "empty.csv", new byte[0])
        .file("contacts", DAY1, "header-only.csv", CONTACTS_HEADER + "\n")
        .file("contacts", DAY1, "weird.csv", LandingFixture.lines(CONTACTS_HEADER,
            "f1,2026-11-02T10:00:00Z,,CUST-9,,chat,orders,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:01:00Z,2999-01-01T00:00:00Z,,,resolved,,",
            "f2,1970-01-01T00:00:00Z,,CUST-9,,chat,orders,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:01:00Z,2026-11-02T09:11:00Z,,,resolved,,",
            "f3,2026-11-02T10:00:00Z,,CUST-9,,chat,orders,a1,t1,2026-10-05T09:00:00Z,2026-10-05T09:01:00Z,2026-11-02T09:11:00Z,,,resolved,,",
            "f4,2026-11-02T10:00:00Z,,CUST-9,,chat,orders,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:01:00Z,2026-11-02T09:11:00Z,-5,,resolved,,",
            "f5,2026-11-02T10:00:00Z,,CUST-9,,chat,orders,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:01:00Z,2026-11-02T09:11:00Z,NaN,,resolved,,",
            "f6,2026-11-02T10:00:00Z,,CUST-9,,chat,orders,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:01:00Z,2026-11-02T09:11:00Z,,Infinity,resolved,,"))
        // c5's newer version lands on day 1, its older one on day 2; c6's older one in a second file of day 1
        .file("contacts", DAY1, "versions-a.csv", LandingFixture.lines(CONTACTS_HEADER,
            leg("c5", "2026-11-02T12:00:00Z", "CUST-5", "resolved", "new"), leg("c6", "2026-11-02T12:00:00Z", "CUST-6", "resolved", "new")))
        .file("contacts", DAY1, "versions-b.csv", LandingFixture.lines(CONTACTS_HEADER,
            leg("c6", "2026-11-02T11:00:00Z", "CUST-6", "unresolved", "old")))
        .file("contacts", DAY2, "late.csv", LandingFixture.lines(CONTACTS_HEADER,
            leg("c5", "2026-11-02T10:00:00Z", "CUST-5", "unresolved", "old"), leg("c7", "2026-11-03T10:00:00Z", "CUST-2", "resolved", "x")))
        .file("surveys", DAY1, "latin1.csv", LandingFixture.lines(SURVEYS_HEADER,
            "s1,c1,2026-11-02T15:00:00Z,2,,,no,3,Très déçu"), StandardCharsets.ISO_8859_1)
        .file("surveys", DAY1, "utf8.csv", LandingFixture.lines(SURVEYS_HEADER,
            // a survey for a contact that never arrives
            "s2,c404,2026-11-02T15:00:00Z,5,,,yes,0,",
            "s3,c2,2026-11-02T15:00:00Z,4,,,yes,1,\"" + longComment + "\"",
            "s4,c3,2026-11-02T15:00:00Z,NaN,,,,,",
            "s5,c3,2026-11-02T15:00:00Z,1,,,no,9,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""))
        .file("mentions", DAY1, "m.jsonl", LandingFixture.lines(
            mention("m1", "@Shared", "worst. ever.", ""),
            mention("m2", "@solo", "bad", ",\"sentiment\":NaN"),
            mention("m3", "@solo", "bad", ",\"likes\":-3"),
            mention("m4", "@solo", "+CMD terrible 😡 service", ""),
            mention("m5", "@solo", "-1+1 \\u0000 meh", "")))
        // @shared is mapped to two customers (case-insensitive): it identifies nobody
        .file("customer_handles", DAY1, "h.csv", LandingFixture.lines(HANDLES_HEADER,
            "CUST-1,x,@shared", "CUST-2,x,SHARED", "CUST-1,x,@solo"))
        // day 2: no surveys, mentions or customer_handles folder at all
        ;

    Warehouse warehouse = new Warehouse(tmp.resolve("wh").toString());
    DeltaIo delta = new DeltaIo(spark, warehouse);
    IngestConfig config = new IngestConfig(DAY1, DAY2, landing.root().toString(), warehouse, ZoneId.of("UTC"), PiiKey.demo());
    Map<Source, RunLog.IngestCounts> counts = new TreeMap<>(new IngestJob(delta, config, new RunLog(delta, "test", Clock.systemUTC())).run());

    // contacts: 17 read. accepted c1..c7; quarantined the cut row and f1..f6; superseded the copy of
    // c3, c6's older version (same delivery) and c5's older version (arrived after the newer).
    assertCounts("contacts", counts.get(Source.CONTACTS), 17, 7, 7, 3);
    assertEquals(Map.of("malformed_row", 1L, "out_of_range", 4L, "invalid_number", 2L),
        counts.get(Source.CONTACTS).quarantineReasons(), "contacts reasons");
    assertEquals(Map.of("f1", "out_of_range", "f2", "out_of_range", "f3", "out_of_range", "f4", "out_of_range",
            "f5", "invalid_number", "f6", "invalid_number", "c99", "malformed_row"),
        reasonById(delta, Table.QUARANTINE_CONTACTS), "reason per quarantined contact");
    assertCounts("surveys", counts.get(Source.SURVEYS), 5, 4, 1, 0);
    assertEquals(Map.of("s4", "invalid_number"), reasonById(delta, Table.QUARANTINE_SURVEYS), "survey reasons");
    assertCounts("mentions", counts.get(Source.MENTIONS), 5, 3, 2, 0);
    assertEquals(Map.of("malformed_json", 1L, "out_of_range", 1L), counts.get(Source.MENTIONS).quarantineReasons());
    assertCounts("customer_handles", counts.get(Source.CUSTOMER_HANDLES), 3, 3, 0, 0);

    Map<String, Row> silver = delta.read(Table.SILVER_CONTACTS).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(ContactsSchema.CONTACT_ID), r -> r));
    assertEquals("new", silver.get("c5").getAs(ContactsSchema.ISSUE_CATEGORY), "the older c5 arriving later did not win");
    assertEquals("new", silver.get("c6").getAs(ContactsSchema.ISSUE_CATEGORY), "the newer c6 won within the delivery");
    assertEquals("two\r\nlines", silver.get("c2").getAs(ContactsSchema.ISSUE_CATEGORY), "quoted CRLF kept as data");
    assertEquals("invoice", silver.get("c1").getAs(ContactsSchema.ISSUE_CATEGORY), "BOM and CRLF file read clean");
    Map<String, Row> surveys = delta.read(Table.SILVER_SURVEYS).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(SurveysSchema.SURVEY_ID), r -> r));
    assertEquals("Très déçu", surveys.get("s1").getAs(SurveysSchema.COMMENT), "Latin-1 decoded");
    assertEquals(longComment, surveys.get("s3").getAs(SurveysSchema.COMMENT), "1 MB comment with emoji kept whole");

    List<Row> missing = spark.read().format("delta").load(warehouse.path(Table.META_RUN_LOG))
        .where(col(RunLogSchema.SOURCE).equalTo("surveys").and(col(RunLogSchema.RUN_DATE).equalTo(java.sql.Date.valueOf(DAY2))))
        .collectAsList();
    assertEquals(1, missing.size(), "one run-log row for surveys on the day without a folder");
    assertTrue(String.valueOf(missing.get(0).<String>getAs(RunLogSchema.MESSAGE)).startsWith("no landing folder "),
        "the run log says so: " + missing.get(0).getAs(RunLogSchema.MESSAGE));

    // Metrics over what was accepted: the orphan survey joins no chain, nothing breaks.
    MetricsJob.Result metrics = MetricsJob.run(spark, new MetricsConfig(DAY2, warehouse.root(), ZoneId.of("UTC"), 35, 28, true));
    assertEquals(7L, metrics.chains(), "one chain per accepted leg (no transfers)");
    List<String> surveyIds = delta.read(Table.GOLD_CONTACT_CHAINS).where(col(ContactChainsSchema.SURVEY_ID).isNotNull())
        .select(ContactChainsSchema.SURVEY_ID).as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted().toList();
    assertEquals(List.of("s1", "s3", "s5"), surveyIds, "s2 names a contact that never arrived and is in no chain");

    // The mention from a handle of two customers is not attributed; the one from @solo is (to c1).
    PeriodWindow window = new PeriodWindow(DAY2, 28, ZoneId.of("UTC"));
    Dataset<Row> attributed = WordOfMouthTransforms.attributedMentions(
        WordOfMouthTransforms.periodMentions(delta.read(Table.SILVER_MENTIONS), window),
        WordOfMouthTransforms.unambiguousHandles(delta.read(Table.SILVER_CUSTOMER_HANDLES)),
        delta.read(Table.GOLD_CONTACT_CHAINS), window);
    Map<String, String> chainByMention = attributed.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(MentionsSchema.MENTION_ID), r -> r.getAs(ContactChainsSchema.CHAIN_ID)));
    assertEquals(Map.of("m4", "c1", "m5", "c1"), chainByMention, "m1 (@Shared, two customers) is not attributed");
    assertFalse(delta.read(Table.GOLD_DAILY_SERVICE_METRICS).isEmpty(), "daily metrics were written");
  }

  private static Map<String, String> reasonById(DeltaIo delta, Table quarantine) {
    return delta.read(quarantine).collectAsList().stream().collect(Collectors.toMap(
        r -> r.<String>getAs(QuarantineSchema.RAW_RECORD).split(",", 2)[0],
        r -> r.<String>getAs(QuarantineSchema.REASON_CODE)));
  }

  private static void assertCounts(String what, RunLog.IngestCounts c, long read, long accepted, long quarantined, long superseded) {
    assertEquals(List.of(read, accepted, quarantined, superseded),
        List.of(c.read(), c.accepted(), c.quarantined(), c.superseded()), what + ": read, accepted, quarantined, superseded");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
