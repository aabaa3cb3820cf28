package io.servicemetrics.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class NotebookRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void registerTinyView() {
    SparkSession spark = SharedSpark.session();
    StructType schema = new StructType()
        .add("queue", DataTypes.StringType, false)
        .add("n", DataTypes.IntegerType, false)
        .add("day", DataTypes.DateType, false);
    spark.createDataFrame(List.of(
            RowFactory.create("billing", 5, java.sql.Date.valueOf("2026-10-01")),
            RowFactory.create("tech", 2, java.sql.Date.valueOf("2026-10-02")),
            RowFactory.create("<b>sales & co</b>", 9, java.sql.Date.valueOf("2026-10-03")),
            RowFactory.create("retention", 7, java.sql.Date.valueOf("2026-10-04")),
            RowFactory.create("moves", 1, java.sql.Date.valueOf("2026-10-05"))),
        schema).createOrReplaceTempView("nb_test_queues");
  }

  private static Notebook notebook(Cell... cells) {
    return new Notebook("test_nb", Notebook.Format.JUPYTER, List.of(cells));
  }

  private static Cell params(String source) {
    return new Cell("p", CellType.CODE, source, List.of(Cell.PARAMETERS_TAG));
  }

  private static Cell sql(String source) {
    return new Cell(null, CellType.CODE, source, List.of());
  }

  private static Cell md(String source) {
    return new Cell(null, CellType.MARKDOWN, source, List.of());
  }

  private static CellOutput.Table table(ExecutedNotebook run, int cellIndex) {
    return assertInstanceOf(CellOutput.Table.class, run.runs().get(cellIndex).output(), "cell " + (cellIndex + 1));
  }

  @Test
  void bindsDefaultsAndOverridesAsNamedMarkers(SparkSession spark) {
    Notebook nb = notebook(
        params("-- min_n = 3\n-- label = 'x'\n-- since = DATE'2026-10-02'"),
        sql("SELECT :min_n AS x"),
        sql("SELECT count(*) AS queues FROM nb_test_queues WHERE n >= :min_n AND day >= :since"));
    ExecutedNotebook defaults = NotebookRunner.run(spark, nb, Map.of(), 50);
    assertTrue(defaults.succeeded(), "ran");
    assertEquals(List.of(List.of("3")), table(defaults, 1).rows(), "default bound");
    // n >= 3 and day >= 2026-10-02: sales (9, 10-03), retention (7, 10-04) -> 2
    assertEquals(List.of(List.of("2")), table(defaults, 2).rows(), "default filters");

    ExecutedNotebook overridden = NotebookRunner.run(spark, nb, Map.of("min_n", "6", "since", "2026-10-04"), 50);
    assertEquals(List.of(List.of("6")), table(overridden, 1).rows(), "override bound");
    // n >= 6 and day >= 2026-10-04: retention only
    assertEquals(List.of(List.of("1")), table(overridden, 2).rows(), "override filters");
  }

  @Test
  void aValueIsBoundNeverSplicedIntoTheQuery(SparkSession spark) {
    Notebook nb = notebook(params("label = 'none'"),
        sql("SELECT count(*) AS matches, :label AS label FROM nb_test_queues WHERE queue = :label"));
    String attack = "x' OR '1'='1";
    ExecutedNotebook run = NotebookRunner.run(spark, nb, Map.of("label", attack), 50);
    assertEquals(List.of(List.of("0", attack)), table(run, 1).rows(), "the quote is data, not SQL");
  }

  @Test
  void aNullParameterBindsAsSqlNull(SparkSession spark) {
    Notebook nb = notebook(params("-- period_end = NULL"),
        sql("SELECT COALESCE(:period_end, max(day)) AS period_end FROM nb_test_queues"));
    ExecutedNotebook run = NotebookRunner.run(spark, nb, Map.of(), 50);
    assertEquals(List.of(List.of("2026-10-05")), table(run, 1).rows(), "NULL falls back to the latest day");
    ExecutedNotebook pinned = NotebookRunner.run(spark, nb, Map.of("period_end", "2026-10-02"), 50);
    assertEquals(List.of(List.of("2026-10-02")), table(pinned, 1).rows(), "override pins the date");
  }

  @Test
  void unknownParameterFailsBeforeAnyCellRuns(SparkSession spark) {
    Notebook nb = notebook(params("-- min_n = 3"), sql("SELECT :min_n AS x"));
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> NotebookRunner.run(spark, nb, Map.of("max_n", "3"), 50));
    assertTrue(e.getMessage().contains("max_n"), e.getMessage());
  }

  @Test
  void severalStatementsRunAndTheLastIsTheOutput(SparkSession spark) {
    Notebook nb = notebook(params("-- min_n = 5\n-- unused = 1"),
        sql("CREATE OR REPLACE TEMP VIEW nb_test_big AS SELECT * FROM nb_test_queues WHERE n >= 5;\n"
            + "SELECT queue FROM nb_test_big WHERE n > :min_n ORDER BY queue"));
    ExecutedNotebook run = NotebookRunner.run(spark, nb, Map.of(), 50);
    assertTrue(run.succeeded(), "ran: " + run.failure());
    // n >= 5 then n > 5: sales (9), retention (7)
    assertEquals(List.of(List.of("<b>sales & co</b>"), List.of("retention")), table(run, 1).rows(), "last result");
  }

  @Test
  void outputsAreTruncatedButCountAllRows(SparkSession spark) {
    Notebook nb = notebook(sql("SELECT queue, n FROM nb_test_queues ORDER BY n DESC"));
    CellOutput.Table t = table(NotebookRunner.run(spark, nb, Map.of(), 2), 0);
    assertEquals(List.of(List.of("<b>sales & co</b>", "9"), List.of("retention", "7")), t.rows(), "first two");
    assertEquals(5, t.rowCount(), "all rows counted");
    assertTrue(t.truncated(), "truncated");
    assertEquals("Showing the first 2 of 5 rows (truncated).", t.summary(), "said so");
    assertTrue(Html.plainTable(t).endsWith("Showing the first 2 of 5 rows (truncated)."), Html.plainTable(t));
  }

  @Test
  void aFailingCellRecordsTheErrorAndStopsTheRun(SparkSession spark, @TempDir Path out) throws Exception {
    Notebook nb = notebook(md("# Title"), sql("SELECT 1 AS ok"),
        sql("SELECT no_such_column FROM nb_test_queues"), sql("SELECT 2 AS never"));
    ExecutedNotebook run = NotebookRunner.run(spark, nb, Map.of(), 50);
    assertFalse(run.succeeded(), "failed");
    assertEquals(3, run.failedCell(), "names the failing cell by position");
    CellOutput.Error error = run.failure();
    assertTrue(error.ename().endsWith("AnalysisException"), "Spark's exception: " + error.ename());
    assertTrue(error.evalue().contains("no_such_column"), "Spark's message: " + error.evalue());
    assertFalse(error.evalue().contains("+- "), "evalue without the query plan: " + error.evalue());
    assertNull(run.runs().get(3).output(), "later cells are not run");
    assertNull(run.runs().get(3).executionCount(), "and have no execution count");

    NotebookFiles.Written written = NotebookFiles.write(out, run);
    JsonNode doc = JSON.readTree(Files.readString(written.ipynb(), StandardCharsets.UTF_8));
    JsonNode failed = doc.get("cells").get(2).get("outputs").get(0);
    assertEquals("error", failed.get("output_type").asText(), "error output");
    assertEquals(error.ename(), failed.get("ename").asText(), "ename");
    assertTrue(failed.get("evalue").asText().contains("no_such_column"), "evalue");
    assertTrue(failed.get("traceback").isArray() && failed.get("traceback").size() >= 1, "traceback");
    assertEquals("failed", doc.get("metadata").get("service_metrics").get("status").asText(), "status");
    assertEquals(3, doc.get("metadata").get("service_metrics").get("failed_cell").asInt(), "failed cell");
    assertTrue(Files.readString(written.html()).contains("failed at cell 3"), "HTML says so too");
  }

  @Test
  void executedNotebookIsValidNbformat4(SparkSession spark, @TempDir Path out) throws Exception {
    Notebook nb = notebook(md("# Queues\nSee `n`."), params("-- min_n = 3"), sql("SELECT queue, n FROM nb_test_queues WHERE n >= :min_n ORDER BY n"),
        sql("-- comment only"), new Cell("r", CellType.RAW, "raw", List.of()));
    NotebookFiles.Written written = NotebookFiles.write(out, NotebookRunner.run(spark, nb, Map.of(), 50));
    JsonNode doc = JSON.readTree(Files.readString(written.ipynb(), StandardCharsets.UTF_8));
    assertEquals(4, doc.get("nbformat").asInt(), "nbformat");
    assertEquals(5, doc.get("nbformat_minor").asInt(), "nbformat_minor");
    assertEquals("sql", doc.get("metadata").get("kernelspec").get("language").asText(), "kernelspec language");
    assertTrue(doc.get("metadata").get("kernelspec").has("name") && doc.get("metadata").get("kernelspec").has("display_name"), "kernelspec");
    assertEquals("sql", doc.get("metadata").get("language_info").get("name").asText(), "language_info");
    assertEquals("3", doc.get("metadata").get("service_metrics").get("parameters").get("min_n").asText(), "parameters recorded");

    Set<String> ids = new HashSet<>();
    List<Integer> counts = new ArrayList<>();
    for (JsonNode cell : doc.get("cells")) {
      String type = cell.get("cell_type").asText();
      assertTrue(cell.get("metadata").isObject(), "metadata object");
      assertTrue(cell.get("source").isArray(), "source as list of lines");
      assertTrue(ids.add(cell.get("id").asText()), "unique id");
      assertTrue(cell.get("id").asText().matches("[a-zA-Z0-9_-]{1,64}"), "valid id " + cell.get("id"));
      Set<String> keys = new HashSet<>();
      cell.fieldNames().forEachRemaining(keys::add);
      if (type.equals("code")) {
        assertEquals(Set.of("cell_type", "id", "metadata", "source", "outputs", "execution_count"), keys, "code keys");
        counts.add(cell.get("execution_count").isNull() ? null : cell.get("execution_count").asInt());
      } else {
        assertEquals(Set.of("cell_type", "id", "metadata", "source"), keys, type + " keys");
      }
    }
    assertEquals(java.util.Arrays.asList(1, 2, 3), counts, "execution counts 1.. over code cells");
    JsonNode params = doc.get("cells").get(1);
    assertEquals("parameters", params.get("metadata").get("tags").get(0).asText(), "tag kept");
    assertEquals("stream", params.get("outputs").get(0).get("output_type").asText(), "parameters listed");

    JsonNode result = doc.get("cells").get(2).get("outputs").get(0);
    assertEquals("execute_result", result.get("output_type").asText(), "result type");
    assertEquals(2, result.get("execution_count").asInt(), "result execution count");
    assertTrue(result.get("data").has("text/plain") && result.get("data").has("text/html"), "both mime types");
    assertEquals(3, result.get("metadata").get("row_count").asInt(), "row count: billing, retention, sales");
    String plain = join(result.get("data").get("text/plain"));
    assertTrue(plain.startsWith("+-----------------+-+\n|queue            |n|\n+-----------------+-+\n|billing          |5|\n"), plain);
    assertTrue(plain.endsWith("3 rows."), plain);
    assertEquals(0, doc.get("cells").get(3).get("outputs").size(), "comment-only cell: no output");
  }

  @Test
  void htmlIsEscapedEverywhere(SparkSession spark, @TempDir Path out) throws Exception {
    Notebook nb = notebook(md("# <script>alert(1)</script> & **bold** `a<b`"),
        sql("SELECT queue AS `<i>col</i>` FROM nb_test_queues WHERE n = 9"));
    ExecutedNotebook run = NotebookRunner.run(spark, nb, Map.of(), 50);
    String cellHtml = Html.table(table(run, 1));
    assertTrue(cellHtml.contains("<th>&lt;i&gt;col&lt;/i&gt;</th>"), cellHtml);
    assertTrue(cellHtml.contains("<td>&lt;b&gt;sales &amp; co&lt;/b&gt;</td>"), cellHtml);

    NotebookFiles.Written written = NotebookFiles.write(out, run);
    String page = Files.readString(written.html(), StandardCharsets.UTF_8);
    assertFalse(page.contains("<script>"), "no script tag reaches the page");
    assertFalse(page.contains("<b>sales"), "no cell value reaches the page unescaped");
    assertTrue(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong>bold</strong> <code>a&lt;b</code></h1>"), page);
    assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<style>"), "self-contained page");
    JsonNode doc = JSON.readTree(Files.readString(written.ipynb(), StandardCharsets.UTF_8));
    String html = join(doc.get("cells").get(1).get("outputs").get(0).get("data").get("text/html"));
    assertTrue(html.contains("&lt;b&gt;sales &amp; co&lt;/b&gt;") && !html.contains("<b>"), html);
  }

  private static String join(JsonNode lines) {
    StringBuilder sb = new StringBuilder();
    lines.forEach(l -> sb.append(l.asText()));
    return sb.toString();
  }
}
