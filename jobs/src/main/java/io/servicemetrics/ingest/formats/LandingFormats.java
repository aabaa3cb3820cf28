package io.servicemetrics.ingest.formats;

import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.ingest.Source;
import java.util.List;
import java.util.Locale;

/** The formats by name, and the check that a landing file is in the format it is read as. */
public final class LandingFormats {
  /** Bytes of (decompressed) content inspected to recognize a format. */
  static final int SNIFF_BYTES = 8192;

  private LandingFormats() {}

  /** The format a source's files are read in under this configuration. */
  public static LandingFormat forSource(Source source, SourceFormats formats) {
    String name = formats.formatOf(source.sourceName());
    return switch (name) {
      case SourceFormats.CANONICAL -> new CanonicalFormat(source);
      case SourceFormats.AMAZON_CONNECT -> new AmazonConnectFormat();
      case SourceFormats.QUALTRICS -> new QualtricsFormat();
      case SourceFormats.X_API_V2 -> new XApiV2Format();
      case SourceFormats.GENESYS_CLOUD -> new GenesysCloudFormat();
      case SourceFormats.NICE_CXONE -> new NiceCxoneFormat();
      default -> throw new IllegalArgumentException("No format " + name);
    };
  }

  /**
   * Fails when a file's first bytes show that it is obviously in another known format than the one
   * it is read as (a CTR file given as canonical CSV, a Qualtrics export given as canonical, a
   * canonical CSV given as amazon-connect): reading it would quarantine every record. Content that
   * looks like no known format is left to the parser, which quarantines what it cannot read.
   *
   * @param where the file as the user knows it (e.g. {@code contacts/date=2026-11-02/ctr.json})
   */
  public static void requireFormat(Source source, LandingFormat format, String where, byte[] content) {
    Sniffed seen = sniff(content);
    if (seen == null || seen.format().equals(format.name())) {
      return;
    }
    throw mismatch(source, format, where, seen);
  }

  static ServiceMetricsException mismatch(Source source, LandingFormat format, String where, Sniffed seen) {
    List<String> allowed = SourceFormats.FORMATS_BY_SOURCE.get(source.sourceName());
    String fix;
    if (!allowed.contains(seen.format())) {
      fix = "Move it to the folder of the source it belongs to (" + seen.format() + " is not a format of "
          + source.sourceName() + ", which can be " + String.join(" or ", allowed) + ")";
    } else if (source == Source.CUSTOMER_HANDLES) {
      fix = "customer_handles is always canonical";
    } else {
      fix = "Pass --" + source.sourceName() + "-format " + seen.format() + " (or set " + source.sourceName()
          + SourceFormats.FORMAT_KEY_SUFFIX + "=" + seen.format() + " in --formats-config); see docs/FORMATS.md";
    }
    return Errors.badArgument(
        "The landing file " + where + " looks like " + seen.description() + ", but " + source.sourceName()
            + " is read as " + format.name() + " (" + format.filesDescription() + ")",
        "Reading a file in the wrong format would quarantine every record in it",
        fix);
  }

  /** What a file looks like. */
  record Sniffed(String format, String description) {}

  /** The known format the content obviously is, or null when it is none of them or unsure. */
  static Sniffed sniff(byte[] content) {
    String head = Content.text(Content.head(content, SNIFF_BYTES)).stripLeading();
    if (head.isEmpty()) {
      return null;
    }
    if (head.charAt(0) == '{' || head.charAt(0) == '[') {
      if (head.contains("\"mention_id\"")) {
        return new Sniffed(SourceFormats.CANONICAL, "canonical mentions JSON Lines (mention_id, ...)");
      }
      if (head.contains("\"ContactId\"") || head.contains("\"AWSContactTraceRecordFormatVersion\"")) {
        return new Sniffed(SourceFormats.AMAZON_CONNECT, "Amazon Connect contact records (JSON with ContactId)");
      }
      if (head.contains("\"conversationId\"") && (head.contains("\"participants\"") || head.contains("\"conversations\""))) {
        return new Sniffed(SourceFormats.GENESYS_CLOUD, "Genesys Cloud conversation details (JSON with conversationId and participants)");
      }
      if (head.contains("\"masterContactId\"") || head.contains("\"completedContacts\"")) {
        return new Sniffed(SourceFormats.NICE_CXONE, "NICE CXone completed contacts (JSON with contactId and masterContactId)");
      }
      if (head.contains("\"data\"") && (head.contains("\"author_id\"") || head.contains("\"includes\""))) {
        return new Sniffed(SourceFormats.X_API_V2, "X API v2 responses (JSON with data and includes)");
      }
      return null;
    }
    int eol = head.indexOf('\n');
    String firstLine = (eol < 0 ? head : head.substring(0, eol)).strip();
    List<String> cells = java.util.Arrays.stream(firstLine.split(","))
        .map(c -> c.strip().replace("\"", "").toLowerCase(Locale.ROOT)).toList();
    // The header decides first: a canonical comment may mention anything.
    for (Source s : Source.values()) {
      if (s.format() == Source.Format.CSV && cells.containsAll(s.requiredColumns())) {
        return new Sniffed(SourceFormats.CANONICAL, "a canonical " + s.sourceName() + " CSV (header "
            + abbreviate(firstLine) + ")");
      }
    }
    if (head.contains("ImportId") || cells.contains("responseid")
        || (cells.contains("startdate") && cells.contains("enddate"))) {
      return new Sniffed(SourceFormats.QUALTRICS, "a Qualtrics response export (ResponseId, ImportId header rows)");
    }
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
