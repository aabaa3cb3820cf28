package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * bronze/&lt;source&gt;: every landing record as delivered, one row per record, replaced per
 * delivery date. Restricted: holds raw PII.
 */
public final class BronzeSchema {
  /** The record's text exactly as in the file (one JSON line, or a CSV record without its line end). */
  public static final String RAW_RECORD = "raw_record";
  /** Column name to raw value, as read (empty when the record could not be split). */
  public static final String FIELDS = "fields";
  /** The Parquet column holding the values of {@link #FIELDS} (Spark writes a map as key_value pairs). */
  public static final String FIELDS_VALUE_COLUMN = FIELDS + ".key_value.value";
  /** A reason code when the record could not be read as a record (malformed JSON, bad CSV row, missing column). */
  public static final String PARSE_ERROR = "parse_error";
  public static final String PARSE_DETAIL = "parse_detail";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(RAW_RECORD, StringType),
          required(FIELDS, DataTypes.createMapType(StringType, StringType, true)),
          nullable(PARSE_ERROR, StringType),
          nullable(PARSE_DETAIL, StringType)),
      Provenance.FIELDS);

  private BronzeSchema() {}
}
