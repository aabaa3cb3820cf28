package io.servicemetrics.io;

import java.util.ArrayList;
import java.util.List;

/** Registers every table that exists in a warehouse as a temp view named {@code <layer>_<table>}. */
public final class WarehouseViews {
  private WarehouseViews() {}

  /** @return the views registered, in table order */
  public static List<String> register(DeltaIo delta) {
    List<String> views = new ArrayList<>();
    for (Table table : Table.values()) {
      if (delta.exists(table)) {
        delta.read(table).createOrReplaceTempView(table.viewName());
        views.add(table.viewName());
      }
    }
    return views;
  }
}
