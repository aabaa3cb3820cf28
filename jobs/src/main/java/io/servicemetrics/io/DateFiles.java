package io.servicemetrics.io;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Arranges rows of a date-partitioned table for a write of one file per date, spread evenly over
 * the cores.
 *
 * <p>A plain {@code repartition(dateColumn)} gives one file per date too, but adaptive execution
 * then coalesces a small write (a night's 35 dates) into two or three tasks of uneven size, and
 * one core waits while the other writes the last dates. A fixed task count of up to
 * {@link #TASKS_PER_CORE} per core is never coalesced, and with several dates per task the tasks
 * come out near equal.
 */
public final class DateFiles {
  /** Write tasks per core: enough to even out dates of unequal size, few enough to stay cheap. */
  public static final int TASKS_PER_CORE = 4;

  private DateFiles() {}

  /**
   * The rows hash-partitioned by {@code dateColumn} into min(dates in [first, last], 4 x cores)
   * tasks, so each date lands in one task and so in one file.
   */
  public static Dataset<Row> onePerDate(Dataset<Row> rows, String dateColumn, LocalDate first, LocalDate last) {
    long dates = Math.max(1, ChronoUnit.DAYS.between(first, last) + 1);
    int cores = rows.sparkSession().sparkContext().defaultParallelism();
    int tasks = (int) Math.min(dates, (long) TASKS_PER_CORE * Math.max(1, cores));
    return rows.repartition(tasks, col(dateColumn));
  }
}
