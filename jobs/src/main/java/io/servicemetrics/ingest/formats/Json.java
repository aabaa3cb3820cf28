package io.servicemetrics.ingest.formats;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** JSON helpers shared by the JSON adapters. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * One top-level JSON value of a stream, or the text that could not be parsed.
   *
   * @param ordinal 1-based position of the value in the file
   * @param raw the value's exact text (or the unparseable text up to the next line starting with '{')
   * @param node the parsed value, null when {@code error} is set
   * @param error what the parser said, null when parsed
   */
  record Value(long ordinal, String raw, JsonNode node, String error) {}

  /**
   * Splits a stream of JSON values: one per line, several per line, or concatenated without any
   * separator (as Kinesis Data Firehose writes them), like Jackson's MappingIterator over the whole
   * content. A syntax error ends the current value; parsing resumes at the next line that starts
   * with '{' (so a pretty-printed object costs one error, not one per line), and
   * the skipped text becomes the error value's raw text.
   */
  static List<Value> values(String text) {
    List<Value> out = new ArrayList<>();
    int base = 0;
    int n = text.length();
    while (base < n) {
      int resumeAt = -1;
      try (JsonParser p = MAPPER.getFactory().createParser(text.substring(base))) {
        while (true) {
          int start = -1;
          try {
            if (p.nextToken() == null) {
              break;
            }
            start = base + (int) p.currentTokenLocation().getCharOffset();
            JsonNode node = MAPPER.readTree(p);
            int end = base + (int) p.currentLocation().getCharOffset();
            out.add(new Value(out.size() + 1, text.substring(start, Math.min(end, n)), node, null));
          } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int errorAt = base + (at == null ? 0 : (int) Math.max(0, at.getCharOffset()));
            int from = start >= 0 ? start : errorAt;
            resumeAt = nextObjectLine(text, from + 1);
            out.add(new Value(out.size() + 1, text.substring(from, resumeAt).strip(), null, e.getOriginalMessage()));
            break;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (resumeAt < 0) {
        break;
      }
      base = resumeAt;
    }
    return out;
  }

  /**
   * Start of the first line after {@code from} that begins with '{' in its first column (a top-level
   * object; nested ones are indented when pretty-printed), or the text's end.
   */
  private static int nextObjectLine(String text, int from) {
    int i = text.indexOf('\n', Math.min(from, text.length()));
    while (i >= 0) {
      int j = i + 1;
      if (j < text.length() && text.charAt(j) == '{') {
        return j;
      }
      i = text.indexOf('\n', j);
    }
    return text.length();
  }

  /** A field's value as text: scalars as written, JSON null or absence as null, containers as JSON. */
  static String text(JsonNode parent, String field) {
    JsonNode v = parent == null ? null : parent.get(field);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** A whole-number field, or null when absent or not a whole number. */
  static Long wholeNumber(JsonNode parent, String field) {
    JsonNode v = parent == null ? null : parent.get(field);
    if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v != null && v.isTextual() && v.asText().strip().matches("[+-]?\\d{1,18}")) {
      return Long.parseLong(v.asText().strip());
    }
    return null;
  }
}
