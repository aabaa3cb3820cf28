package io.servicemetrics.report;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.DeltaSlices;
import io.servicemetrics.io.Table;
import io.servicemetrics.report.ResolutionWorth.StaffingCell;
import io.servicemetrics.report.ResolutionWorth.ValueRow;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.schema.ResolutionValueSchema;
import io.servicemetrics.schema.StaffingIntervalsSchema;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data side of the "What resolution is worth" page: the period's resolution_value rows (a few
 * per queue) and the busiest queue's staffing_intervals rows (at most 7 x intervals per day x
 * staffed channels), read from the period's slices as they are.
 */
final class ResolutionWorthData {
  private static final Logger LOG = LoggerFactory.getLogger(ResolutionWorthData.class);

  private ResolutionWorthData() {}

  /** The gold rows the page renders, raw (for the report's as_of and versions) and as records. */
  record Loaded(List<Row> rows, Optional<ResolutionWorth> worth) {}

  /**
   * Empty worth when both tables are missing (the staffing stage has not run); a warning says so.
   * Both slices are read on the driver ({@link DeltaSlices}: no Spark query); the busiest queue's
   * staffing rows are picked from the slice.
   */
  static Loaded load(DeltaIo delta, LocalDate date) {
    Optional<List<Row>> valueSlice = DeltaSlices.read(delta, Table.GOLD_RESOLUTION_VALUE, GoldColumns.PERIOD_END, date);
    Optional<List<Row>> intervalSlice = valueSlice.isEmpty() ? Optional.empty()
        : DeltaSlices.read(delta, Table.GOLD_STAFFING_INTERVALS, GoldColumns.PERIOD_END, date);
    if (valueSlice.isEmpty() || intervalSlice.isEmpty()) {
      LOG.warn("{} is missing: the report's \"What resolution is worth\" page is left out",
          valueSlice.isPresent() ? Table.GOLD_STAFFING_INTERVALS.viewName() : Table.GOLD_RESOLUTION_VALUE.viewName());
      return new Loaded(List.of(), Optional.empty());
    }
    List<Row> valueRows = valueSlice.get();
    List<ValueRow> values = valueRows.stream().map(ResolutionWorthData::valueRow).toList();
    Optional<String> queue = ResolutionWorth.busiestQueue(values);
    List<Row> cellRows = queue.isEmpty() ? List.of()
        : intervalSlice.get().stream().filter(r -> queue.get().equals(r.getAs(StaffingIntervalsSchema.QUEUE))).toList();
    List<StaffingCell> curve = ResolutionWorth.peakDay(cellRows.stream().map(ResolutionWorthData::cell).toList());
    List<ValueRow> shown = values.stream()
        .filter(v -> v.center() || v.queue().equals(queue.orElse(null)))
        .sorted(Comparator.comparing(ValueRow::center).thenComparingInt(ValueRow::gainPoints))
        .toList();
    List<Row> all = new java.util.ArrayList<>(valueRows);
    all.addAll(cellRows);
    return new Loaded(all, Optional.of(new ResolutionWorth(queue.orElse(null), curve, shown)));
  }

  static ValueRow valueRow(Row r) {
    return new ValueRow(r.getAs(ResolutionValueSchema.SCOPE), r.getAs(ResolutionValueSchema.QUEUE),
        r.<Integer>getAs(ResolutionValueSchema.FCR_GAIN_POINTS), r.<Long>getAs(ResolutionValueSchema.FCR_7D_ELIGIBLE),
        r.<Long>getAs(ResolutionValueSchema.FCR_7D_FAILED), r.getAs(ResolutionValueSchema.FCR_7D_RATE),
        r.getAs(ResolutionValueSchema.REPEATS_PER_FAILURE), r.<Double>getAs(ResolutionValueSchema.CHAINS_CONVERTED),
        r.<Double>getAs(ResolutionValueSchema.REPEAT_CHAINS_AVOIDED), r.<Double>getAs(ResolutionValueSchema.CONTACTS_AVOIDED),
        r.<Double>getAs(ResolutionValueSchema.AGENT_HOURS_AVOIDED), r.getAs(ResolutionValueSchema.ARRIVAL_REDUCTION),
        r.getAs(ResolutionValueSchema.POSITION_HOURS_NOW), r.getAs(ResolutionValueSchema.POSITION_HOURS_AFTER),
        r.getAs(ResolutionValueSchema.POSITION_HOURS_SAVED), r.getAs(ResolutionValueSchema.PEAK_POSITIONS_NOW),
        r.getAs(ResolutionValueSchema.PEAK_POSITIONS_AFTER), r.getAs(ResolutionValueSchema.AGENT_HOUR_COST),
        r.getAs(ResolutionValueSchema.CURRENCY), r.getAs(ResolutionValueSchema.COST_SAVED),
        r.<Long>getAs(ResolutionValueSchema.REPEAT_CHAINS), r.<Long>getAs(ResolutionValueSchema.REPEAT_CONTACTS),
        r.<Double>getAs(ResolutionValueSchema.REPEAT_HANDLE_HOURS), r.getAs(ResolutionValueSchema.REPEAT_COST));
  }

  static StaffingCell cell(Row r) {
    return new StaffingCell(r.getAs(StaffingIntervalsSchema.CHANNEL), r.<Integer>getAs(StaffingIntervalsSchema.WEEKDAY),
        r.getAs(StaffingIntervalsSchema.INTERVAL_START), r.<Integer>getAs(StaffingIntervalsSchema.INTERVAL_MINUTES),
        r.<Integer>getAs(StaffingIntervalsSchema.WEEKS), r.<Long>getAs(StaffingIntervalsSchema.ARRIVALS_TOTAL),
        r.<Double>getAs(StaffingIntervalsSchema.ARRIVALS), r.getAs(StaffingIntervalsSchema.AHT_SECONDS),
        r.<Long>getAs(StaffingIntervalsSchema.AHT_CHAINS), r.getAs(StaffingIntervalsSchema.PATIENCE_SECONDS),
        r.<Long>getAs(StaffingIntervalsSchema.PATIENCE_ABANDONS), r.getAs(StaffingIntervalsSchema.TRAFFIC_ERLANGS),
        r.<Double>getAs(StaffingIntervalsSchema.TARGET_SECONDS), r.<Double>getAs(StaffingIntervalsSchema.SERVICE_LEVEL_GOAL),
        r.<Double>getAs(StaffingIntervalsSchema.MAX_OCCUPANCY), r.<Double>getAs(StaffingIntervalsSchema.SHRINKAGE),
        r.getAs(StaffingIntervalsSchema.AGENTS_ERLANG_C), r.getAs(StaffingIntervalsSchema.POSITIONS_ERLANG_C),
        r.getAs(StaffingIntervalsSchema.SERVICE_LEVEL_ERLANG_C), r.getAs(StaffingIntervalsSchema.ASA_SECONDS_ERLANG_C),
        r.getAs(StaffingIntervalsSchema.OCCUPANCY_ERLANG_C), r.getAs(StaffingIntervalsSchema.AGENTS_ERLANG_A),
        r.getAs(StaffingIntervalsSchema.POSITIONS_ERLANG_A));
  }
}
