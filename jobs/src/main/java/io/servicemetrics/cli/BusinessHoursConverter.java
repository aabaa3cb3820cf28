package io.servicemetrics.cli;

import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.hours.BusinessHours;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Reads {@code --business-hours FILE} while the command line is parsed, so a bad file is a usage
 * error (exit 2) told before any Spark session starts or any warehouse is touched.
 */
final class BusinessHoursConverter implements CommandLine.ITypeConverter<BusinessHours> {
  static final String DESCRIPTION = "Schedules per queue (JSON, docs/METRICS.md \"Business hours\"): waits are"
      + " also counted in business seconds. Without it those columns are NULL.";

  @Override
  public BusinessHours convert(String value) {
    try {
      return BusinessHours.read(Path.of(value));
    } catch (ServiceMetricsException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
