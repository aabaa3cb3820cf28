package io.servicemetrics.errors;

import java.util.Collection;
import java.util.List;

/** The catalogue of user-facing errors: what went wrong, why, and how to fix it. */
public final class Errors {
  private Errors() {}

  private static ServiceMetricsException error(
      ExitCode code, String what, String why, String fix, Throwable cause) {
    return new ServiceMetricsException(code, what + ". " + why + ". " + fix + ".", cause);
  }

  public static ServiceMetricsException badArgument(String what, String why, String fix) {
    return error(ExitCode.BAD_INPUT, what, why, fix, null);
  }

  public static ServiceMetricsException unknownOptions(String where, Collection<String> unknown, Collection<String> known) {
    return badArgument(
        "Unknown option(s) " + unknown + " for " + where,
        "Only these are recognised: " + known,
        "Remove or correct the option(s); see --help");
  }

  public static ServiceMetricsException missingPiiKey() {
    return badArgument(
        "No PII pseudonymization key was given",
        "Customer ids, phones, emails and handles are replaced by keyed HMAC-SHA256 pseudonyms before"
            + " they reach silver, and a real run must not fall back to a known key",
        "Set SERVICE_METRICS_PII_KEY in the environment or pass --pii-key-file FILE"
            + " (the demo uses a labeled demo key on its own)");
  }

  public static ServiceMetricsException unreadablePiiKeyFile(String path, Throwable cause) {
    return error(
        ExitCode.BAD_INPUT,
        "Cannot read the PII key file " + path,
        "The file is missing, unreadable or empty",
        "Point --pii-key-file at a readable file holding the secret key (at least 16 characters)",
        cause);
  }

  public static ServiceMetricsException piiKeyTooShort(int length) {
    return badArgument(
        "The PII key is only " + length + " characters long",
        "A short key makes pseudonyms guessable by brute force",
        "Use a random key of at least 16 characters, e.g. `openssl rand -hex 32`");
  }

  public static ServiceMetricsException landingMissing(String landing) {
    return badArgument(
        "The landing zone " + landing + " does not exist",
        "Ingest reads <landing>/<source>/date=YYYY-MM-DD/ folders from it",
        "Check the --landing path (see docs/INPUTS.md for the layout)");
  }

  public static ServiceMetricsException warehouseMissing(String warehouse) {
    return badArgument(
        "The warehouse " + warehouse + " does not exist or holds no tables",
        "This command reads tables an earlier ingest or metrics run wrote there",
        "Check the --warehouse path, or run `service-metrics ingest` (or `demo`) first");
  }

  public static ServiceMetricsException tableMissing(String table, String path) {
    return badArgument(
        "The table " + table + " is missing at " + path,
        "The stage that writes it has not run against this warehouse",
        "Run the stages in order (ingest, metrics, report) or use `nightly`");
  }

  /**
   * A query a user wrote (the {@code sql} command) that Spark cannot parse, resolve or evaluate:
   * bad input, not a failure to retry.
   */
  public static ServiceMetricsException badQuery(String sparkMessage, Throwable cause) {
    // Spark ends its messages with '.' or ';' (before a plan); the sentence below supplies its own.
    String message = sparkMessage.replaceAll("[.;\\s]+$", "");
    return error(
        ExitCode.BAD_INPUT,
        "The SQL query cannot run",
        "Spark says: " + message,
        "Correct the query; every table is a view named <layer>_<table>, listed in the log line above",
        cause);
  }

  /**
   * A {@code --business-hours} file that cannot be used as it stands.
   *
   * @param file the file as the user named it
   * @param place a JSON path ({@code $.schedules.us_office.timezone}) or a line and column
   */
  public static ServiceMetricsException badBusinessHours(String file, String place, String problem, String fix) {
    return badArgument(
        "The business hours file " + file + " is invalid at " + place + ": " + problem,
        "Waits are counted in business seconds only inside its schedules, so a schedule read any other way than"
            + " exactly as written would count wrong waits",
        fix + " (the format is in docs/METRICS.md \"Business hours\")");
  }

  public static ServiceMetricsException unreadableBusinessHours(String file, Throwable cause) {
    return error(
        ExitCode.BAD_INPUT,
        "Cannot read the business hours file " + file,
        "The file is missing or unreadable",
        "Point --business-hours at a readable JSON file (the format is in docs/METRICS.md \"Business hours\")",
        cause);
  }

  /** A queue that a {@code --business-hours} file without a {@code "*"} entry does not map. */
  public static ServiceMetricsException queueWithoutSchedule(String file, String queue) {
    return badArgument(
        "The business hours file " + file + " maps no schedule to the queue '" + queue + "' at $.queues",
        "The map has no \"*\" entry for every other queue, and a wait cannot be counted without a schedule",
        "Add \"" + queue + "\": \"<schedule>\" or \"*\": \"<schedule>\" to $.queues");
  }

  public static ServiceMetricsException unreadableLabelsFile(String path, Throwable cause) {
    return error(
        ExitCode.BAD_INPUT,
        "Cannot read the labels file " + path,
        "The file is missing, unreadable or not UTF-8 text",
        "Point --labels at a CSV file with a header holding mention_id and label (e.g. a filled-in"
            + " `sentiment sample` file)",
        cause);
  }

  /** Bad lines of a labels file, each as "line N: what"; the first ten are named. */
  public static ServiceMetricsException badLabels(String path, List<String> problems) {
    String named = String.join("; ", problems.subList(0, Math.min(10, problems.size())))
        + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : "");
    return badArgument(
        "The labels file " + path + " has " + problems.size() + " bad line(s): " + named,
        "Each labelled line needs a mention_id and a label of negative, neutral or positive (an empty label"
            + " leaves the mention out), and one mention cannot carry two different labels",
        "Correct those lines and run `sentiment train` again");
  }

  /** Too few labels to train and cross-validate a sentiment model. */
  public static ServiceMetricsException tooFewLabels(String what, String fix) {
    return badArgument(
        what,
        "A model trained and cross-validated on fewer labels says little about new mentions (docs/SENTIMENT.md"
            + " shows the accuracy to expect from how many labels)",
        fix);
  }

  public static ServiceMetricsException unknownSentimentModel(String modelId, Collection<String> known) {
    return badArgument(
        "No sentiment model " + modelId + " in meta_sentiment_models",
        known.isEmpty() ? "No model was trained in this warehouse" : "The trained models are " + known,
        "Run `sentiment models --warehouse DIR` to list them, or `sentiment train` to train one");
  }

  public static ServiceMetricsException reconciliationFailed(String source, long read, long accepted, long quarantined, long superseded) {
    return error(
        ExitCode.FAILURE,
        "Ingest of " + source + " does not reconcile: read " + read + " but accepted " + accepted
            + " + quarantined " + quarantined + " + superseded " + superseded + " = "
            + (accepted + quarantined + superseded),
        "Every input record must end in exactly one place, so records were lost or double counted",
        "This is a bug: keep the landing files and report it with the run log (meta_run_log)",
        null);
  }

  public static ServiceMetricsException warehouseBusy(String warehouse, String holder, String lockFile) {
    return error(
        ExitCode.FAILURE,
        "The warehouse " + warehouse + " is in use by " + holder,
        "Two runs writing one warehouse at once would restate gold from each other's half-finished days",
        "Wait for that run to finish (or pass --wait-for-lock SECONDS); if its process is certainly gone"
            + " (another host), delete " + lockFile,
        null);
  }

  public static ServiceMetricsException dataQualityBreached(String what, String fix) {
    return error(ExitCode.DATA_QUALITY, what, "A data-quality threshold was breached", fix, null);
  }

  public static ServiceMetricsException io(String what, Throwable cause) {
    return error(
        ExitCode.FAILURE,
        what,
        "The storage layer raised " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
        "Check the path, permissions and free space; rerunning the same command is safe",
        cause);
  }
}
