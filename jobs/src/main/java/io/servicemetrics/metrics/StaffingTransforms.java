package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.weekday;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ResolutionValueSchema;
import io.servicemetrics.schema.StaffingIntervalsSchema;
import io.servicemetrics.staffing.Staffing;
import io.servicemetrics.staffing.StaffingConfig;
import io.servicemetrics.staffing.StaffingGoal;
import io.servicemetrics.staffing.StaffingResult;
import io.servicemetrics.staffing.Workload;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF8;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Gold staffing_intervals and resolution_value: the agents each queue's measured load needs, and
 * what a few points of first-contact resolution are worth. Definitions: docs/METRICS.md "Staffing
 * and what resolution is worth". The staffing model itself is {@link Staffing} (pure Java), run
 * per row on aggregated cells (a few hundred per queue), never on chains.
 */
public final class StaffingTransforms {
  private StaffingTransforms() {}

  static final long MICROS_PER_MINUTE = 60_000_000L;
  static final long MICROS_PER_DAY = 24L * 60 * MICROS_PER_MINUTE;
  /** A chain is a repeat of the one before when it starts within this many days after that one ended. */
  static final int REPEAT_WINDOW_DAYS = 7;
  private static final double SECONDS_PER_HOUR = 3600.0;

  // Working columns.
  static final String LOCAL_MICROS = "local_micros";
  static final String QUEUE_WAIT = "queue_wait_seconds";
  static final String TOTAL_WAIT = "total_queue_wait_seconds";
  static final String ERLANG_C = "erlang_c";
  static final String ERLANG_A = "erlang_a";
  static final String LINKED = "linked_repeat";
  static final String EPISODE = "repeat_episode";
  static final String FOLLOWERS = "followers";
  static final String FOLLOWER_LEGS = "follower_legs";
  static final String FOLLOWER_HANDLE = "follower_handle_seconds";
  static final String FOLLOWER_STAFFED = "follower_staffed";
  static final String STAFFED_ARRIVALS = "staffed_arrivals";
  static final String FACTOR = "conversion_factor";
  static final String AFTER = "after";
  static final String NOW = "now";

  /** What the staffing UDF returns for one cell: the required staffing and its measures. */
  static final StructType MODEL = new StructType()
      .add("agents", DataTypes.IntegerType)
      .add("positions", DataTypes.IntegerType)
      .add("service_level", DataTypes.DoubleType)
      .add("asa_seconds", DataTypes.DoubleType)
      .add("occupancy", DataTypes.DoubleType)
      .add("abandon_probability", DataTypes.DoubleType);

  /**
   * A chain's time in the queue: {@code wait_seconds} when answered; when abandoned, from its start
   * to its end (a chain nobody answered waited until the caller hung up). The one place that says
   * so: when contact_chains carries queue_wait_seconds (issue 17), switch this function to it.
   */
  static Column queueWaitSeconds() {
    Column span = unix_micros(col(ContactChainsSchema.ENDED_AT)).minus(unix_micros(col(ContactChainsSchema.STARTED_AT)))
        .cast(DataTypes.DoubleType).divide(lit(1e6));
    return when(col(ContactChainsSchema.ANSWERED), coalesce(col(ContactChainsSchema.WAIT_SECONDS), lit(0.0)))
        .otherwise(span);
  }

  /**
   * The cells before staffing: per staffed queue x channel x weekday x interval (business zone) with
   * at least one chain starting in it during the period, the mean arrivals over the weekday's
   * occurrences, the queue's AHT and patience over the period, and the channel's goal.
   */
  public static Dataset<Row> cells(Dataset<Row> chains, PeriodWindow window, StaffingConfig config) {
    Column staffed = col(ContactChainsSchema.CHANNEL).isin(config.goals().keySet().toArray());
    Dataset<Row> inPeriod = chains.filter(
        col(ContactChainsSchema.CONTACT_DATE).between(lit(window.periodStart()), lit(window.periodEnd())).and(staffed));
    Column answeredHandle = when(col(ContactChainsSchema.ANSWERED), col(ContactChainsSchema.HANDLE_SECONDS));
    Dataset<Row> queues = inPeriod
        .withColumn(QUEUE_WAIT, queueWaitSeconds())
        .groupBy(col(ContactChainsSchema.QUEUE), col(ContactChainsSchema.CHANNEL))
        .agg(avg(answeredHandle).as(StaffingIntervalsSchema.AHT_SECONDS),
            count(answeredHandle).as(StaffingIntervalsSchema.AHT_CHAINS),
            sum(col(QUEUE_WAIT)).as(TOTAL_WAIT),
            count(when(col(ContactChainsSchema.ABANDONED), lit(1))).as(StaffingIntervalsSchema.PATIENCE_ABANDONS))
        // Exponential patience: total time in queue of all chains over the abandons it produced.
        .withColumn(StaffingIntervalsSchema.PATIENCE_SECONDS,
            when(col(StaffingIntervalsSchema.PATIENCE_ABANDONS).gt(0),
                col(TOTAL_WAIT).divide(col(StaffingIntervalsSchema.PATIENCE_ABANDONS))))
        .drop(TOTAL_WAIT);

    int minutes = config.intervalMinutes();
    Column localMicros = unix_micros(from_utc_timestamp(col(ContactChainsSchema.STARTED_AT), window.zone().getId()));
    Column intervalStart = floor(pmod(col(LOCAL_MICROS), lit(MICROS_PER_DAY)).divide(lit(minutes * MICROS_PER_MINUTE)))
        .multiply(lit(minutes));
    Dataset<Row> arrivals = inPeriod
        .withColumn(LOCAL_MICROS, localMicros)
        .groupBy(col(ContactChainsSchema.QUEUE), col(ContactChainsSchema.CHANNEL),
            weekday(col(ContactChainsSchema.CONTACT_DATE)).plus(1).as(StaffingIntervalsSchema.WEEKDAY),
            format_string("%02d:%02d", floor(intervalStart.divide(60)), pmod(intervalStart, lit(60)).cast(DataTypes.LongType))
                .as(StaffingIntervalsSchema.INTERVAL_START))
        .agg(count(lit(1)).as(StaffingIntervalsSchema.ARRIVALS_TOTAL));

    Column weeks = weeksColumn(window);
    return arrivals.join(queues, using(ContactChainsSchema.QUEUE, ContactChainsSchema.CHANNEL))
        .withColumn(StaffingIntervalsSchema.INTERVAL_MINUTES, lit(minutes))
        .withColumn(StaffingIntervalsSchema.WEEKS, weeks)
        .withColumn(StaffingIntervalsSchema.ARRIVALS,
            col(StaffingIntervalsSchema.ARRIVALS_TOTAL).cast(DataTypes.DoubleType).divide(col(StaffingIntervalsSchema.WEEKS)))
        .withColumn(StaffingIntervalsSchema.TRAFFIC_ERLANGS,
            col(StaffingIntervalsSchema.ARRIVALS).multiply(col(StaffingIntervalsSchema.AHT_SECONDS)).divide(lit(minutes * 60.0)))
        .withColumn(StaffingIntervalsSchema.TARGET_SECONDS, goalColumn(config, StaffingGoal::targetSeconds))
        .withColumn(StaffingIntervalsSchema.SERVICE_LEVEL_GOAL, goalColumn(config, StaffingGoal::serviceLevel))
        .withColumn(StaffingIntervalsSchema.MAX_OCCUPANCY, goalColumn(config, StaffingGoal::maxOccupancy))
        .withColumn(StaffingIntervalsSchema.SHRINKAGE, goalColumn(config, StaffingGoal::shrinkage));
  }

  /** Gold staffing_intervals for the period, stamped, in {@link StaffingIntervalsSchema#SCHEMA} order. */
  public static Dataset<Row> staffingIntervals(
      Dataset<Row> chains, PeriodWindow window, StaffingConfig config, GoldStamp stamp) {
    return staffingIntervals(cells(chains, window, config), stamp);
  }

  /** Gold staffing_intervals from the period's {@link #cells}, stamped, in {@link StaffingIntervalsSchema#SCHEMA} order. */
  public static Dataset<Row> staffingIntervals(Dataset<Row> cells, GoldStamp stamp) {
    Dataset<Row> staffed = cells
        .withColumn(ERLANG_C, required(col(StaffingIntervalsSchema.ARRIVALS), lit(null).cast(DataTypes.DoubleType)))
        // Without an abandon the patience cannot be estimated, and Erlang A is not computed (NULL).
        .withColumn(ERLANG_A, when(col(StaffingIntervalsSchema.PATIENCE_SECONDS).isNotNull(),
            required(col(StaffingIntervalsSchema.ARRIVALS), col(StaffingIntervalsSchema.PATIENCE_SECONDS))));
    for (String model : List.of(ERLANG_C, ERLANG_A)) {
      staffed = staffed
          .withColumn("agents_" + model, col(model + ".agents"))
          .withColumn("positions_" + model, col(model + ".positions"))
          .withColumn("service_level_" + model, col(model + ".service_level"))
          .withColumn("asa_seconds_" + model, col(model + ".asa_seconds"))
          .withColumn("occupancy_" + model, col(model + ".occupancy"));
    }
    staffed = staffed.withColumn(StaffingIntervalsSchema.ABANDON_PROBABILITY_ERLANG_A, col(ERLANG_A + ".abandon_probability"));
    return GoldFrames.select(stamp.stamp(staffed), StaffingIntervalsSchema.SCHEMA);
  }

  // ---- resolution_value ----

  /**
   * Every chain with a customer, with its repeat cascade: {@code linked_repeat} (it starts within 7
   * days after the customer's previous chain, in start order, ended) and, over the chains that follow
   * it by such links, their number, legs, handle seconds (0 for abandoned ones) and how many are in a
   * staffed channel.
   */
  static Dataset<Row> withFollowers(Dataset<Row> chains, StaffingConfig config) {
    WindowSpec order = Window.partitionBy(col(ContactChainsSchema.CUSTOMER_KEY))
        .orderBy(col(ContactChainsSchema.STARTED_AT), col(ContactChainsSchema.CHAIN_ID));
    Column started = unix_micros(col(ContactChainsSchema.STARTED_AT));
    Column previousEnded = unix_micros(lag(col(ContactChainsSchema.ENDED_AT), 1).over(order));
    Column linked = coalesce(started.gt(previousEnded)
        .and(started.leq(previousEnded.plus(lit(REPEAT_WINDOW_DAYS * MICROS_PER_DAY)))), lit(false));
    WindowSpec after = Window.partitionBy(col(ContactChainsSchema.CUSTOMER_KEY), col(EPISODE))
        .orderBy(col(ContactChainsSchema.STARTED_AT), col(ContactChainsSchema.CHAIN_ID))
        .rowsBetween(1, Window.unboundedFollowing());
    Column inStaffedChannel = when(col(ContactChainsSchema.CHANNEL).isin(config.goals().keySet().toArray()), 1).otherwise(0);
    return chains.filter(col(ContactChainsSchema.CUSTOMER_KEY).isNotNull())
        .withColumn(LINKED, linked)
        .withColumn(EPISODE, sum(when(col(LINKED), 0).otherwise(1))
            .over(order.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
        .withColumn(FOLLOWERS, count(lit(1)).over(after))
        .withColumn(FOLLOWER_LEGS, coalesce(sum(col(ContactChainsSchema.LEGS)).over(after), lit(0L)))
        .withColumn(FOLLOWER_HANDLE, coalesce(sum(coalesce(col(ContactChainsSchema.HANDLE_SECONDS), lit(0.0))).over(after), lit(0.0)))
        .withColumn(FOLLOWER_STAFFED, coalesce(sum(inStaffedChannel).over(after), lit(0L)));
  }

  /** Gold resolution_value for the period, stamped, in {@link ResolutionValueSchema#SCHEMA} order. */
  public static Dataset<Row> resolutionValue(
      Dataset<Row> chains, PeriodWindow window, StaffingConfig config, GoldStamp stamp) {
    return resolutionValue(chains, cells(chains, window, config), window, config, stamp);
  }

  /**
   * As {@link #resolutionValue(Dataset, PeriodWindow, StaffingConfig, GoldStamp)} with the period's
   * {@link #cells} given: the job computes them once for both staffing tables.
   */
  public static Dataset<Row> resolutionValue(
      Dataset<Row> chains, Dataset<Row> cells, PeriodWindow window, StaffingConfig config, GoldStamp stamp) {
    Column inPeriod = col(ContactChainsSchema.CONTACT_DATE).between(lit(window.periodStart()), lit(window.periodEnd()));
    Dataset<Row> cascades = withFollowers(chains, config).filter(inPeriod);
    // Anonymous chains have no repeats to measure but still arrive: staffed arrivals count all chains.
    Dataset<Row> arrivalsByQueue = chains.filter(inPeriod
            .and(col(ContactChainsSchema.CHANNEL).isin(config.goals().keySet().toArray())))
        .groupBy(col(ContactChainsSchema.QUEUE)).agg(count(lit(1)).as(STAFFED_ARRIVALS));
    Column failed = col(ContactChainsSchema.FCR_7D).equalTo(false);
    Column linked = col(LINKED);
    List<Column> measures = List.of(
        count(col(ContactChainsSchema.FCR_7D)).as(ResolutionValueSchema.FCR_7D_ELIGIBLE),
        count(when(failed, lit(1))).as(ResolutionValueSchema.FCR_7D_FAILED),
        coalesce(sum(when(failed, col(FOLLOWERS))), lit(0L)).as(FOLLOWERS),
        coalesce(sum(when(failed, col(FOLLOWER_LEGS))), lit(0L)).as(FOLLOWER_LEGS),
        coalesce(sum(when(failed, col(FOLLOWER_HANDLE))), lit(0.0)).as(FOLLOWER_HANDLE),
        coalesce(sum(when(failed, col(FOLLOWER_STAFFED))), lit(0L)).as(FOLLOWER_STAFFED),
        count(when(linked, lit(1))).as(ResolutionValueSchema.REPEAT_CHAINS),
        coalesce(sum(when(linked, col(ContactChainsSchema.LEGS))), lit(0L)).as(ResolutionValueSchema.REPEAT_CONTACTS),
        coalesce(sum(when(linked, coalesce(col(ContactChainsSchema.HANDLE_SECONDS), lit(0.0)))), lit(0.0))
            .divide(lit(SECONDS_PER_HOUR)).as(ResolutionValueSchema.REPEAT_HANDLE_HOURS));
    Column[] rest = measures.subList(1, measures.size()).toArray(Column[]::new);
    Dataset<Row> perQueue = cascades.groupBy(col(ContactChainsSchema.QUEUE)).agg(measures.get(0), rest)
        .join(arrivalsByQueue, using(ContactChainsSchema.QUEUE), "left")
        .withColumn(ResolutionValueSchema.SCOPE, lit(ResolutionValueSchema.SCOPE_QUEUE));
    Dataset<Row> center = cascades.agg(measures.get(0), rest)
        .crossJoin(arrivalsByQueue.agg(sum(col(STAFFED_ARRIVALS)).as(STAFFED_ARRIVALS)))
        .withColumn(ContactChainsSchema.QUEUE, lit(null).cast(DataTypes.StringType))
        .withColumn(ResolutionValueSchema.SCOPE, lit(ResolutionValueSchema.SCOPE_CENTER));

    Column eligible = col(ResolutionValueSchema.FCR_7D_ELIGIBLE);
    Column failures = col(ResolutionValueSchema.FCR_7D_FAILED);
    Column gain = col(ResolutionValueSchema.FCR_GAIN_POINTS);
    Column[] gains = config.fcrGainsPoints().stream().map(points -> lit(points.intValue())).toArray(Column[]::new);
    Dataset<Row> values = perQueue.unionByName(center)
        .withColumn(ResolutionValueSchema.FCR_GAIN_POINTS, explode(org.apache.spark.sql.functions.array(gains)))
        .withColumn(ResolutionValueSchema.FCR_7D_RATE,
            when(eligible.gt(0), eligible.minus(failures).cast(DataTypes.DoubleType).divide(eligible)))
        .withColumn(ResolutionValueSchema.REPEATS_PER_FAILURE,
            when(failures.gt(0), col(FOLLOWERS).cast(DataTypes.DoubleType).divide(failures)))
        // A gain of g points turns g % of the eligible chains from failed into resolved (at most all failures).
        .withColumn(ResolutionValueSchema.CHAINS_CONVERTED,
            least(failures.cast(DataTypes.DoubleType), gain.cast(DataTypes.DoubleType).divide(100.0).multiply(eligible)))
        .withColumn(FACTOR, when(failures.gt(0), col(ResolutionValueSchema.CHAINS_CONVERTED).divide(failures)).otherwise(0.0))
        .withColumn(ResolutionValueSchema.REPEAT_CHAINS_AVOIDED, col(FACTOR).multiply(col(FOLLOWERS)))
        .withColumn(ResolutionValueSchema.CONTACTS_AVOIDED, col(FACTOR).multiply(col(FOLLOWER_LEGS)))
        .withColumn(ResolutionValueSchema.AGENT_HOURS_AVOIDED,
            col(FACTOR).multiply(col(FOLLOWER_HANDLE)).divide(lit(SECONDS_PER_HOUR)))
        .withColumn(ResolutionValueSchema.ARRIVAL_REDUCTION, when(col(STAFFED_ARRIVALS).gt(0),
            least(lit(1.0), col(FACTOR).multiply(col(FOLLOWER_STAFFED)).divide(col(STAFFED_ARRIVALS)))));

    Dataset<Row> positions = positions(values, cells);
    Column cost = config.agentHourCost().isPresent()
        ? lit(config.agentHourCost().getAsDouble()) : lit(null).cast(DataTypes.DoubleType);
    Dataset<Row> result = values
        .withColumn(KEY_QUEUE, coalesce(col(ContactChainsSchema.QUEUE), lit("")))
        .join(positions, using(ResolutionValueSchema.SCOPE, ResolutionValueSchema.FCR_GAIN_POINTS, KEY_QUEUE), "left")
        .withColumn(ResolutionValueSchema.AGENT_HOUR_COST, cost)
        .withColumn(ResolutionValueSchema.CURRENCY, lit(config.currency()))
        .withColumn(ResolutionValueSchema.COST_SAVED, col(ResolutionValueSchema.POSITION_HOURS_SAVED).multiply(cost))
        .withColumn(ResolutionValueSchema.REPEAT_COST, col(ResolutionValueSchema.REPEAT_HANDLE_HOURS).multiply(cost));
    return GoldFrames.select(stamp.stamp(result), ResolutionValueSchema.SCHEMA);
  }

  private static final String KEY_QUEUE = "value_queue";

  /**
   * Position hours in the period now and after each value row's arrival reduction: per staffed
   * cell, Erlang C positions at the cell's mean arrivals and at arrivals x (1 - reduction), times
   * the interval's hours, times the weekday's occurrences in the period; summed over the queue's
   * cells (all cells for the centre); plus the largest positions of any cell.
   */
  static Dataset<Row> positions(Dataset<Row> values, Dataset<Row> cells) {
    Dataset<Row> reductions = values.select(col(ResolutionValueSchema.SCOPE), col(ResolutionValueSchema.FCR_GAIN_POINTS),
        coalesce(col(ContactChainsSchema.QUEUE), lit("")).as(KEY_QUEUE),
        col(ContactChainsSchema.QUEUE).as("reduction_queue"), col(ResolutionValueSchema.ARRIVAL_REDUCTION));
    Column matches = col(ResolutionValueSchema.SCOPE).equalTo(lit(ResolutionValueSchema.SCOPE_CENTER))
        .or(col("reduction_queue").equalTo(col(StaffingIntervalsSchema.QUEUE)));
    Column arrivals = col(StaffingIntervalsSchema.ARRIVALS);
    Column hours = col(StaffingIntervalsSchema.INTERVAL_MINUTES).divide(60.0).multiply(col(StaffingIntervalsSchema.WEEKS));
    Dataset<Row> perCell = reductions.join(cells, matches)
        .withColumn(NOW, required(arrivals, lit(null).cast(DataTypes.DoubleType)))
        .withColumn(AFTER, required(arrivals.multiply(lit(1.0).minus(coalesce(col(ResolutionValueSchema.ARRIVAL_REDUCTION), lit(0.0)))),
            lit(null).cast(DataTypes.DoubleType)));
    return perCell.groupBy(col(ResolutionValueSchema.SCOPE), col(ResolutionValueSchema.FCR_GAIN_POINTS), col(KEY_QUEUE))
        .agg(sum(col(NOW + ".positions").multiply(hours)).as(ResolutionValueSchema.POSITION_HOURS_NOW),
            sum(col(AFTER + ".positions").multiply(hours)).as(ResolutionValueSchema.POSITION_HOURS_AFTER),
            max(col(NOW + ".positions")).as(ResolutionValueSchema.PEAK_POSITIONS_NOW),
            max(col(AFTER + ".positions")).as(ResolutionValueSchema.PEAK_POSITIONS_AFTER))
        .withColumn(ResolutionValueSchema.POSITION_HOURS_SAVED,
            col(ResolutionValueSchema.POSITION_HOURS_NOW).minus(col(ResolutionValueSchema.POSITION_HOURS_AFTER)));
  }

  // ---- helpers ----

  /** The required staffing of a cell at {@code arrivals}; Erlang A when {@code patience} is not NULL. */
  private static Column required(Column arrivals, Column patience) {
    return REQUIRED.apply(arrivals, col(StaffingIntervalsSchema.INTERVAL_MINUTES).cast(DataTypes.DoubleType),
        col(StaffingIntervalsSchema.AHT_SECONDS), patience, col(StaffingIntervalsSchema.TARGET_SECONDS),
        col(StaffingIntervalsSchema.SERVICE_LEVEL_GOAL), col(StaffingIntervalsSchema.MAX_OCCUPANCY),
        col(StaffingIntervalsSchema.SHRINKAGE));
  }

  private static final UserDefinedFunction REQUIRED = udf(
      (UDF8<Double, Double, Double, Double, Double, Double, Double, Double, Row>) StaffingTransforms::requiredRow, MODEL);

  /**
   * The staffing model on one cell: NULL without a handle time (no answered chain to measure it)
   * or when no N up to {@link Staffing#MAX_AGENTS} meets the goal.
   */
  static Row requiredRow(Double arrivals, Double intervalMinutes, Double aht, Double patience,
      Double target, Double serviceLevel, Double maxOccupancy, Double shrinkage) {
    if (arrivals == null || aht == null || !(aht > 0)) {
      return null;
    }
    try {
      Workload load = new Workload(arrivals, intervalMinutes, aht, patience == null ? Workload.NEVER_ABANDON : patience);
      StaffingResult r = Staffing.required(load, new StaffingGoal(target, serviceLevel, maxOccupancy, shrinkage));
      return RowFactory.create(r.agents(), r.positions(), r.serviceLevel(), r.asaSeconds(), r.occupancy(),
          r.abandonment() ? r.abandonProbability() : null);
    } catch (ServiceMetricsException unreachable) {
      return null;
    }
  }

  /** The number of times each ISO weekday (1 = Monday) occurs in the period, as a column of the chain's weekday. */
  private static Column weeksColumn(PeriodWindow window) {
    Map<DayOfWeek, Integer> counts = new EnumMap<>(DayOfWeek.class);
    for (LocalDate d = window.periodStart(); !d.isAfter(window.periodEnd()); d = d.plusDays(1)) {
      counts.merge(d.getDayOfWeek(), 1, Integer::sum);
    }
    Column weekdayColumn = col(StaffingIntervalsSchema.WEEKDAY);
    Column weeks = lit(0);
    for (Map.Entry<DayOfWeek, Integer> e : counts.entrySet()) {
      weeks = when(weekdayColumn.equalTo(e.getKey().getValue()), e.getValue()).otherwise(weeks);
    }
    return weeks;
  }

  /** A goal field by the row's channel (every staffed channel has a goal). */
  private static Column goalColumn(StaffingConfig config, java.util.function.ToDoubleFunction<StaffingGoal> field) {
    Column value = lit(null).cast(DataTypes.DoubleType);
    List<Map.Entry<String, StaffingGoal>> goals = new ArrayList<>(config.goals().entrySet());
    for (Map.Entry<String, StaffingGoal> e : goals) {
      value = when(col(ContactChainsSchema.CHANNEL).equalTo(e.getKey()), field.applyAsDouble(e.getValue())).otherwise(value);
    }
    return value;
  }

  private static scala.collection.immutable.Seq<String> using(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }
}
