package io.servicemetrics.cli;

/**
 * Runs sql, report and metrics against a missing warehouse in this JVM and prints their exit
 * codes; {@link MissingWarehouseExitCodeTest} starts it in a JVM of its own, because every command
 * stops its SparkSession at the end.
 */
public final class MissingWarehouseProbe {
  private MissingWarehouseProbe() {}

  public static void main(String[] args) {
    String missing = args[0];
    String out = args[1];
    int sql = ServiceMetricsCli.execute("sql", "SELECT 1", "--warehouse", missing, "--master", "local[1]");
    int report = ServiceMetricsCli.execute("report", "--date", "2026-11-04", "--warehouse", missing, "--out", out,
        "--master", "local[1]");
    int metrics = ServiceMetricsCli.execute("metrics", "--date", "2026-11-04", "--warehouse", missing,
        "--master", "local[1]");
    System.out.println("exit codes: sql=" + sql + " report=" + report + " metrics=" + metrics);
  }
}
