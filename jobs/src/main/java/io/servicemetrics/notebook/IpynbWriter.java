package io.servicemetrics.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an executed notebook as Jupyter nbformat 4.5 JSON: notebook metadata with a SQL
 * kernelspec and language_info, cell ids, and for each code cell its execution_count and outputs
 * ({@code stream} for messages, {@code execute_result} with {@code text/plain} and
 * {@code text/html} tables, {@code error} for a failure).
 */
public final class IpynbWriter {
  public static final int NBFORMAT = 4;
  public static final int NBFORMAT_MINOR = 5;
  private static final Pattern VALID_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private IpynbWriter() {}

  public static String toJson(ExecutedNotebook executed) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode cells = root.putArray("cells");
    Set<String> ids = new HashSet<>();
    int position = 0;
    for (ExecutedNotebook.CellRun run : executed.runs()) {
      position++;
      cells.add(cell(run, uniqueId(run.cell().id(), position, ids)));
    }
    ObjectNode metadata = root.putObject("metadata");
    ObjectNode kernel = metadata.putObject("kernelspec");
    kernel.put("name", "sparksql");
    kernel.put("display_name", "Spark SQL");
    kernel.put("language", "sql");
    ObjectNode language = metadata.putObject("language_info");
    language.put("name", "sql");
    language.put("mimetype", "text/x-sql");
    language.put("file_extension", ".sql");
    ObjectNode run = metadata.putObject("service_metrics");
    run.put("source_format", executed.notebook().format().name().toLowerCase(Locale.ROOT));
    ObjectNode parameters = run.putObject("parameters");
    executed.parameters().forEach((k, v) -> parameters.put(k, SqlLiteral.format(v)));
    run.put("status", executed.succeeded() ? "succeeded" : "failed");
    if (!executed.succeeded()) {
      run.put("failed_cell", executed.failedCell());
    }
    root.put("nbformat", NBFORMAT);
    root.put("nbformat_minor", NBFORMAT_MINOR);
    try {
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter(" ", "\n"))
          .withArrayIndenter(new DefaultIndenter(" ", "\n"));
      return JSON.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A notebook tree built in memory must serialize", e);
    }
  }

  private static ObjectNode cell(ExecutedNotebook.CellRun run, String id) {
    Cell cell = run.cell();
    ObjectNode node = JSON.createObjectNode();
    node.put("cell_type", cell.type().nbformatName());
    node.put("id", id);
    ObjectNode metadata = node.putObject("metadata");
    if (!cell.tags().isEmpty()) {
      ArrayNode tags = metadata.putArray("tags");
      cell.tags().forEach(tags::add);
    }
    node.set("source", lines(cell.source()));
    if (cell.type() != CellType.CODE) {
      return node;
    }
    if (run.executionCount() == null) {
      node.putNull("execution_count");
    } else {
      node.put("execution_count", run.executionCount());
    }
    ArrayNode outputs = node.putArray("outputs");
    CellOutput output = run.output();
    if (output instanceof CellOutput.Message m) {
      ObjectNode stream = outputs.addObject();
      stream.put("output_type", "stream");
      stream.put("name", "stdout");
      stream.set("text", lines(m.text()));
    } else if (output instanceof CellOutput.Table t) {
      ObjectNode result = outputs.addObject();
      result.put("output_type", "execute_result");
      result.put("execution_count", run.executionCount());
      ObjectNode data = result.putObject("data");
      data.set("text/plain", lines(Html.plainTable(t)));
      data.set("text/html", lines(Html.table(t)));
      ObjectNode meta = result.putObject("metadata");
      meta.put("row_count", t.rowCount());
      meta.put("rows_shown", t.rows().size());
      meta.put("truncated", t.truncated());
    } else if (output instanceof CellOutput.Error e) {
      ObjectNode error = outputs.addObject();
      error.put("output_type", "error");
      error.put("ename", e.ename());
      error.put("evalue", e.evalue());
      ArrayNode traceback = error.putArray("traceback");
      e.traceback().forEach(traceback::add);
    }
    return node;
  }

  /** nbformat's multiline string: a list of lines, each but the last keeping its newline. */
  static ArrayNode lines(String text) {
    ArrayNode array = JSON.createArrayNode();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        array.add(text.substring(start));
        break;
      }
      array.add(text.substring(start, end + 1));
      start = end + 1;
    }
    return array;
  }

  private static String uniqueId(String given, int position, Set<String> taken) {
    String id = given != null && VALID_ID.matcher(given).matches() && !taken.contains(given)
        ? given
        : "cell-" + position;
    while (!taken.add(id)) {
      id = id + "-" + position;
    }
    return id;
  }
}
