package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path tmp;

  @Test
  void generateWritesTheLandingZoneFromTheCommandLine() {
    Path out = tmp.resolve("landing");
    int code = ServiceMetricsCli.execute("generate", "--days", "2", "--contacts-per-day", "20", "--seed", "3",
        "--start-date", "2027-01-04", "--out", out.toString());
    assertEquals(0, code, "exit code");
    assertTrue(Files.isRegularFile(out.resolve("contacts/date=2027-01-05/contacts-2027-01-05.csv")), "second day's contacts");
    assertTrue(Files.isRegularFile(out.resolve("customer_handles/date=2027-01-04/customer_handles-2027-01-04.csv")), "identity map on day 1");
  }

  @Test
  void badArgumentsExitWithTheBadInputCode() {
    assertEquals(2, ServiceMetricsCli.execute("generate", "--days", "0", "--out", tmp.resolve("x").toString()), "zero days");
    assertEquals(2, ServiceMetricsCli.execute("generate", "--start-date", "2026-13-01", "--out", tmp.resolve("y").toString()), "bad date");
  }
}
