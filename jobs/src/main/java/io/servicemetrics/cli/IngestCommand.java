package io.servicemetrics.cli;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.ingest.IngestJob;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One delivery day of every source into bronze, quarantine and silver. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Ingests one delivery day (<landing>/<source>/date=D/) of contacts, surveys, mentions and"
        + " customer_handles into bronze, quarantine and silver, and logs read = accepted + quarantined +"
        + " superseded per source in meta_run_log.")
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

  @Override
  int run(SparkSession spark) {
    IngestConfig config = IngestConfig.forDay(date, landing, new Warehouse(warehouse), timezone,
        PiiKey.resolve(piiKeyFile, System.getenv()));
    DeltaIo delta = new DeltaIo(spark, config.warehouse());
    new IngestJob(delta, config, new RunLog(delta, "ingest", Clock.systemUTC())).run();
    return 0;
  }
}
