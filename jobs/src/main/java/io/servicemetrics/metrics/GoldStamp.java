package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.lit;

import io.servicemetrics.schema.GoldColumns;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What every period gold row is stamped with: period_end, as_of and definitions_version. */
public record GoldStamp(LocalDate periodEnd, Instant asOf, String definitionsVersion) {
  /** The stamp of a run for {@code window} under the current definitions. */
  public static GoldStamp of(PeriodWindow window) {
    return new GoldStamp(window.periodEnd(), window.asOf(), GoldColumns.CURRENT_DEFINITIONS_VERSION);
  }

  public Date periodEndValue() {
    return Date.valueOf(periodEnd);
  }

  public Timestamp asOfValue() {
    return Timestamp.from(asOf);
  }

  /** Adds period_end, as_of and definitions_version (replacing columns of those names). */
  public Dataset<Row> stamp(Dataset<Row> rows) {
    return rows
        .withColumn(GoldColumns.PERIOD_END, lit(periodEndValue()))
        .withColumn(GoldColumns.AS_OF, lit(asOfValue()))
        .withColumn(GoldColumns.DEFINITIONS_VERSION, lit(definitionsVersion));
  }

  /** The SQL predicate selecting this stamp's slice of a table partitioned by period_end. */
  public String sliceCondition() {
    return GoldColumns.PERIOD_END + " = DATE'" + periodEnd + "'";
  }
}
