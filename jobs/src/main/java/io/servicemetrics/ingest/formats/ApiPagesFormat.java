package io.servicemetrics.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.ingest.ReasonCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A contact-center reporting API's export as it lands: JSON files (one value per line, several per
 * line, or pretty-printed), optionally gzip-compressed, each value either one record or a response
 * page holding an array of them. Genesys Cloud and NICE CXone export alike and differ only in the
 * field names below and in how a record becomes landing records.
 */
abstract class ApiPagesFormat implements LandingFormat {
  private final String recordIdField;
  private final String pageArrayField;
  private final String emptyPageField;
  private final String what;

  /**
   * @param recordIdField a value with this field is one record ({@code conversationId})
   * @param pageArrayField a value with this array is a response page ({@code conversations})
   * @param emptyPageField a page with this field and no records is an empty result, not an error
   * @param what how a mismatch names a record and a page, e.g. "a conversation (conversationId) nor a
   *     response page (conversations[])"
   */
  ApiPagesFormat(String recordIdField, String pageArrayField, String emptyPageField, String what) {
    this.recordIdField = recordIdField;
    this.pageArrayField = pageArrayField;
    this.emptyPageField = emptyPageField;
    this.what = what;
  }

  /** The landing records of one API record; {@code number} is its 1-based position in the file. */
  abstract List<LandingRecord> records(long number, JsonNode record, FormatOptions options);

  @Override
  public String pathGlobFilter() {
    return "*";
  }

  @Override
  public String filesDescription() {
    return "*.json and *.jsonl, optionally gzip-compressed (.gz)";
  }

  @Override
  public boolean reads(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".json.gz")
        || lower.endsWith(".jsonl.gz");
  }

  @Override
  public List<LandingRecord> parse(RawLandingFile file, FormatOptions options) {
    String text;
    try {
      text = Content.text(Content.decompressed(file.content()));
    } catch (IOException e) {
      return Content.undecompressable(file, e);
    }
    List<LandingRecord> out = new ArrayList<>();
    long number = 0;
    for (Json.Value v : Json.values(text)) {
      if (v.error() != null) {
        out.add(LandingRecord.error(++number, v.raw(), ReasonCode.MALFORMED_JSON, "not valid JSON: " + v.error()));
      } else if (v.node().isObject() && v.node().has(recordIdField)) {
        out.addAll(records(++number, v.node(), options));
      } else if (v.node().isObject() && v.node().path(pageArrayField).isArray()) {
        for (JsonNode record : v.node().get(pageArrayField)) {
          out.addAll(records(++number, record, options));
        }
      } else if (!(v.node().isObject() && v.node().has(emptyPageField))) {
        out.add(LandingRecord.error(++number, v.raw(), ReasonCode.FORMAT_MISMATCH, "neither " + what));
      }
    }
    return out;
  }
}
