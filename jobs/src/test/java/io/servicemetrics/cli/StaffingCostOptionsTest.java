package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.staffing.StaffingConfig;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --agent-hour-cost and --currency on the commands that write the staffing tables. */
class StaffingCostOptionsTest {
  @Test
  void metricsTakesTheCostAndCurrency() {
    MetricsCommand cmd = new MetricsCommand();
    new CommandLine(cmd).parseArgs("--date", "2026-03-09", "--warehouse", "/tmp/wh");
    assertEquals(StaffingConfig.DEFAULTS, cmd.staffing.toConfig(), "no cost: the defaults, money columns NULL");

    new CommandLine(cmd).parseArgs("--date", "2026-03-09", "--warehouse", "/tmp/wh",
        "--agent-hour-cost", "32.5", "--currency", "EUR");
    StaffingConfig config = cmd.staffing.toConfig();
    assertEquals(OptionalDouble.of(32.5), config.agentHourCost(), "cost");
    assertEquals("EUR", config.currency(), "currency");
    assertEquals(StaffingConfig.DEFAULT_GOALS, config.goals(), "goals stay the defaults");
  }

  @Test
  void nightlyAndBackfillTakeThemToo() {
    for (String command : new String[] {"nightly", "backfill"}) {
      CommandLine cli = new CommandLine(new ServiceMetricsCli());
      CommandLine sub = cli.getSubcommands().get(command);
      assertEquals(true, sub.getCommandSpec().optionsMap().containsKey("--agent-hour-cost"), command);
      assertEquals(true, sub.getCommandSpec().optionsMap().containsKey("--currency"), command);
    }
  }

  @Test
  void aNegativeCostOrABadCurrencyIsBadInput() {
    MetricsCommand cmd = new MetricsCommand();
    new CommandLine(cmd).parseArgs("--date", "2026-03-09", "--warehouse", "/tmp/wh", "--agent-hour-cost", "-1");
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class, () -> cmd.staffing.toConfig());
    assertEquals(ExitCode.BAD_INPUT, e.exitCode(), "exit code");
    new CommandLine(cmd).parseArgs("--date", "2026-03-09", "--warehouse", "/tmp/wh", "--currency", "euro");
    assertEquals(ExitCode.BAD_INPUT,
        assertThrows(ServiceMetricsException.class, () -> cmd.staffing.toConfig()).exitCode(), "currency");
  }
}
