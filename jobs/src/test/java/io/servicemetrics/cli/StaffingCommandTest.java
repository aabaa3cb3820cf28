package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The staffing command in process: its stdout, its keys and its exit codes. */
class StaffingCommandTest {
  private static final String[] PUBLISHED = {
    "staffing", "--calls-per-interval", "100", "--interval-minutes", "30", "--aht-seconds", "180",
    "--target-seconds", "20", "--service-level", "0.8", "--max-occupancy", "0.85", "--shrinkage", "0.30"
  };

  private record Run(int exitCode, String stdout) {}

  /** Runs the command line with System.out captured (restored afterwards). */
  private static Run run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      int code = ServiceMetricsCli.execute(args);
      return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  private static String[] with(String[] base, String... more) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** The published arguments with one option's value replaced. */
  private static String[] replacing(String option, String value) {
    String[] args = PUBLISHED.clone();
    int at = List.of(args).indexOf(option);
    args[at + 1] = value;
    return args;
  }

  @Test
  void jsonFindsTheAgentsOfThePublishedCheckAndPrintsOnlyTheObject() throws Exception {
    Run r = run(with(PUBLISHED, "--format", "json"));
    assertEquals(0, r.exitCode(), "exit code");
    assertEquals(1, r.stdout().lines().count(), "stdout holds the JSON object alone: " + r.stdout());
    JsonNode json = new ObjectMapper().readTree(r.stdout());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("agents", "positions", "traffic_erlangs", "service_level", "asa_seconds", "occupancy",
        "wait_probability"), keys, "keys without patience");
    assertEquals(14, json.get("agents").asInt(), "agents");
    assertEquals(20, json.get("positions").asInt(), "positions");
    assertEquals(10.0, json.get("traffic_erlangs").asDouble(), 1e-12, "traffic");
    assertEquals(0.8883500, json.get("service_level").asDouble(), 0.8883500e-6, "service level");
    assertEquals(7.835937, json.get("asa_seconds").asDouble(), 7.835937e-6, "ASA");
    assertEquals(0.7142857, json.get("occupancy").asDouble(), 0.7142857e-6, "occupancy");
    assertEquals(0.1741319, json.get("wait_probability").asDouble(), 0.1741319e-6, "P(wait)");
  }

  @Test
  void jsonWithPatienceAndAgentsEvaluatesErlangA() throws Exception {
    Run r = run(with(PUBLISHED, "--patience-seconds", "300", "--agents", "14", "--format", "json"));
    assertEquals(0, r.exitCode(), "exit code");
    JsonNode json = new ObjectMapper().readTree(r.stdout());
    assertEquals(14, json.get("agents").asInt(), "agents as given");
    assertEquals(0.14526, json.get("wait_probability").asDouble(), 0.000005, "P(wait)");
    assertEquals(0.013984, json.get("abandon_probability").asDouble(), 0.0000005, "P(abandon)");
    assertEquals(0.069919, json.get("asa_seconds").asDouble() / 60, 0.0000005, "ASA in minutes");
    assertEquals(0.916792, json.get("service_level").asDouble(), 0.0000005, "service level");
  }

  @Test
  void anOverloadedErlangCQueueHasANullAsa() throws Exception {
    Run r = run(with(PUBLISHED, "--agents", "10", "--format", "json"));
    assertEquals(0, r.exitCode(), "exit code");
    JsonNode json = new ObjectMapper().readTree(r.stdout());
    assertTrue(json.get("asa_seconds").isNull(), "10 agents for 10 Erlangs: the queue never drains");
    assertEquals(1.0, json.get("wait_probability").asDouble(), "everyone waits");
    assertEquals(0.0, json.get("service_level").asDouble(), "nobody within 20 s in the long run");
  }

  @Test
  void tableNamesTheModelAndTheAgents() {
    Run r = run(PUBLISHED);
    assertEquals(0, r.exitCode(), "exit code");
    assertTrue(r.stdout().contains("Erlang C"), r.stdout());
    assertTrue(r.stdout().lines().anyMatch(l -> l.matches("agents\\s+14 .*")), r.stdout());
    assertTrue(r.stdout().lines().anyMatch(l -> l.matches("service_level\\s+0\\.888350 .*")), r.stdout());
  }

  @Test
  void badInputExitsTwoAndPrintsNothing() {
    String[][] bad = {
      {"staffing", "--calls-per-interval", "-5", "--interval-minutes", "30", "--aht-seconds", "180",
          "--target-seconds", "20", "--service-level", "0.8"},
      {"staffing", "--calls-per-interval", "100", "--interval-minutes", "0", "--aht-seconds", "180",
          "--target-seconds", "20", "--service-level", "0.8"},
      replacing("--max-occupancy", "0"),
      replacing("--max-occupancy", "1.5"),
      replacing("--aht-seconds", "-180"),
      with(PUBLISHED, "--patience-seconds", "-1"),
      with(PUBLISHED, "--agents", "-3"),
      // 100,000 Erlangs: no staffing up to 10,000 agents meets the goal.
      {"staffing", "--calls-per-interval", "1000000", "--interval-minutes", "30", "--aht-seconds", "180",
          "--target-seconds", "20", "--service-level", "0.8", "--format", "json"},
      {"staffing", "--interval-minutes", "30"},
      replacing("--service-level", "eighty"),
    };
    for (String[] args : bad) {
      Run r = run(args);
      assertEquals(2, r.exitCode(), "exit code of " + String.join(" ", args));
      assertEquals("", r.stdout(), "nothing on stdout for " + String.join(" ", args));
    }
  }
}
