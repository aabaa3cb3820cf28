package io.servicemetrics.notebook;

import java.util.Locale;

/** The nbformat cell types; only {@link #CODE} cells are executed. */
public enum CellType {
  MARKDOWN,
  CODE,
  RAW;

  /** The nbformat {@code cell_type} value. */
  public String nbformatName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
