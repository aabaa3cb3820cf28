package io.servicemetrics.ingest.formats;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.ingest.CsvFileParser;
import io.servicemetrics.ingest.JsonLinesFileParser;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.ingest.Source;
import io.servicemetrics.ingest.TextDecoding;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The input contract's own files (docs/INPUTS.md): CSV or JSON Lines per source, read as before. */
final class CanonicalFormat implements LandingFormat {
  private static final Logger LOG = LoggerFactory.getLogger(CanonicalFormat.class);

  private final Source source;

  CanonicalFormat(Source source) {
    this.source = source;
  }

  @Override
  public String name() {
    return SourceFormats.CANONICAL;
  }

  @Override
  public String pathGlobFilter() {
    return "*" + source.format().extension();
  }

  @Override
  public String filesDescription() {
    return pathGlobFilter();
  }

  @Override
  public List<LandingRecord> parse(RawLandingFile file, FormatOptions options) {
    String fileName = file.fileName();
    TextDecoding.Decoded decoded = TextDecoding.decode(file.content());
    if (decoded.latin1Fallback()) {
      LOG.warn("{}: not valid UTF-8; read as ISO-8859-1 (Latin-1)", fileName);
    }
    if (source.format() == Source.Format.CSV) {
      CsvFileParser.ParsedFile parsed = CsvFileParser.parse(decoded.text(), source.landingColumns(), source.requiredColumns());
      if (!parsed.unknownColumns().isEmpty()) {
        LOG.warn("{}: ignoring column(s) not in the input contract: {}", fileName, parsed.unknownColumns());
      }
      if (!parsed.missingColumns().isEmpty()) {
        LOG.warn("{}: lacks required column(s) {}: all {} records quarantined", fileName,
            parsed.missingColumns(), parsed.records().size());
      }
      if (parsed.header().isEmpty()) {
        LOG.warn("{}: empty file", fileName);
      }
      return parsed.records();
    }
    JsonLinesFileParser.ParsedFile parsed = JsonLinesFileParser.parse(decoded.text(), source.landingColumns());
    if (!parsed.unknownFields().isEmpty()) {
      LOG.warn("{}: ignoring field(s) not in the input contract: {}", fileName, parsed.unknownFields());
    }
    return parsed.records();
  }
}
