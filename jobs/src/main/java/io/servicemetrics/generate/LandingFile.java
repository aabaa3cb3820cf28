package io.servicemetrics.generate;

import io.servicemetrics.errors.Errors;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One landing file, written as a stream of rendered records (a CSV row or a JSON line, without
 * the line terminator). Counts data records and physical lines, so defects can be reported by
 * both. Lines end in LF; text is UTF-8.
 */
final class LandingFile implements Closeable {
  private final String relativePath;
  private final BufferedWriter out;
  private long records;
  /** Physical lines written so far (a quoted CSV field may span lines). */
  private long lines;

  private LandingFile(Path root, String relativePath) {
    this.relativePath = relativePath;
    Path file = root.resolve(relativePath);
    try {
      Files.createDirectories(file.getParent());
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.io("Cannot create the landing file " + file, e);
    }
  }

  static LandingFile csv(Path root, String relativePath, List<String> header) {
    LandingFile file = new LandingFile(root, relativePath);
    file.writeLine(csvLine(header.toArray(String[]::new)));
    return file;
  }

  static LandingFile jsonl(Path root, String relativePath) {
    return new LandingFile(root, relativePath);
  }

  /** Writes one record; returns where it starts (1-based physical line, 1-based record number). */
  Position record(String rendered) {
    records++;
    Position at = new Position(lines + 1, records);
    writeLine(rendered);
    return at;
  }

  private void writeLine(String rendered) {
    try {
      out.write(rendered);
      out.write('\n');
    } catch (IOException e) {
      throw Errors.io("Cannot write the landing file " + relativePath, e);
    }
    lines += 1 + rendered.chars().filter(c -> c == '\n').count();
  }

  String relativePath() {
    return relativePath;
  }

  long records() {
    return records;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw Errors.io("Cannot close the landing file " + relativePath, e);
    }
  }

  /** Where a record starts in its file: physical line (the header is line 1 in CSV) and record number. */
  record Position(long line, long record) {}

  /** One RFC 4180 row: a cell is quoted when it holds a comma, a quote or a line break; null is empty. */
  static String csvLine(String... cells) {
    StringBuilder row = new StringBuilder(160);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        row.append(',');
      }
      String cell = cells[i];
      if (cell == null) {
        continue;
      }
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
        row.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        row.append(cell);
      }
    }
    return row.toString();
  }

  /** A JSON string literal (RFC 8259 escaping; non-ASCII stays as UTF-8). */
  static String jsonString(String text) {
    StringBuilder s = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
