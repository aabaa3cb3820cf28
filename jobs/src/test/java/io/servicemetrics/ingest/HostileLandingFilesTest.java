package io.servicemetrics.ingest;

import static io.servicemetrics.ingest.LandingFixture.CONTACTS_HEADER;
import static io.servicemetrics.ingest.LandingFixture.SURVEYS_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.PiiKey;
import io.servicemetrics.identity.Pseudonymizer;
import io.servicemetrics.identity.TextRedactor;
import io.servicemetrics.schema.BronzeSchema;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SurveysSchema;
import io.servicemetrics.sentiment.LexiconSentimentScorer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

/**
 * Landing files that fight back (issue 6, "Hostile data"), through the same per-file and
 * per-record code the executors run ({@link LandingReader#parseFile} then
 * {@link IngestTransforms#validateOne}), without Spark. Each record's verdict is "ok" or its
 * reason code; nothing may be dropped or thrown.
 */
class HostileLandingFilesTest {
  private static final String DAY = "2026-11-02";
  private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(PiiKey.demo().bytes());
  private static final LexiconSentimentScorer SCORER = LexiconSentimentScorer.standard();
  private static final String GOOD_CONTACT =
      "c1,2026-11-02T10:00:00Z,,CUST-1,+1 (415) 555-0134,phone,billing,a1,t1,2026-11-02T09:00:00Z,"
          + "2026-11-02T09:01:00Z,2026-11-02T09:11:00Z,60,30,resolved,false,invoice";

  /** A contact row from GOOD_CONTACT with one landing column replaced. */
  private static String contact(String id, String column, String value) {
    String[] cells = GOOD_CONTACT.split(",", -1);
    cells[0] = id;
    cells[ContactsSchema.LANDING_COLUMNS.indexOf(column)] = value;
    return String.join(",", cells);
  }

  private static String mention(String id, String extraFields) {
    return "{\"mention_id\":\"" + id + "\",\"platform\":\"x\",\"author_handle\":\"@jo\",\"author_followers\":10,"
        + "\"posted_at\":\"2026-11-02T16:00:00Z\",\"fetched_at\":\"2026-11-02T17:00:00Z\",\"text\":\"ok\""
        + extraFields + "}";
  }

  @Test
  void aByteOrderMarkCrlfLineEndsAndAQuotedLineBreakAreReadAsTheContractSays() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String crlf = CONTACTS_HEADER + "\r\n" + GOOD_CONTACT + "\r\n" + contact("c2", "issue_category", "\"two\r\nlines\"") + "\r\n";
    List<Row> rows = landed(Source.CONTACTS, "bom-crlf.csv", concat(bom, crlf.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("ok", "ok"), verdicts(Source.CONTACTS, rows), "the BOM must not hide the contact_id column");
    assertEquals("invoice", fields(rows.get(0)).get(ContactsSchema.ISSUE_CATEGORY), "no CR left at the line end");
    assertEquals("two\r\nlines", fields(rows.get(1)).get(ContactsSchema.ISSUE_CATEGORY), "a quoted line break is data");
    assertEquals(List.of(2L, 3L), recordNumbers(rows), "records keep the line they start on");
  }

  @Test
  void aLatin1FileIsReadWithoutLosingARecordOrACharacter() {
    String text = SURVEYS_HEADER + "\n" + "s1,c1,2026-11-02T15:00:00Z,2,,,no,3,Très déçu: ça coûte 5 €uros\n";
    // ISO-8859-1 has no euro sign; an old Windows export writes it as '?', which is what we expect back.
    List<Row> rows = landed(Source.SURVEYS, "latin1.csv", text.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(List.of("ok"), verdicts(Source.SURVEYS, rows));
    assertEquals("Très déçu: ça coûte 5 ?uros", fields(rows.get(0)).get(SurveysSchema.COMMENT));
  }

  @Test
  void aFileTruncatedMidRowQuarantinesOnlyTheCutRecord() {
    String cutInAField = CONTACTS_HEADER + "\n" + GOOD_CONTACT + "\n" + GOOD_CONTACT.substring(0, 40).replace("c1", "c2");
    assertEquals(List.of("ok", "malformed_row"),
        verdicts(Source.CONTACTS, landed(Source.CONTACTS, "cut.csv", cutInAField.getBytes(StandardCharsets.UTF_8))));
    String cutInAQuote = SURVEYS_HEADER + "\n" + "s1,c1,2026-11-02T15:00:00Z,4,,,,,fine\n"
        + "s2,c1,2026-11-02T15:00:00Z,4,,,,,\"the export stopped in the mid";
    List<Row> rows = landed(Source.SURVEYS, "cut.csv", cutInAQuote.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("ok", "malformed_row"), verdicts(Source.SURVEYS, rows));
    assertTrue(rows.get(1).<String>getAs(BronzeSchema.PARSE_DETAIL).contains("unterminated"),
        "the detail says why: " + rows.get(1).getAs(BronzeSchema.PARSE_DETAIL));
  }

  @Test
  void emptyHeaderOnlyAndBomOnlyFilesHaveNoRecords() {
    for (String content : List.of("", "\uFEFF", "\n\n", CONTACTS_HEADER, CONTACTS_HEADER + "\r\n", CONTACTS_HEADER + "\n\n")) {
      assertEquals(List.of(), landed(Source.CONTACTS, "empty.csv", content.getBytes(StandardCharsets.UTF_8)),
          "no records in " + content.replace("\n", "\\n"));
    }
    assertEquals(List.of(), landed(Source.MENTIONS, "empty.jsonl", new byte[0]));
  }

  @Test
  void aOneMegabyteCommentWithControlCharactersAndEmojiIsAcceptedAndRedactedInLinearTime() {
    // A run of 1 MB without '@' made the e-mail pattern retry from every position (hours); now linear.
    String blob = "A".repeat(1 << 20);
    String comment = "\"" + blob + " write to jo@example.com \u0007\u001b[31m 👍🏽 🎉\"";
    String text = SURVEYS_HEADER + "\n" + "s1,c1,2026-11-02T15:00:00Z,1,,,no,,\"bell\u0007 nul\u0000 emoji 😀\"\n"
        + "s2,c1,2026-11-02T15:00:00Z,2,,,no,," + comment + "\n";
    List<Row> rows = landed(Source.SURVEYS, "long.csv", text.getBytes(StandardCharsets.UTF_8));
    List<Row> validated = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> rows.stream().map(r -> validate(Source.SURVEYS, r)).toList(), "1 MB of text must validate in seconds");
    assertEquals(List.of("ok", "ok"), validated.stream().map(r -> verdict(Source.SURVEYS, r)).toList());
    int commentAt = SurveysSchema.SILVER.fieldIndex(SurveysSchema.COMMENT);
    assertEquals("bell\u0007 nul\u0000 emoji 😀", validated.get(0).getString(commentAt), "kept as delivered");
    String longComment = validated.get(1).getString(commentAt);
    assertEquals(blob + " write to " + TextRedactor.EMAIL_TOKEN + " \u0007\u001b[31m 👍🏽 🎉", longComment,
        "the whole comment survives, only the address is redacted");
  }

  @Test
  void timestampsOutsideTheContractsRangeAndLegsOfWeeksAreOutOfRange() {
    String text = String.join("\n", CONTACTS_HEADER,
        contact("far-future", "ended_at", "9999-12-31T23:59:59Z"),
        contact("year-10000", "ended_at", "+10000-01-01T00:00:00Z"),
        contact("epoch", "initiated_at", "1970-01-01T00:00:00Z"),
        contact("year-1", "updated_at", "0001-01-01T00:00:00Z"),
        contact("three-days-ahead", "updated_at", "2026-11-05T00:00:00Z"),
        contact("three-weeks", "initiated_at", "2026-10-12T09:00:00Z"),
        contact("acw-weeks", "acw_seconds", "1814400"),
        contact("hold-weeks", "hold_seconds", "1209600"),
        contact("ok-two-days-ahead", "updated_at", "2026-11-04T23:59:59Z"));
    // +10000 is a valid ISO-8601 expanded year, so it parses and is out of range like 9999.
    assertEquals(List.of("out_of_range", "out_of_range", "out_of_range", "out_of_range", "out_of_range",
            "out_of_range", "out_of_range", "out_of_range", "ok"),
        verdicts(Source.CONTACTS, landed(Source.CONTACTS, "times.csv", text.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void negativeCountsNanAndInfinityAreRejectedWithTheirReason() {
    String contacts = String.join("\n", CONTACTS_HEADER,
        contact("neg-hold", "hold_seconds", "-1"),
        contact("nan-hold", "hold_seconds", "NaN"),
        contact("inf-acw", "acw_seconds", "Infinity"),
        contact("neg-inf-acw", "acw_seconds", "-Infinity"),
        contact("huge-acw", "acw_seconds", "9223372036854775808"),
        contact("minus-zero", "acw_seconds", "-0"));
    assertEquals(List.of("out_of_range", "invalid_number", "invalid_number", "invalid_number", "invalid_number", "ok"),
        verdicts(Source.CONTACTS, landed(Source.CONTACTS, "numbers.csv", contacts.getBytes(StandardCharsets.UTF_8))));

    String surveys = SURVEYS_HEADER + "\ns1,c1,2026-11-02T15:00:00Z,4,,,,-2,\ns2,c1,2026-11-02T15:00:00Z,NaN,,,,,\n";
    assertEquals(List.of("out_of_range", "invalid_number"),
        verdicts(Source.SURVEYS, landed(Source.SURVEYS, "numbers.csv", surveys.getBytes(StandardCharsets.UTF_8))));

    String mentions = String.join("\n",
        mention("neg-likes", ",\"likes\":-3"),
        mention("nan-literal", ",\"sentiment\":NaN"),
        mention("nan-text", ",\"sentiment\":\"NaN\""),
        mention("inf-text", ",\"sentiment\":\"-Infinity\""),
        mention("overflow", ",\"sentiment\":1e999"),
        mention("fraction-count", ",\"reshares\":1e3"),
        mention("huge-count", ",\"impressions\":99999999999999999999"),
        mention("raw-control", ",\"in_reply_to\":\"a\u0001b\""),
        mention("escaped-control-and-emoji", ",\"in_reply_to\":\"a\\u0001b \\ud83d\\ude00\""));
    List<Row> rows = landed(Source.MENTIONS, "m.jsonl", mentions.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("out_of_range", "malformed_json", "invalid_number", "invalid_number", "invalid_number",
            "invalid_number", "invalid_number", "malformed_json", "ok"), verdicts(Source.MENTIONS, rows),
        "NaN is not JSON; strings and overflowing numbers are not finite numbers");
    Row escaped = validate(Source.MENTIONS, rows.get(8));
    assertEquals("a\u0001b 😀", escaped.getString(MentionsSchema.SILVER.fieldIndex(MentionsSchema.IN_REPLY_TO)));
  }

  @Test
  void theSameFileUnderTwoNamesGivesTheSameRecordsTwice() {
    byte[] content = (CONTACTS_HEADER + "\n" + GOOD_CONTACT + "\n").getBytes(StandardCharsets.UTF_8);
    List<Row> first = landed(Source.CONTACTS, "calls.csv", content);
    List<Row> copy = landed(Source.CONTACTS, "calls (1).csv", content);
    assertEquals(fields(first.get(0)), fields(copy.get(0)), "same fields: the ingest supersedes the copy (IngestJob test)");
    assertEquals("calls (1).csv", copy.get(0).getAs("source_file"));
  }

  // ---- helpers ----

  private static List<Row> landed(Source source, String fileName, byte[] content) {
    String path = "file:/landing/" + source.sourceName() + "/date=" + DAY + "/" + fileName;
    List<Row> rows = new ArrayList<>();
    for (Iterator<Row> it = LandingReader.parseFile(path, new java.sql.Timestamp(0), content, source, "run",
        io.servicemetrics.ingest.formats.LandingFormats.forSource(source, io.servicemetrics.config.SourceFormats.ALL_CANONICAL),
        io.servicemetrics.config.FormatOptions.DEFAULTS); it.hasNext(); ) {
      // The executors' rows carry the bronze schema (Encoders.row); validation reads fields by name.
      Row r = it.next();
      Object[] values = new Object[r.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i);
      }
      rows.add(new GenericRowWithSchema(values, BronzeSchema.SCHEMA));
    }
    return rows;
  }

  private static Row validate(Source source, Row bronze) {
    return IngestTransforms.validateOne(bronze, source, ZoneId.of("UTC"), PSEUDONYMS, SCORER);
  }

  private static String verdict(Source source, Row validated) {
    String reason = validated.getString(source.silverSchema().fields().length);
    return reason == null ? "ok" : reason;
  }

  private static List<String> verdicts(Source source, List<Row> bronze) {
    return bronze.stream().map(r -> verdict(source, validate(source, r))).toList();
  }

  private static java.util.Map<String, String> fields(Row bronze) {
    return scala.jdk.javaapi.CollectionConverters.asJava(bronze.<scala.collection.Map<String, String>>getAs(BronzeSchema.FIELDS));
  }

  private static List<Long> recordNumbers(List<Row> rows) {
    return rows.stream().map(r -> r.<Long>getAs("record_number")).toList();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
