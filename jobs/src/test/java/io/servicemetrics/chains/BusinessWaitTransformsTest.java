package io.servicemetrics.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.hours.BusinessHours;
import io.servicemetrics.metrics.DailyServiceMetricsTransforms;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class BusinessWaitTransformsTest {
  /** billing: Monday to Friday 09:00-17:00 UTC; every other queue: always open. */
  private static final BusinessHours HOURS = BusinessHours.parse("""
      {"schedules": {
         "office": {"timezone": "UTC", "versions": [{"valid_from": "2026-01-01", "weekly": {
            "mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]], "wed": [["09:00","17:00"]],
            "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}}]},
         "always": {"timezone": "UTC", "versions": [{"valid_from": "2000-01-01", "weekly": {
            "mon": [["00:00","24:00"]], "tue": [["00:00","24:00"]], "wed": [["00:00","24:00"]], "thu": [["00:00","24:00"]],
            "fri": [["00:00","24:00"]], "sat": [["00:00","24:00"]], "sun": [["00:00","24:00"]]}}]}},
       "queues": {"billing": "office", "*": "always"}}""", "test.json");

  /** The columns the transform reads, and the id. */
  private static final StructType CHAINS = new StructType()
      .add(ContactChainsSchema.CHAIN_ID, DataTypes.StringType, false)
      .add(ContactChainsSchema.QUEUE, DataTypes.StringType, false)
      .add(ContactChainsSchema.STARTED_AT, DataTypes.TimestampType, false)
      .add(ContactChainsSchema.WAIT_SECONDS, DataTypes.DoubleType, true)
      .add(ContactChainsSchema.QUEUED, DataTypes.BooleanType, true)
      .add(ContactChainsSchema.QUEUE_WAIT_SECONDS, DataTypes.DoubleType, true)
      .add(ContactChainTransforms.QUEUE_ENTERED_AT, DataTypes.TimestampType, true);

  /** A chain from a file without queued_at: queued, queue wait and queue entry NULL. */
  private static Row chain(String id, String queue, String startedAt, Double wait) {
    return RowFactory.create(id, queue, Timestamp.from(Instant.parse(startedAt)), wait, null, null, null);
  }

  /** A chain whose legs delivered queued_at; {@code queuedAt} null when it never queued. */
  private static Row queuedChain(String id, String queue, String startedAt, Double wait, String queuedAt,
      Double queueWait) {
    return RowFactory.create(id, queue, Timestamp.from(Instant.parse(startedAt)), wait, queuedAt != null,
        queueWait, queuedAt == null ? null : Timestamp.from(Instant.parse(queuedAt)));
  }

  private static Map<String, Row> byId(Dataset<Row> rows) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : rows.collectAsList()) {
      out.put(r.getAs(ContactChainsSchema.CHAIN_ID), r);
    }
    return out;
  }

  @Test
  void theWaitIsCountedInsideTheQueuesScheduleAndTheArrivalJudgedAtItsStart(SparkSession spark) {
    Map<String, Row> out = byId(BusinessWaitTransforms.withBusinessWait(spark.createDataFrame(List.of(
        // Friday 2026-03-06 16:30, answered 17:30: half an hour inside hours.
        chain("c1", "billing", "2026-03-06T16:30:00Z", 3600.0),
        // Saturday 10:00, answered Monday 10:00: only Monday 09:00-10:00 counts.
        chain("c2", "billing", "2026-03-07T10:00:00Z", 2 * 86_400.0),
        // Abandoned on Saturday: no measured wait, but it did arrive while closed.
        chain("c3", "billing", "2026-03-07T10:00:00Z", null),
        // Another queue follows "*": always open, the wait is calendar time to the fraction.
        chain("c4", "orders", "2026-03-07T10:00:00Z", 12.5),
        // One microsecond before opening, answered two microseconds later: one microsecond counts.
        chain("c5", "billing", "2026-03-09T08:59:59.999999Z", 0.000002)), CHAINS), HOURS));
    double[] business = {1800.0, 3600.0, Double.NaN, 12.5, 0.000001};
    boolean[] closed = {false, true, true, false, true};
    for (int i = 0; i < business.length; i++) {
      Row r = out.get("c" + (i + 1));
      if (Double.isNaN(business[i])) {
        assertNull(r.getAs(ContactChainsSchema.WAIT_BUSINESS_SECONDS), "c" + (i + 1) + " has no measured wait");
      } else {
        assertEquals(business[i], (double) r.getAs(ContactChainsSchema.WAIT_BUSINESS_SECONDS), 1e-9,
            "c" + (i + 1) + " wait_business_seconds");
      }
      assertEquals(closed[i], r.getAs(ContactChainsSchema.ARRIVED_WHILE_CLOSED), "c" + (i + 1) + " arrived_while_closed");
    }
  }

  @Test
  void aQueuedChainsBusinessWaitIsItsQueueWaitFromTheMomentItQueued(SparkSession spark) {
    Dataset<Row> out = BusinessWaitTransforms.withBusinessWait(spark.createDataFrame(List.of(
        // Friday 16:58 in the IVR while open, queued 17:05 after closing, answered Monday 09:00:30:
        // queue wait 63 h 55 min 30 s = 230,130 s of which Monday 09:00:00-09:00:30 counts. From
        // started_at the old wait would have counted 16:58-17:00 too (150 s).
        queuedChain("q1", "billing", "2026-03-06T16:58:00Z", 230_550.0, "2026-03-06T17:05:00Z", 230_130.0),
        // Monday 08:59:00, queued 08:59:50, abandoned 09:01:00: a queue wait of 70 s, 60 s of it open.
        queuedChain("q2", "billing", "2026-03-09T08:59:00Z", null, "2026-03-09T08:59:50Z", 70.0),
        // Answered without queuing: no queue wait to count; arrival judged at started_at (open).
        queuedChain("q3", "billing", "2026-03-09T10:00:00Z", 5.0, null, null)), CHAINS), HOURS);
    assertTrue(!java.util.Arrays.asList(out.columns()).contains(ContactChainTransforms.QUEUE_ENTERED_AT),
        "the working column is dropped");
    Map<String, Row> byId = byId(out);
    assertEquals(30.0, (double) byId.get("q1").getAs(ContactChainsSchema.WAIT_BUSINESS_SECONDS), 1e-9, "q1");
    assertEquals(true, byId.get("q1").getAs(ContactChainsSchema.ARRIVED_WHILE_CLOSED), "q1 queued after 17:00");
    assertEquals(60.0, (double) byId.get("q2").getAs(ContactChainsSchema.WAIT_BUSINESS_SECONDS), 1e-9,
        "q2: an abandoned queued chain has a queue wait");
    assertEquals(true, byId.get("q2").getAs(ContactChainsSchema.ARRIVED_WHILE_CLOSED), "q2 queued at 08:59:50");
    assertNull(byId.get("q3").getAs(ContactChainsSchema.WAIT_BUSINESS_SECONDS), "q3 never queued");
    assertEquals(false, byId.get("q3").getAs(ContactChainsSchema.ARRIVED_WHILE_CLOSED), "q3 at 10:00 Monday");
  }

  @Test
  void withoutAScheduleBothColumnsAreNullNeverZero(SparkSession spark) {
    Dataset<Row> out = BusinessWaitTransforms.withBusinessWait(spark.createDataFrame(List.of(
        chain("c1", "billing", "2026-03-06T16:30:00Z", 3600.0)), CHAINS), null);
    assertEquals(DataTypes.DoubleType, out.schema().apply(ContactChainsSchema.WAIT_BUSINESS_SECONDS).dataType(), "type");
    assertEquals(DataTypes.BooleanType, out.schema().apply(ContactChainsSchema.ARRIVED_WHILE_CLOSED).dataType(), "type");
    Row r = out.first();
    assertNull(r.getAs(ContactChainsSchema.WAIT_BUSINESS_SECONDS), "not measured");
    assertNull(r.getAs(ContactChainsSchema.ARRIVED_WHILE_CLOSED), "not measured");
  }

  @Test
  void aQueueTheScheduleDoesNotCoverFailsTheRunAsBadInput(SparkSession spark) {
    BusinessHours billingOnly = BusinessHours.parse("""
        {"schedules": {"office": {"timezone": "UTC", "versions": [{"valid_from": "2026-01-01", "weekly": {}}]}},
         "queues": {"billing": "office"}}""", "billing-only.json");
    Dataset<Row> out = BusinessWaitTransforms.withBusinessWait(spark.createDataFrame(List.of(
        chain("c1", "billing", "2026-03-06T16:30:00Z", 60.0),
        chain("c2", "orders", "2026-03-06T16:30:00Z", 60.0)), CHAINS), billingOnly);
    Exception e = assertThrows(Exception.class, out::collectAsList, "orders is not covered");
    ServiceMetricsException known = ServiceMetricsException.findIn(e);
    assertNotNull(known, "the schedule's own error reaches the driver: " + e);
    assertEquals(ExitCode.BAD_INPUT, known.exitCode(), "exit 2");
    assertTrue(known.getMessage().contains("maps no schedule to the queue 'orders'"), known.getMessage());
  }

  /** A full contact_chains row (every column by name), so the daily transform can read it. */
  private static Row fullChain(String id, boolean answered, Double wait, Double waitBusiness, Boolean closed) {
    StructType schema = ContactChainsSchema.SCHEMA;
    Object[] values = new Object[schema.size()];
    Timestamp t = Timestamp.valueOf("2026-03-02 10:00:00");
    values[schema.fieldIndex(ContactChainsSchema.CHAIN_ID)] = id;
    values[schema.fieldIndex(ContactChainsSchema.CHANNEL)] = "email";
    values[schema.fieldIndex(ContactChainsSchema.QUEUE)] = "billing";
    values[schema.fieldIndex(ContactChainsSchema.STARTED_AT)] = t;
    values[schema.fieldIndex(ContactChainsSchema.ENDED_AT)] = t;
    values[schema.fieldIndex(ContactChainsSchema.CONTACT_DATE)] = Date.valueOf("2026-03-02");
    values[schema.fieldIndex(ContactChainsSchema.LEGS)] = 1;
    values[schema.fieldIndex(ContactChainsSchema.TRANSFERS)] = 0;
    values[schema.fieldIndex(ContactChainsSchema.ANSWERED)] = answered;
    values[schema.fieldIndex(ContactChainsSchema.ABANDONED)] = !answered;
    values[schema.fieldIndex(ContactChainsSchema.WAIT_SECONDS)] = wait;
    values[schema.fieldIndex(ContactChainsSchema.ESCALATED)] = false;
    values[schema.fieldIndex(ContactChainsSchema.RESOLVED)] = false;
    values[schema.fieldIndex(ContactChainsSchema.WAIT_BUSINESS_SECONDS)] = waitBusiness;
    values[schema.fieldIndex(ContactChainsSchema.ARRIVED_WHILE_CLOSED)] = closed;
    values[schema.fieldIndex("as_of")] = t;
    values[schema.fieldIndex("definitions_version")] = "1";
    return RowFactory.create(values);
  }

  @Test
  void dailyAsaInBusinessSecondsAndArrivalsWhileClosedAreNullWhenNotMeasured(SparkSession spark) {
    Row measured = DailyServiceMetricsTransforms.dailyServiceMetrics(spark.createDataFrame(List.of(
        fullChain("c1", true, 63 * 3600.0, 0.0, true), // Friday 18:00 to Monday 09:00
        fullChain("c2", true, 600.0, 600.0, false),
        fullChain("c3", true, 7200.0, 1800.0, true),
        fullChain("c4", false, null, null, true)), ContactChainsSchema.SCHEMA)).first(); // abandoned
    // Mean over answered chains: (0 + 600 + 1800) / 3 = 800; arrived while closed: c1, c3, c4.
    assertEquals(800.0, (double) measured.getAs(DailyServiceMetricsSchema.ASA_BUSINESS_SECONDS), 1e-9, "asa_business");
    assertEquals(3L, (long) measured.getAs(DailyServiceMetricsSchema.ARRIVED_CLOSED), "arrived_closed");
    assertEquals((63 * 3600.0 + 600 + 7200) / 3, (double) measured.getAs(DailyServiceMetricsSchema.ASA_SECONDS), 1e-9,
        "asa_seconds keeps its calendar meaning");

    Row none = DailyServiceMetricsTransforms.dailyServiceMetrics(spark.createDataFrame(List.of(
        fullChain("c1", true, 600.0, null, null),
        fullChain("c2", false, null, null, null)), ContactChainsSchema.SCHEMA)).first();
    assertNull(none.getAs(DailyServiceMetricsSchema.ASA_BUSINESS_SECONDS), "no schedule: not measured");
    assertNull(none.getAs(DailyServiceMetricsSchema.ARRIVED_CLOSED), "no schedule: not measured, not 0");
    assertNull(none.getAs(DailyServiceMetricsSchema.SERVICE_LEVEL_BUSINESS), "no schedule: not measured");
    assertNull(measured.getAs(DailyServiceMetricsSchema.SERVICE_LEVEL_BUSINESS), "a schedule, but no queue measured");

    Row allOpen = DailyServiceMetricsTransforms.dailyServiceMetrics(spark.createDataFrame(List.of(
        fullChain("c1", false, null, null, false)), ContactChainsSchema.SCHEMA)).first();
    assertEquals(0L, (long) allOpen.getAs(DailyServiceMetricsSchema.ARRIVED_CLOSED), "measured: 0 arrived closed");
    assertNull(allOpen.getAs(DailyServiceMetricsSchema.ASA_BUSINESS_SECONDS), "no answered chain");
  }
}
