package io.servicemetrics.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits one JSON Lines landing file into {@link LandingRecord}s: one JSON object per line, blank
 * lines skipped. Scalars become their text (numbers as written), JSON null a missing value, and
 * an object or array where a scalar belongs is passed on as its JSON text so that validation
 * rejects it with the field's reason.
 */
public final class JsonLinesFileParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesFileParser() {}

  public record ParsedFile(Set<String> unknownFields, List<LandingRecord> records) {}

  public static ParsedFile parse(String text, List<String> knownColumns) {
    List<LandingRecord> records = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    long lineNumber = 0;
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      lineNumber++;
      String line = text.substring(start, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (!line.isBlank()) {
        records.add(parseLine(lineNumber, line, knownColumns, unknown));
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return new ParsedFile(unknown, records);
  }

  private static LandingRecord parseLine(long lineNumber, String line, List<String> known, Set<String> unknown) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return LandingRecord.error(lineNumber, line, ReasonCode.MALFORMED_JSON,
          "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return LandingRecord.error(lineNumber, line, ReasonCode.MALFORMED_JSON, "not a JSON object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!known.contains(e.getKey())) {
        unknown.add(e.getKey());
        continue;
      }
      JsonNode v = e.getValue();
      if (v == null || v.isNull() || v.isMissingNode()) {
        continue;
      }
      fields.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
    }
    return LandingRecord.ok(lineNumber, line, fields);
  }
}
