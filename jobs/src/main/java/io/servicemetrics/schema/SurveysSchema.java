package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Survey responses: the landing contract and silver/surveys. */
public final class SurveysSchema {
  public static final String SURVEY_ID = "survey_id";
  public static final String CONTACT_ID = "contact_id";
  public static final String RESPONDED_AT = "responded_at";
  public static final String CSAT = "csat";
  public static final String NPS = "nps";
  public static final String CES = "ces";
  public static final String RESOLVED_REPORTED = "resolved_reported";
  public static final String PEOPLE_TOLD = "people_told";
  public static final String COMMENT = "comment";

  public static final int CSAT_MIN = 1, CSAT_MAX = 5;
  public static final int NPS_MIN = 0, NPS_MAX = 10;
  public static final int CES_MIN = 1, CES_MAX = 7;

  public static final List<String> LANDING_COLUMNS = List.of(
      SURVEY_ID, CONTACT_ID, RESPONDED_AT, CSAT, NPS, CES, RESOLVED_REPORTED, PEOPLE_TOLD, COMMENT);

  public static final List<String> REQUIRED_LANDING_COLUMNS = List.of(SURVEY_ID, CONTACT_ID, RESPONDED_AT);

  public static final StructType SILVER = Fields.struct(
      List.of(
          required(SURVEY_ID, StringType),
          required(CONTACT_ID, StringType),
          required(RESPONDED_AT, TimestampType),
          nullable(CSAT, IntegerType),
          nullable(NPS, IntegerType),
          nullable(CES, IntegerType),
          nullable(RESOLVED_REPORTED, BooleanType),
          nullable(PEOPLE_TOLD, IntegerType),
          // Free text with e-mail addresses, phone numbers and @handles redacted.
          nullable(COMMENT, StringType),
          required(Provenance.EVENT_DATE, DateType)),
      Provenance.FIELDS);

  private SurveysSchema() {}
}
