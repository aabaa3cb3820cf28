package io.servicemetrics.cli;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.ingest.IngestJob;
import io.servicemetrics.ingest.QuarantineBreaches;
import io.servicemetrics.ingest.Source;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One delivery day of every source into bronze, quarantine and silver. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Ingests one delivery day (<landing>/<source>/date=D/) of contacts, surveys, mentions and"
        + " customer_handles into bronze, quarantine and silver, and logs read = accepted + quarantined +"
        + " superseded per source in meta_run_log. Each source is read in the canonical format of docs/INPUTS.md"
        + " unless --contacts-format, --surveys-format, --mentions-format or --formats-config choose a real"
        + " export format (docs/FORMATS.md); a file obviously in another format fails the run with exit code 2."
        + " Exit codes: 0 success, 2 bad arguments or inputs, 3 a source's quarantined share above"
        + " --max-quarantine-share (everything written), 1 any other failure.")
final class IngestCommand extends SparkCommand {
  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Delivery date to ingest.")
  LocalDate date;

  @Option(names = "--landing", required = true, paramLabel = "DIR", description = "Landing zone root (path or URI).")
  String landing;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
  String warehouse;

  @Option(names = "--timezone", defaultValue = "UTC", paramLabel = "ZONE",
      description = "Business time zone for timestamps without an offset (default: ${DEFAULT-VALUE}).")
  ZoneId timezone;

  @Option(names = "--pii-key-file", paramLabel = "FILE",
      description = "File holding the pseudonymization key (default: the SERVICE_METRICS_PII_KEY environment variable).")
  Path piiKeyFile;

  @Option(names = "--contacts-format", paramLabel = "FORMAT",
      description = "Format of contacts/ files: canonical (*.csv), amazon-connect (contact records as Kinesis"
          + " Data Firehose writes them), genesys-cloud (analytics conversation details) or nice-cxone (completed"
          + " contacts). Default: canonical, or contacts.format in --formats-config.")
  String contactsFormat;

  @Option(names = "--surveys-format", paramLabel = "FORMAT",
      description = "Format of surveys/ files: canonical (*.csv) or qualtrics (response export CSV)."
          + " Default: canonical, or surveys.format in --formats-config.")
  String surveysFormat;

  @Option(names = "--mentions-format", paramLabel = "FORMAT",
      description = "Format of mentions/ files: canonical (*.jsonl) or x-api-v2 (saved X API v2 responses)."
          + " Default: canonical, or mentions.format in --formats-config.")
  String mentionsFormat;

  @Option(names = "--formats-config", paramLabel = "FILE",
      description = "Properties file with <source>.format=NAME and adapter options (Amazon Connect attribute keys"
          + " and team level, Genesys wrap-up and CXone disposition outcome tables, Qualtrics ImportIds and time zone,"
          + " X fetched_at fallback); flags win over it."
          + " Keys and defaults: docs/FORMATS.md.")
  Path formatsConfig;

  @Option(names = "--valid-from", defaultValue = IngestConfig.DEFAULT_VALID_FROM_TEXT, paramLabel = "YYYY-MM-DD",
      description = "Events before this day (UTC) are quarantined out_of_range; pass an earlier day for older"
          + " history (default: ${DEFAULT-VALUE}).")
  LocalDate validFrom;

  @Option(names = "--max-quarantine-share", defaultValue = "" + PipelineConfig.DEFAULT_MAX_QUARANTINE_SHARE,
      paramLabel = "SHARE", description = "Exit 3, after writing everything, when a source's quarantined share of"
          + " records read exceeds this, as nightly and backfill do (default: ${DEFAULT-VALUE}).")
  double maxQuarantineShare;

  @Override
  int run(SparkSession spark) {
    PipelineConfig.requireQuarantineShare(maxQuarantineShare);
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put(SourceFormats.CONTACTS, contactsFormat);
    flags.put(SourceFormats.SURVEYS, surveysFormat);
    flags.put(SourceFormats.MENTIONS, mentionsFormat);
    SourceFormats formats = SourceFormats.resolve(formatsConfig, flags);
    IngestConfig config = IngestConfig.forDay(date, landing, new Warehouse(warehouse), timezone,
        PiiKey.resolve(piiKeyFile, System.getenv()), formats).withValidFrom(validFrom);
    DeltaIo delta = new DeltaIo(spark, config.warehouse());
    Map<Source, RunLog.IngestCounts> counts = new IngestJob(delta, config, new RunLog(delta, "ingest", Clock.systemUTC())).run();
    // A scheduler running ingest alone hears of a bad day as nightly's would: exit 3.
    QuarantineBreaches.failOnAny(QuarantineBreaches.of(counts, maxQuarantineShare));
    return 0;
  }
}
