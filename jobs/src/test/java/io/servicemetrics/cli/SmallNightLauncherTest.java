package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's choice of a small night's JIT options (bin/lib/small-night.sh), run in bash. */
class SmallNightLauncherTest {
  private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).getParent().resolve("bin/lib/small-night.sh");
  private static final String C1 = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=512m";

  @TempDir static Path landing;

  @BeforeAll
  static void landTwoSourcesOnOneDayAndOneOnTheNext() throws IOException {
    write(landing.resolve("contacts/date=2026-01-04/part-1.csv"), 100);
    write(landing.resolve("contacts/date=2026-01-04/part-2.csv"), 20);
    write(landing.resolve("surveys/date=2026-01-04/export.json"), 30);
    write(landing.resolve("mentions/date=2026-01-05/tweets.json"), 7000);
  }

  @Test
  void measuresTheNightsDeliveryDayAcrossSourcesInEitherOptionSpelling() throws Exception {
    assertEquals(new Run(0, "150"), bytes(Map.of(), "nightly", "--date", "2026-01-04", "--landing", landing.toString()));
    assertEquals(new Run(0, "150"), bytes(Map.of(), "nightly", "--landing=file://" + landing, "--master", "local[2]",
        "--date=2026-01-04"));
    assertEquals(new Run(0, "0"), bytes(Map.of(), "nightly", "--date", "2026-01-06", "--landing", landing.toString()),
        "a day nothing landed on is empty");
  }

  @Test
  void otherCommandsAndRemoteLandingZonesAreNotMeasured() throws Exception {
    assertEquals(1, bytes(Map.of(), "backfill", "--from", "2026-01-04", "--landing", landing.toString()).exit());
    assertEquals(1, bytes(Map.of(), "nightly", "--date", "2026-01-04", "--landing", "s3a://bucket/landing").exit());
    assertEquals(1, bytes(Map.of(), "nightly", "--landing", landing.toString()).exit(), "no --date: the CLI says so");
  }

  @Test
  void theC1OptionsGoToNightsUpToTheLimitOnly() throws Exception {
    String[] night4 = {"nightly", "--date", "2026-01-04", "--landing", landing.toString()};
    assertEquals(new Run(0, C1), options(Map.of(), night4), "150 bytes is small by default");
    assertEquals(new Run(0, C1), options(Map.of("SERVICE_METRICS_SMALL_NIGHT_BYTES", "150"), night4));
    assertEquals(new Run(0, ""), options(Map.of("SERVICE_METRICS_SMALL_NIGHT_BYTES", "149"), night4));
    assertEquals(new Run(0, ""), options(Map.of("SERVICE_METRICS_SMALL_NIGHT_BYTES", "0"), night4), "0 turns it off");
    assertEquals(new Run(0, ""), options(Map.of("SERVICE_METRICS_SMALL_NIGHT_BYTES", "6999"),
        "nightly", "--date", "2026-01-05", "--landing", landing.toString()));
    assertEquals(new Run(0, ""), options(Map.of(), "demo"), "not a nightly");
    Run bad = options(Map.of("SERVICE_METRICS_SMALL_NIGHT_BYTES", "1MB"), night4);
    assertEquals(2, bad.exit());
    assertTrue(bad.output().contains("SERVICE_METRICS_SMALL_NIGHT_BYTES must be a whole number of bytes, got '1MB'"),
        bad.output());
  }

  private record Run(int exit, String output) {}

  private static Run bytes(Map<String, String> env, String... args) throws Exception {
    return bash("nightly_landing_bytes", env, args);
  }

  private static Run options(Map<String, String> env, String... args) throws Exception {
    return bash("small_night_jit_options", env, args);
  }

  /** Sources the script in a clean bash and calls {@code function} with {@code args}; stdout and stderr together. */
  private static Run bash(String function, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$0\" && " + function + " \"$@\"",
        SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("SERVICE_METRICS_SMALL_NIGHT_BYTES");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return new Run(process.waitFor(), output);
  }

  private static void write(Path file, int bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[bytes]);
  }
}
