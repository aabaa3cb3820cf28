package io.servicemetrics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicemetrics.staffing.Staffing;
import io.servicemetrics.staffing.StaffingGoal;
import io.servicemetrics.staffing.StaffingResult;
import io.servicemetrics.staffing.Workload;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The staffing calculator on its own: Erlang C, or Erlang A with a patience; pure Java, no Spark.
 * Results go to stdout (JSON alone with --format json), logs to stderr.
 */
@Command(
    name = "staffing",
    mixinStandardHelpOptions = true,
    description = {
      "Agents needed for one interval's calls: Erlang C, or Erlang A when --patience-seconds is given"
          + " (callers hang up after an exponential patience).",
      "Without --agents it finds the smallest number of agents meeting the service level with occupancy at most"
          + " --max-occupancy; with --agents it evaluates that number.",
      "Starts no Spark. Formulas: docs/METRICS.md \"Staffing and what resolution is worth\"."
    })
final class StaffingCommand implements Callable<Integer> {
  enum Format { table, json }

  @Option(names = "--calls-per-interval", required = true, paramLabel = "X",
      description = "Calls arriving in one interval (a mean; fractions allowed).")
  double callsPerInterval;

  @Option(names = "--interval-minutes", required = true, paramLabel = "M", description = "Interval length in minutes.")
  double intervalMinutes;

  @Option(names = "--aht-seconds", required = true, paramLabel = "H",
      description = "Average handle time in seconds (talk + hold + after-call work).")
  double ahtSeconds;

  @Option(names = "--target-seconds", required = true, paramLabel = "T",
      description = "Answer-time target of the service level, in seconds.")
  double targetSeconds;

  @Option(names = "--service-level", required = true, paramLabel = "S",
      description = "Share of calls to answer within the target, in (0, 1], e.g. 0.80.")
  double serviceLevel;

  @Option(names = "--max-occupancy", paramLabel = "O", defaultValue = "" + StaffingGoal.DEFAULT_MAX_OCCUPANCY,
      description = "Highest share of agent time spent handling, in (0, 1] (default: ${DEFAULT-VALUE}).")
  double maxOccupancy;

  @Option(names = "--shrinkage", paramLabel = "R", defaultValue = "" + StaffingGoal.DEFAULT_SHRINKAGE,
      description = "Share of paid time off the phones, in [0, 1); positions = ceil(agents / (1 - R)) (default: ${DEFAULT-VALUE}).")
  double shrinkage;

  @Option(names = "--patience-seconds", paramLabel = "P",
      description = "Mean patience of callers in seconds: switches to Erlang A (with abandonment).")
  Double patienceSeconds;

  @Option(names = "--agents", paramLabel = "N",
      description = "Evaluate this number of agents instead of finding the number needed (0 to " + Staffing.MAX_AGENTS + ").")
  Integer agents;

  @Option(names = "--format", defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json prints one object alone.")
  Format format;

  @Override
  public Integer call() throws JsonProcessingException {
    Workload load = new Workload(callsPerInterval, intervalMinutes, ahtSeconds,
        patienceSeconds == null ? Workload.NEVER_ABANDON : patienceSeconds);
    StaffingGoal goal = new StaffingGoal(targetSeconds, serviceLevel, maxOccupancy, shrinkage);
    StaffingResult result = agents == null ? Staffing.required(load, goal) : Staffing.evaluate(load, goal, agents);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(format == Format.json ? json(result) : table(result, goal, agents == null));
    out.flush();
    return 0;
  }

  /** The JSON object: exactly the documented keys, abandon_probability only under Erlang A. */
  static String json(StaffingResult r) throws JsonProcessingException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("agents", r.agents());
    fields.put("positions", r.positions());
    fields.put("traffic_erlangs", r.trafficErlangs());
    fields.put("service_level", r.serviceLevel());
    // An overloaded Erlang C queue has no finite ASA; JSON has no infinity, so null.
    fields.put("asa_seconds", Double.isFinite(r.asaSeconds()) ? r.asaSeconds() : null);
    fields.put("occupancy", r.occupancy());
    fields.put("wait_probability", r.waitProbability());
    if (r.abandonment()) {
      fields.put("abandon_probability", r.abandonProbability());
    }
    return new ObjectMapper().writeValueAsString(fields);
  }

  static String table(StaffingResult r, StaffingGoal goal, boolean found) {
    StringBuilder s = new StringBuilder();
    row(s, "model", r.abandonment() ? "Erlang A (callers abandon)" : "Erlang C (callers wait)");
    row(s, "traffic_erlangs", fmt("%.4f", r.trafficErlangs()));
    row(s, "agents", r.agents() + (found ? " (smallest meeting the goal)" : " (as given)"));
    row(s, "positions", r.positions() + fmt(" (shrinkage %.2f)", goal.shrinkage()));
    row(s, "service_level", fmt("%.6f (goal %s within %s s)", r.serviceLevel(), goal.serviceLevel(), goal.targetSeconds()));
    row(s, "asa_seconds", Double.isFinite(r.asaSeconds()) ? fmt("%.4f", r.asaSeconds()) : "infinite (overloaded)");
    row(s, "occupancy", fmt("%.6f (max %s)", r.occupancy(), goal.maxOccupancy()));
    row(s, "wait_probability", fmt("%.6f", r.waitProbability()));
    if (r.abandonment()) {
      row(s, "abandon_probability", fmt("%.6f", r.abandonProbability()));
    }
    return s.toString().stripTrailing();
  }

  private static void row(StringBuilder s, String name, String value) {
    s.append(String.format(Locale.ROOT, "%-20s %s%n", name, value));
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
