package io.servicemetrics.notebook;

import java.util.List;

/**
 * A parsed notebook: its cells in order, whatever format it came from.
 *
 * @param name the file name without extension; the executed copy is written as {@code <name>.ipynb}
 * @param format the format it was read from
 * @param cells the cells in file order
 */
public record Notebook(String name, Format format, List<Cell> cells) {
  /** Supported input formats. */
  public enum Format {
    /** Jupyter nbformat 4 JSON. */
    JUPYTER,
    /** Databricks SOURCE export of a SQL notebook. */
    DATABRICKS_SOURCE
  }

  public Notebook {
    cells = List.copyOf(cells);
  }

  /** The cell tagged {@code parameters}, or null. */
  public Cell parametersCell() {
    for (Cell cell : cells) {
      if (cell.isParameters()) {
        return cell;
      }
    }
    return null;
  }

  /** Code cells that hold at least one SQL statement (the parameters cell excluded). */
  public long sqlCellCount() {
    return cells.stream()
        .filter(c -> c.type() == CellType.CODE && !c.isParameters())
        .filter(c -> !SqlText.statements(c.source()).isEmpty())
        .count();
  }
}
