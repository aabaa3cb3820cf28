package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.errors.ServiceMetricsException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MetricsCommandTest {
  @Test
  void parsesOptionsWithNamedDefaults() {
    MetricsCommand cmd = new MetricsCommand();
    new CommandLine(cmd).parseArgs("--date", "2026-03-09", "--warehouse", "/tmp/wh");
    assertEquals(LocalDate.parse("2026-03-09"), cmd.date);
    assertEquals(MetricsConfig.DEFAULT_TIMEZONE, cmd.timezone, "default zone");
    assertEquals(MetricsConfig.DEFAULT_RESTATEMENT_DAYS, cmd.restatementDays);
    assertEquals(MetricsConfig.DEFAULT_PERIOD_DAYS, cmd.periodDays);
    assertFalse(cmd.fromScratch);

    new CommandLine(cmd).parseArgs("--date", "2026-03-09", "--warehouse", "/tmp/wh", "--timezone",
        "America/New_York", "--restatement-days", "40", "--from-scratch");
    assertEquals(ZoneId.of("America/New_York"), cmd.timezone);
    assertEquals(40, cmd.restatementDays);
    assertTrue(cmd.fromScratch);
    assertEquals(null, cmd.businessHours, "no schedule unless given");

    // The sample's schedule, read while parsing (tests run in the jobs module).
    new CommandLine(cmd).parseArgs("--date", "2026-03-09", "--warehouse", "/tmp/wh", "--business-hours",
        "../data-samples/business-hours.json");
    assertEquals("billing_office", cmd.businessHours.scheduleOf("billing"), "--business-hours");
  }

  @Test
  void aBadBusinessHoursFileIsAUsageErrorBeforeAnySparkSession(@TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path bad = tmp.resolve("hours.json");
    java.nio.file.Files.writeString(bad, "{\"schedules\": {\"s\": {\"timezone\": \"Mars/Olympus\", \"versions\": []}},"
        + " \"queues\": {\"*\": \"s\"}}");
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new MetricsCommand()).parseArgs("--date", "2026-03-09", "--warehouse", "/tmp/wh",
            "--business-hours", bad.toString()), "bad file");
    assertTrue(e.getMessage().contains("invalid at $.schedules.s.timezone: 'Mars/Olympus' is not an IANA time zone"),
        e.getMessage());
    assertEquals(2, ServiceMetricsCli.execute("nightly", "--date", "2026-03-09", "--landing", "/tmp/l", "--warehouse",
        "/tmp/wh", "--reports", "/tmp/r", "--business-hours", bad.toString()), "nightly exits 2");
    assertEquals(2, ServiceMetricsCli.execute("metrics", "--date", "2026-03-09", "--warehouse", "/tmp/wh",
        "--business-hours", tmp.resolve("missing.json").toString()), "a missing file exits 2");
  }

  @Test
  void configDerivesAsOfInTheBusinessZoneAndRejectsBadWindows() {
    MetricsConfig config = new MetricsConfig(LocalDate.parse("2026-03-09"), "/tmp/wh", ZoneId.of("America/New_York"),
        35, 28, false);
    // End of 2026-03-09 in New York (EDT since 03-08, UTC-4) = 2026-03-10T04:00Z.
    assertEquals(Instant.parse("2026-03-10T04:00:00Z"), config.asOf());
    assertEquals(LocalDate.parse("2026-02-03"), config.windowStart(), "35 days ending 03-09");
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> new MetricsConfig(LocalDate.parse("2026-03-09"), "/tmp/wh", ZoneId.of("UTC"), 0, 28, false));
    assertTrue(e.getMessage().contains("--restatement-days"), e.getMessage());
  }

  @Test
  void isRegisteredInTheCli() {
    assertTrue(new CommandLine(new ServiceMetricsCli()).getSubcommands().containsKey("metrics"));
  }

  @Test
  void usageErrorsExitWithTwoLikeEveryOtherBadArgument() {
    // docs/SCHEDULING.md: 2 = bad arguments, do not retry. Parsing fails before any Spark session.
    assertEquals(2, ServiceMetricsCli.execute("metrics", "--date", "2026-13-45", "--warehouse", "/tmp/wh"),
        "malformed date");
    assertEquals(2, ServiceMetricsCli.execute("report", "--date", "yesterday", "--warehouse", "/tmp/wh"),
        "malformed report date");
    assertEquals(2, ServiceMetricsCli.execute("nightly", "--no-such-option"), "unknown option");
    assertEquals(2, ServiceMetricsCli.execute(), "no command");
  }
}
