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

  /**
   * Registers {@code table} as an empty view of {@code schema} when the warehouse does not hold it
   * (yet): for tables only an optional step writes (meta_sentiment_models, after {@code sentiment
   * train}), so a notebook cell reading them shows no rows instead of failing the run. Not in
   * {@link #register}'s list: an empty warehouse is still reported as one.
   *
   * @return true when the empty view was registered
   */
  public static boolean registerEmptyWhenMissing(DeltaIo delta, Table table, org.apache.spark.sql.types.StructType schema) {
    if (delta.exists(table)) {
      return false;
    }
    delta.spark().createDataFrame(java.util.List.<org.apache.spark.sql.Row>of(), schema)
        .createOrReplaceTempView(table.viewName());
    return true;
  }
}
