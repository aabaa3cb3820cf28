package io.servicemetrics.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.ingest.CsvFileParser;
import io.servicemetrics.ingest.CsvFileParser.RawCsvRecord;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.ingest.ReasonCode;
import io.servicemetrics.ingest.TextDecoding;
import io.servicemetrics.schema.SurveysSchema;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Qualtrics response exports (CSV): three header rows (export tags, question text, ImportId JSON)
 * or, in older exports, two (column names, question text). Questions are found by ImportId in a
 * three-header export and by column name in a two-header one, never by question text, which is
 * edited and localized. Record numbers are the line on which a response starts (answers may span
 * lines). The mapping is in docs/FORMATS.md.
 */
final class QualtricsFormat implements LandingFormat {
  private static final Logger LOG = LoggerFactory.getLogger(QualtricsFormat.class);

  static final String NPS_GROUP_SUFFIX = "_NPS_GROUP";
  static final String IMPORT_ID = "ImportId";
  static final List<String> RESPONSE_ID = List.of("ResponseId", "ResponseID", "_recordId");
  static final List<String> RECORDED_DATE = List.of("RecordedDate", "recordedDate");
  static final List<String> END_DATE = List.of("EndDate", "endDate");
  static final List<String> STATUS = List.of("Status", "status");
  /** Qualtrics renamed ExternalDataReference (legacy exports, and its ImportId) to ExternalReference. */
  static final List<String> EXTERNAL_REFERENCE_ALIASES = List.of("ExternalDataReference", "externalDataReference");
  /** Status values of responses that are not a customer's: preview, test, spam (numeric and text exports). */
  static final Set<String> NOT_A_RESPONSE = Set.of("1", "2", "8", "9", "12", "17", "survey preview", "survey test",
      "spam", "survey preview spam", "imported spam", "offline survey preview");

  private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT),
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT),
      DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]", Locale.ROOT));

  @Override
  public String name() {
    return SourceFormats.QUALTRICS;
  }

  @Override
  public String pathGlobFilter() {
    return "*.csv";
  }

  @Override
  public String filesDescription() {
    return "*.csv";
  }

  /** The export's header: column names, ImportIds (null in a two-header export) and time zones. */
  private record Header(List<String> names, List<String> importIds, List<String> zones, int rows) {
    boolean hasImportIds() {
      return importIds != null;
    }

    /** A metadata or embedded-data column: by column name or ImportId, case-insensitive. */
    int column(List<String> candidates) {
      for (String c : candidates) {
        for (int i = 0; i < names.size(); i++) {
          if (names.get(i).equalsIgnoreCase(c) || (importIds != null && c.equalsIgnoreCase(importIds.get(i)))) {
            return i;
          }
        }
      }
      return -1;
    }

    /** A question column: by ImportId in a three-header export, by column name in a two-header one. */
    int question(String importId) {
      List<String> keys = importIds != null ? importIds : names;
      for (int i = 0; i < keys.size(); i++) {
        if (importId.equalsIgnoreCase(keys.get(i))) {
          return i;
        }
      }
      return -1;
    }
  }

  @Override
  public List<LandingRecord> parse(RawLandingFile file, FormatOptions options) {
    TextDecoding.Decoded decoded = TextDecoding.decode(file.content());
    if (decoded.latin1Fallback()) {
      LOG.warn("{}: not valid UTF-8; read as ISO-8859-1 (Latin-1)", file.fileName());
    }
    List<RawCsvRecord> raw = CsvFileParser.split(decoded.text());
    if (raw.isEmpty()) {
      LOG.warn("{}: empty file", file.fileName());
      return List.of();
    }
    Header header = header(raw);
    List<RawCsvRecord> responses = raw.subList(Math.min(header.rows(), raw.size()), raw.size());

    int surveyId = header.column(RESPONSE_ID);
    int recorded = header.column(RECORDED_DATE);
    int responded = recorded >= 0 ? recorded : header.column(END_DATE);
    List<String> contactNames = new ArrayList<>(List.of(options.qualtricsContactIdField()));
    if (options.qualtricsContactIdField().equalsIgnoreCase(FormatOptions.DEFAULT_QUALTRICS_CONTACT_ID_FIELD)) {
      contactNames.addAll(EXTERNAL_REFERENCE_ALIASES);
    }
    int contactId = header.column(contactNames);
    int status = header.column(STATUS);
    Map<String, Integer> questions = new LinkedHashMap<>();
    questions.put(SurveysSchema.CSAT, header.question(options.qualtricsCsat()));
    questions.put(SurveysSchema.NPS, header.question(options.qualtricsNps()));
    questions.put(SurveysSchema.CES, header.question(options.qualtricsCes()));
    questions.put(SurveysSchema.RESOLVED_REPORTED, header.question(options.qualtricsResolved()));
    questions.put(SurveysSchema.PEOPLE_TOLD, header.question(options.qualtricsPeopleTold()));
    questions.put(SurveysSchema.COMMENT, header.question(options.qualtricsComment()));
    int npsGroup = header.question(options.qualtricsNps() + NPS_GROUP_SUFFIX);

    List<String> missing = new ArrayList<>();
    if (surveyId < 0) {
      missing.add("ResponseId (survey_id)");
    }
    if (responded < 0) {
      missing.add("RecordedDate or EndDate (responded_at)");
    }
    if (contactId < 0) {
      missing.add(options.qualtricsContactIdField() + " (contact_id)");
    }
    if (questions.get(SurveysSchema.CSAT) < 0 && questions.get(SurveysSchema.NPS) < 0 && questions.get(SurveysSchema.CES) < 0) {
      missing.add("any of " + options.qualtricsCsat() + " (csat), " + options.qualtricsNps() + " (nps), "
          + options.qualtricsCes() + " (ces)");
    }
    questions.forEach((column, index) -> {
      if (index < 0) {
        LOG.warn("{}: no column for {} ({} {}): left blank", file.fileName(), column,
            header.hasImportIds() ? "ImportId" : "column", importIdOf(column, options));
      }
    });
    ZoneId zone = options.qualtricsZone();
    if (responded >= 0 && header.zones() != null && header.zones().get(responded) != null) {
      try {
        zone = ZoneId.of(header.zones().get(responded));
      } catch (DateTimeException e) {
        LOG.warn("{}: header time zone '{}' unknown; using {}", file.fileName(), header.zones().get(responded), zone);
      }
    }

    List<LandingRecord> out = new ArrayList<>(responses.size());
    for (RawCsvRecord r : responses) {
      if (!missing.isEmpty()) {
        out.add(LandingRecord.error(r.line(), r.text(), ReasonCode.MISSING_COLUMN,
            "the export has no column for " + String.join(", ", missing)));
      } else if (r.unterminatedQuote()) {
        out.add(LandingRecord.error(r.line(), r.text(), ReasonCode.MALFORMED_ROW,
            "unterminated quoted field (the file may be truncated)"));
      } else if (r.fields().size() != header.names().size()) {
        out.add(LandingRecord.error(r.line(), r.text(), ReasonCode.MALFORMED_ROW,
            "expected " + header.names().size() + " fields as in the header, found " + r.fields().size()));
      } else {
        out.add(map(r, surveyId, responded, contactId, status, questions, npsGroup, zone, options));
      }
    }
    return out;
  }

  private static LandingRecord map(RawCsvRecord r, int surveyId, int responded, int contactId, int status,
      Map<String, Integer> questions, int npsGroup, ZoneId zone, FormatOptions options) {
    List<String> v = r.fields();
    String statusValue = status >= 0 ? v.get(status).strip() : "";
    if (NOT_A_RESPONSE.contains(statusValue.toLowerCase(Locale.ROOT))) {
      return LandingRecord.error(r.line(), r.text(), ReasonCode.UNMAPPABLE_RECORD,
          "Status " + statusValue + " marks a survey preview, test or spam response, not a customer's");
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put(SurveysSchema.SURVEY_ID, v.get(surveyId));
    f.put(SurveysSchema.CONTACT_ID, v.get(contactId));
    f.put(SurveysSchema.RESPONDED_AT, withZone(v.get(responded), zone));
    questions.forEach((column, index) -> {
      if (index >= 0) {
        f.put(column, v.get(index));
      }
    });
    String resolved = f.get(SurveysSchema.RESOLVED_REPORTED);
    if (resolved != null) {
      String s = resolved.strip();
      if (s.equalsIgnoreCase(options.qualtricsResolvedYes())) {
        f.put(SurveysSchema.RESOLVED_REPORTED, "yes");
      } else if (s.equalsIgnoreCase(options.qualtricsResolvedNo())) {
        f.put(SurveysSchema.RESOLVED_REPORTED, "no");
      }
    }
    if (npsGroup >= 0) {
      String contradiction = npsGroupContradiction(f.get(SurveysSchema.NPS), v.get(npsGroup));
      if (contradiction != null) {
        return LandingRecord.error(r.line(), r.text(), ReasonCode.UNMAPPABLE_RECORD, contradiction);
      }
    }
    return LandingRecord.ok(r.line(), r.text(), f);
  }

  /**
   * Qualtrics derives the NPS group from the score (0-6 detractor = 1, 7-8 passive = 2, 9-10
   * promoter = 3). When both are present and disagree, the nps ImportId points at the wrong
   * question or the export was edited: the response is not mapped.
   */
  static String npsGroupContradiction(String score, String group) {
    if (score == null || group == null || score.isBlank() || group.isBlank() || !score.strip().matches("\\d{1,2}")) {
      return null;
    }
    int nps = Integer.parseInt(score.strip());
    if (nps > 10) {
      return null;
    }
    int expected = nps <= 6 ? 1 : nps <= 8 ? 2 : 3;
    String g = group.strip().toLowerCase(Locale.ROOT);
    int actual = switch (g) {
      case "1", "detractor" -> 1;
      case "2", "passive" -> 2;
      case "3", "promoter" -> 3;
      default -> 0;
    };
    if (actual == expected) {
      return null;
    }
    return "nps " + nps + " contradicts its NPS group '" + group.strip() + "' (expected "
        + List.of("detractor", "passive", "promoter").get(expected - 1) + "): check " + FormatOptions.QUALTRICS_NPS;
  }

  /** A Qualtrics wall time in the survey's zone as ISO-8601 with offset; other text passes unchanged. */
  static String withZone(String value, ZoneId zone) {
    String s = value == null ? "" : value.strip();
    for (DateTimeFormatter f : LOCAL_TIMES) {
      try {
        return LocalDateTime.parse(s, f).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return value;
  }

  private static Header header(List<RawCsvRecord> raw) {
    List<String> names = raw.get(0).fields().stream().map(String::strip).toList();
    if (raw.size() >= 3 && isImportIdRow(raw.get(2))) {
      List<String> ids = new ArrayList<>();
      List<String> zones = new ArrayList<>();
      for (String cell : raw.get(2).fields()) {
        JsonNode node = importIdJson(cell);
        ids.add(node == null ? cell.strip() : Json.text(node, IMPORT_ID));
        zones.add(node == null ? null : Json.text(node, "timeZone"));
      }
      while (ids.size() < names.size()) {
        ids.add("");
        zones.add(null);
      }
      return new Header(names, ids, zones, 3);
    }
    return new Header(names, null, null, 2);
  }

  static boolean isImportIdRow(RawCsvRecord record) {
    return !record.fields().isEmpty() && importIdJson(record.fields().get(0)) != null;
  }

  private static JsonNode importIdJson(String cell) {
    String s = cell.strip();
    if (!s.startsWith("{") || !s.contains(IMPORT_ID)) {
      return null;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(s);
      return node != null && node.isObject() && node.has(IMPORT_ID) ? node : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String importIdOf(String column, FormatOptions o) {
    return switch (column) {
      case SurveysSchema.CSAT -> o.qualtricsCsat();
      case SurveysSchema.NPS -> o.qualtricsNps();
      case SurveysSchema.CES -> o.qualtricsCes();
      case SurveysSchema.RESOLVED_REPORTED -> o.qualtricsResolved();
      case SurveysSchema.PEOPLE_TOLD -> o.qualtricsPeopleTold();
      default -> o.qualtricsComment();
    };
  }
}
