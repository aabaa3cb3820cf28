package io.servicemetrics.ingest.formats;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.ingest.LandingRecord;
import java.io.Serializable;
import java.util.List;

/**
 * How one export format's landing files become canonical {@link LandingRecord}s: fields named by
 * the schema classes' landing columns, values as canonical strings (ISO-8601 timestamps with an
 * offset, whole numbers), so that the input contract's validation applies unchanged. Problems
 * that only the format can see become error records with a reason code; parsing never throws for
 * bad content. Implementations are stateless and run on the executors.
 */
public interface LandingFormat extends Serializable {
  /** The format's name, as given to --&lt;source&gt;-format and stored as source_system. */
  String name();

  /** Hadoop glob given to the binaryFile source's pathGlobFilter. */
  String pathGlobFilter();

  /** The files this format reads, for messages (e.g. "*.csv"). */
  String filesDescription();

  /** Whether a file that matched {@link #pathGlobFilter()} is one of this format's files. */
  default boolean reads(String fileName) {
    return true;
  }

  /** The file's records in order. */
  List<LandingRecord> parse(RawLandingFile file, FormatOptions options);
}
