package io.servicemetrics.testing;

import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.SurveysSchema;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Literal silver rows for tests, built with small fluent helpers so a fixture reads like the case it
 * describes. Provenance columns get constants; event_date is the UTC date of the event time, as
 * ingest writes it.
 */
public final class SilverRows {
  private static final Date DELIVERY = Date.valueOf("2026-03-01");

  private SilverRows() {}

  public static Timestamp ts(String isoInstant) {
    return isoInstant == null ? null : Timestamp.from(Instant.parse(isoInstant));
  }

  private static Date utcDate(Timestamp t) {
    return Date.valueOf(LocalDate.ofInstant(t.toInstant(), ZoneOffset.UTC));
  }

  /** A contact leg; defaults: phone channel, queue "billing", answered nowhere, not escalated. */
  public static Leg leg(String contactId) {
    return new Leg(contactId);
  }

  public static final class Leg {
    final String contactId;
    String previous;
    String customer;
    String phone;
    String channel = "phone";
    String queue = "billing";
    String agent;
    String team;
    String initiated;
    String answered;
    String ended;
    long hold;
    long acw;
    String outcome;
    boolean escalated;
    String category = "invoice";
    String updated;
    /** Whether the leg's file delivered queued_at; null queuedAt with it means never queued. */
    boolean queueDelivered;
    String queuedAt;

    Leg(String contactId) {
      this.contactId = contactId;
    }

    public Leg previous(String id) { this.previous = id; return this; }
    public Leg customer(String pseudonym) { this.customer = pseudonym; return this; }
    public Leg phone(String pseudonym) { this.phone = pseudonym; return this; }
    public Leg channel(String c) { this.channel = c; return this; }
    public Leg queue(String q) { this.queue = q; return this; }
    public Leg category(String c) { this.category = c; return this; }
    public Leg escalated() { this.escalated = true; return this; }
    public Leg updated(String at) { this.updated = at; return this; }
    /** The file delivered queued_at and the leg entered the agent queue at the given instant. */
    public Leg queued(String at) { this.queueDelivered = true; this.queuedAt = at; return this; }
    /** The file delivered queued_at, blank for this leg: it never reached the agent queue. */
    public Leg neverQueued() { this.queueDelivered = true; this.queuedAt = null; return this; }

    /** Never answered: initiated, then the customer hung up. */
    public Leg abandoned(String initiatedAt, String endedAt) {
      this.initiated = initiatedAt;
      this.ended = endedAt;
      return this;
    }

    /** Answered by agent (team) with the given times and outcome. */
    public Leg handled(String agentId, String teamName, String initiatedAt, String answeredAt, String endedAt,
        long holdSeconds, long acwSeconds, String result) {
      this.agent = agentId;
      this.team = teamName;
      this.initiated = initiatedAt;
      this.answered = answeredAt;
      this.ended = endedAt;
      this.hold = holdSeconds;
      this.acw = acwSeconds;
      this.outcome = result;
      return this;
    }

    public String contactId() { return contactId; }
    public Instant initiatedAt() { return Instant.parse(initiated); }

    public Row row() {
      Timestamp init = ts(initiated);
      return RowFactory.create(
          contactId, ts(updated != null ? updated : ended), previous, customer, phone, channel, queue, agent, team,
          init, ts(answered), ts(ended), hold, acw, outcome, escalated, category,
          ts(queuedAt), queueDelivered ? Boolean.valueOf(queuedAt != null) : null, utcDate(init),
          DELIVERY, "contacts.csv", 1L, "test-run", "canonical");
    }
  }

  public static Dataset<Row> legs(SparkSession spark, List<Leg> legs) {
    List<Row> rows = new ArrayList<>();
    legs.forEach(l -> rows.add(l.row()));
    return spark.createDataFrame(rows, ContactsSchema.SILVER);
  }

  public static Dataset<Row> legs(SparkSession spark, Leg... legs) {
    return legs(spark, List.of(legs));
  }

  /** A survey row: csat, nps, ces, peopleTold may be null. */
  public static Row survey(String surveyId, String contactId, String respondedAt,
      Integer csat, Integer nps, Integer ces, Integer peopleTold) {
    Timestamp responded = ts(respondedAt);
    return RowFactory.create(surveyId, contactId, responded, csat, nps, ces, null, peopleTold, null,
        utcDate(responded), DELIVERY, "surveys.csv", 1L, "test-run", "canonical");
  }

  public static Dataset<Row> surveys(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, SurveysSchema.SILVER);
  }

  public static Dataset<Row> surveys(SparkSession spark, Row... rows) {
    return surveys(spark, List.of(rows));
  }

  public static Row handle(String customerKey, String platform, String handlePseudonym) {
    return RowFactory.create(customerKey, platform, handlePseudonym, DELIVERY, "handles.csv", 1L, "test-run", "canonical");
  }

  public static Dataset<Row> handles(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), CustomerHandlesSchema.SILVER);
  }
}
