package io.servicemetrics.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.schema.SurveysSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualtricsFormatTest {
  static final String TAGS = "StartDate,EndDate,Status,Finished,RecordedDate,ResponseId,ExternalReference,"
      + "Q1,Q2,Q2_NPS_GROUP,Q3,Q4,Q5_TEXT,Q6_TEXT";
  static final String QUESTIONS = "Start Date,End Date,Response Type,Finished,Recorded Date,Response ID,External Data Reference,"
      + "How satisfied were you?,How likely are you to recommend us?,How likely are you to recommend us? - Group,"
      + "How easy was it?,Was your issue resolved?,How many people have you told?,\"Anything else, in your own words?\"";
  static final String IMPORT_IDS = "\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"America/New_York\"\"}\","
      + "\"{\"\"ImportId\"\":\"\"endDate\"\",\"\"timeZone\"\":\"\"America/New_York\"\"}\",\"{\"\"ImportId\"\":\"\"status\"\"}\","
      + "\"{\"\"ImportId\"\":\"\"finished\"\"}\",\"{\"\"ImportId\"\":\"\"recordedDate\"\",\"\"timeZone\"\":\"\"America/New_York\"\"}\","
      + "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"externalDataReference\"\"}\","
      + "\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID2_NPS_GROUP\"\"}\","
      + "\"{\"\"ImportId\"\":\"\"QID3\"\"}\",\"{\"\"ImportId\"\":\"\"QID4\"\"}\",\"{\"\"ImportId\"\":\"\"QID5_TEXT\"\"}\","
      + "\"{\"\"ImportId\"\":\"\"QID6_TEXT\"\"}\"";

  private static List<LandingRecord> parse(String text, FormatOptions options) {
    return new QualtricsFormat().parse(new RawLandingFile("export.csv", text.getBytes(StandardCharsets.UTF_8), null), options);
  }

  private static String lines(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }

  @Test
  void mapsAThreeHeaderExportByImportIdWithMultiLineAnswersAndTheHeaderTimeZone() {
    List<LandingRecord> records = parse(lines(TAGS, QUESTIONS, IMPORT_IDS,
        "2026-11-02 09:58:00,2026-11-02 10:00:00,0,1,2026-11-02 10:00:05,R_1a,c-1,5,10,3,6,1,2,\"Great service,\nthank you\"",
        "2026-11-02 11:00:00,2026-11-02 11:02:00,0,1,2026-11-02 11:02:01,R_2b,c-2,2,3,1,,2,0,"), FormatOptions.DEFAULTS);
    assertEquals(2, records.size());
    Map<String, String> f = records.get(0).fields();
    assertEquals("R_1a", f.get(SurveysSchema.SURVEY_ID));
    assertEquals("c-1", f.get(SurveysSchema.CONTACT_ID));
    // 10:00:05 in America/New_York on 2 November 2026 (EST, -05:00), from the header's timeZone.
    assertEquals("2026-11-02T10:00:05-05:00", f.get(SurveysSchema.RESPONDED_AT));
    assertEquals("5", f.get(SurveysSchema.CSAT));
    assertEquals("10", f.get(SurveysSchema.NPS));
    assertEquals("6", f.get(SurveysSchema.CES));
    assertEquals("yes", f.get(SurveysSchema.RESOLVED_REPORTED), "recode 1 is yes");
    assertEquals("2", f.get(SurveysSchema.PEOPLE_TOLD));
    assertEquals("Great service,\nthank you", f.get(SurveysSchema.COMMENT));
    assertEquals(4L, records.get(0).recordNumber(), "the first response starts on line 4");
    assertEquals(6L, records.get(1).recordNumber(), "the multi-line answer moves the second to line 6");
    assertEquals("no", records.get(1).fields().get(SurveysSchema.RESOLVED_REPORTED), "recode 2 is no");
  }

  @Test
  void columnsAreFoundByImportIdWhateverTheirOrderTagsOrLocalizedQuestionText() {
    // Same survey exported in German with renamed export tags and CES before CSAT.
    String tags = "RecordedDate,ResponseId,ExternalReference,zufriedenheit_neu,aufwand,Q2";
    String questions = "Aufgezeichnetes Datum,Antwort-ID,Externe Referenz,Wie zufrieden waren Sie?,Wie einfach war es?,Empfehlung";
    String ids = "\"{\"\"ImportId\"\":\"\"recordedDate\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\","
        + "\"{\"\"ImportId\"\":\"\"externalDataReference\"\"}\",\"{\"\"ImportId\"\":\"\"QID3\"\"}\","
        + "\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID9\"\"}\"";
    FormatOptions berlin = FormatOptions.of(Map.of(FormatOptions.QUALTRICS_TIME_ZONE, "Europe/Berlin"));
    Map<String, String> f = parse(lines(tags, questions, ids, "2026-11-02 10:00:00,R_3c,c-3,7,4,9"), berlin).get(0).fields();
    assertEquals("4", f.get(SurveysSchema.CSAT), "QID1 is csat although its tag says aufwand");
    assertEquals("7", f.get(SurveysSchema.CES), "QID3 is ces");
    assertFalse(f.containsKey(SurveysSchema.NPS), "the column tagged Q2 is QID9, not the nps question");
    assertEquals("2026-11-02T10:00:00+01:00", f.get(SurveysSchema.RESPONDED_AT), "configured zone without a header zone");
  }

  @Test
  void readsAnOlderTwoHeaderExportByColumnName() {
    String text = lines("ResponseID,ResponseSet,ExternalDataReference,Status,StartDate,EndDate,Finished,QID1,QID2,QID3",
        "ResponseID,ResponseSet,ExternalDataReference,Status,StartDate,EndDate,Finished,Satisfaction,Recommend,Effort",
        "R_old,Default Response Set,c-4,0,11/2/2026 9:55,11/2/2026 10:00,1,3,7,5");
    List<LandingRecord> records = parse(text, FormatOptions.DEFAULTS);
    assertEquals(1, records.size());
    Map<String, String> f = records.get(0).fields();
    assertEquals(List.of("R_old", "c-4", "2026-11-02T10:00:00Z", "3", "7", "5"),
        List.of(f.get("survey_id"), f.get("contact_id"), f.get("responded_at"), f.get("csat"), f.get("nps"), f.get("ces")),
        "legacy names, EndDate without RecordedDate, UTC by default");
    assertEquals(3L, records.get(0).recordNumber());
  }

  @Test
  void anNpsScoreThatContradictsItsGroupAndPreviewResponsesAreNotMapped() {
    List<LandingRecord> records = parse(lines(TAGS, QUESTIONS, IMPORT_IDS,
        // nps 4 is a detractor (1), the export says promoter (3)
        "2026-11-02 09:58:00,2026-11-02 10:00:00,0,1,2026-11-02 10:00:05,R_4,c-1,5,4,3,6,1,2,",
        // a preview response
        "2026-11-02 09:58:00,2026-11-02 10:00:00,1,1,2026-11-02 10:00:05,R_5,c-1,5,9,3,6,1,2,",
        // a row cut short
        "2026-11-02 09:58:00,2026-11-02 10:00:00,0,1"), FormatOptions.DEFAULTS);
    assertEquals(List.of("unmappable_record", "unmappable_record", "malformed_row"),
        records.stream().map(LandingRecord::errorCode).toList());
    assertTrue(records.get(0).errorDetail().contains("detractor"), records.get(0).errorDetail());
  }

  @Test
  void anExportWithoutTheMappedColumnsQuarantinesEveryResponseAsMissingColumn() {
    FormatOptions other = FormatOptions.of(Map.of(FormatOptions.QUALTRICS_CSAT, "QID77",
        FormatOptions.QUALTRICS_NPS, "QID78", FormatOptions.QUALTRICS_CES, "QID79"));
    List<LandingRecord> records = parse(lines(TAGS, QUESTIONS, IMPORT_IDS,
        "2026-11-02 09:58:00,2026-11-02 10:00:00,0,1,2026-11-02 10:00:05,R_1a,c-1,5,10,3,6,1,2,"), other);
    assertEquals("missing_column", records.get(0).errorCode());
    assertTrue(records.get(0).errorDetail().contains("QID77"), records.get(0).errorDetail());
  }
}
