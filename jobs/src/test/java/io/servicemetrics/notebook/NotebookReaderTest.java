package io.servicemetrics.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookReaderTest {
  static final String JUPYTER = """
      {
       "cells": [
        {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Title\\n", "Some *prose*."]},
        {"cell_type": "code", "id": "params", "metadata": {"tags": ["parameters"]}, "execution_count": null,
         "outputs": [], "source": "-- min_n = 3\\n-- label = 'a'"},
        {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
         "source": ["%%sql\\n", "SELECT :min_n AS x"]},
        {"cell_type": "raw", "metadata": {}, "source": "raw text"}
       ],
       "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
       "nbformat": 4, "nbformat_minor": 4
      }
      """;

  @Test
  void readsJupyterCellsTagsAndStripsSqlMagic() {
    Notebook nb = NotebookReader.parseJupyter(JUPYTER, "demo");
    assertEquals(4, nb.cells().size(), "all cells kept");
    assertEquals(List.of(CellType.MARKDOWN, CellType.CODE, CellType.CODE, CellType.RAW),
        nb.cells().stream().map(Cell::type).toList(), "cell types in order");
    assertEquals("# Title\nSome *prose*.", nb.cells().get(0).source(), "list source joined");
    assertEquals("intro", nb.cells().get(0).id(), "id kept");
    assertTrue(nb.cells().get(1).isParameters(), "tagged parameters cell");
    assertEquals(nb.cells().get(1), nb.parametersCell(), "parametersCell finds it");
    assertEquals("SELECT :min_n AS x", nb.cells().get(2).source(), "%%sql magic line removed");
    assertEquals(1, nb.sqlCellCount(), "one SQL cell besides the parameters cell");
  }

  @Test
  void rejectsNonSqlCellsAndOldFormats() {
    String python = JUPYTER.replace("%%sql", "%%python");
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> NotebookReader.parseJupyter(python, "demo"));
    assertTrue(e.getMessage().contains("Cell 3") && e.getMessage().contains("%%python"), e.getMessage());
    assertEquals(ExitCode.BAD_INPUT, e.exitCode(), "bad input exit code");

    ServiceMetricsException v3 = assertThrows(ServiceMetricsException.class,
        () -> NotebookReader.parseJupyter("{\"nbformat\": 3, \"worksheets\": []}", "old"));
    assertTrue(v3.getMessage().contains("not nbformat 4"), v3.getMessage());
    assertThrows(ServiceMetricsException.class, () -> NotebookReader.parseJupyter("{not json", "bad"));
  }

  static final String DATABRICKS = """
      -- Databricks notebook source
      -- MAGIC %md
      -- MAGIC # Overview
      -- MAGIC
      -- MAGIC Read me.

      -- COMMAND ----------

      -- parameters
      -- period_days = 28

      -- COMMAND ----------

      -- DBTITLE 1,Volume
      SELECT 1 AS a;
      SELECT :period_days AS days

      -- COMMAND ----------

      -- MAGIC %sql
      -- MAGIC SELECT 2 AS b
      """;

  @Test
  void readsDatabricksSourceCells() {
    Notebook nb = NotebookReader.parseDatabricks(DATABRICKS, "overview");
    assertEquals(Notebook.Format.DATABRICKS_SOURCE, nb.format(), "format");
    assertEquals(List.of(CellType.MARKDOWN, CellType.CODE, CellType.CODE, CellType.CODE),
        nb.cells().stream().map(Cell::type).toList(), "cell types");
    assertEquals("# Overview\n\nRead me.", nb.cells().get(0).source(), "MAGIC prefix and %md removed");
    assertTrue(nb.cells().get(1).isParameters(), "`-- parameters` marks the parameters cell");
    assertEquals("SELECT 1 AS a;\nSELECT :period_days AS days", nb.cells().get(2).source(), "DBTITLE dropped");
    assertEquals("SELECT 2 AS b", nb.cells().get(3).source(), "%sql magic cell becomes SQL");
    assertEquals(2, nb.sqlCellCount(), "SQL cells");
  }

  @Test
  void rejectsFilesWithoutTheDatabricksHeaderOrWithPythonCells() {
    ServiceMetricsException header = assertThrows(ServiceMetricsException.class,
        () -> NotebookReader.parseDatabricks("SELECT 1", "plain"));
    assertTrue(header.getMessage().contains("-- Databricks notebook source"), header.getMessage());
    ServiceMetricsException python = assertThrows(ServiceMetricsException.class,
        () -> NotebookReader.parseDatabricks(
            "-- Databricks notebook source\n-- MAGIC %python\n-- MAGIC print(1)\n", "py"));
    assertTrue(python.getMessage().contains("%python"), python.getMessage());
  }
}
