package io.servicemetrics.cli;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.io.WarehouseViews;
import io.servicemetrics.notebook.CellOutput;
import io.servicemetrics.notebook.ExecutedNotebook;
import io.servicemetrics.notebook.Notebook;
import io.servicemetrics.notebook.NotebookFiles;
import io.servicemetrics.notebook.NotebookReader;
import io.servicemetrics.notebook.NotebookRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Analyst notebooks: {@code notebook run} executes a SQL notebook over the warehouse views. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = "Runs analyst SQL notebooks (Jupyter .ipynb or Databricks SOURCE .sql) over the warehouse.",
    subcommands = {NotebookCommand.Run.class, CommandLine.HelpCommand.class})
final class NotebookCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try `notebook run`.");
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Executes the notebook's SQL cells in order with every warehouse table as a view",
        "<layer>_<table>, and writes <OUT>/<name>.ipynb (with outputs) and <OUT>/<name>.html.",
        "Exit code 1 when a cell fails (the partial notebook is still written), 2 for bad arguments."
      })
  static final class Run extends SparkCommand {
    private static final Logger LOG = LoggerFactory.getLogger(NotebookCommand.class);

    @Parameters(index = "0", paramLabel = "FILE", description = "The notebook: .ipynb (nbformat 4) or Databricks SOURCE .sql.")
    Path file;

    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
    String warehouse;

    @Option(
        names = "--param",
        paramLabel = "NAME=VALUE",
        description = "Overrides a default of the cell tagged `parameters`; VALUE is a SQL literal"
            + " (28, 'text', DATE'2026-10-01'; bare dates and text are accepted). Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the executed .ipynb and .html.")
    Path out;

    @Option(
        names = "--max-rows",
        defaultValue = "" + NotebookRunner.DEFAULT_MAX_ROWS,
        description = "Rows shown per cell output (default: ${DEFAULT-VALUE}); the row count is always complete.")
    int maxRows;

    @Override
    int run(SparkSession spark) {
      if (maxRows < 1) {
        throw Errors.badArgument("--max-rows " + maxRows + " is not positive", "Each output shows at least one row", "Pass --max-rows 1 or more");
      }
      Notebook notebook = NotebookReader.read(file);
      Path target = out.resolve(notebook.name() + ".ipynb").toAbsolutePath().normalize();
      if (target.equals(file.toAbsolutePath().normalize())) {
        throw Errors.badArgument(
            "--out " + out + " would overwrite the notebook " + file + " with its executed copy",
            "The executed copy is written as <OUT>/<name>.ipynb",
            "Choose another --out folder");
      }
      List<String> views = WarehouseViews.register(new DeltaIo(spark, new Warehouse(warehouse)));
      if (views.isEmpty()) {
        throw Errors.warehouseMissing(warehouse);
      }
      LOG.info("Views: {}", String.join(", ", views));
      // No model trained yet: the scorer-quality cells show no rows rather than fail the notebook.
      if (WarehouseViews.registerEmptyWhenMissing(new DeltaIo(spark, new Warehouse(warehouse)),
          io.servicemetrics.io.Table.META_SENTIMENT_MODELS, io.servicemetrics.schema.SentimentModelsSchema.SCHEMA)) {
        LOG.info("{} is empty: no sentiment model has been trained", io.servicemetrics.io.Table.META_SENTIMENT_MODELS.viewName());
      }
      ExecutedNotebook executed = NotebookRunner.run(spark, notebook, params, maxRows);
      NotebookFiles.Written written = NotebookFiles.write(out, executed);
      if (!executed.succeeded()) {
        CellOutput.Error error = executed.failure();
        LOG.error("Notebook {} failed at cell {}: {}: {}. The partial executed notebook is at {} and {}.",
            notebook.name(), executed.failedCell(), error.ename(), error.evalue(), written.ipynb(), written.html());
        return ExitCode.FAILURE.code();
      }
      LOG.info("Notebook {} ran {} cells; wrote {} and {}",
          notebook.name(), executed.runs().size(), written.ipynb(), written.html());
      return 0;
    }
  }
}
