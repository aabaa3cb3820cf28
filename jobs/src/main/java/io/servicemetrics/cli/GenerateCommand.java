package io.servicemetrics.cli;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.generate.ContactCenterGenerator;
import io.servicemetrics.generate.GenerationSummary;
import io.servicemetrics.generate.GeneratorConfig;
import io.servicemetrics.generate.RealFormatsWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a synthetic landing zone; pure Java, no Spark. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a deterministic synthetic contact-center landing zone in the input contract's format",
      "(contacts, surveys, mentions, customer_handles; see docs/INPUTS.md and docs/GENERATOR.md).",
      "Same arguments, same bytes. Streams day by day, so it also makes benchmark-size inputs."
    })
final class GenerateCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

  @Option(names = "--days", paramLabel = "N", defaultValue = "" + GeneratorConfig.DEFAULT_DAYS,
      description = "Delivery days (date= folders) to write (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--contacts-per-day", paramLabel = "K", defaultValue = "" + GeneratorConfig.DEFAULT_CONTACTS_PER_DAY,
      description = "Average contacts initiated per day, repeats included (default: ${DEFAULT-VALUE}); the customer base is "
          + GeneratorConfig.CUSTOMERS_PER_DAILY_CONTACT + " x K.")
  int contactsPerDay;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + GeneratorConfig.DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", defaultValue = GeneratorConfig.DEFAULT_START_DATE_TEXT,
      description = "First delivery day (default: ${DEFAULT-VALUE}).")
  String startDate;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Landing-zone directory to create; must be absent or empty.")
  Path out;

  @Option(names = "--real-formats", paramLabel = "DIR",
      description = "Also write the same days in the real export formats (docs/FORMATS.md) under DIR:"
          + " amazon-connect/contacts, genesys-cloud/contacts, nice-cxone/contacts, qualtrics/surveys,"
          + " x-api-v2/mentions; must be absent or empty.")
  Path realFormats;

  @Override
  public Integer call() {
    GeneratorConfig config = new GeneratorConfig(days, contactsPerDay, seed, parseDate(startDate), out);
    LOG.info("generate: {} days from {}, ~{} contacts/day, {} customers, seed {}, into {}",
        config.days(), config.startDate(), config.contactsPerDay(), config.customers(), config.seed(), config.out());
    if (realFormats != null) {
      RealFormatsWriter.requireWritable(realFormats);
    }
    GenerationSummary summary = ContactCenterGenerator.generate(config);
    summary.rowsPerSource().forEach((source, rows) -> LOG.info("generate: {} rows of {}", rows, source));
    LOG.info("generate: {} files, {} bytes, {} deliberate defects (listed in {})",
        summary.files(), summary.bytes(), summary.defects().size(), out.resolve(ContactCenterGenerator.DEFECTS_FILE));
    LOG.info("generate: story {}", summary.story());
    if (realFormats != null) {
      long files = RealFormatsWriter.write(out, realFormats);
      LOG.info("generate: {} files in real export formats under {}", files, realFormats);
    }
    return 0;
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Errors.badArgument("--start-date " + text + " is not a date", "It must be an ISO date", "Pass e.g. --start-date 2026-10-01");
    }
  }
}
