package io.servicemetrics.schema;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructField;

/** Columns every bronze, quarantine and silver row carries: where the record came from. */
public final class Provenance {
  /** Day the file landed (the landing folder's date=), not the event day. */
  public static final String DELIVERY_DATE = "delivery_date";
  /** File name inside the landing folder. */
  public static final String SOURCE_FILE = "source_file";
  /** 1-based line of a CSV/JSONL record's first line (a quoted field may span lines). */
  public static final String RECORD_NUMBER = "record_number";
  public static final String INGEST_RUN_ID = "ingest_run_id";
  /** Which export format the record came in: canonical, amazon-connect, qualtrics, x-api-v2. */
  public static final String SOURCE_SYSTEM = "source_system";
  /** Partition column of silver: UTC date of the record's event time. */
  public static final String EVENT_DATE = "event_date";

  public static final String SOURCE_SYSTEM_CANONICAL = "canonical";

  public static final List<StructField> FIELDS = List.of(
      Fields.required(DELIVERY_DATE, DateType),
      Fields.required(SOURCE_FILE, StringType),
      Fields.required(RECORD_NUMBER, LongType),
      Fields.required(INGEST_RUN_ID, StringType),
      Fields.required(SOURCE_SYSTEM, StringType));

  private Provenance() {}
}
