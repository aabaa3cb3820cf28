package io.servicemetrics.cli;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.io.WarehouseLock;
import io.servicemetrics.sentiment.LabelsFile;
import io.servicemetrics.sentiment.SentimentApplyJob;
import io.servicemetrics.sentiment.SentimentClassifier;
import io.servicemetrics.sentiment.SentimentModels;
import io.servicemetrics.sentiment.SentimentReport;
import io.servicemetrics.sentiment.SentimentSampleJob;
import io.servicemetrics.sentiment.SentimentTrainJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Sentiment scored by a model trained on the company's own labels: sample, train, list, activate. */
@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    description = "A sentiment model trained on your own labelled mentions (docs/SENTIMENT.md): `sample` mentions to"
        + " label, `train` on the labels, `models` to list them, `activate` to switch, `apply` to re-label silver and"
        + " restate word of mouth. Mentions with vendor sentiment keep it.",
    subcommands = {
      SentimentCommand.Sample.class,
      SentimentCommand.Train.class,
      SentimentCommand.Models.class,
      SentimentCommand.Activate.class,
      SentimentCommand.Apply.class
    })
final class SentimentCommand implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SentimentCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing sentiment command: pick one below.");
  }

  @Command(name = "sample", mixinStandardHelpOptions = true,
      description = "Writes silver mentions for people to label, drawn equally from each current label, as CSV with"
          + " columns mention_id, platform, posted_at, text, current_label, label (empty: fill it in).")
  static final class Sample extends SparkCommand {
    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
    String warehouse;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Mentions in the sample.")
    long n;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
    Path out;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First posting date (UTC) to draw from.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last posting date (UTC) to draw from.")
    LocalDate to;

    @Option(names = "--seed", defaultValue = "" + SentimentClassifier.DEFAULT_SEED, paramLabel = "S",
        description = "Decides which mentions are drawn (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    int run(SparkSession spark) {
      if (n < 1) {
        throw Errors.badArgument("--n " + n + " is not a sample size", "A sample holds at least one mention",
            "Pass --n N with N of at least 1 (a few hundred per label is a good start)");
      }
      WarehouseArgument.requireExists(spark, warehouse);
      String csv = SentimentSampleJob.run(new DeltaIo(spark, new Warehouse(warehouse)), from, to, n, seed);
      try {
        Files.writeString(out, csv, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw Errors.io("Cannot write the sample to " + out, e);
      }
      LOG.info("sentiment sample: {} mentions written to {}", csv.lines().count() - 1, out);
      return 0;
    }
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Trains a sentiment model on labelled mentions (CSV with mention_id and label: negative, neutral or"
          + " positive), reports its cross-validated quality, stores it and makes it the active model.")
  static final class Train extends SparkCommand {
    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
    String warehouse;

    @Option(names = "--labels", required = true, paramLabel = "FILE.csv", description = "The labels CSV.")
    Path labels;

    @Option(names = "--folds", defaultValue = "" + SentimentClassifier.DEFAULT_FOLDS, paramLabel = "K",
        description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Override
    int run(SparkSession spark) {
      SentimentTrainJob.Config config = new SentimentTrainJob.Config(labels.toString(), folds,
          SentimentClassifier.DEFAULT_SEED, SentimentClassifier.DEFAULT_REG_PARAMS);
      String text;
      try {
        text = Files.readString(labels, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw Errors.unreadableLabelsFile(labels.toString(), e);
      }
      LabelsFile parsed = LabelsFile.parse(text, labels.toString());
      WarehouseArgument.requireExists(spark, warehouse);
      SentimentTrainJob.Result result = SentimentTrainJob.run(new DeltaIo(spark, new Warehouse(warehouse)), config,
          parsed, Clock.systemUTC());
      System.out.println(SentimentReport.describe(result.modelId(), result.trained().metrics(), folds));
      return 0;
    }
  }

  @Command(name = "models", mixinStandardHelpOptions = true, description = "Lists the trained sentiment models.")
  static final class Models extends SparkCommand {
    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
    String warehouse;

    @Override
    int run(SparkSession spark) {
      WarehouseArgument.requireExists(spark, warehouse);
      new SentimentModels(new DeltaIo(spark, new Warehouse(warehouse))).list()
          .select("model_id", "trained_at", "active", "labels", "n_negative", "n_neutral", "n_positive", "folds",
              "accuracy", "macro_f1", "params")
          .show(1000, false);
      return 0;
    }
  }

  @Command(name = "activate", mixinStandardHelpOptions = true,
      description = "Makes a trained model the one that scores mentions without vendor sentiment (from the next ingest;"
          + " `sentiment apply` re-labels silver), or the lexicon with --lexicon.")
  static final class Activate extends SparkCommand {
    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
    String warehouse;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
      @Option(names = "--model", paramLabel = "ID", description = "The model id (see `sentiment models`).")
      String model;

      @Option(names = "--lexicon", description = "No model: the built-in lexicon scores again.")
      boolean lexicon;
    }

    @Override
    int run(SparkSession spark) {
      WarehouseArgument.requireExists(spark, warehouse);
      SentimentModels models = new SentimentModels(new DeltaIo(spark, new Warehouse(warehouse)));
      if (choice.lexicon) {
        models.deactivateAll();
        LOG.info("sentiment: no model active; the lexicon scores mentions without vendor sentiment");
      } else {
        models.activate(choice.model);
        LOG.info("sentiment: model {} is active", choice.model);
      }
      return 0;
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Labels the silver mentions without vendor sentiment again with the active model (the lexicon when"
          + " none is active) and restates gold wom_mentions and wom_multiplier for every period end they hold. Pass"
          + " the --timezone and --period-days of your nightly runs.")
  static final class Apply extends SparkCommand {
    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse root (path or URI).")
    String warehouse;

    @Option(names = "--timezone", defaultValue = MetricsConfig.DEFAULT_TIMEZONE_ID, paramLabel = "ZONE",
        description = "Business time zone of the period tables (default: ${DEFAULT-VALUE}).")
    ZoneId timezone;

    @Option(names = "--period-days", defaultValue = "" + MetricsConfig.DEFAULT_PERIOD_DAYS, paramLabel = "N",
        description = "Period length of the period tables (default: ${DEFAULT-VALUE}).")
    int periodDays;

    @Option(names = "--wait-for-lock", defaultValue = "0", paramLabel = "SECONDS",
        description = "Wait this long for a running pipeline before failing (default: ${DEFAULT-VALUE}).")
    long waitForLock;

    @Override
    int run(SparkSession spark) {
      WarehouseArgument.requireExists(spark, warehouse);
      DeltaIo delta = new DeltaIo(spark, new Warehouse(warehouse));
      // It rewrites silver and gold: not while a nightly is writing them.
      try (WarehouseLock lock = WarehouseLock.acquire(spark.sparkContext().hadoopConfiguration(), delta.warehouse(),
          "sentiment-apply", Duration.ofSeconds(waitForLock), Clock.systemUTC())) {
        SentimentApplyJob.run(delta, timezone, periodDays);
      }
      return 0;
    }
  }
}
