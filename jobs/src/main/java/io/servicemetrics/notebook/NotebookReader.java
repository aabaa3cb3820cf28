package io.servicemetrics.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads SQL notebooks: Jupyter nbformat 4 ({@code .ipynb}) and Databricks SOURCE exports
 * ({@code .sql}). Only SQL code cells are supported: a code cell with another language's magic
 * ({@code %python}, {@code %scala}, ...) is rejected rather than silently skipped.
 */
public final class NotebookReader {
  /** First line of a Databricks SOURCE export of a SQL notebook. */
  public static final String DATABRICKS_HEADER = "-- Databricks notebook source";
  /** Line separating cells in a Databricks SOURCE export. */
  public static final String DATABRICKS_SEPARATOR = "-- COMMAND ----------";
  private static final String MAGIC_PREFIX = "-- MAGIC";
  private static final String TITLE_PREFIX = "-- DBTITLE";
  private static final Pattern PARAMETERS_MARKER = Pattern.compile("(?i)--\\s*parameters\\s*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private NotebookReader() {}

  /** Reads a notebook file; the format follows the extension ({@code .ipynb} or {@code .sql}). */
  public static Notebook read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw Errors.badArgument(
          "The notebook " + file + " does not exist",
          "`notebook run` executes a .ipynb or Databricks SOURCE .sql file",
          "Check the FILE argument (the bundled notebooks are in notebooks-export/)");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.io("Cannot read the notebook " + file, e);
    }
    String fileName = file.getFileName().toString();
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".ipynb")) {
      return parseJupyter(text, fileName.substring(0, fileName.length() - ".ipynb".length()));
    }
    if (lower.endsWith(".sql")) {
      return parseDatabricks(text, fileName.substring(0, fileName.length() - ".sql".length()));
    }
    throw Errors.badArgument(
        "The notebook " + file + " has an unsupported extension",
        "Supported formats are Jupyter (.ipynb) and Databricks SOURCE (.sql)",
        "Export the notebook in one of those formats");
  }

  /** Parses Jupyter nbformat 4 JSON. */
  public static Notebook parseJupyter(String json, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw Errors.badArgument(
          "The notebook " + name + ".ipynb is not valid JSON (" + e.getOriginalMessage() + ")",
          "A Jupyter notebook is a JSON document",
          "Re-save or re-export it from Jupyter");
    }
    if (root == null || !root.isObject() || root.path("nbformat").asInt(-1) != 4 || !root.path("cells").isArray()) {
      throw Errors.badArgument(
          "The notebook " + name + ".ipynb is not nbformat 4",
          "Only nbformat 4 notebooks (with a top-level `cells` list) are supported",
          "Convert it with `jupyter nbconvert --to notebook --nbformat 4`");
    }
    List<Cell> cells = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.get("cells")) {
      index++;
      String type = node.path("cell_type").asText("");
      String source = joinSource(node.get("source"));
      List<String> tags = new ArrayList<>();
      node.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
      String id = node.hasNonNull("id") ? node.get("id").asText() : null;
      switch (type) {
        case "markdown" -> cells.add(new Cell(id, CellType.MARKDOWN, source, tags));
        case "raw" -> cells.add(new Cell(id, CellType.RAW, source, tags));
        case "code" -> cells.add(new Cell(id, CellType.CODE, sqlSource(name, index, source), tags));
        default -> throw Errors.badArgument(
            "Cell " + index + " of " + name + ".ipynb has cell_type `" + type + "`",
            "nbformat 4 cells are markdown, code or raw",
            "Fix or remove the cell");
      }
    }
    return new Notebook(name, Notebook.Format.JUPYTER, cells);
  }

  private static String joinSource(JsonNode source) {
    if (source == null || source.isNull()) {
      return "";
    }
    if (source.isArray()) {
      StringBuilder sb = new StringBuilder();
      source.forEach(line -> sb.append(line.asText()));
      return sb.toString();
    }
    return source.asText();
  }

  private static String sqlSource(String name, int index, String source) {
    String magic = SqlText.leadingMagic(source);
    if (magic != null && !magic.equals("%%sql") && !magic.equals("%sql")) {
      throw Errors.badArgument(
          "Cell " + index + " of " + name + " is not SQL (it starts with " + magic + ")",
          "The notebook runner executes Spark SQL cells only",
          "Rewrite the cell in SQL, or move it to a markdown cell");
    }
    return SqlText.stripSqlMagic(source);
  }

  /** Parses a Databricks SOURCE export of a SQL notebook. */
  public static Notebook parseDatabricks(String text, String name) {
    List<String> lines = Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
    if (lines.isEmpty() || !lines.get(0).strip().equals(DATABRICKS_HEADER)) {
      throw Errors.badArgument(
          "The file " + name + ".sql is not a Databricks SOURCE notebook",
          "Its first line must be `" + DATABRICKS_HEADER + "`",
          "Export the notebook from Databricks as Source File, or rename a Jupyter notebook to .ipynb");
    }
    List<Cell> cells = new ArrayList<>();
    List<String> chunk = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.strip().equals(DATABRICKS_SEPARATOR)) {
        addDatabricksCell(name, cells, chunk);
        chunk = new ArrayList<>();
      } else {
        chunk.add(line);
      }
    }
    addDatabricksCell(name, cells, chunk);
    return new Notebook(name, Notebook.Format.DATABRICKS_SOURCE, cells);
  }

  private static void addDatabricksCell(String name, List<Cell> cells, List<String> raw) {
    List<String> lines = trimBlankLines(raw);
    if (lines.isEmpty()) {
      return;
    }
    int index = cells.size() + 1;
    String title = null;
    if (lines.get(0).startsWith(TITLE_PREFIX)) {
      String t = lines.get(0);
      title = t.contains(",") ? t.substring(t.indexOf(',') + 1).strip() : "";
      lines = trimBlankLines(lines.subList(1, lines.size()));
      if (lines.isEmpty()) {
        return;
      }
    }
    boolean magic = lines.stream().allMatch(l -> l.isBlank() || l.startsWith(MAGIC_PREFIX));
    if (magic) {
      List<String> body = new ArrayList<>();
      for (String l : lines) {
        String rest = l.isBlank() ? "" : l.substring(MAGIC_PREFIX.length());
        body.add(rest.startsWith(" ") ? rest.substring(1) : rest);
      }
      String first = body.get(0).strip();
      String word = first.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      String afterWord = first.length() > word.length() ? first.substring(word.length()).strip() : "";
      List<String> rest = new ArrayList<>();
      if (!afterWord.isEmpty()) {
        rest.add(afterWord);
      }
      rest.addAll(body.subList(1, body.size()));
      if (word.equals("%md") || word.equals("%md-sandbox")) {
        cells.add(new Cell(null, CellType.MARKDOWN, String.join("\n", rest), List.of()));
        return;
      }
      if (!word.equals("%sql")) {
        throw Errors.badArgument(
            "Cell " + index + " of " + name + ".sql is not SQL (it starts with " + word + ")",
            "The notebook runner executes Spark SQL cells only",
            "Rewrite the cell in SQL, or make it a %md cell");
      }
      lines = rest;
    }
    String source = String.join("\n", lines);
    boolean parameters = "parameters".equalsIgnoreCase(title)
        || lines.stream().filter(l -> !l.isBlank()).findFirst()
            .map(l -> PARAMETERS_MARKER.matcher(l.strip()).matches()).orElse(false);
    cells.add(new Cell(null, CellType.CODE, source, parameters ? List.of(Cell.PARAMETERS_TAG) : List.of()));
  }

  private static List<String> trimBlankLines(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return new ArrayList<>(lines.subList(from, to));
  }
}
