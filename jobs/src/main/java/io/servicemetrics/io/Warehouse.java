package io.servicemetrics.io;

/**
 * Where the tables live: any Hadoop filesystem URI (local path, file:, s3a:, abfss:, hdfs:).
 * Only this class turns a {@link Table} into a path.
 */
public record Warehouse(String root) {
  public Warehouse {
    if (root == null || root.isBlank()) {
      throw new IllegalArgumentException("warehouse root must not be blank");
    }
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String path(Table table) {
    return root + "/" + table.relativePath();
  }

  /** Folder of a trained sentiment model (a Spark ML pipeline), {@code <root>/models/sentiment/<model id>}. */
  public String sentimentModelPath(String modelId) {
    return root + "/models/sentiment/" + modelId;
  }
}
