package io.servicemetrics.cli;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: parses, then hands each command to its job. */
@Command(
    name = "service-metrics",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Customer-service analytics on Spark and Delta Lake: resolution versus speed, repeat"
        + " contacts, and the word-of-mouth multiplier, from contact records, surveys and mentions.",
    subcommands = {
      DemoCommand.class,
      NightlyCommand.class,
      BackfillCommand.class,
      GenerateCommand.class,
      IngestCommand.class,
      SqlCommand.class,
      ReportCommand.class,
      NotebookCommand.class,
      MetricsCommand.class,
      MaintainCommand.class,
      BenchCommand.class,
      StaffingCommand.class,
      SentimentCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ServiceMetricsCli implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceMetricsCli.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: pick one below.");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns the exit code; System.exit stays in {@link #main}. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new ServiceMetricsCli());
    cli.setExitCodeExceptionMapper(ServiceMetricsCli::exitCodeOf);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      ServiceMetricsException known = ServiceMetricsException.findIn(e);
      if (known != null) {
        LOG.error("{}", known.getMessage());
        LOG.debug("stack trace", known);
      } else {
        LOG.error("{} failed: {}", commandLine.getCommandName(), e.toString(), e);
      }
      return exitCodeOf(e);
    });
    return cli.execute(args);
  }

  static int exitCodeOf(Throwable e) {
    // picocli hands its own usage errors (unknown option, malformed value, missing argument) to
    // this mapper too; they are bad arguments, exit 2 per docs/SCHEDULING.md, so schedulers do not retry.
    if (e instanceof CommandLine.ParameterException) {
      return ExitCode.BAD_INPUT.code();
    }
    ServiceMetricsException known = ServiceMetricsException.findIn(e);
    return known != null ? known.exitCode().code() : ExitCode.FAILURE.code();
  }
}
