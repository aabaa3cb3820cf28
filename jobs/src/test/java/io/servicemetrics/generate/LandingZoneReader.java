package io.servicemetrics.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test-side reading of a generated landing zone: a strict RFC 4180 parser and JSON Lines. */
final class LandingZoneReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LandingZoneReader() {}

  /** A parsed CSV file: its header and its records (each record as many cells as it had). */
  record Csv(List<String> header, List<List<String>> records) {
    List<Map<String, String>> rows() {
      List<Map<String, String>> rows = new ArrayList<>();
      for (List<String> r : records) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < r.size(); i++) {
          row.put(header.get(i), r.get(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  static Csv readCsv(Path file) {
    String text = read(file);
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        if (cell.length() > 0) {
          throw new IllegalStateException("Quote inside an unquoted cell in " + file + " at char " + i);
        }
        quoted = true;
      } else if (c == ',') {
        record.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        record.add(cell.toString());
        cell.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (quoted || cell.length() > 0 || !record.isEmpty()) {
      throw new IllegalStateException("File does not end with a complete record: " + file);
    }
    return new Csv(records.get(0), records.subList(1, records.size()));
  }

  /** Every line of a JSON Lines file, parsed; a line that is not JSON gives null. */
  static List<JsonNode> readJsonl(Path file) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : read(file).split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        out.add(JSON.readTree(line));
      } catch (IOException e) {
        out.add(null);
      }
    }
    return out;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under root (relative path with / separators) with its bytes, sorted by path. */
  static Map<String, byte[]> allFiles(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Files of one source, sorted by path. */
  static List<Path> filesOf(Path root, String source) {
    try (Stream<Path> all = Files.walk(root.resolve(source))) {
      return all.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All data rows of a CSV source, each tagged with the date= folder it came from under "_delivered". */
  static List<Map<String, String>> csvRows(Path root, String source) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path f : filesOf(root, source)) {
      String delivered = f.getParent().getFileName().toString().substring("date=".length());
      for (Map<String, String> row : readCsv(f).rows()) {
        row.put("_delivered", delivered);
        rows.add(row);
      }
    }
    return rows;
  }
}
