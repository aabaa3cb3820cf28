package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * meta/run_log: one row per (run, stage, source) and status change. Ingest rows carry the
 * reconciliation read = accepted + quarantined + superseded.
 */
public final class RunLogSchema {
  public static final String RUN_ID = "run_id";
  public static final String COMMAND = "command";
  public static final String STAGE = "stage";
  /** Source for ingest rows (contacts, surveys, ...); the table for other stages; may be null. */
  public static final String SOURCE = "source";
  /** The date the run processed (delivery date for ingest, as-of date for metrics and report). */
  public static final String RUN_DATE = "run_date";
  public static final String STATUS = "status";
  public static final String STARTED_AT = "started_at";
  public static final String FINISHED_AT = "finished_at";
  public static final String READ = "read";
  public static final String ACCEPTED = "accepted";
  public static final String QUARANTINED = "quarantined";
  public static final String SUPERSEDED = "superseded";
  /** Rows written by non-ingest stages. */
  public static final String WRITTEN = "written";
  /** Quarantined counts per reason code, as "reason=count;..." sorted by reason. */
  public static final String QUARANTINE_REASONS = "quarantine_reasons";
  public static final String MESSAGE = "message";

  public static final String STATUS_STARTED = "started";
  public static final String STATUS_SUCCEEDED = "succeeded";
  public static final String STATUS_FAILED = "failed";

  public static final StructType SCHEMA = Fields.struct(
      required(RUN_ID, StringType),
      required(COMMAND, StringType),
      required(STAGE, StringType),
      nullable(SOURCE, StringType),
      required(RUN_DATE, DateType),
      required(STATUS, StringType),
      required(STARTED_AT, TimestampType),
      nullable(FINISHED_AT, TimestampType),
      nullable(READ, LongType),
      nullable(ACCEPTED, LongType),
      nullable(QUARANTINED, LongType),
      nullable(SUPERSEDED, LongType),
      nullable(WRITTEN, LongType),
      nullable(QUARANTINE_REASONS, StringType),
      nullable(MESSAGE, StringType));

  private RunLogSchema() {}
}
