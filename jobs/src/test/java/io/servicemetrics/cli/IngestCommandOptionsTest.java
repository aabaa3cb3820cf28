package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** ingest, nightly, backfill and bench take --valid-from; ingest alone takes the quarantine threshold too. */
class IngestCommandOptionsTest {
  private static CommandLine.ParseResult parse(String... args) {
    return new CommandLine(new ServiceMetricsCli()).parseArgs(args).subcommand();
  }

  @Test
  void validFromDefaultsTo2000AndIngestTakesTheQuarantineThreshold() {
    CommandLine.ParseResult ingest = parse("ingest", "--date", "2026-12-01", "--landing", "l", "--warehouse", "w");
    IngestCommand command = (IngestCommand) ingest.commandSpec().userObject();
    assertEquals(LocalDate.parse("2000-01-01"), command.validFrom, "default --valid-from");
    assertEquals(0.05, command.maxQuarantineShare, "the same default threshold as nightly");

    IngestCommand old = (IngestCommand) parse("ingest", "--date", "2026-12-01", "--landing", "l", "--warehouse", "w",
        "--valid-from", "1999-01-01", "--max-quarantine-share", "0.2").commandSpec().userObject();
    assertEquals(LocalDate.parse("1999-01-01"), old.validFrom);
    assertEquals(0.2, old.maxQuarantineShare);

    for (String[] args : new String[][] {
        {"nightly", "--date", "2026-12-01", "--landing", "l", "--warehouse", "w", "--reports", "r", "--valid-from", "1999-01-01"},
        {"backfill", "--from", "2026-12-01", "--to", "2026-12-02", "--landing", "l", "--warehouse", "w", "--reports", "r",
            "--valid-from", "1999-01-01"},
        {"bench", "--contacts-per-day", "10", "--days", "1", "--valid-from", "1999-01-01"}}) {
      assertEquals(LocalDate.parse("1999-01-01"), parse(args).matchedOptionValue("--valid-from", null), args[0]);
    }
  }
}
