package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructType;

/** Contact legs: the landing contract (docs/INPUTS.md) and silver/contacts. */
public final class ContactsSchema {
  public static final String CONTACT_ID = "contact_id";
  public static final String UPDATED_AT = "updated_at";
  public static final String PREVIOUS_CONTACT_ID = "previous_contact_id";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String CUSTOMER_PHONE = "customer_phone";
  public static final String CHANNEL = "channel";
  public static final String QUEUE = "queue";
  public static final String AGENT_ID = "agent_id";
  public static final String TEAM = "team";
  public static final String INITIATED_AT = "initiated_at";
  public static final String ANSWERED_AT = "answered_at";
  public static final String ENDED_AT = "ended_at";
  public static final String HOLD_SECONDS = "hold_seconds";
  public static final String ACW_SECONDS = "acw_seconds";
  public static final String OUTCOME = "outcome";
  public static final String ESCALATED = "escalated";
  public static final String ISSUE_CATEGORY = "issue_category";
  /**
   * Optional landing column (docs/INPUTS.md): when the leg entered an agent queue, after any IVR or
   * menu. A file without the column did not deliver it; a blank value in a file with it means the
   * leg never queued.
   */
  public static final String QUEUED_AT = "queued_at";
  /**
   * Silver only: whether the leg entered an agent queue. NULL when the leg's file did not deliver
   * {@link #QUEUED_AT} (not measured), false when it delivered a blank value, true when a time.
   * NULL rather than false keeps the record hash of legs from files without the column unchanged.
   */
  public static final String QUEUED = "queued";

  /** Silver only: HMAC pseudonym of customer_id (null when blank). */
  public static final String CUSTOMER_ID_PSEUDONYM = "customer_id_pseudonym";
  /** Silver only: HMAC pseudonym of the normalized phone (null when blank or not a phone). */
  public static final String CUSTOMER_PHONE_PSEUDONYM = "customer_phone_pseudonym";

  public static final Set<String> CHANNELS = Set.of("phone", "chat", "email", "social");
  public static final Set<String> OUTCOMES = Set.of("resolved", "unresolved", "follow_up");

  /** Landing columns in contract order. */
  public static final List<String> LANDING_COLUMNS = List.of(
      CONTACT_ID, UPDATED_AT, PREVIOUS_CONTACT_ID, CUSTOMER_ID, CUSTOMER_PHONE, CHANNEL, QUEUE,
      AGENT_ID, TEAM, INITIATED_AT, ANSWERED_AT, ENDED_AT, HOLD_SECONDS, ACW_SECONDS, OUTCOME,
      ESCALATED, ISSUE_CATEGORY);

  /**
   * Columns a file may carry or leave out, after {@link #LANDING_COLUMNS}: leaving one out is not
   * an error but means "not delivered", which is different from a blank value.
   */
  public static final List<String> OPTIONAL_LANDING_COLUMNS = List.of(QUEUED_AT);

  /** Every column the contract knows: {@link #LANDING_COLUMNS} then {@link #OPTIONAL_LANDING_COLUMNS}. */
  public static final List<String> KNOWN_LANDING_COLUMNS = java.util.stream.Stream
      .concat(LANDING_COLUMNS.stream(), OPTIONAL_LANDING_COLUMNS.stream()).toList();

  public static final List<String> REQUIRED_LANDING_COLUMNS =
      List.of(CONTACT_ID, UPDATED_AT, CHANNEL, QUEUE, INITIATED_AT, ENDED_AT);

  public static final StructType SILVER = Fields.struct(
      List.of(
          required(CONTACT_ID, StringType),
          required(UPDATED_AT, TimestampType),
          nullable(PREVIOUS_CONTACT_ID, StringType),
          nullable(CUSTOMER_ID_PSEUDONYM, StringType),
          nullable(CUSTOMER_PHONE_PSEUDONYM, StringType),
          required(CHANNEL, StringType),
          required(QUEUE, StringType),
          nullable(AGENT_ID, StringType),
          nullable(TEAM, StringType),
          required(INITIATED_AT, TimestampType),
          nullable(ANSWERED_AT, TimestampType),
          required(ENDED_AT, TimestampType),
          // NULL when the file did not deliver the field (no column, or a blank): not measured.
          nullable(HOLD_SECONDS, LongType),
          nullable(ACW_SECONDS, LongType),
          nullable(OUTCOME, StringType),
          required(ESCALATED, BooleanType),
          nullable(ISSUE_CATEGORY, StringType),
          nullable(QUEUED_AT, TimestampType),
          nullable(QUEUED, BooleanType),
          required(Provenance.EVENT_DATE, DateType)),
      Provenance.FIELDS);

  private ContactsSchema() {}
}
