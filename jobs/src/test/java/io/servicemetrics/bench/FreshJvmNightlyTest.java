package io.servicemetrics.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.cli.Launcher;
import io.servicemetrics.cli.ServiceMetricsCli;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.io.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FreshJvmNightlyTest {
  private static final PipelineConfig NIGHT = new PipelineConfig(LocalDate.parse("2027-01-01"),
      LocalDate.parse("2027-01-01"), "/bench/landing", new Warehouse("/bench/warehouse-365d"),
      Path.of("/bench/reports/warehouse-365d"), ZoneId.of("America/New_York"), PiiKey.demo(), 35, 28, 1.0, false,
      Duration.ZERO);

  @Test
  void theChildGetsTheBenchsJvmOptionsButNotItsProfilerOrDebuggerAndRunsTheSameNight() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.shuffle.partitions", "4");
    List<String> command = FreshJvmNightly.command("/jdk/bin/java",
        List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx8g",
            "-XX:StartFlightRecording=filename=/tmp/bench.jfr,settings=profile", "-agentlib:jdwp=transport=dt_socket",
            "-D" + FreshJvmNightly.RESOURCES_PROPERTY + "=/old.properties", "-Djava.awt.headless=true"),
        "a.jar:b.jar", Path.of("/bench/peaks.properties"), NIGHT,
        FreshJvmNightly.sparkArguments("local[*]", conf));

    assertEquals(List.of("/jdk/bin/java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx8g",
        "-Djava.awt.headless=true", "-D" + FreshJvmNightly.RESOURCES_PROPERTY + "=/bench/peaks.properties",
        "-cp", "a.jar:b.jar", "io.servicemetrics.bench.FreshJvmNightly",
        "nightly", "--date", "2027-01-01", "--landing", "/bench/landing", "--warehouse", "/bench/warehouse-365d",
        "--reports", "/bench/reports/warehouse-365d", "--timezone", "America/New_York", "--restatement-days", "35",
        "--period-days", "28", "--max-quarantine-share", "1.0", "--wait-for-lock", "0", "--valid-from", "2000-01-01",
        "--master", "local[*]", "--conf", "spark.sql.shuffle.partitions=4",
        "--conf", "spark.extraListeners=io.servicemetrics.bench.WorkCounter"), command);
  }

  @Test
  void theChildCountsItsQueriesAfterTheListenersTheUserNamed() {
    assertEquals(List.of("--master", "local[2]", "--conf", "spark.extraListeners=com.example.Audit,"
            + WorkCounter.class.getName()),
        FreshJvmNightly.sparkArguments("local[2]", Map.of("spark.extraListeners", "com.example.Audit")));
  }

  @Test
  void theChildsArgumentsAreACommandLineTheCliAccepts() {
    List<String> command = FreshJvmNightly.command("java", List.of(), "cp", Path.of("/p"), NIGHT,
        FreshJvmNightly.sparkArguments("local[2]", Map.of()));
    List<String> cliArguments = command.subList(command.indexOf(FreshJvmNightly.class.getName()) + 1, command.size());

    CommandLine.ParseResult parsed = new CommandLine(new ServiceMetricsCli())
        .parseArgs(cliArguments.toArray(String[]::new));

    CommandLine.ParseResult nightly = parsed.subcommand();
    assertEquals("nightly", nightly.commandSpec().name());
    assertEquals(LocalDate.parse("2027-01-01"), nightly.matchedOptionValue("--date", null));
    assertEquals(ZoneId.of("America/New_York"), nightly.matchedOptionValue("--timezone", null));
    assertEquals(1.0, nightly.matchedOptionValue("--max-quarantine-share", 0.0));
    assertEquals(LocalDate.parse("2000-01-01"), nightly.matchedOptionValue("--valid-from", null));
    assertEquals("local[2]", nightly.matchedOptionValue("--master", null));
  }
  @Test
  void theChildGetsTheLaunchersSmallNightJitWhenTheBenchRunsFromTheProject(@TempDir Path landing) throws Exception {
    Files.createDirectories(landing.resolve("contacts/date=2027-01-01"));
    Files.write(landing.resolve("contacts/date=2027-01-01/part.csv"), new byte[2048]);
    PipelineConfig night = new PipelineConfig(NIGHT.from(), NIGHT.to(), landing.toString(), NIGHT.warehouse(),
        NIGHT.reports(), NIGHT.timezone(), NIGHT.piiKey(), 35, 28, 1.0, false, Duration.ZERO);
    String before = System.getProperty(Launcher.HOME_PROPERTY);
    try {
      System.clearProperty(Launcher.HOME_PROPERTY);
      assertEquals(List.of(), FreshJvmNightly.launcherJitOptions(night), "not started by the launcher: its defaults");
      System.setProperty(Launcher.HOME_PROPERTY, Path.of(System.getProperty("user.dir")).getParent().toString());
      assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=512m"),
          FreshJvmNightly.launcherJitOptions(night), "2 KiB is a small night, as bin/service-metrics judges it");
    } finally {
      if (before == null) {
        System.clearProperty(Launcher.HOME_PROPERTY);
      } else {
        System.setProperty(Launcher.HOME_PROPERTY, before);
      }
    }
  }
}
