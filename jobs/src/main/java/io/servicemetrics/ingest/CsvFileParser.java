package io.servicemetrics.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits one landing CSV file (RFC 4180: header row, double-quoted fields that may hold commas,
 * quotes and line breaks; LF, CRLF or CR line ends) into {@link LandingRecord}s with their first
 * line number and exact raw text. Never throws on bad content: a bad record becomes an error
 * record, a file without a required column makes every record a {@code missing_column} error.
 */
public final class CsvFileParser {
  private CsvFileParser() {}

  /** The header's verdict and the records. */
  public record ParsedFile(List<String> header, List<String> unknownColumns, List<String> missingColumns, List<LandingRecord> records) {}

  public static ParsedFile parse(String text, List<String> knownColumns, List<String> requiredColumns) {
    List<RawCsvRecord> raw = split(text);
    if (raw.isEmpty()) {
      return new ParsedFile(List.of(), List.of(), List.of(), List.of());
    }
    RawCsvRecord headerRecord = raw.get(0);
    List<String> header = new ArrayList<>();
    for (String h : headerRecord.fields) {
      header.add(h.trim().toLowerCase(Locale.ROOT));
    }
    List<String> unknown = header.stream().filter(h -> !knownColumns.contains(h)).toList();
    List<String> missing = requiredColumns.stream().filter(c -> !header.contains(c)).toList();

    // Decided once per file, not once per field of every record.
    boolean[] known = new boolean[header.size()];
    for (int i = 0; i < known.length; i++) {
      known[i] = knownColumns.contains(header.get(i));
    }

    List<LandingRecord> records = new ArrayList<>(raw.size() - 1);
    for (RawCsvRecord r : raw.subList(1, raw.size())) {
      if (!missing.isEmpty()) {
        records.add(LandingRecord.error(r.line, r.text, ReasonCode.MISSING_COLUMN,
            "the file's header lacks required column(s) " + String.join(", ", missing)));
      } else if (r.unterminatedQuote) {
        records.add(LandingRecord.error(r.line, r.text, ReasonCode.MALFORMED_ROW,
            "unterminated quoted field (the file may be truncated)"));
      } else if (r.fields.size() != header.size()) {
        records.add(LandingRecord.error(r.line, r.text, ReasonCode.MALFORMED_ROW,
            "expected " + header.size() + " fields as in the header, found " + r.fields.size()));
      } else {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          if (known[i]) {
            fields.put(header.get(i), r.fields.get(i));
          }
        }
        records.add(LandingRecord.ok(r.line, r.text, fields));
      }
    }
    return new ParsedFile(header, unknown, missing, records);
  }

  /**
   * One physical CSV record before any header logic.
   *
   * @param line 1-based line on which the record starts
   * @param text the record's exact text without its line end
   * @param fields the unquoted field values
   * @param unterminatedQuote true when the text ended inside a quoted field
   */
  public record RawCsvRecord(long line, String text, List<String> fields, boolean unterminatedQuote) {}

  /** RFC 4180 state machine; lenient about stray quotes inside unquoted fields. Blank lines are skipped. */
  public static List<RawCsvRecord> split(String text) {
    List<RawCsvRecord> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    long line = 1;
    while (i < n) {
      int start = i;
      long startLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean inQuotes = false;
      boolean fieldWasQuoted = false;
      int end = n;
      boolean recordDone = false;
      while (i < n && !recordDone) {
        char c = text.charAt(i);
        if (inQuotes) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
            } else {
              inQuotes = false;
              i++;
            }
          } else {
            if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
              line++;
            }
            field.append(c);
            i++;
          }
        } else if (c == '"' && field.length() == 0 && !fieldWasQuoted) {
          inQuotes = true;
          fieldWasQuoted = true;
          i++;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          fieldWasQuoted = false;
          i++;
        } else if (c == '\r' || c == '\n') {
          end = i;
          i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
          line++;
          recordDone = true;
        } else {
          field.append(c);
          i++;
        }
      }
      if (!recordDone) {
        end = n;
      }
      fields.add(field.toString());
      String raw = text.substring(start, end);
      boolean blankLine = raw.isEmpty();
      if (!blankLine) {
        out.add(new RawCsvRecord(startLine, raw, fields, inQuotes));
      }
    }
    return out;
  }
}
