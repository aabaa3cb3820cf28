package io.servicemetrics.notebook;

import java.util.List;
import java.util.Objects;

/**
 * One notebook cell as read from the file.
 *
 * @param id the cell id from the file, or null when it had none (ids are assigned on writing)
 * @param type markdown, code or raw
 * @param source the cell text with any {@code %%sql}/{@code %sql} magic line already removed
 * @param tags cell metadata tags, e.g. {@code parameters}
 */
public record Cell(String id, CellType type, String source, List<String> tags) {
  /** The tag that marks the cell holding parameter defaults, as in papermill. */
  public static final String PARAMETERS_TAG = "parameters";

  public Cell {
    Objects.requireNonNull(type, "type");
    source = source == null ? "" : source;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public boolean isParameters() {
    return type == CellType.CODE && tags.contains(PARAMETERS_TAG);
  }
}
