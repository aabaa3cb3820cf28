package io.servicemetrics.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.io.Table;
import io.servicemetrics.schema.AgentMetricsSchema;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CsatByFcrSpeedSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.ResolutionSpeedModelSchema;
import io.servicemetrics.schema.ResolutionValueSchema;
import io.servicemetrics.schema.StaffingIntervalsSchema;
import io.servicemetrics.schema.SurveysSchema;
import io.servicemetrics.schema.WomMentionsSchema;
import io.servicemetrics.schema.WomMultiplierSchema;
import io.servicemetrics.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analyst notebooks in notebooks-export/ parse, declare parameters, and every SQL cell is
 * valid against the gold and silver contract schemas. Until the gold tables exist on this branch,
 * the cells run over empty views built from the schema classes; the CI run over a warehouse built
 * from data-samples comes with the metrics stage.
 */
@ExtendWith(SharedSpark.class)
class NotebooksExportTest {
  private static final Map<Table, StructType> CONTRACT = Map.ofEntries(
      Map.entry(Table.SILVER_CONTACTS, ContactsSchema.SILVER),
      Map.entry(Table.SILVER_SURVEYS, SurveysSchema.SILVER),
      Map.entry(Table.SILVER_MENTIONS, MentionsSchema.SILVER),
      Map.entry(Table.GOLD_CONTACT_CHAINS, ContactChainsSchema.SCHEMA),
      Map.entry(Table.GOLD_DAILY_SERVICE_METRICS, DailyServiceMetricsSchema.SCHEMA),
      Map.entry(Table.GOLD_CHANNEL_SPEED, io.servicemetrics.schema.ChannelSpeedSchema.SCHEMA),
      Map.entry(Table.GOLD_RESOLUTION_SPEED_MODEL, ResolutionSpeedModelSchema.SCHEMA),
      Map.entry(Table.GOLD_CSAT_BY_FCR_SPEED, CsatByFcrSpeedSchema.SCHEMA),
      Map.entry(Table.GOLD_AGENT_METRICS, AgentMetricsSchema.SCHEMA),
      Map.entry(Table.GOLD_WOM_MENTIONS, WomMentionsSchema.SCHEMA),
      Map.entry(Table.GOLD_WOM_MULTIPLIER, WomMultiplierSchema.SCHEMA),
      Map.entry(Table.GOLD_STAFFING_INTERVALS, StaffingIntervalsSchema.SCHEMA),
      Map.entry(Table.GOLD_RESOLUTION_VALUE, ResolutionValueSchema.SCHEMA));

  /** notebooks-export/ at the repository root, next to data-samples/ and the jobs module. */
  static Path notebooksDir() {
    String samples = System.getProperty("service.metrics.samples");
    Path base = samples != null
        ? Path.of(samples).toAbsolutePath().normalize().getParent()
        : Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    return base.resolve("notebooks-export");
  }

  static List<Path> notebookFiles() throws IOException {
    try (Stream<Path> files = Files.list(notebooksDir())) {
      return files.filter(p -> p.toString().endsWith(".ipynb") || p.toString().endsWith(".sql")).sorted().toList();
    }
  }

  @Test
  void everyNotebookParsesWithParametersAndSqlCells() throws IOException {
    List<Path> files = notebookFiles();
    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of("repeat_contacts_deep_dive.ipynb", "agent_speed_vs_resolution.ipynb",
        "word_of_mouth.ipynb", "service_overview.sql")), "the four bundled notebooks: " + names);
    for (Path file : files) {
      Notebook nb = NotebookReader.read(file);
      Cell parameters = nb.parametersCell();
      assertNotNull(parameters, file + " has a cell tagged parameters");
      assertTrue(!NotebookParameters.parseDefaults(parameters.source()).isEmpty(), file + " declares parameters");
      assertTrue(nb.sqlCellCount() >= 1, file + " has SQL cells");
      assertTrue(nb.cells().stream().anyMatch(c -> c.type() == CellType.MARKDOWN), file + " explains itself");
    }
  }

  @Test
  void everyNotebookRunsAgainstTheContractSchemas(SparkSession spark) throws IOException {
    CONTRACT.forEach((table, schema) ->
        spark.createDataFrame(List.<Row>of(), schema).createOrReplaceTempView(table.viewName()));
    for (Path file : notebookFiles()) {
      Notebook nb = NotebookReader.read(file);
      ExecutedNotebook run = NotebookRunner.run(spark, nb, Map.of(), 50);
      assertTrue(run.succeeded(), file + " failed at cell " + run.failedCell() + ": " + run.failure());
      long results = run.runs().stream().filter(r -> r.output() instanceof CellOutput.Table).count();
      assertEquals(nb.sqlCellCount(), results, file + ": every SQL cell produced a table");
    }
  }
}
