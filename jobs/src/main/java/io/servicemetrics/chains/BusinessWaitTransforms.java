package io.servicemetrics.chains;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.hours.BusinessHours;
import io.servicemetrics.schema.ContactChainsSchema;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The chains' waits in business hours (docs/METRICS.md "Business hours"): {@code
 * wait_business_seconds} and {@code arrived_while_closed}. Pure {@code Dataset -> Dataset}: the
 * schedule travels to the executors inside the UDFs (it is serializable), and nothing is read.
 */
public final class BusinessWaitTransforms {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private BusinessWaitTransforms() {}

  /**
   * The wait a chain's business time counts, as epoch microseconds: {@code [from, to)}; {@code to} is
   * NULL when the chain has no measured wait. The one place that says which wait is meant.
   */
  record WaitInterval(Column fromMicros, Column toMicros) {}

  /**
   * The calendar wait the chain carries, as one stretch. Where the chain's legs delivered
   * {@code queued_at} ({@code queued} not NULL) it is the queue wait: from the first queued leg's
   * {@code queued_at} ({@link ContactChainTransforms#QUEUE_ENTERED_AT}) for {@code
   * queue_wait_seconds}, so time in the IVR is not counted, and an abandoned queued chain has one
   * too; a chain that never queued has none (its start, {@code started_at}, still decides {@code
   * arrived_while_closed}). Where {@code queued_at} is absent it is the wait from {@code started_at}
   * for {@code wait_seconds} (NULL for an abandoned chain). A transferred chain's later legs waited
   * later, but the chain keeps one interval, counted under its root leg's queue, so their waits are
   * counted as if they followed the first one: exact for single-leg chains.
   */
  static WaitInterval waitInterval() {
    Column queued = col(ContactChainsSchema.QUEUED);
    Column from = when(queued, unix_micros(col(ContactChainTransforms.QUEUE_ENTERED_AT)))
        .otherwise(unix_micros(col(ContactChainsSchema.STARTED_AT)));
    Column seconds = when(queued.isNull(), col(ContactChainsSchema.WAIT_SECONDS))
        .otherwise(col(ContactChainsSchema.QUEUE_WAIT_SECONDS));
    Column waitMicros = round(seconds.multiply(lit((double) MICROS_PER_SECOND))).cast(DataTypes.LongType);
    return new WaitInterval(from, from.plus(waitMicros));
  }

  /**
   * Adds {@code wait_business_seconds} (the wait of {@link #waitInterval} counted only inside the
   * schedule of the chain's queue, seconds with their fraction; NULL when the wait is) and {@code
   * arrived_while_closed} (the schedule is closed when the wait starts), and drops the working
   * column {@link ContactChainTransforms#QUEUE_ENTERED_AT}. With {@code hours} null, no schedule was
   * given: both columns are NULL on every chain, never 0 or false.
   *
   * <p>A queue the schedule's map does not cover fails the action that computes the column with the
   * schedule's user error (exit 2), found through {@code ServiceMetricsException.findIn}.
   *
   * @param chains rows with {@code queue}, {@code started_at}, {@code wait_seconds}, {@code queued},
   *     {@code queue_wait_seconds} and {@link ContactChainTransforms#QUEUE_ENTERED_AT} (the output of
   *     {@link ContactChainTransforms#summarizeChains})
   */
  public static Dataset<Row> withBusinessWait(Dataset<Row> chains, BusinessHours hours) {
    if (hours == null) {
      return chains
          .withColumn(ContactChainsSchema.WAIT_BUSINESS_SECONDS, lit(null).cast(DataTypes.DoubleType))
          .withColumn(ContactChainsSchema.ARRIVED_WHILE_CLOSED, lit(null).cast(DataTypes.BooleanType))
          .drop(ContactChainTransforms.QUEUE_ENTERED_AT);
    }
    UserDefinedFunction businessSeconds = udf(
        (UDF3<String, Long, Long, Double>) (queue, from, to) ->
            hours.businessSeconds(queue, instant(from), instant(to)),
        DataTypes.DoubleType).asNonNullable();
    UserDefinedFunction closedAt = udf(
        (UDF2<String, Long, Boolean>) (queue, at) -> !hours.isOpen(queue, instant(at)),
        DataTypes.BooleanType).asNonNullable();
    WaitInterval wait = waitInterval();
    Column queue = col(ContactChainsSchema.QUEUE);
    return chains
        .withColumn(ContactChainsSchema.WAIT_BUSINESS_SECONDS,
            when(wait.toMicros().isNotNull(), businessSeconds.apply(queue, wait.fromMicros(), wait.toMicros())))
        .withColumn(ContactChainsSchema.ARRIVED_WHILE_CLOSED, closedAt.apply(queue, wait.fromMicros()))
        .drop(ContactChainTransforms.QUEUE_ENTERED_AT);
  }

  static Instant instant(long epochMicros) {
    return Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
        Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1000L);
  }
}
