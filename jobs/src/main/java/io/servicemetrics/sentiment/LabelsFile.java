package io.servicemetrics.sentiment;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.ingest.CsvFileParser;
import io.servicemetrics.ingest.LandingRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A labels CSV for {@code sentiment train}: a header holding {@code mention_id} and {@code label}
 * (other columns, such as a {@code sentiment sample} file's text, are ignored), one labelled
 * mention a line. Labels are negative, neutral or positive, case and surrounding blanks aside; an
 * empty label leaves the mention out (a sample not labelled to the end); anything else is an error
 * naming its line, as is a mention labelled twice with different labels (the same label twice
 * counts once).
 *
 * @param labels the labelled mentions, in file order, one per mention id
 * @param unlabelled lines whose label is empty
 */
public record LabelsFile(List<Label> labels, long unlabelled) {
  public static final String MENTION_ID = "mention_id";
  public static final String LABEL = "label";
  private static final Set<String> VALUES = Set.of(
      SentimentLabel.NEGATIVE.value(), SentimentLabel.NEUTRAL.value(), SentimentLabel.POSITIVE.value());

  /** One labelled mention and the line it was read from (1-based; the header is line 1). */
  public record Label(String mentionId, String label, long line) {}

  /**
   * Parses the file's text.
   *
   * @param path the file as the user named it, for messages
   * @throws io.servicemetrics.errors.ServiceMetricsException (exit 2) naming every bad line
   */
  public static LabelsFile parse(String text, String path) {
    CsvFileParser.ParsedFile parsed = CsvFileParser.parse(text, List.of(MENTION_ID, LABEL), List.of(MENTION_ID, LABEL));
    if (!parsed.missingColumns().isEmpty()) {
      throw Errors.badLabels(path, List.of("line 1: the header lacks " + String.join(" and ", parsed.missingColumns())
          + " (found " + String.join(", ", parsed.header()) + ")"));
    }
    List<String> problems = new ArrayList<>();
    Map<String, Label> byId = new LinkedHashMap<>();
    long unlabelled = 0;
    for (LandingRecord r : parsed.records()) {
      if (r.errorCode() != null) {
        problems.add("line " + r.recordNumber() + ": " + r.errorDetail());
        continue;
      }
      String id = r.fields().get(MENTION_ID).trim();
      String label = r.fields().get(LABEL).trim().toLowerCase(Locale.ROOT);
      if (id.isEmpty() && label.isEmpty()) {
        continue;
      }
      if (label.isEmpty()) {
        unlabelled++;
        continue;
      }
      if (!VALUES.contains(label)) {
        problems.add("line " + r.recordNumber() + ": label '" + r.fields().get(LABEL).trim()
            + "' is not negative, neutral or positive");
        continue;
      }
      if (id.isEmpty()) {
        problems.add("line " + r.recordNumber() + ": mention_id is empty");
        continue;
      }
      Label earlier = byId.get(id);
      if (earlier == null) {
        byId.put(id, new Label(id, label, r.recordNumber()));
      } else if (!earlier.label().equals(label)) {
        problems.add("line " + r.recordNumber() + ": mention " + id + " is labelled " + label + " but "
            + earlier.label() + " on line " + earlier.line());
      }
    }
    if (!problems.isEmpty()) {
      throw Errors.badLabels(path, problems);
    }
    return new LabelsFile(List.copyOf(byId.values()), unlabelled);
  }
}
