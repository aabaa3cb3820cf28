package io.servicemetrics.cli;

import io.servicemetrics.errors.Errors;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The --warehouse of a command that reads an existing warehouse (sql, report, metrics): a root
 * that does not exist is a usage error (exit code 2) before any work, not an empty report or a
 * run log written into a freshly created folder.
 */
final class WarehouseArgument {
  private WarehouseArgument() {}

  static void requireExists(SparkSession spark, String warehouse) {
    boolean exists;
    try {
      Path root = new Path(warehouse);
      exists = root.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(root);
    } catch (IOException | IllegalArgumentException e) {
      throw Errors.io("Cannot look up the warehouse " + warehouse, e);
    }
    if (!exists) {
      throw Errors.warehouseMissing(warehouse);
    }
  }
}
