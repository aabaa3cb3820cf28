package io.servicemetrics.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a benchmark measured: the generation, then one {@link Phase} per pipeline run, each with
 * its wall time, stage times and rows, and the peak heap and RSS while it ran.
 */
public record BenchResult(BenchConfig config, Map<String, String> environment, double generateSeconds,
    long landingBytes, Map<String, Long> generatedRows, List<Phase> phases) {

  /**
   * One stage of a pipeline run, timed from meta/run_log.
   *
   * @param rows the stage's input rows: ingest = landing records read; chains = silver legs read;
   *     metrics and report = contact chains written by the run
   */
  public record Stage(String name, double seconds, long rows) {
    public double rowsPerSecond() {
      return seconds > 0 ? rows / seconds : 0;
    }
  }

  /**
   * One pipeline run: backfill or nightly over [from, to] into a warehouse.
   *
   * @param sqlExecutions Spark SQL executions the run started, Delta's nested ones included
   * @param deltaCommits new versions written to the warehouse's Delta tables, all tables together
   */
  public record Phase(String name, String warehouse, LocalDate from, LocalDate to, double seconds, List<Stage> stages,
      long peakHeapBytes, long peakRssBytes, boolean rssPerPhase, long sqlExecutions, long deltaCommits) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A small fixed-width table for people. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "bench: %d contacts/day, %d days (+1 nightly), history %d days, seed %d%n",
        config.contactsPerDay(), config.days(), config.historyDays(), config.seed()));
    environment.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-30s %s%n", k, v)));
    out.append(String.format(Locale.ROOT, "generate: %.1f s, %.1f MB, rows %s%n%n", generateSeconds,
        landingBytes / 1e6, generatedRows));
    int nameWidth = Math.max(22, phases.stream().mapToInt(p -> p.name().length()).max().orElse(0));
    String header = "%-" + nameWidth + "s %-23s %9s %10s %9s %12s %10s %10s %8s %8s%n";
    String row = "%-" + nameWidth + "s %-23s %9s %10s %9.1f %12d %10.0f %10s %8s %8s%n";
    out.append(String.format(Locale.ROOT, header, "phase", "days", "wall s", "stage", "stage s", "rows", "rows/s",
        "heap/RSS", "queries", "commits"));
    for (Phase p : phases) {
      String days = p.from().equals(p.to()) ? p.to().toString() : p.from() + ".." + p.to();
      String memory = String.format(Locale.ROOT, "%.1f/%.1f GB", p.peakHeapBytes() / 1e9, p.peakRssBytes() / 1e9);
      boolean first = true;
      for (Stage s : p.stages()) {
        out.append(String.format(Locale.ROOT, row,
            first ? p.name() : "", first ? days : "", first ? String.format(Locale.ROOT, "%.1f", p.seconds()) : "",
            s.name(), s.seconds(), s.rows(), s.rowsPerSecond(), first ? memory : "",
            first ? Long.toString(p.sqlExecutions()) : "", first ? Long.toString(p.deltaCommits()) : ""));
        first = false;
      }
    }
    return out.toString();
  }

  /** One line of JSON with everything, for scripts. */
  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("contacts_per_day", config.contactsPerDay());
    root.put("days", config.days());
    root.put("history_days", config.historyDays());
    root.put("seed", config.seed());
    root.put("fresh_jvm_nightly", config.freshJvmNightly());
    root.put("environment", environment);
    root.put("generate_seconds", round(generateSeconds));
    root.put("landing_bytes", landingBytes);
    root.put("generated_rows", generatedRows);
    List<Map<String, Object>> phaseList = new ArrayList<>();
    for (Phase p : phases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("phase", p.name());
      m.put("from", p.from().toString());
      m.put("to", p.to().toString());
      m.put("seconds", round(p.seconds()));
      m.put("peak_heap_bytes", p.peakHeapBytes());
      m.put("peak_rss_bytes", p.peakRssBytes());
      m.put("rss_per_phase", p.rssPerPhase());
      m.put("sql_executions", p.sqlExecutions());
      m.put("delta_commits", p.deltaCommits());
      Map<String, Object> stages = new LinkedHashMap<>();
      for (Stage s : p.stages()) {
        stages.put(s.name(), Map.of("seconds", round(s.seconds()), "rows", s.rows(),
            "rows_per_second", Math.round(s.rowsPerSecond())));
      }
      m.put("stages", stages);
      phaseList.add(m);
    }
    root.put("phases", phaseList);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bench result is not serializable", e);
    }
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
