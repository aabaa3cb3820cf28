package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * quarantine/&lt;source&gt;: rejected records with the reason, where they came from and their raw
 * text, replaced per delivery date. Restricted: holds raw PII.
 */
public final class QuarantineSchema {
  public static final String REASON_CODE = "reason_code";
  public static final String REASON_DETAIL = "reason_detail";
  public static final String RAW_RECORD = BronzeSchema.RAW_RECORD;

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(REASON_CODE, StringType),
          nullable(REASON_DETAIL, StringType),
          required(RAW_RECORD, StringType)),
      Provenance.FIELDS);

  private QuarantineSchema() {}
}
