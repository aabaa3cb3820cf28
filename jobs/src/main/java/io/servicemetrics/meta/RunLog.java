package io.servicemetrics.meta;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.schema.RunLogSchema;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Writes meta/run_log: every stage records that it started, and what it read and wrote or why it failed. */
public final class RunLog {
  private final DeltaIo delta;
  private final String runId;
  private final String command;
  private final Clock clock;

  /** A run log whose run id is {@code command-<random UUID>}. */
  public RunLog(DeltaIo delta, String command, Clock clock) {
    this(delta, command, command + "-" + UUID.randomUUID(), clock);
  }

  /** A run log with the caller's run id (the metrics stage's run ids are bare UUIDs). */
  public RunLog(DeltaIo delta, String command, String runId, Clock clock) {
    this.delta = delta;
    this.command = command;
    this.clock = clock;
    this.runId = runId;
  }

  public String runId() {
    return runId;
  }

  public Instant now() {
    return clock.instant();
  }

  /**
   * Counts of an ingest of one source, in the run log's reconciliation columns.
   *
   * @param firstDetails per reason code, the detail of its first quarantined record (earliest
   *     delivery day, then file, then record number): what a breach message quotes
   */
  public record IngestCounts(long read, long accepted, long quarantined, long superseded, Map<String, Long> quarantineReasons,
      Map<String, String> firstDetails) {
    public static final IngestCounts ZERO = new IngestCounts(0, 0, 0, 0, Map.of());

    public IngestCounts(long read, long accepted, long quarantined, long superseded, Map<String, Long> quarantineReasons) {
      this(read, accepted, quarantined, superseded, quarantineReasons, Map.of());
    }

    /** The sum of parts given in delivery-day order (the first detail of a reason is kept). */
    public static IngestCounts sum(java.util.Collection<IngestCounts> parts) {
      long read = 0, accepted = 0, quarantined = 0, superseded = 0;
      Map<String, Long> reasons = new TreeMap<>();
      Map<String, String> details = new TreeMap<>();
      for (IngestCounts c : parts) {
        read += c.read;
        accepted += c.accepted;
        quarantined += c.quarantined;
        superseded += c.superseded;
        c.quarantineReasons.forEach((k, v) -> reasons.merge(k, v, Long::sum));
        c.firstDetails.forEach(details::putIfAbsent);
      }
      return new IngestCounts(read, accepted, quarantined, superseded, reasons, details);
    }

    public boolean reconciles() {
      return read == accepted + quarantined + superseded;
    }

    public String reasonsText() {
      return new TreeMap<>(quarantineReasons).entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(";"));
    }
  }

  public void started(String stage, String source, LocalDate runDate) {
    write(row(stage, source, runDate, RunLogSchema.STATUS_STARTED, now(), null, null, null, null));
  }

  public void ingestSucceeded(String source, LocalDate runDate, Instant startedAt, IngestCounts c, String message) {
    write(row("ingest", source, runDate, RunLogSchema.STATUS_SUCCEEDED, startedAt, c, null, c.reasonsText(), message));
  }

  /**
   * One succeeded ingest row per delivery day of a source, appended in a single commit: a year's
   * backfill would otherwise make 4 x 365 commits to the run log, minutes of Delta overhead.
   *
   * @param messages per day, e.g. "no landing folder ..."; days without one get none
   */
  public void ingestSucceeded(String source, Instant startedAt, Map<LocalDate, IngestCounts> perDay,
      Map<LocalDate, String> messages) {
    List<Row> rows = new ArrayList<>(perDay.size());
    perDay.forEach((day, c) -> rows.add(row("ingest", source, day, RunLogSchema.STATUS_SUCCEEDED, startedAt, c, null,
        c.reasonsText(), messages.get(day))));
    write(rows);
  }

  public void succeeded(String stage, String table, LocalDate runDate, Instant startedAt, long written, String message) {
    write(row(stage, table, runDate, RunLogSchema.STATUS_SUCCEEDED, startedAt, null, written, null, message));
  }

  public void failed(String stage, String source, LocalDate runDate, Instant startedAt, Throwable error) {
    write(row(stage, source, runDate, RunLogSchema.STATUS_FAILED, startedAt, null, null, null,
        error.getClass().getSimpleName() + ": " + error.getMessage()));
  }

  /** Rows kept to be appended together in one commit: one run-log commit per run, not per stage. */
  public Batch batch() {
    return new Batch();
  }

  /**
   * Rows of one run, appended in a single commit by {@link #append()}. Rows may be added from
   * several threads (the sources an ingest runs at once).
   */
  public final class Batch {
    private final List<Row> rows = new ArrayList<>();

    private Batch() {}

    /** As {@link RunLog#ingestSucceeded(String, Instant, Map, Map)}, kept for the batch's commit. */
    public synchronized void ingestSucceeded(String source, Instant startedAt, Map<LocalDate, IngestCounts> perDay,
        Map<LocalDate, String> messages) {
      perDay.forEach((day, c) -> rows.add(row("ingest", source, day, RunLogSchema.STATUS_SUCCEEDED, startedAt, c, null,
          c.reasonsText(), messages.get(day))));
    }

    /** As {@link RunLog#failed}, kept for the batch's commit. */
    public synchronized void failed(String stage, String source, LocalDate runDate, Instant startedAt, Throwable error) {
      rows.add(row(stage, source, runDate, RunLogSchema.STATUS_FAILED, startedAt, null, null, null,
          error.getClass().getSimpleName() + ": " + error.getMessage()));
    }

    /**
     * A succeeded stage; {@code read}, {@code accepted}, {@code quarantined}, {@code written} and
     * {@code reasons} are null where they do not apply (superseded is always null).
     */
    public synchronized void succeeded(String stage, String table, LocalDate runDate, Instant startedAt, Long read, Long accepted,
        Long quarantined, Long written, String reasons) {
      rows.add(row(stage, table, runDate, RunLogSchema.STATUS_SUCCEEDED, startedAt, read, accepted, quarantined, null,
          written, reasons, null));
    }

    /** A failed stage with the message as given. */
    public synchronized void failed(String stage, String table, LocalDate runDate, Instant startedAt, String message) {
      rows.add(row(stage, table, runDate, RunLogSchema.STATUS_FAILED, startedAt, null, null, null, null, null, null,
          message));
    }

    /** Appends the rows kept so far in one commit. */
    public synchronized void append() {
      write(rows);
    }
  }

  private Row row(String stage, String source, LocalDate runDate, String status, Instant startedAt,
      IngestCounts c, Long written, String reasons, String message) {
    return row(stage, source, runDate, status, startedAt, c == null ? null : c.read(), c == null ? null : c.accepted(),
        c == null ? null : c.quarantined(), c == null ? null : c.superseded(), written, reasons, message);
  }

  private Row row(String stage, String source, LocalDate runDate, String status, Instant startedAt, Long read,
      Long accepted, Long quarantined, Long superseded, Long written, String reasons, String message) {
    boolean finished = !RunLogSchema.STATUS_STARTED.equals(status);
    return RowFactory.create(
        runId, command, stage, source, Date.valueOf(runDate), status, Timestamp.from(startedAt),
        finished ? Timestamp.from(now()) : null, read, accepted, quarantined, superseded, written, reasons, message);
  }

  private void write(Row row) {
    write(List.of(row));
  }

  private void write(List<Row> rows) {
    delta.append(Table.META_RUN_LOG, delta.spark().createDataFrame(rows, RunLogSchema.SCHEMA));
  }
}
