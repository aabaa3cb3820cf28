package io.servicemetrics.cli;

import io.servicemetrics.staffing.StaffingConfig;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/** The money options of the staffing tables (gold resolution_value), shared by metrics, nightly and backfill. */
final class StaffingCostOptions {
  @Option(names = "--agent-hour-cost", paramLabel = "AMOUNT",
      description = "Loaded cost of one paid agent hour, for resolution_value's cost columns (default: none, cost NULL).")
  Double agentHourCost;

  @Option(names = "--currency", paramLabel = "CODE", defaultValue = StaffingConfig.DEFAULT_CURRENCY,
      description = "ISO 4217 code of --agent-hour-cost (default: ${DEFAULT-VALUE}).")
  String currency;

  /** The staffing settings: the defaults (docs/METRICS.md) with this cost. */
  StaffingConfig toConfig() {
    return StaffingConfig.DEFAULTS.withCost(
        agentHourCost == null ? OptionalDouble.empty() : OptionalDouble.of(agentHourCost), currency);
  }
}
