package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.WomMentionsSchema;
import io.servicemetrics.schema.WomMultiplierSchema;
import io.servicemetrics.sentiment.SentimentLabel;
import io.servicemetrics.sentiment.SentimentModels;
import io.servicemetrics.stats.Bootstrap;
import io.servicemetrics.stats.ConfusionCorrection;
import io.servicemetrics.stats.FrequencyTable;
import io.servicemetrics.stats.Interval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Word of mouth over a period: negative versus positive mentions (gold wom_mentions) and how many
 * people hear about one unhappy versus one happy experience (gold wom_multiplier). Definitions:
 * docs/METRICS.md, "Word of mouth". Only frequency tables (value → count) reach the driver.
 */
public final class WordOfMouthTransforms {
  /** A mention counts toward the latest chain that ended at most this long before it. */
  public static final Duration FOLLOW_WINDOW = Duration.ofDays(14);
  public static final String POLARITY = "polarity";
  public static final String POLARITY_POSITIVE = "positive";
  public static final String POLARITY_NEGATIVE = "negative";
  public static final String POLARITY_NEUTRAL = "neutral";
  /** Neither a survey csat nor a known resolved: the experience is not eligible (never unhappy by default). */
  public static final String POLARITY_UNKNOWN = "unknown";
  /** csat at or above this is a positive experience; at or below {@link #CSAT_NEGATIVE_MAX} negative. */
  public static final int CSAT_POSITIVE_MIN = 4;
  public static final int CSAT_NEGATIVE_MAX = 2;
  public static final String REACH = "reach";
  public static final String TOLD = "told";
  static final String MENTIONS = "mentions";
  static final String ITEMS = "items";
  static final String MENTIONED = "mentioned";

  private static final int NEG = 0;
  private static final int POS = 1;
  private static final int NEUTRAL = 2;
  private static final String HANDLE_CUSTOMERS = "handle_customers";
  private static final String AUTHOR_PLATFORM = "author_platform";
  private static final String AUTHOR = "author";
  private static final String RANK = "attribution_rank";
  private static final String MENTION_CUSTOMER = "mention_customer_key";
  private static final String ATTRIBUTED_CHAIN_ID = "attributed_chain_id";
  private static final String PERIOD_MENTIONS = "period_mentions";

  private WordOfMouthTransforms() {}

  // ---- wom_mentions ----

  /**
   * Mentions posted in the period (posted_at in [start of the first day, as_of) in the business
   * zone) with reach = impressions when present, else author_followers.
   */
  public static Dataset<Row> periodMentions(Dataset<Row> mentions, PeriodWindow window) {
    return mentions
        .filter(col(MentionsSchema.POSTED_AT).geq(lit(window.startInstant()))
            .and(col(MentionsSchema.POSTED_AT).lt(lit(window.asOf()))))
        .withColumn(REACH, coalesce(col(MentionsSchema.IMPRESSIONS), col(MentionsSchema.AUTHOR_FOLLOWERS)));
  }

  /** Frequency table of mentions: sentiment_label × reach → items. */
  public static Dataset<Row> mentionFrequencies(Dataset<Row> periodMentions) {
    return periodMentions.groupBy(col(MentionsSchema.SENTIMENT_LABEL), col(REACH)).agg(count(lit(1)).as(ITEMS));
  }

  /** The statistics of wom_mentions as functions of per-label counts and reach sums. */
  static final Bootstrap.Statistic INCIDENCE = (c, s) -> (double) c[NEG] / c[POS];
  static final Bootstrap.Statistic REACH_RATIO = (c, s) -> (s[NEG] / c[NEG]) / (s[POS] / c[POS]);
  static final Bootstrap.Statistic EXPOSURE = (c, s) -> s[NEG] / s[POS];

  /**
   * Frequency table of mentions: sentiment_label × reshares → items, in {@link #mentionFrequencies}'
   * shape with the reshare count in the {@link #REACH} column.
   */
  public static Dataset<Row> reshareFrequencies(Dataset<Row> periodMentions) {
    return periodMentions.groupBy(col(MentionsSchema.SENTIMENT_LABEL), col(MentionsSchema.RESHARES).as(REACH))
        .agg(count(lit(1)).as(ITEMS));
  }

  /**
   * reshare_ratio = mean reshares of a negative mention / mean reshares of a positive one, with its
   * pooled bootstrap interval: amplification that needs neither impressions nor followers. All
   * NULL without reshare frequencies; NULL with a note when undefined.
   */
  private static List<Object> reshareRatio(List<Row> reshares, Notes notes) {
    if (reshares.isEmpty()) {
      return Arrays.asList(null, null, null);
    }
    FrequencyTable table = new FrequencyTable(3);
    for (Row f : reshares) {
      String label = f.getAs(MentionsSchema.SENTIMENT_LABEL);
      int group = MentionsSchema.LABEL_NEGATIVE.equals(label) ? NEG
          : MentionsSchema.LABEL_POSITIVE.equals(label) ? POS : NEUTRAL;
      table.add(group, f.<Long>getAs(REACH), f.<Long>getAs(ITEMS));
    }
    Bootstrap.Outcome o = Bootstrap.pooled(table, List.of(REACH_RATIO)).get(0);
    Double estimate = ResolutionSpeedTransforms.finiteOrNull(REACH_RATIO.of(table.counts(), table.sums()));
    if (estimate == null) {
      long[] c = table.counts();
      notes.add(WomMentionsSchema.RESHARE_RATIO + ": undefined: " + (c[POS] == 0 ? "no positive mentions in the period"
          : c[NEG] == 0 ? "no negative mentions in the period" : "positive mentions were never reshared"));
    } else if (o.interval() == null) {
      notes.add(WomMentionsSchema.RESHARE_RATIO + ": " + o.reason());
    }
    Interval interval = estimate == null ? null : o.interval();
    return Arrays.asList(estimate, interval == null ? null : interval.low(), interval == null ? null : interval.high());
  }

  /** Mentions by sentiment_source × sentiment_label → items: who labelled the period's mentions, and how. */
  public static Dataset<Row> sourceFrequencies(Dataset<Row> periodMentions) {
    return periodMentions.groupBy(col(MentionsSchema.SENTIMENT_SOURCE), col(MentionsSchema.SENTIMENT_LABEL))
        .agg(count(lit(1)).as(ITEMS));
  }

  /** The gold wom_mentions row from the collected mention frequency table, labels' sources unknown. */
  public static Row womMentionsRow(List<Row> frequencies, GoldStamp stamp) {
    return womMentionsRow(frequencies, List.of(), stamp);
  }

  /**
   * The gold wom_mentions row from the collected mention frequency table and the period's
   * {@link #sourceFrequencies}.
   */
  public static Row womMentionsRow(List<Row> frequencies, List<Row> sources, GoldStamp stamp) {
    return womMentionsRow(frequencies, sources, List.of(), java.util.Map.of(), stamp);
  }

  /**
   * The gold wom_mentions row; when the period's model-labelled mentions come from one model whose
   * cross-validated confusion matrix is in {@code confusions} (model id → matrix, rows true and
   * columns predicted, in the order negative, neutral, positive), also the counts and incidence
   * ratio corrected for that model's errors; and the reshare ratio from {@link #reshareFrequencies}.
   */
  public static Row womMentionsRow(List<Row> frequencies, List<Row> sources, List<Row> reshares,
      java.util.Map<String, long[][]> confusions, GoldStamp stamp) {
    FrequencyTable table = new FrequencyTable(3);
    for (Row f : frequencies) {
      String label = f.getAs(MentionsSchema.SENTIMENT_LABEL);
      long reach = f.getAs(REACH);
      long items = f.getAs(ITEMS);
      int group = MentionsSchema.LABEL_NEGATIVE.equals(label) ? NEG
          : MentionsSchema.LABEL_POSITIVE.equals(label) ? POS : NEUTRAL;
      table.add(group, reach, items);
    }
    long[] counts = table.counts();
    double[] sums = table.sums();
    List<Bootstrap.Statistic> statistics = List.of(INCIDENCE, REACH_RATIO, EXPOSURE);
    List<String> names = List.of(
        WomMentionsSchema.INCIDENCE_RATIO, WomMentionsSchema.REACH_RATIO, WomMentionsSchema.EXPOSURE_MULTIPLIER);
    List<Bootstrap.Outcome> outcomes = Bootstrap.pooled(table, statistics);
    Notes notes = new Notes();
    List<Object> values = new ArrayList<>(List.of(stamp.periodEndValue(), counts[NEG], counts[POS]));
    for (int i = 0; i < statistics.size(); i++) {
      Bootstrap.Outcome o = outcomes.get(i);
      Double estimate = ResolutionSpeedTransforms.finiteOrNull(statistics.get(i).of(counts, sums));
      if (estimate == null) {
        notes.add(names.get(i) + ": undefined: " + mentionRatioUndefinedBecause(i, counts, sums));
      } else if (o.interval() == null) {
        notes.add(names.get(i) + ": " + o.reason());
      }
      Interval interval = o.interval();
      values.addAll(Arrays.asList(estimate, interval == null ? null : interval.low(),
          interval == null ? null : interval.high()));
    }
    List<Object> reshare = reshareRatio(reshares, notes);
    // Per source, counts in the order negative, neutral, positive (the confusion matrices' order).
    java.util.Map<String, long[]> byModel = new java.util.TreeMap<>();
    long[] others = new long[3];
    long lexicon = 0;
    for (Row r : sources) {
      String source = r.getAs(MentionsSchema.SENTIMENT_SOURCE);
      String label = r.getAs(MentionsSchema.SENTIMENT_LABEL);
      long items = r.<Long>getAs(ITEMS);
      int index = MentionsSchema.LABEL_NEGATIVE.equals(label) ? 0 : MentionsSchema.LABEL_POSITIVE.equals(label) ? 2 : 1;
      if (source.startsWith(SentimentModels.SOURCE_MODEL_PREFIX)) {
        byModel.computeIfAbsent(source.substring(SentimentModels.SOURCE_MODEL_PREFIX.length()), m -> new long[3])[index] += items;
      } else {
        others[index] += items;
        if (source.equals(SentimentLabel.SOURCE_LEXICON)) {
          lexicon += items;
        }
      }
    }
    List<Object> corrected = corrected(byModel, others, confusions, notes);
    values.add(notes.text());
    values.add(byModel.isEmpty() ? null : String.join(",", byModel.keySet()));
    values.add(lexicon);
    values.addAll(corrected);
    values.addAll(reshare);
    values.add(stamp.asOfValue());
    values.add(stamp.definitionsVersion());
    return new GenericRowWithSchema(values.toArray(), WomMentionsSchema.SCHEMA);
  }

  /**
   * scorer_accuracy, scorer_labels, n_negative_corrected, n_positive_corrected, incidence_ratio_corrected and its
   * interval: the model-labelled counts corrected with the model's confusion matrix, the other
   * sources' counts added as they are (the vendor's errors are unknown). All NULL unless exactly one
   * model with a known confusion matrix labelled the period's mentions.
   */
  private static List<Object> corrected(java.util.Map<String, long[]> byModel, long[] others,
      java.util.Map<String, long[][]> confusions, Notes notes) {
    List<Object> none = Arrays.asList(null, null, null, null, null, null, null);
    if (byModel.size() != 1 || !confusions.containsKey(byModel.keySet().iterator().next())) {
      if (byModel.size() > 1) {
        notes.add("incidence_ratio_corrected: not computed: the period's mentions were labelled by "
            + byModel.size() + " models");
      }
      return none;
    }
    long[] observed = byModel.values().iterator().next();
    long[][] confusion = confusions.get(byModel.keySet().iterator().next());
    long total = 0;
    long right = 0;
    for (int t = 0; t < confusion.length; t++) {
      right += confusion[t][t];
      total += Arrays.stream(confusion[t]).sum();
    }
    double[] n = ConfusionCorrection.corrected(observed, confusion);
    if (n == null || total == 0) {
      notes.add("incidence_ratio_corrected: not computed: the model's confusion matrix cannot be inverted");
      return none;
    }
    double negative = n[0] + others[0];
    double positive = n[2] + others[2];
    Bootstrap.Outcome o = ConfusionCorrection.interval(observed, confusion,
        c -> (c[0] + others[0]) / (c[2] + others[2]), Bootstrap.SEED, Bootstrap.RESAMPLES);
    Double ratio = ResolutionSpeedTransforms.finiteOrNull(negative / positive);
    if (ratio == null) {
      notes.add("incidence_ratio_corrected: undefined: no positive mentions after correction");
    } else if (o.interval() == null) {
      notes.add("incidence_ratio_corrected: " + o.reason());
    }
    Interval interval = ratio == null ? null : o.interval();
    return Arrays.asList((double) right / total, total, negative, positive, ratio,
        interval == null ? null : interval.low(), interval == null ? null : interval.high());
  }

  /** Gold wom_mentions for the period: one row. */
  public static Dataset<Row> womMentions(Dataset<Row> mentions, PeriodWindow window, GoldStamp stamp) {
    return womMentions(mentions, java.util.Map.of(), window, stamp);
  }

  /**
   * Gold wom_mentions for the period, with counts corrected for classification error when one
   * model of {@code confusions} (model id → cross-validated confusion matrix) labelled its mentions.
   */
  public static Dataset<Row> womMentions(Dataset<Row> mentions, java.util.Map<String, long[][]> confusions,
      PeriodWindow window, GoldStamp stamp) {
    Dataset<Row> period = periodMentions(mentions, window);
    // The three frequency tables in one query (one collect instead of three), told apart by a
    // column; each keeps its own columns, the others NULL.
    DataType reachType = period.schema().apply(REACH).dataType();
    Column noReach = lit(null).cast(reachType).as(REACH);
    Column noSource = lit(null).cast(DataTypes.StringType).as(MentionsSchema.SENTIMENT_SOURCE);
    List<Row> tables = mentionFrequencies(period)
        .select(lit(TABLE_REACH).as(FREQUENCY_TABLE), col(MentionsSchema.SENTIMENT_LABEL), noSource, col(REACH), col(ITEMS))
        .unionByName(sourceFrequencies(period).select(lit(TABLE_SOURCES).as(FREQUENCY_TABLE),
            col(MentionsSchema.SENTIMENT_LABEL), col(MentionsSchema.SENTIMENT_SOURCE), noReach, col(ITEMS)))
        .unionByName(reshareFrequencies(period).select(lit(TABLE_RESHARES).as(FREQUENCY_TABLE),
            col(MentionsSchema.SENTIMENT_LABEL), noSource, col(REACH).cast(reachType).as(REACH), col(ITEMS)))
        .collectAsList();
    return mentions.sparkSession().createDataFrame(
        List.of(womMentionsRow(frequencyTable(tables, TABLE_REACH), frequencyTable(tables, TABLE_SOURCES),
            frequencyTable(tables, TABLE_RESHARES), confusions, stamp)),
        WomMentionsSchema.SCHEMA);
  }

  private static final String FREQUENCY_TABLE = "frequency_table";
  private static final String TABLE_REACH = "reach";
  private static final String TABLE_SOURCES = "sources";
  private static final String TABLE_RESHARES = "reshares";

  private static List<Row> frequencyTable(List<Row> tables, String name) {
    return tables.stream().filter(r -> name.equals(r.getAs(FREQUENCY_TABLE))).toList();
  }

  // ---- wom_multiplier ----

  /**
   * Adds polarity: csat ≥ 4 positive, ≤ 2 negative, 3 neutral; without csat, the chain's known
   * {@code resolved} decides (true positive, false negative: an abandoned chain is known
   * unresolved); with neither it is {@link #POLARITY_UNKNOWN}. An export without outcomes and
   * surveys would otherwise count every answered chain as an unhappy experience.
   */
  public static Dataset<Row> withPolarity(Dataset<Row> chains) {
    Column csat = col(ContactChainsSchema.CSAT);
    Column resolved = col(ContactChainsSchema.RESOLVED);
    return chains.withColumn(POLARITY,
        when(csat.geq(CSAT_POSITIVE_MIN), lit(POLARITY_POSITIVE))
            .when(csat.leq(CSAT_NEGATIVE_MAX), lit(POLARITY_NEGATIVE))
            .when(csat.isNotNull(), lit(POLARITY_NEUTRAL))
            .when(resolved, lit(POLARITY_POSITIVE))
            .when(resolved.isNotNull(), lit(POLARITY_NEGATIVE))
            .otherwise(lit(POLARITY_UNKNOWN)));
  }

  /**
   * One row: the period's chains with a complete follow window that are left out of the
   * experiences, by why: {@link #POLARITY_UNKNOWN} (no csat, no reported outcome) and
   * {@link #POLARITY_NEUTRAL} (csat 3). Columns are those two polarity names, counts (0 when none).
   */
  public static Dataset<Row> excludedExperiences(Dataset<Row> chains, PeriodWindow window) {
    Column polarity = col(POLARITY);
    return withPolarity(chains)
        .filter(col(ContactChainsSchema.CONTACT_DATE).between(lit(window.periodStart()), lit(window.periodEnd()))
            .and(col(ContactChainsSchema.ENDED_AT).leq(lit(window.asOfMinus(FOLLOW_WINDOW)))))
        .agg(count(when(polarity.equalTo(lit(POLARITY_UNKNOWN)), lit(1))).as(POLARITY_UNKNOWN),
            count(when(polarity.equalTo(lit(POLARITY_NEUTRAL)), lit(1))).as(POLARITY_NEUTRAL));
  }

  /**
   * Handles that identify exactly one customer: (platform, handle_pseudonym, customer_key) for
   * every (platform, handle_pseudonym) mapped to one distinct customer_key. A handle shared by two
   * or more customers (a family account, a recycled phone number) identifies nobody and is left
   * out.
   */
  public static Dataset<Row> unambiguousHandles(Dataset<Row> customerHandles) {
    Column platform = col(CustomerHandlesSchema.PLATFORM);
    Column handle = col(CustomerHandlesSchema.HANDLE_PSEUDONYM);
    return customerHandles
        .groupBy(platform, handle)
        .agg(countDistinct(col(CustomerHandlesSchema.CUSTOMER_KEY)).as(HANDLE_CUSTOMERS),
            first(col(CustomerHandlesSchema.CUSTOMER_KEY)).as(CustomerHandlesSchema.CUSTOMER_KEY))
        .filter(col(HANDLE_CUSTOMERS).equalTo(1))
        .drop(HANDLE_CUSTOMERS);
  }

  /**
   * The identity-map rows of the handles that posted in the period. Whether a handle is
   * unambiguous depends only on its own rows, so narrowing the map first gives the same
   * {@link #unambiguousHandles} for these authors while grouping a period's authors instead of the
   * whole map. The authors are broadcast: a period's distinct authors are a few per mention.
   */
  public static Dataset<Row> authorHandles(Dataset<Row> customerHandles, Dataset<Row> periodMentions) {
    Dataset<Row> authors = periodMentions
        .select(col(MentionsSchema.PLATFORM).as(AUTHOR_PLATFORM), col(MentionsSchema.AUTHOR_PSEUDONYM).as(AUTHOR))
        .distinct();
    return customerHandles.join(broadcast(authors),
        col(CustomerHandlesSchema.PLATFORM).equalTo(col(AUTHOR_PLATFORM))
            .and(col(CustomerHandlesSchema.HANDLE_PSEUDONYM).equalTo(col(AUTHOR))), "left_semi");
  }

  /**
   * Attributes period mentions to chains: a mention whose (platform, author_pseudonym) is an
   * unambiguous handle goes to that customer's latest chain with ended_at in [posted_at − 14 days,
   * posted_at] (ties on ended_at go to the greatest chain_id). Columns: mention_id, chain_id,
   * reach. Mentions without such a chain are dropped.
   */
  public static Dataset<Row> attributedMentions(
      Dataset<Row> periodMentions, Dataset<Row> handles, Dataset<Row> chains, PeriodWindow window) {
    Dataset<Row> identified = periodMentions
        .join(handles, periodMentions.col(MentionsSchema.PLATFORM).equalTo(handles.col(CustomerHandlesSchema.PLATFORM))
            .and(periodMentions.col(MentionsSchema.AUTHOR_PSEUDONYM).equalTo(handles.col(CustomerHandlesSchema.HANDLE_PSEUDONYM))))
        .select(col(MentionsSchema.MENTION_ID), col(MentionsSchema.POSTED_AT), col(REACH),
            handles.col(CustomerHandlesSchema.CUSTOMER_KEY).as(MENTION_CUSTOMER));
    // Only chains ending from 14 days before the period to as_of can receive a period mention.
    Dataset<Row> candidates = chains
        .filter(col(ContactChainsSchema.CUSTOMER_KEY).isNotNull()
            .and(col(ContactChainsSchema.ENDED_AT).geq(lit(window.startInstant().minus(FOLLOW_WINDOW))))
            .and(col(ContactChainsSchema.ENDED_AT).leq(lit(window.asOf()))))
        .select(col(ContactChainsSchema.CHAIN_ID), col(ContactChainsSchema.CUSTOMER_KEY), col(ContactChainsSchema.ENDED_AT));
    Column gapMicros = unix_micros(col(MentionsSchema.POSTED_AT)).minus(unix_micros(col(ContactChainsSchema.ENDED_AT)));
    return identified
        .join(candidates, col(MENTION_CUSTOMER).equalTo(col(ContactChainsSchema.CUSTOMER_KEY))
            .and(gapMicros.geq(0))
            .and(gapMicros.leq(FOLLOW_WINDOW.toNanos() / 1000)))
        .withColumn(RANK, row_number().over(Window.partitionBy(col(MentionsSchema.MENTION_ID))
            .orderBy(col(ContactChainsSchema.ENDED_AT).desc(), col(ContactChainsSchema.CHAIN_ID).desc())))
        .filter(col(RANK).equalTo(1))
        .select(col(MentionsSchema.MENTION_ID), col(ContactChainsSchema.CHAIN_ID), col(REACH));
  }

  /**
   * Eligible experiences with what they were told: chains with contact_date in the period,
   * polarity positive or negative, and a complete follow window (ended_at + 14 days ≤ as_of).
   * Columns: chain_id, polarity, told (total reach of attributed mentions, 0 when none), mentions.
   */
  public static Dataset<Row> experiences(Dataset<Row> chains, Dataset<Row> attributed, PeriodWindow window) {
    Dataset<Row> eligible = withPolarity(chains)
        .filter(col(ContactChainsSchema.CONTACT_DATE).between(lit(window.periodStart()), lit(window.periodEnd()))
            .and(col(POLARITY).isin(POLARITY_POSITIVE, POLARITY_NEGATIVE))
            .and(col(ContactChainsSchema.ENDED_AT).leq(lit(window.asOfMinus(FOLLOW_WINDOW)))))
        .select(col(ContactChainsSchema.CHAIN_ID), col(POLARITY));
    // Renamed: attributed chain ids derive from the same chains frame, so qualified references
    // would not tell the two sides apart.
    Dataset<Row> perChain = attributed.groupBy(col(ContactChainsSchema.CHAIN_ID).as(ATTRIBUTED_CHAIN_ID))
        .agg(sum(col(REACH)).as(TOLD), count(lit(1)).as(MENTIONS));
    return eligible.join(perChain, col(ContactChainsSchema.CHAIN_ID).equalTo(col(ATTRIBUTED_CHAIN_ID)), "left")
        .select(col(ContactChainsSchema.CHAIN_ID), col(POLARITY),
            coalesce(col(TOLD), lit(0L)).as(TOLD), coalesce(col(MENTIONS), lit(0L)).as(MENTIONS));
  }

  /** Frequency table of experiences: polarity × told × mentioned (≥ 1 attributed mention) → items. */
  public static Dataset<Row> experienceFrequencies(Dataset<Row> experiences) {
    return experiences
        .groupBy(col(POLARITY), col(TOLD), col(MENTIONS).gt(0).as(MENTIONED))
        .agg(count(lit(1)).as(ITEMS));
  }

  /**
   * One row over the period's chains with people_told: mean people_told of csat ≤ 2 and of
   * csat ≥ 4 (NULL when there are none).
   */
  public static Dataset<Row> surveyTold(Dataset<Row> chains, PeriodWindow window) {
    Column told = col(ContactChainsSchema.PEOPLE_TOLD).cast("double");
    Column csat = col(ContactChainsSchema.CSAT);
    return chains
        .filter(col(ContactChainsSchema.CONTACT_DATE).between(lit(window.periodStart()), lit(window.periodEnd()))
            .and(col(ContactChainsSchema.PEOPLE_TOLD).isNotNull()))
        .agg(avg(when(csat.leq(CSAT_NEGATIVE_MAX), told)).as(POLARITY_NEGATIVE),
            avg(when(csat.geq(CSAT_POSITIVE_MIN), told)).as(POLARITY_POSITIVE));
  }

  static final Bootstrap.Statistic MULTIPLIER = (c, s) -> (s[NEG] / c[NEG]) / (s[POS] / c[POS]);

  /** The gold wom_multiplier row when mentions were delivered and no experience was left out. */
  public static Row womMultiplierRow(List<Row> frequencies, Row surveyTold, GoldStamp stamp) {
    return womMultiplierRow(frequencies, surveyTold, new Excluded(0, 0, 1), stamp);
  }

  /**
   * What the multiplier leaves out or cannot see: experiences of unknown and neutral polarity, and
   * the number of mentions posted in the period (0: none delivered, so nothing about mentions is
   * measured).
   */
  public record Excluded(long unknownExperiences, long neutralExperiences, long periodMentions) {}

  /**
   * The gold wom_multiplier row from the collected experience frequencies, survey means and
   * exclusions. Without any mention in the period the mention shares, people told and the
   * multiplier are NULL with the reason in note: no delivered mention is not "nobody talked".
   */
  public static Row womMultiplierRow(List<Row> frequencies, Row surveyTold, Excluded excluded, GoldStamp stamp) {
    FrequencyTable table = new FrequencyTable(2);
    long[] mentioning = new long[2];
    for (Row f : frequencies) {
      int group = POLARITY_NEGATIVE.equals(f.getAs(POLARITY)) ? NEG : POS;
      long items = f.getAs(ITEMS);
      table.add(group, ((Number) f.getAs(TOLD)).doubleValue(), items);
      if (f.<Boolean>getAs(MENTIONED)) {
        mentioning[group] += items;
      }
    }
    long[] counts = table.counts();
    double[] sums = table.sums();
    Notes notes = new Notes();
    Bootstrap.Outcome outcome = Bootstrap.stratified(table, List.of(MULTIPLIER)).get(0);
    if (outcome.interval() == null) {
      notes.add("multiplier: " + (outcome.reason().startsWith("undefined")
          ? multiplierUndefinedBecause(counts, sums) : outcome.reason()));
    }
    Double negativeTold = surveyTold.getAs(POLARITY_NEGATIVE);
    Double positiveTold = surveyTold.getAs(POLARITY_POSITIVE);
    Double surveyMultiplier = null;
    if (negativeTold == null || positiveTold == null || positiveTold == 0) {
      notes.add("survey_multiplier: undefined: " + (negativeTold == null
          ? "no survey with csat <= 2 reports people_told"
          : positiveTold == null ? "no survey with csat >= 4 reports people_told"
          : "mean people_told after csat >= 4 is 0"));
    } else {
      surveyMultiplier = negativeTold / positiveTold;
    }
    Interval m = outcome.interval();
    Double multiplier = ResolutionSpeedTransforms.finiteOrNull(MULTIPLIER.of(counts, sums));
    boolean mentionsMeasured = excluded.periodMentions() > 0;
    if (!mentionsMeasured) {
      // Replaces the multiplier's own reason: with no mention at all there is nothing to divide.
      notes.parts.removeIf(n -> n.startsWith("multiplier: "));
      notes.parts.add(0, "multiplier: not measured: " + NO_MENTIONS);
      m = null;
      multiplier = null;
    }
    if (excluded.unknownExperiences() > 0) {
      notes.add("experiences: " + excluded.unknownExperiences() + " left out: " + UNKNOWN_REASON);
    }
    return new GenericRowWithSchema(new Object[] {stamp.periodEndValue(), counts[NEG], counts[POS],
        mentionsMeasured ? share(mentioning[NEG], counts[NEG]) : null,
        mentionsMeasured ? share(mentioning[POS], counts[POS]) : null,
        mentionsMeasured ? mean(sums[NEG], counts[NEG]) : null,
        mentionsMeasured ? mean(sums[POS], counts[POS]) : null,
        multiplier, m == null ? null : m.low(), m == null ? null : m.high(), surveyMultiplier,
        notes.text(), excluded.unknownExperiences(), excluded.neutralExperiences(), excluded.periodMentions(),
        stamp.asOfValue(), stamp.definitionsVersion()}, WomMultiplierSchema.SCHEMA);
  }

  /** Why the mention figures are NULL when the period has no mention. */
  public static final String NO_MENTIONS = "no mentions were delivered for the period";
  /** Why an experience of unknown polarity is left out. */
  public static final String UNKNOWN_REASON = "neither a survey csat nor a reported outcome (polarity unknown)";

  /** Gold wom_multiplier for the period: one row. */
  public static Dataset<Row> womMultiplier(Dataset<Row> chains, Dataset<Row> mentions, Dataset<Row> customerHandles,
      PeriodWindow window, GoldStamp stamp) {
    Dataset<Row> periodMentions = periodMentions(mentions, window);
    Dataset<Row> attributed = attributedMentions(
        periodMentions, unambiguousHandles(authorHandles(customerHandles, periodMentions)), chains, window);
    List<Row> frequencies = experienceFrequencies(experiences(chains, attributed, window)).collectAsList();
    // The survey means, the exclusions and the period's mention count: three one-row aggregates
    // brought back by one query.
    Row survey = surveyTold(chains, window)
        .crossJoin(excludedExperiences(chains, window))
        .crossJoin(periodMentions.agg(count(lit(1)).as(PERIOD_MENTIONS)))
        .first();
    Excluded excluded = new Excluded(survey.<Long>getAs(POLARITY_UNKNOWN), survey.<Long>getAs(POLARITY_NEUTRAL),
        survey.<Long>getAs(PERIOD_MENTIONS));
    return chains.sparkSession().createDataFrame(
        List.of(womMultiplierRow(frequencies, survey, excluded, stamp)), WomMultiplierSchema.SCHEMA);
  }

  private static String multiplierUndefinedBecause(long[] counts, double[] sums) {
    if (counts[POS] == 0) {
      return "undefined: no positive experiences with a complete follow window";
    }
    if (counts[NEG] == 0) {
      return "undefined: no negative experiences with a complete follow window";
    }
    return "undefined: positive experiences were told to nobody (mean told 0)";
  }

  /** Why statistic i of wom_mentions (incidence, reach ratio, exposure) has a zero denominator. */
  private static String mentionRatioUndefinedBecause(int statistic, long[] counts, double[] sums) {
    if (counts[POS] == 0) {
      return "no positive mentions in the period";
    }
    if (statistic == 1 && counts[NEG] == 0) {
      return "no negative mentions in the period (mean reach undefined)";
    }
    return "positive mentions reached nobody (total reach 0)";
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static Double mean(double sum, long n) {
    return n == 0 ? null : sum / n;
  }

  /** Reasons joined into one note; null when there are none. */
  private static final class Notes {
    private final List<String> parts = new ArrayList<>();

    void add(String note) {
      parts.add(note);
    }

    String text() {
      return parts.isEmpty() ? null : String.join("; ", parts);
    }
  }
}
