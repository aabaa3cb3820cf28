package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** gold/contact_chains: one row per chain of transferred legs (docs/METRICS.md). */
public final class ContactChainsSchema {
  public static final String CHAIN_ID = "chain_id";
  public static final String CUSTOMER_KEY = "customer_key";
  public static final String CHANNEL = "channel";
  public static final String QUEUE = "queue";
  public static final String ISSUE_CATEGORY = "issue_category";
  public static final String AGENT_ID = "agent_id";
  public static final String TEAM = "team";
  public static final String STARTED_AT = "started_at";
  public static final String ENDED_AT = "ended_at";
  public static final String CONTACT_DATE = "contact_date";
  public static final String LEGS = "legs";
  public static final String TRANSFERS = "transfers";
  public static final String ANSWERED = "answered";
  public static final String ABANDONED = "abandoned";
  public static final String WAIT_SECONDS = "wait_seconds";
  public static final String HANDLE_SECONDS = "handle_seconds";
  public static final String HOLD_SECONDS = "hold_seconds";
  public static final String ESCALATED = "escalated";
  public static final String RESOLVED = "resolved";
  public static final String REPEAT_1D = "repeat_1d";
  public static final String REPEAT_7D = "repeat_7d";
  public static final String REPEAT_30D = "repeat_30d";
  public static final String FCR_7D = "fcr_7d";
  /** What fcr_7d rests on: "disposition" (reported outcome) or "no_repeat" (none reported); NULL with fcr_7d. */
  public static final String FCR_BASIS = "fcr_basis";
  // Added to the contract: the chain's latest survey (by responded_at), so analyses need no re-join.
  public static final String SURVEY_ID = "survey_id";
  public static final String CSAT = "csat";
  public static final String NPS = "nps";
  public static final String CES = "ces";
  public static final String PEOPLE_TOLD = "people_told";
  // Business hours (docs/METRICS.md "Business hours"): NULL on every chain when no --business-hours
  // schedule was given (not measured, never 0).
  public static final String WAIT_BUSINESS_SECONDS = "wait_business_seconds";
  public static final String ARRIVED_WHILE_CLOSED = "arrived_while_closed";
  /** Some leg entered an agent queue; NULL when a leg's file did not deliver queued_at (not measured). */
  public static final String QUEUED = "queued";
  /** Sum over queued legs of (answered_at, or ended_at when not answered) - queued_at; NULL when not queued. */
  public static final String QUEUE_WAIT_SECONDS = "queue_wait_seconds";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(CHAIN_ID, StringType),
          nullable(CUSTOMER_KEY, StringType),
          required(CHANNEL, StringType),
          required(QUEUE, StringType),
          nullable(ISSUE_CATEGORY, StringType),
          nullable(AGENT_ID, StringType),
          nullable(TEAM, StringType),
          required(STARTED_AT, TimestampType),
          required(ENDED_AT, TimestampType),
          required(CONTACT_DATE, DateType),
          required(LEGS, IntegerType),
          required(TRANSFERS, IntegerType),
          required(ANSWERED, BooleanType),
          required(ABANDONED, BooleanType),
          nullable(WAIT_SECONDS, DoubleType),
          nullable(HANDLE_SECONDS, DoubleType),
          nullable(HOLD_SECONDS, DoubleType),
          required(ESCALATED, BooleanType),
          // NULL: the last leg was answered and its outcome not reported.
          nullable(RESOLVED, BooleanType),
          nullable(REPEAT_1D, BooleanType),
          nullable(REPEAT_7D, BooleanType),
          nullable(REPEAT_30D, BooleanType),
          nullable(FCR_7D, BooleanType),
          nullable(FCR_BASIS, StringType),
          nullable(SURVEY_ID, StringType),
          nullable(CSAT, IntegerType),
          nullable(NPS, IntegerType),
          nullable(CES, IntegerType),
          nullable(PEOPLE_TOLD, IntegerType),
          nullable(WAIT_BUSINESS_SECONDS, DoubleType),
          nullable(ARRIVED_WHILE_CLOSED, BooleanType),
          nullable(QUEUED, BooleanType),
          nullable(QUEUE_WAIT_SECONDS, DoubleType)),
      GoldColumns.STAMP);

  private ContactChainsSchema() {}
}
