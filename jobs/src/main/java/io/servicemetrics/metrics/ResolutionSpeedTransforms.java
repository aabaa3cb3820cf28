package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.CsatByFcrSpeedSchema;
import io.servicemetrics.schema.ResolutionSpeedModelSchema;
import io.servicemetrics.stats.Interval;
import io.servicemetrics.stats.Ols;
import io.servicemetrics.stats.Wilson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Resolution versus speed over a period: the OLS model of csat on first-contact resolution and
 * speed (gold resolution_speed_model) and CSAT top-2-box by fcr_7d × handle-time quartile (gold
 * csat_by_fcr_speed). Definitions: docs/METRICS.md, "Resolution versus speed".
 */
public final class ResolutionSpeedTransforms {
  /** Sample column: fcr_7d as 0/1. */
  static final String FCR = "fcr";
  static final String HANDLE_MINUTES = ResolutionSpeedModelSchema.TERM_HANDLE_MINUTES;
  static final String WAIT_MINUTES = ResolutionSpeedModelSchema.TERM_WAIT_MINUTES;
  static final String TOP2 = "top2";
  static final String TOP2_COUNT = "top2_count";

  /** Predictors in the order of {@link ResolutionSpeedModelSchema#TERMS} after the intercept. */
  static final List<String> PREDICTORS = List.of(
      FCR, HANDLE_MINUTES, WAIT_MINUTES, ContactChainsSchema.TRANSFERS);
  private static final List<String> PREDICTOR_TERMS = ResolutionSpeedModelSchema.TERMS.subList(1, 5);
  private static final String N = "n";
  private static final String SUM_Y = "sum_y";
  private static final String SUM_YY = "sum_yy";
  // Working columns of withHandleQuartile; never written.
  private static final String MINUTE = "_handle_minute";
  private static final String HOUR = "_handle_hour";
  private static final String ROWS = "_rows";
  private static final String EARLIER_HOUR = "_earlier_hour";
  private static final String EARLIER_ROWS = "_earlier_rows";
  private static final String BEFORE_HOUR = "_before_hour";
  private static final String BEFORE_MINUTE = "_before_minute";
  private static final String BEFORE = "_before";
  private static final String SAMPLE_ROWS = "_sample_rows";

  private ResolutionSpeedTransforms() {}

  /**
   * The analysis sample: answered chains with contact_date in the period, csat present and fcr_7d
   * not NULL (handle and wait seconds are present on every answered chain; rows without them are
   * left out rather than imputed). Columns: chain_id, csat, fcr_7d, handle_seconds, fcr (0/1),
   * handle_minutes, wait_minutes, transfers (double), top2 (0/1).
   */
  public static Dataset<Row> sample(Dataset<Row> chains, PeriodWindow window) {
    return chains
        .filter(col(ContactChainsSchema.ANSWERED)
            .and(col(ContactChainsSchema.CONTACT_DATE).between(lit(window.periodStart()), lit(window.periodEnd())))
            .and(col(ContactChainsSchema.CSAT).isNotNull())
            .and(col(ContactChainsSchema.FCR_7D).isNotNull())
            .and(col(ContactChainsSchema.HANDLE_SECONDS).isNotNull())
            .and(col(ContactChainsSchema.WAIT_SECONDS).isNotNull()))
        .select(
            col(ContactChainsSchema.CHAIN_ID),
            col(ContactChainsSchema.CSAT).cast("double").as(ContactChainsSchema.CSAT),
            col(ContactChainsSchema.FCR_7D),
            col(ContactChainsSchema.HANDLE_SECONDS),
            when(col(ContactChainsSchema.FCR_7D), 1.0).otherwise(0.0).as(FCR),
            col(ContactChainsSchema.HANDLE_SECONDS).divide(60.0).as(HANDLE_MINUTES),
            col(ContactChainsSchema.WAIT_SECONDS).divide(60.0).as(WAIT_MINUTES),
            col(ContactChainsSchema.TRANSFERS).cast("double").as(ContactChainsSchema.TRANSFERS),
            when(col(ContactChainsSchema.CSAT).geq(DailyServiceMetricsTransforms.CSAT_TOP2_MIN), 1L).otherwise(0L).as(TOP2));
  }

  /**
   * One row of sufficient statistics of the regression of csat on {@link #PREDICTORS}: n, sums
   * of each x, of y, of every x_i·x_j (i ≤ j), of x_i·y and of y². Sums are NULL on an empty
   * sample.
   */
  public static Dataset<Row> sufficientStatistics(Dataset<Row> sample) {
    List<Column> aggregates = new ArrayList<>();
    Column y = col(ContactChainsSchema.CSAT);
    for (int i = 0; i < PREDICTORS.size(); i++) {
      Column xi = col(PREDICTORS.get(i));
      aggregates.add(exactSum(xi).as("sx_" + i));
      aggregates.add(exactSum(xi.multiply(y)).as("sxy_" + i));
      for (int j = i; j < PREDICTORS.size(); j++) {
        aggregates.add(exactSum(xi.multiply(col(PREDICTORS.get(j)))).as("sxx_" + i + "_" + j));
      }
    }
    aggregates.add(exactSum(y).as(SUM_Y));
    aggregates.add(exactSum(y.multiply(y)).as(SUM_YY));
    return sample.agg(count(lit(1)).as(N), aggregates.toArray(Column[]::new));
  }

  /**
   * Each term rounded to {@link #EXACT_SUM_SCALE} decimal places, summed as decimals: exact, so the
   * sums (and the fit) do not depend on the order Spark adds the rows in, which follows the
   * partitioning (a floating-point sum moved the 14th digit between runs). 20 integer digits hold
   * any period's sums (minutes² × chains).
   */
  private static Column exactSum(Column term) {
    return sum(term.cast(DataTypes.createDecimalType(38, EXACT_SUM_SCALE)));
  }

  /** Decimal places kept of each term of an OLS sum (see {@link #exactSum}). */
  static final int EXACT_SUM_SCALE = 18;

  /** The row of {@link #sufficientStatistics} as {@link Ols.SufficientStatistics}. */
  public static Ols.SufficientStatistics toStatistics(Row row) {
    int k = PREDICTORS.size();
    double[] sx = new double[k];
    double[] sxy = new double[k];
    double[][] sxx = new double[k][k];
    for (int i = 0; i < k; i++) {
      sx[i] = orZero(row, "sx_" + i);
      sxy[i] = orZero(row, "sxy_" + i);
      for (int j = i; j < k; j++) {
        sxx[i][j] = orZero(row, "sxx_" + i + "_" + j);
        sxx[j][i] = sxx[i][j];
      }
    }
    long n = row.getAs(N);
    return new Ols.SufficientStatistics(n, sx, orZero(row, SUM_Y), sxx, sxy, orZero(row, SUM_YY));
  }

  /**
   * Gold resolution_speed_model rows for a fitted or failed model: one row per term in
   * {@link ResolutionSpeedModelSchema#TERMS}, with n and r² on every row. A failed model gives
   * NULL numbers and its reason in note; a perfect fit gives NULL t and p with a note.
   */
  public static List<Row> modelRows(Ols.Result result, long n, GoldStamp stamp) {
    List<Row> rows = new ArrayList<>();
    List<String> terms = ResolutionSpeedModelSchema.TERMS;
    for (int i = 0; i < terms.size(); i++) {
      if (!result.fitted()) {
        rows.add(new GenericRowWithSchema(new Object[] {stamp.periodEndValue(), terms.get(i), null, null, null,
            null, null, n, null, result.reason(), stamp.asOfValue(), stamp.definitionsVersion()},
            ResolutionSpeedModelSchema.SCHEMA));
        continue;
      }
      Ols.Fit fit = result.fit();
      String note = Double.isFinite(fit.tStats()[i]) ? null
          : "residual variance is zero (perfect fit): t and p undefined";
      rows.add(new GenericRowWithSchema(new Object[] {stamp.periodEndValue(), terms.get(i),
          finiteOrNull(fit.coefficients()[i]), finiteOrNull(fit.standardErrors()[i]),
          finiteOrNull(fit.tStats()[i]), finiteOrNull(fit.pValues()[i]),
          finiteOrNull(fit.standardizedBetas()[i]), n, finiteOrNull(fit.rSquared()), note,
          stamp.asOfValue(), stamp.definitionsVersion()}, ResolutionSpeedModelSchema.SCHEMA));
    }
    return rows;
  }

  /**
   * Gold resolution_speed_model for the period. Runs one action that brings a single row of
   * sums to the driver.
   */
  public static Dataset<Row> model(Dataset<Row> chains, PeriodWindow window, GoldStamp stamp) {
    Ols.SufficientStatistics statistics = toStatistics(sufficientStatistics(sample(chains, window)).first());
    Ols.Result result = Ols.fit(statistics, PREDICTOR_TERMS);
    return chains.sparkSession().createDataFrame(
        modelRows(result, statistics.n(), stamp), ResolutionSpeedModelSchema.SCHEMA);
  }

  /**
   * Adds handle_quartile = NTILE(4) over handle_seconds ascending, ties broken by chain_id, over
   * the whole sample: with n rows, the first n mod 4 quartiles hold floor(n / 4) + 1 rows and the
   * others floor(n / 4) (fewer than 4 rows: one per quartile from 1).
   *
   * <p>Computed without a window over the whole sample, which Spark runs in a single task ("No
   * Partition Defined for Window operation"): each row's position in that order is the number of
   * rows in earlier handle minutes plus its rank within its own minute. The rank is a window
   * partitioned by the minute; the rows before a minute are the rows before its hour (a join over
   * the few hours present) plus those of earlier minutes in the same hour (a window partitioned by
   * the hour over per-minute counts). A minute bucket is monotone in handle_seconds, so this is
   * exactly the order NTILE sorts by (docs/METRICS.md "Resolution versus speed").
   */
  public static Dataset<Row> withHandleQuartile(Dataset<Row> sample) {
    Column handle = col(ContactChainsSchema.HANDLE_SECONDS);
    // NaN sorts after every number in Spark; floor(NaN) would not.
    Column minute = when(isnan(handle), lit(Long.MAX_VALUE)).otherwise(floor(handle.divide(60.0)));
    Dataset<Row> keyed = sample
        .withColumn(MINUTE, minute)
        .withColumn(HOUR, floor(col(MINUTE).divide(60.0)));
    Dataset<Row> perMinute = keyed.groupBy(col(HOUR), col(MINUTE)).agg(count(lit(1)).as(ROWS));
    Dataset<Row> perHour = perMinute.groupBy(col(HOUR)).agg(sum(col(ROWS)).as(ROWS));
    // Renamed: both sides derive from the same frame, so qualified references would not tell them apart.
    Dataset<Row> earlierHours = perHour.select(col(HOUR).as(EARLIER_HOUR), col(ROWS).as(EARLIER_ROWS));
    Dataset<Row> beforeHour = perHour
        .join(earlierHours, col(EARLIER_HOUR).lt(col(HOUR)), "left")
        .groupBy(col(HOUR))
        .agg(coalesce(sum(col(EARLIER_ROWS)), lit(0L)).as(BEFORE_HOUR));
    Dataset<Row> beforeMinute = perMinute
        .withColumn(BEFORE_MINUTE, coalesce(sum(col(ROWS)).over(Window.partitionBy(col(HOUR)).orderBy(col(MINUTE))
            .rowsBetween(Window.unboundedPreceding(), -1)), lit(0L)))
        .join(beforeHour, using(HOUR))
        .select(col(MINUTE), col(BEFORE_HOUR).plus(col(BEFORE_MINUTE)).as(BEFORE));
    Dataset<Row> total = perHour.agg(sum(col(ROWS)).as(SAMPLE_ROWS));
    Column position = col(BEFORE).plus(row_number().over(Window.partitionBy(col(MINUTE))
        .orderBy(handle.asc(), col(ContactChainsSchema.CHAIN_ID).asc())));
    return keyed
        .join(beforeMinute, using(MINUTE))
        .crossJoin(total)
        .withColumn(CsatByFcrSpeedSchema.HANDLE_QUARTILE, ntile4(position, col(SAMPLE_ROWS)))
        .drop(MINUTE, HOUR, BEFORE, SAMPLE_ROWS);
  }

  /**
   * NTILE(4) of the row at 1-based {@code position} among {@code rows}: the first rows mod 4
   * quartiles take one row more. Integer arithmetic only (a - a mod b is an exact multiple of b).
   */
  static Column ntile4(Column position, Column rows) {
    Column size = rows.minus(rows.mod(4)).divide(4).cast(DataTypes.LongType);
    Column larger = rows.mod(4);
    Column inLarger = larger.multiply(size.plus(1));
    Column before = position.minus(1);
    Column quartile = when(position.leq(inLarger), quotient(before, size.plus(1)).plus(1))
        .otherwise(larger.plus(quotient(before.minus(inLarger), size)).plus(1));
    return quartile.cast(DataTypes.IntegerType);
  }

  /** a div b for non-negative longs a and positive b, exactly. */
  private static Column quotient(Column a, Column b) {
    return a.minus(a.mod(b)).divide(b).cast(DataTypes.LongType);
  }

  /** Per (fcr_7d, handle_quartile) present in the sample: n and the count of top-2-box scores. */
  public static Dataset<Row> csatCells(Dataset<Row> sampleWithQuartile) {
    return sampleWithQuartile
        .groupBy(col(ContactChainsSchema.FCR_7D), col(CsatByFcrSpeedSchema.HANDLE_QUARTILE))
        .agg(count(lit(1)).as(CsatByFcrSpeedSchema.N), sum(col(TOP2)).as(TOP2_COUNT));
  }

  /**
   * Gold csat_by_fcr_speed rows from the collected cells: all 8 cells fcr_7d ∈ {false, true} ×
   * quartile 1-4, in that order; an empty cell has n = 0 and NULL rates.
   */
  public static List<Row> csatByFcrSpeedRows(List<Row> cells, GoldStamp stamp) {
    Map<String, long[]> byCell = new HashMap<>();
    for (Row cell : cells) {
      boolean fcr = cell.getAs(ContactChainsSchema.FCR_7D);
      int quartile = cell.getAs(CsatByFcrSpeedSchema.HANDLE_QUARTILE);
      long n = cell.getAs(CsatByFcrSpeedSchema.N);
      long top2 = cell.getAs(TOP2_COUNT);
      byCell.put(fcr + "/" + quartile, new long[] {n, top2});
    }
    List<Row> rows = new ArrayList<>();
    for (boolean fcr : new boolean[] {false, true}) {
      for (int quartile = 1; quartile <= 4; quartile++) {
        long[] counts = byCell.getOrDefault(fcr + "/" + quartile, new long[] {0, 0});
        Interval rate = Wilson.interval(counts[1], counts[0]);
        rows.add(new GenericRowWithSchema(new Object[] {stamp.periodEndValue(), fcr, quartile, counts[0],
            rate == null ? null : rate.estimate(), rate == null ? null : rate.low(),
            rate == null ? null : rate.high(), stamp.asOfValue(), stamp.definitionsVersion()},
            CsatByFcrSpeedSchema.SCHEMA));
      }
    }
    return rows;
  }

  /** Gold csat_by_fcr_speed for the period. Brings at most 8 aggregate rows to the driver. */
  public static Dataset<Row> csatByFcrSpeed(Dataset<Row> chains, PeriodWindow window, GoldStamp stamp) {
    List<Row> cells = csatCells(withHandleQuartile(sample(chains, window))).collectAsList();
    return chains.sparkSession().createDataFrame(csatByFcrSpeedRows(cells, stamp), CsatByFcrSpeedSchema.SCHEMA);
  }

  private static double orZero(Row row, String column) {
    Object value = row.getAs(column);
    return value == null ? 0.0 : ((Number) value).doubleValue();
  }

  private static scala.collection.immutable.Seq<String> using(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }

  static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
