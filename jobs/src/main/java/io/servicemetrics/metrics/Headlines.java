package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.schema.GoldColumns;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** The period's headline sentences, read from its (few) gold period rows. */
public final class Headlines {
  private Headlines() {}

  /**
   * The resolution-versus-speed, word-of-mouth and resolution-value sentences for the period ending
   * {@code periodEnd}.
   */
  public static List<String> of(DeltaIo delta, LocalDate periodEnd) {
    List<String> sentences = new ArrayList<>();
    List<Row> cells = periodRows(delta, Table.GOLD_CSAT_BY_FCR_SPEED, periodEnd);
    List<Row> model = periodRows(delta, Table.GOLD_RESOLUTION_SPEED_MODEL, periodEnd);
    if (!cells.isEmpty()) {
      sentences.add(ResolutionVersusSpeedHeadline.from(periodEnd, cells, model).sentence());
    }
    List<Row> wom = periodRows(delta, Table.GOLD_WOM_MULTIPLIER, periodEnd);
    if (!wom.isEmpty()) {
      sentences.add(WomHeadline.from(periodEnd, wom.get(0)).sentence());
    }
    // At most (queues + 1) x 3 rows.
    ResolutionValueHeadline.from(periodEnd, periodRows(delta, Table.GOLD_RESOLUTION_VALUE, periodEnd))
        .ifPresent(headline -> sentences.add(headline.sentence()));
    return sentences;
  }

  // A period slice holds at most 8 rows per table: safe to bring to the driver.
  private static List<Row> periodRows(DeltaIo delta, Table table, LocalDate periodEnd) {
    if (!delta.exists(table)) {
      return List.of();
    }
    return delta.read(table).where(col(GoldColumns.PERIOD_END).equalTo(lit(Date.valueOf(periodEnd)))).collectAsList();
  }
}
