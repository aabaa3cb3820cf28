package io.servicemetrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LandingParsersTest {
  private static final List<String> KNOWN = List.of("id", "name", "comment");
  private static final List<String> REQUIRED = List.of("id");

  @Test
  void quotedFieldsMaySpanLinesAndRecordsKeepTheirFirstLineAndRawText() {
    String text = "id,name,comment\r\n1,Ann,\"said \"\"hi\"\",\r\nthen left\"\r\n2,Bob,plain\r\n\r\n3,Cy,\"a, b\"";
    CsvFileParser.ParsedFile parsed = CsvFileParser.parse(text, KNOWN, REQUIRED);
    assertEquals(3, parsed.records().size());
    LandingRecord first = parsed.records().get(0);
    assertEquals(2, first.recordNumber());
    assertEquals("said \"hi\",\r\nthen left", first.fields().get("comment"));
    assertEquals("1,Ann,\"said \"\"hi\"\",\r\nthen left\"", first.rawRecord());
    assertEquals(4, parsed.records().get(1).recordNumber(), "the quoted line break moved record 2 to line 4");
    assertEquals(6, parsed.records().get(2).recordNumber(), "blank lines are skipped but counted");
    assertEquals("a, b", parsed.records().get(2).fields().get("comment"));
  }

  @Test
  void aContactsFileDeliversQueuedAtOnlyWhenItsHeaderNamesIt() {
    String header = String.join(",", io.servicemetrics.schema.ContactsSchema.LANDING_COLUMNS);
    String row = "c1,2026-11-02T10:00:00Z,,k,,phone,billing,,,2026-11-02T09:00:00Z,,2026-11-02T09:01:00Z,,,,,";
    List<String> known = Source.CONTACTS.landingColumns();
    List<String> required = Source.CONTACTS.requiredColumns();
    Map<String, String> without = CsvFileParser.parse(header + "\n" + row, known, required).records().get(0).fields();
    assertFalse(without.containsKey("queued_at"), "not in the header: not delivered");
    Map<String, String> blank = CsvFileParser.parse(header + ",queued_at\n" + row + ",", known, required).records().get(0).fields();
    assertEquals("", blank.get("queued_at"), "in the header, blank on the row: delivered, never queued");
  }

  @Test
  void aTruncatedFileOrAShortRowBecomesAMalformedRow() {
    CsvFileParser.ParsedFile parsed = CsvFileParser.parse("id,name,comment\n1,Ann\n2,Bob,\"never closed\n", KNOWN, REQUIRED);
    assertEquals(List.of("malformed_row", "malformed_row"),
        parsed.records().stream().map(LandingRecord::errorCode).toList());
    assertTrue(parsed.records().get(1).errorDetail().contains("unterminated"));
  }

  @Test
  void aMissingRequiredColumnQuarantinesEveryRecordAndExtraColumnsAreIgnored() {
    CsvFileParser.ParsedFile missing = CsvFileParser.parse("name,comment\nAnn,x\nBob,y\n", KNOWN, REQUIRED);
    assertEquals(List.of("id"), missing.missingColumns());
    assertTrue(missing.records().stream().allMatch(r -> "missing_column".equals(r.errorCode())));
    CsvFileParser.ParsedFile extra = CsvFileParser.parse("ID,name,extra\n1,Ann,zzz\n", KNOWN, REQUIRED);
    assertEquals(List.of("extra"), extra.unknownColumns());
    assertEquals(Map.of("id", "1", "name", "Ann"), extra.records().get(0).fields(), "headers match case-insensitively");
  }

  @Test
  void emptyAndHeaderOnlyFilesHaveNoRecords() {
    assertEquals(0, CsvFileParser.parse("", KNOWN, REQUIRED).records().size());
    assertEquals(0, CsvFileParser.parse("id,name\n", KNOWN, REQUIRED).records().size());
  }

  @Test
  void utf8ByteOrderMarkIsDroppedAndLatin1IsReadWithoutLoss() {
    byte[] bom = "\uFEFFid\n1\n".getBytes(StandardCharsets.UTF_8);
    TextDecoding.Decoded withBom = TextDecoding.decode(bom);
    assertEquals("id\n1\n", withBom.text());
    assertFalse(withBom.latin1Fallback());
    TextDecoding.Decoded latin1 = TextDecoding.decode("id,name\n1,Zoë\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(latin1.latin1Fallback());
    assertEquals("id,name\n1,Zoë\n", latin1.text());
  }

  @Test
  void jsonLinesKeepScalarsAsTextAndRejectWhatIsNotAnObject() {
    JsonLinesFileParser.ParsedFile parsed = JsonLinesFileParser.parse(
        "{\"id\":\"m1\",\"name\":7,\"comment\":null,\"other\":1}\n\n[1,2]\n{broken\r\n{\"id\":{\"a\":1}}", KNOWN);
    assertEquals(4, parsed.records().size());
    assertEquals(Map.of("id", "m1", "name", "7"), parsed.records().get(0).fields());
    assertEquals(List.of("other"), List.copyOf(parsed.unknownFields()));
    assertEquals("malformed_json", parsed.records().get(1).errorCode());
    assertEquals(3, parsed.records().get(1).recordNumber());
    assertEquals("malformed_json", parsed.records().get(2).errorCode());
    assertEquals("{broken", parsed.records().get(2).rawRecord(), "CR of a CRLF line end is not part of the record");
    assertEquals("{\"a\":1}", parsed.records().get(3).fields().get("id"), "objects pass on as JSON text for validation to reject");
    assertNull(parsed.records().get(3).errorCode());
  }
}
