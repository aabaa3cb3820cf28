package io.servicemetrics.cli;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.hours.BusinessHours;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.report.ReportData;
import io.servicemetrics.report.ReportModel;
import io.servicemetrics.report.ReportWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the leadership PDF (and each chart as PNG and CSV) from the gold tables. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes service-report-<D>.pdf for the period ending D from the gold tables, and beside it",
      "service-report-<D>/ with each chart as PNG and its data as CSV. Prints the PDF's path."
    })
final class ReportCommand extends SparkCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of the period (the run date).")
  LocalDate date;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
  String warehouse;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the PDF, PNG and CSV files.")
  Path out;

  @Option(
      names = "--period-days",
      defaultValue = "" + ReportData.DEFAULT_PERIOD_DAYS,
      paramLabel = "N",
      description = "Days in the period and in the previous period it is compared with (default: ${DEFAULT-VALUE}).")
  int periodDays;

  // The report renders gold and never recounts a wait: the schedule only checks that gold's
  // business-hours figures exist (docs/DECISIONS.md "Business hours").
  @Option(names = "--business-hours", paramLabel = "FILE", converter = BusinessHoursConverter.class,
      description = "The schedule the metrics ran with (metrics/nightly --business-hours). The report shows the"
          + " business-hours figures gold carries; given here, the file is validated and the report warns when the"
          + " period's gold has none (metrics ran without a schedule).")
  BusinessHours businessHours;

  @Override
  int run(SparkSession spark) {
    if (periodDays < 1 || periodDays > 366) {
      throw Errors.badArgument("--period-days " + periodDays + " is out of range",
          "A period is between 1 and 366 days", "Pass e.g. --period-days 28");
    }
    WarehouseArgument.requireExists(spark, warehouse);
    DeltaIo delta = new DeltaIo(spark, new Warehouse(warehouse));
    ReportModel model = ReportData.load(delta, date, periodDays);
    if (businessHours != null) {
      List<String> without = withoutBusinessHours(model.channelSpeed().orElse(List.of()));
      if (!without.isEmpty()) {
        LOG.warn("--business-hours was given, but gold for the period ending {} has no business-hours figures for {}:"
            + " the metrics ran without a schedule, so the report shows calendar waits there. Rerun metrics (or the"
            + " nightly) with --business-hours to fill them.", date, String.join(", ", without));
      }
    }
    Path pdf = ReportWriter.write(model, out);
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    stdout.println(pdf.toAbsolutePath());
    return 0;
  }

  /** Channels of the period whose gold speed row carries no business-hours wait. */
  static List<String> withoutBusinessHours(List<ReportModel.ChannelSpeed> speeds) {
    return speeds.stream()
        .filter(c -> c.asaBusinessSeconds() == null)
        .map(ReportModel.ChannelSpeed::channel)
        .toList();
  }
}
