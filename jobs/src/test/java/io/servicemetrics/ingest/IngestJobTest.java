package io.servicemetrics.ingest;

import static io.servicemetrics.ingest.LandingFixture.CONTACTS_HEADER;
import static io.servicemetrics.ingest.LandingFixture.HANDLES_HEADER;
import static io.servicemetrics.ingest.LandingFixture.SURVEYS_HEADER;
import static io.servicemetrics.ingest.LandingFixture.lines;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.identity.Pseudonymizer;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.RunLogSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class IngestJobTest {
  private static final LocalDate DAY1 = LocalDate.parse("2026-11-02");
  private static final LocalDate DAY2 = LocalDate.parse("2026-11-03");

  @Test
  void everyRecordEndsInExactlyOnePlaceAndTheLatestVersionWinsAcrossDays(SparkSession spark, @TempDir Path tmp) {
    LandingFixture landing = new LandingFixture(tmp.resolve("landing"))
        .file("contacts", DAY1, "calls.csv", lines(
            CONTACTS_HEADER,
            // c1: follow_up on day 1, resolved in a newer version on day 2
            "c1,2026-11-02T10:00:00Z,,CUST-1,+1 (415) 555-0134,phone,billing,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:01:00Z,2026-11-02T09:11:00Z,60,30,follow_up,false,invoice",
            // c2: exact duplicate row in the same file -> one superseded
            "c2,2026-11-02T10:00:00-05:00,c1,,4155550134,phone,billing,a2,t1,2026-11-02T14:11:00Z,2026-11-02T14:12:00Z,2026-11-02T14:20:00Z,,,resolved,true,invoice",
            "c2,2026-11-02T10:00:00-05:00,c1,,4155550134,phone,billing,a2,t1,2026-11-02T14:11:00Z,2026-11-02T14:12:00Z,2026-11-02T14:20:00Z,,,resolved,true,invoice",
            // quarantined: unknown channel, ended before answered, missing queue, bad number, bad timestamp
            "c3,2026-11-02T10:00:00Z,,CUST-3,,fax,billing,,,2026-11-02T09:00:00Z,,2026-11-02T09:05:00Z,,,,,",
            "c4,2026-11-02T10:00:00Z,,CUST-4,,chat,orders,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:10:00Z,2026-11-02T09:05:00Z,,,resolved,false,",
            "c5,2026-11-02T10:00:00Z,,CUST-5,,chat,,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:10:00Z,2026-11-02T09:15:00Z,,,resolved,false,",
            "c6,2026-11-02T10:00:00Z,,CUST-6,,chat,orders,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:10:00Z,2026-11-02T09:15:00Z,NaN,,resolved,false,",
            "c7,yesterday,,CUST-7,,chat,orders,,,2026-11-02T09:00:00Z,,2026-11-02T09:15:00Z,,,,,",
            // a row with too few fields
            "c8,2026-11-02T10:00:00Z,,CUST-8"))
        .file("surveys", DAY1, "s.csv", lines(
            SURVEYS_HEADER,
            "s1,c2,2026-11-02T15:00:00Z,5,10,2,yes,1,\"Great, thanks! Mail me at jo@example.com\"",
            "s2,c1,2026-11-02T15:00:00Z,9,,,,,",
            "s3,c1,2026-11-02T15:00:00Z,,,,no,,nothing scored"))
        .file("mentions", DAY1, "m.jsonl", lines(
            "{\"mention_id\":\"m1\",\"platform\":\"x\",\"author_handle\":\"@Jo_Doe\",\"author_followers\":120,"
                + "\"posted_at\":\"2026-11-02T16:00:00Z\",\"fetched_at\":\"2026-11-02T17:00:00Z\","
                + "\"text\":\"@acme worst service ever, call me on 415 555 0134\",\"reshares\":2}",
            "{not json",
            "{\"mention_id\":\"m2\",\"platform\":\"x\",\"author_handle\":\"@fan\",\"author_followers\":-5,"
                + "\"posted_at\":\"2026-11-02T16:00:00Z\",\"fetched_at\":\"2026-11-02T17:00:00Z\",\"text\":\"love it\"}"))
        .file("customer_handles", DAY1, "h.csv", lines(
            HANDLES_HEADER, "CUST-1,x,@Jo_Doe", "CUST-1,phone,+1 415 555 0134", "CUST-9,email, Jo@Example.com ",
            "CUST-2,phone,12"))
        .file("contacts", DAY2, "calls.csv", lines(
            CONTACTS_HEADER,
            "c1,2026-11-03T08:00:00Z,,CUST-1,+1 (415) 555-0134,phone,billing,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:01:00Z,2026-11-02T09:11:00Z,60,30,resolved,false,invoice",
            // an older version of c2 arriving late: superseded
            "c2,2026-11-02T09:00:00Z,c1,,4155550134,phone,billing,a2,t1,2026-11-02T14:11:00Z,2026-11-02T14:12:00Z,2026-11-02T14:20:00Z,,,unresolved,true,invoice"));

    Warehouse warehouse = new Warehouse(tmp.resolve("wh").toString());
    DeltaIo delta = new DeltaIo(spark, warehouse);

    Map<Source, RunLog.IngestCounts> day1 = ingest(delta, landing, DAY1);
    assertCounts(day1.get(Source.CONTACTS), 9, 2, 6, 1);
    assertEquals(Map.of("inconsistent_times", 1L, "invalid_number", 1L, "invalid_timestamp", 1L,
        "malformed_row", 1L, "missing_required", 1L, "unknown_enum", 1L), day1.get(Source.CONTACTS).quarantineReasons());
    assertCounts(day1.get(Source.SURVEYS), 3, 1, 2, 0);
    assertEquals(Map.of("out_of_range", 1L, "missing_required", 1L), day1.get(Source.SURVEYS).quarantineReasons());
    assertCounts(day1.get(Source.MENTIONS), 3, 1, 2, 0);
    assertEquals(Map.of("malformed_json", 1L, "out_of_range", 1L), day1.get(Source.MENTIONS).quarantineReasons());
    assertCounts(day1.get(Source.CUSTOMER_HANDLES), 4, 3, 1, 0);

    List<Row> quarantine = delta.read(Table.QUARANTINE_CONTACTS).orderBy("record_number").collectAsList();
    assertEquals(6, quarantine.size());
    assertEquals("calls.csv", quarantine.get(0).getAs("source_file"));
    assertEquals(5L, (long) quarantine.get(0).<Long>getAs("record_number"), "c3 is on line 5 of its file");
    assertTrue(quarantine.get(0).<String>getAs("raw_record").startsWith("c3,"), "quarantine keeps the raw record");

    // Re-running day 1 changes no silver row and reports the same counts.
    List<Row> silverBefore = delta.read(Table.SILVER_CONTACTS).orderBy("contact_id").collectAsList();
    Map<Source, RunLog.IngestCounts> rerun = ingest(delta, landing, DAY1);
    assertEquals(day1.get(Source.CONTACTS), rerun.get(Source.CONTACTS), "a rerun reconciles the same way");
    assertEquals(silverBefore, delta.read(Table.SILVER_CONTACTS).orderBy("contact_id").collectAsList(),
        "a rerun leaves silver as it was");

    Map<Source, RunLog.IngestCounts> day2 = ingest(delta, landing, DAY2);
    assertCounts(day2.get(Source.CONTACTS), 2, 1, 0, 1);
    List<Row> silver = delta.read(Table.SILVER_CONTACTS).orderBy("contact_id").collectAsList();
    assertEquals(2, silver.size(), "one row per contact_id");
    assertEquals("resolved", silver.get(0).getAs(ContactsSchema.OUTCOME), "day 2's newer c1 replaced day 1's");
    assertEquals(DAY2, silver.get(0).<java.sql.Date>getAs("delivery_date").toLocalDate());
    assertEquals("resolved", silver.get(1).getAs(ContactsSchema.OUTCOME), "the late older c2 did not replace the newer");

    Pseudonymizer p = new Pseudonymizer(PiiKey.demo().bytes());
    assertEquals(p.customerId("CUST-1"), silver.get(0).getAs(ContactsSchema.CUSTOMER_ID_PSEUDONYM));
    assertEquals(p.phone("415.555.0134"), silver.get(1).getAs(ContactsSchema.CUSTOMER_PHONE_PSEUDONYM),
        "phone formats normalize to one pseudonym");
    assertNull(silver.get(1).getAs(ContactsSchema.CUSTOMER_ID_PSEUDONYM));
    assertNull(silver.get(1).getAs(ContactsSchema.HOLD_SECONDS), "a blank hold is not reported: NULL, not 0");

    Row mention = delta.read(Table.SILVER_MENTIONS).first();
    assertEquals(p.handle("x", "jo_doe"), mention.getAs("author_pseudonym"), "handles match without @ and case");
    assertEquals("@[handle] worst service ever, call me on [phone]", mention.getAs("text"));
    assertEquals("lexicon", mention.getAs("sentiment_source"));
    assertEquals("negative", mention.getAs("sentiment_label"));
    Row survey = delta.read(Table.SILVER_SURVEYS).first();
    assertEquals("Great, thanks! Mail me at [email]", survey.getAs("comment"));

    // No raw identifier from the landing files survives into any silver table.
    for (Table t : List.of(Table.SILVER_CONTACTS, Table.SILVER_MENTIONS, Table.SILVER_CUSTOMER_HANDLES, Table.SILVER_SURVEYS)) {
      String all = delta.read(t).toJSON().collectAsList().toString().toLowerCase();
      for (String pii : List.of("cust-1", "4155550134", "555-0134", "jo_doe", "jo@example.com")) {
        assertFalse(all.contains(pii), t.viewName() + " must not contain " + pii);
      }
    }

    // One bulk pass over both days ends in the same silver rows as the nights in turn.
    DeltaIo bulk = new DeltaIo(spark, new Warehouse(tmp.resolve("bulk").toString()));
    IngestConfig both = new IngestConfig(DAY1, DAY2, landing.root().toString(), bulk.warehouse(), ZoneId.of("UTC"), PiiKey.demo());
    new IngestJob(bulk, both, new RunLog(bulk, "test", Clock.systemUTC())).run();
    for (Source source : Source.values()) {
      assertEquals(silverWithoutRunId(delta, source), silverWithoutRunId(bulk, source),
          source.sourceName() + ": bulk equals night by night");
    }

    List<Row> runLog = spark.read().format("delta").load(warehouse.path(Table.META_RUN_LOG))
        .where("stage = 'ingest' AND source = 'contacts' AND status = 'succeeded'").orderBy("started_at").collectAsList();
    assertEquals(3, runLog.size());
    assertEquals(9L, (long) runLog.get(0).<Long>getAs("read"));
    assertEquals("inconsistent_times=1;invalid_number=1;invalid_timestamp=1;malformed_row=1;missing_required=1;unknown_enum=1",
        runLog.get(0).getAs("quarantine_reasons"));
  }

  @Test
  void aDayWithoutASourcesFolderClearsThatSourcesBronzeSliceAndKeepsItsSilverRows(SparkSession spark, @TempDir Path tmp)
      throws Exception {
    String contact = "c1,2026-11-02T10:00:00Z,,CUST-1,,chat,orders,a1,t1,2026-11-02T09:00:00Z,2026-11-02T09:01:00Z,"
        + "2026-11-02T09:11:00Z,,,resolved,false,";
    LandingFixture landing = new LandingFixture(tmp.resolve("landing"))
        .file("contacts", DAY1, "calls.csv", lines(CONTACTS_HEADER, contact))
        .file("surveys", DAY1, "s.csv", lines(SURVEYS_HEADER, "s1,c1,2026-11-02T15:00:00Z,5,,,,,", "s2,c1,bad,5,,,,,"))
        .file("customer_handles", DAY1, "h.csv", lines(HANDLES_HEADER, "CUST-1,x,@one"));
    DeltaIo delta = new DeltaIo(spark, new Warehouse(tmp.resolve("wh").toString()));
    ingest(delta, landing, DAY1);
    assertEquals(2L, delta.read(Table.BRONZE_SURVEYS).count(), "both survey records in bronze");
    // Bronze is read by delivery_date only: created without column statistics; silver keeps them.
    assertEquals("0", tableProperties(delta, Table.BRONZE_SURVEYS).get("delta.dataSkippingNumIndexedCols"));
    assertNull(tableProperties(delta, Table.SILVER_SURVEYS).get("delta.dataSkippingNumIndexedCols"));
    assertEquals(1L, delta.read(Table.QUARANTINE_SURVEYS).count(), "the bad one in quarantine");

    // The surveys folder of day 1 is withdrawn and the day rerun: nothing landed for surveys.
    try (var files = Files.walk(landing.root().resolve("surveys"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Map<Source, RunLog.IngestCounts> rerun = ingest(delta, landing, DAY1);

    assertCounts(rerun.get(Source.SURVEYS), 0, 0, 0, 0);
    assertCounts(rerun.get(Source.CONTACTS), 1, 1, 0, 0);
    assertEquals(0L, delta.read(Table.BRONZE_SURVEYS).count(), "day 1's bronze slice holds what landed: nothing");
    assertEquals(0L, delta.read(Table.QUARANTINE_SURVEYS).count(), "and so does its quarantine slice");
    assertEquals(1L, delta.read(Table.SILVER_SURVEYS).count(), "silver keeps the record it accepted earlier");
    List<Row> logged = delta.read(Table.META_RUN_LOG)
        .where(col(RunLogSchema.SOURCE).equalTo("surveys"))
        .orderBy(RunLogSchema.STARTED_AT).collectAsList();
    assertEquals(2, logged.size(), "one run-log row per run");
    assertEquals("no landing folder " + LandingReader.folder(landing.root().toString(), Source.SURVEYS, DAY1),
        logged.get(1).getAs(RunLogSchema.MESSAGE), "the rerun says why it read nothing");
  }

  @Test
  void aRerunThatQuarantinesNothingClearsTheDaysQuarantineWithoutEmptyCommits(SparkSession spark, @TempDir Path tmp) {
    LandingFixture landing = new LandingFixture(tmp.resolve("landing"))
        .file("surveys", DAY1, "s.csv", lines(SURVEYS_HEADER, "s1,c1,2026-11-02T15:00:00Z,5,,,,,", "s2,c1,bad,5,,,,,"));
    DeltaIo delta = new DeltaIo(spark, new Warehouse(tmp.resolve("wh").toString()));
    ingest(delta, landing, DAY1);
    assertEquals(1L, delta.read(Table.QUARANTINE_SURVEYS).count(), "s2's bad timestamp");
    long created = version(delta, Table.QUARANTINE_SURVEYS);

    // The day is delivered again, corrected: the rerun quarantines nothing and removes s2's row.
    landing.file("surveys", DAY1, "s.csv", lines(SURVEYS_HEADER, "s1,c1,2026-11-02T15:00:00Z,5,,,,,",
        "s2,c1,2026-11-02T15:30:00Z,5,,,,,"));
    assertCounts(ingest(delta, landing, DAY1).get(Source.SURVEYS), 2, 2, 0, 0);
    assertEquals(0L, delta.read(Table.QUARANTINE_SURVEYS).count(), "the corrected day has nothing in quarantine");
    assertEquals(created + 1, version(delta, Table.QUARANTINE_SURVEYS), "one commit removed s2's row");

    // Nothing to quarantine and nothing to remove: Delta writes no commit for an empty replacement,
    // so nightly reruns of clean days do not lengthen the log every later read replays.
    assertCounts(ingest(delta, landing, DAY1).get(Source.SURVEYS), 2, 2, 0, 0);
    assertEquals(created + 1, version(delta, Table.QUARANTINE_SURVEYS), "no empty commit");
    assertEquals(2L, delta.read(Table.SILVER_SURVEYS).count());
  }

  @Test
  void aCorrectionThatMovesItsEventDateReplacesTheOldRowAndKeepsItsNeighbours(SparkSession spark, @TempDir Path tmp) {
    String tail = ",,CUST-1,,chat,orders,a1,t1,%s,%s,%s,,,%s,false,";
    LandingFixture landing = new LandingFixture(tmp.resolve("landing"))
        .file("contacts", DAY1, "calls.csv", lines(CONTACTS_HEADER,
            "c1,2026-11-02T10:00:00Z" + String.format(tail, "2026-11-02T09:00:00Z", "2026-11-02T09:01:00Z",
                "2026-11-02T09:11:00Z", "follow_up"),
            "c2,2026-11-02T10:00:00Z" + String.format(tail, "2026-11-02T08:00:00Z", "2026-11-02T08:01:00Z",
                "2026-11-02T08:11:00Z", "resolved")))
        // c1 corrected: it happened after midnight, on 11-03, and was resolved; c3 is new.
        .file("contacts", DAY2, "calls.csv", lines(CONTACTS_HEADER,
            "c1,2026-11-03T08:00:00Z" + String.format(tail, "2026-11-03T00:30:00Z", "2026-11-03T00:31:00Z",
                "2026-11-03T00:41:00Z", "resolved"),
            "c3,2026-11-03T08:00:00Z" + String.format(tail, "2026-11-03T07:00:00Z", "2026-11-03T07:01:00Z",
                "2026-11-03T07:11:00Z", "resolved")));
    DeltaIo delta = new DeltaIo(spark, new Warehouse(tmp.resolve("wh").toString()));
    ingest(delta, landing, DAY1);
    assertCounts(ingest(delta, landing, DAY2).get(Source.CONTACTS), 2, 2, 0, 0);

    List<Row> silver = delta.read(Table.SILVER_CONTACTS).orderBy("contact_id").collectAsList();
    assertEquals(List.of("c1 2026-11-03 resolved", "c2 2026-11-02 resolved", "c3 2026-11-03 resolved"),
        silver.stream().map(r -> r.getAs(ContactsSchema.CONTACT_ID) + " " + r.getAs("event_date") + " "
            + r.getAs(ContactsSchema.OUTCOME)).toList(),
        "c1 moved to 11-03 (its 11-02 row gone), c2 kept on the replaced 11-02, c3 added");
    assertEquals("WRITE", delta.deltaTable(Table.SILVER_CONTACTS).orElseThrow().history(1).first().getAs("operation"),
        "the touched dates replaced, no MERGE");
    DeltaIo bulk = new DeltaIo(spark, new Warehouse(tmp.resolve("bulk").toString()));
    new IngestJob(bulk, new IngestConfig(DAY1, DAY2, landing.root().toString(), bulk.warehouse(), ZoneId.of("UTC"),
        PiiKey.demo()), new RunLog(bulk, "test", Clock.systemUTC())).run();
    assertEquals(silverWithoutRunId(bulk, Source.CONTACTS), silverWithoutRunId(delta, Source.CONTACTS),
        "the same rows as one bulk pass");
  }

  private static long version(DeltaIo delta, Table table) {
    return delta.deltaTable(table).orElseThrow().history(1).first().<Long>getAs("version");
  }

  private static Map<String, String> tableProperties(DeltaIo delta, Table table) {
    Row detail = delta.deltaTable(table).orElseThrow().detail().first();
    return detail.getJavaMap(detail.fieldIndex("properties"));
  }

  private static List<String> silverWithoutRunId(DeltaIo delta, Source source) {
    return delta.read(source.silver()).drop("ingest_run_id").toJSON().collectAsList().stream().sorted().toList();
  }

  private static Map<Source, RunLog.IngestCounts> ingest(DeltaIo delta, LandingFixture landing, LocalDate day) {
    IngestConfig config = IngestConfig.forDay(day, landing.root().toString(), delta.warehouse(), ZoneId.of("UTC"), PiiKey.demo());
    return new TreeMap<>(new IngestJob(delta, config, new RunLog(delta, "test", Clock.systemUTC())).run());
  }

  private static void assertCounts(RunLog.IngestCounts c, long read, long accepted, long quarantined, long superseded) {
    assertEquals(List.of(read, accepted, quarantined, superseded),
        List.of(c.read(), c.accepted(), c.quarantined(), c.superseded()), "read, accepted, quarantined, superseded");
  }
}
