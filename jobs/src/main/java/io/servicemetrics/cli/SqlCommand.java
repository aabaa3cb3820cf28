package io.servicemetrics.cli;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.io.CsvCells;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.io.WarehouseViews;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Ad hoc Spark SQL over the warehouse; machine-readable formats write to stdout alone. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Runs a Spark SQL query over the warehouse. Every table is a view named <layer>_<table>,"
        + " e.g. silver_contacts, gold_daily_service_metrics, meta_run_log.")
final class SqlCommand extends SparkCommand {
  private static final Logger LOG = LoggerFactory.getLogger(SqlCommand.class);

  enum Format { table, csv, json }

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
  String warehouse;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). csv and json print rows only.")
  Format format;

  @Option(names = "--limit", defaultValue = "1000", description = "Rows shown by --format table (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  int run(SparkSession spark) {
    WarehouseArgument.requireExists(spark, warehouse);
    DeltaIo delta = new DeltaIo(spark, new Warehouse(warehouse));
    List<String> views = WarehouseViews.register(delta);
    if (views.isEmpty()) {
      throw Errors.warehouseMissing(warehouse);
    }
    LOG.info("Views: {}", String.join(", ", views));
    Dataset<Row> result = spark.sql(query);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    switch (format) {
      case table -> result.show(limit, false);
      case csv -> printCsv(result, out);
      case json -> {
        for (Iterator<String> it = result.toJSON().toLocalIterator(); it.hasNext(); ) {
          out.println(it.next());
        }
      }
    }
    out.flush();
    return 0;
  }

  /** The rows as RFC 4180 CSV with a header, every text cell neutralized for spreadsheets (CsvCells). */
  static void printCsv(Dataset<Row> result, PrintStream out) {
    out.println(CsvCells.line(Arrays.asList(result.columns())));
    for (Iterator<Row> it = result.toLocalIterator(); it.hasNext(); ) {
      Row row = it.next();
      Object[] values = new Object[row.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(i);
      }
      out.println(CsvCells.line(Arrays.asList(values)));
    }
  }
}
