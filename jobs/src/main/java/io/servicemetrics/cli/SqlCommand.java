package io.servicemetrics.cli;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.io.CsvCells;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.io.WarehouseViews;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
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
  /** SQLSTATE class of errors in the data a query computes (ISO/IEC 9075). */
  static final String SQLSTATE_DATA_EXCEPTION = "22";

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
  int run(SparkSession spark) throws Exception {
    WarehouseArgument.requireExists(spark, warehouse);
    DeltaIo delta = new DeltaIo(spark, new Warehouse(warehouse));
    List<String> views = WarehouseViews.register(delta);
    if (views.isEmpty()) {
      throw Errors.warehouseMissing(warehouse);
    }
    LOG.info("Views: {}", String.join(", ", views));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      Dataset<Row> result = spark.sql(query);
      switch (format) {
        case table -> result.show(limit, false);
        case csv -> printCsv(result, out);
        case json -> {
          for (Iterator<String> it = result.toJSON().toLocalIterator(); it.hasNext(); ) {
            out.println(it.next());
          }
        }
      }
    } catch (Exception e) {
      // Exception, not RuntimeException: Spark's AnalysisException is a checked one, thrown from Scala.
      throw queryFault(e).orElseThrow(() -> e);
    } finally {
      out.flush();
    }
    return 0;
  }

  /**
   * The user's own mistake inside a failure, as a bad-input error (exit 2, no retry): a query Spark
   * cannot parse or resolve (an AnalysisException, parse errors included), or one whose values
   * break a rule while it runs (SQLSTATE class 22, data exception: overflow, division by zero, a
   * bad cast). Empty for anything else (storage, memory, a lost executor), which stays a failure.
   * The message is the first non-blank line of Spark's, without the plan it appends.
   */
  static Optional<ServiceMetricsException> queryFault(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      boolean analysis = t instanceof AnalysisException;
      boolean dataException = t instanceof SparkThrowable st && st.getSqlState() != null
          && st.getSqlState().startsWith(SQLSTATE_DATA_EXCEPTION);
      if (analysis || dataException) {
        String message = String.valueOf(t.getMessage()).lines().map(String::strip).filter(line -> !line.isEmpty())
            .findFirst().orElse(t.getClass().getSimpleName());
        return Optional.of(Errors.badQuery(message, failure));
      }
    }
    return Optional.empty();
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
