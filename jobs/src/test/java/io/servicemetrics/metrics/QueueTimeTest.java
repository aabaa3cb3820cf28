package io.servicemetrics.metrics;

import static io.servicemetrics.testing.SilverRows.leg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.chains.BusinessWaitTransforms;
import io.servicemetrics.chains.ContactChainTransforms;
import io.servicemetrics.config.ServiceLevelConfig;
import io.servicemetrics.hours.BusinessHours;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.testing.SharedSpark;
import io.servicemetrics.testing.SilverRows;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Queue time from legs to chains to daily metrics (docs/METRICS.md "Queue time"), on one literal
 * day whose every number below is worked out by hand. All legs are on 2026-03-02 (UTC), queue billing.
 */
@ExtendWith(SharedSpark.class)
class QueueTimeTest {
  private static final Instant AS_OF = Instant.parse("2026-04-15T00:00:00Z");
  /**
   * Open from 11:01 on Mondays (2026-03-02 is one), UTC: the first hour of the day's contacts
   * waits while closed, so the business waits differ from the calendar ones.
   */
  private static final BusinessHours HOURS = BusinessHours.parse("""
      {"schedules": {"desk": {"timezone": "UTC", "versions": [{"valid_from": "2026-01-01",
         "weekly": {"mon": [["11:01","24:00"]]}}]}},
       "queues": {"*": "desk"}}""", "queue-time-test.json");

  private static Dataset<Row> chains;
  private static Map<String, Row> byChain;
  private static Map<String, Row> dailyDefaults;

  @BeforeAll
  static void computeOnce() {
    SparkSession spark = SharedSpark.session();
    List<SilverRows.Leg> legs = List.of(
        // P1: 40 s in the IVR, then 15 s in the queue: queue wait 15 (wait from initiation 55).
        leg("P1").queued("2026-03-02T10:00:40Z")
            .handled("a1", "t1", "2026-03-02T10:00:00Z", "2026-03-02T10:00:55Z", "2026-03-02T10:05:00Z", 0, 0, "resolved"),
        // P2a -> P2b: queued 30 s, transferred, queued again 10 s: chain queue wait 40.
        leg("P2a").queued("2026-03-02T11:00:30Z")
            .handled("a1", "t1", "2026-03-02T11:00:00Z", "2026-03-02T11:01:00Z", "2026-03-02T11:03:00Z", 0, 0, "unresolved"),
        leg("P2b").previous("P2a").queued("2026-03-02T11:03:10Z")
            .handled("a2", "t1", "2026-03-02T11:03:00Z", "2026-03-02T11:03:20Z", "2026-03-02T11:08:00Z", 0, 0, "resolved"),
        // P3: answered without queuing (straight to an agent): not in ASA nor in service level.
        leg("P3").neverQueued()
            .handled("a1", "t1", "2026-03-02T12:00:00Z", "2026-03-02T12:00:05Z", "2026-03-02T12:02:00Z", 0, 0, "resolved"),
        // P4: queued 13:00:20, hung up 3 s later: a short abandon (< 5 s).
        leg("P4").queued("2026-03-02T13:00:20Z").abandoned("2026-03-02T13:00:00Z", "2026-03-02T13:00:23Z"),
        // P5: queued 14:00:10, gave up after 60 s in the queue.
        leg("P5").queued("2026-03-02T14:00:10Z").abandoned("2026-03-02T14:00:00Z", "2026-03-02T14:01:10Z"),
        // P6: hung up in the IVR, never queued.
        leg("P6").neverQueued().abandoned("2026-03-02T15:00:00Z", "2026-03-02T15:00:30Z"),
        // Chat, T = 60 s: C1 waits 45 s in the queue (within 60, beyond phone's 20), C2 90 s.
        leg("C1").channel("chat").queued("2026-03-02T10:00:10Z")
            .handled("a3", "t1", "2026-03-02T10:00:00Z", "2026-03-02T10:00:55Z", "2026-03-02T10:10:00Z", 0, 0, "resolved"),
        leg("C2").channel("chat").queued("2026-03-02T11:00:00Z")
            .handled("a3", "t1", "2026-03-02T11:00:00Z", "2026-03-02T11:01:30Z", "2026-03-02T11:10:00Z", 0, 0, "resolved"),
        // E-mail from a file without queued_at: nothing is measured, ASA is the wait from initiation.
        leg("E1").channel("email")
            .handled("a4", "t1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "2026-03-02T10:10:00Z", 0, 0, "resolved"),
        // Social chain whose second leg's file lacked queued_at: the chain's queuing is unknown.
        leg("M1").channel("social").queued("2026-03-02T16:00:05Z")
            .handled("a4", "t1", "2026-03-02T16:00:00Z", "2026-03-02T16:00:20Z", "2026-03-02T16:05:00Z", 0, 0, "unresolved"),
        leg("M2").channel("social").previous("M1")
            .handled("a5", "t1", "2026-03-02T16:05:00Z", "2026-03-02T16:06:00Z", "2026-03-02T16:10:00Z", 0, 0, "resolved"));
    Dataset<Row> keyed = ContactChainTransforms.withCustomerKey(SilverRows.legs(spark, legs), SilverRows.handles(spark));
    Dataset<Row> chained = ContactChainTransforms.assignChains(keyed, Dataset::localCheckpoint).chained();
    Dataset<Row> summary = ContactChainTransforms.summarizeChains(chained, ZoneOffset.UTC);
    chains = BusinessWaitTransforms.withBusinessWait(ContactChainTransforms.withRepeatFlags(
        ContactChainTransforms.withLatestSurvey(summary, chained, SilverRows.surveys(spark)), AS_OF), HOURS).cache();
    byChain = new HashMap<>();
    chains.collectAsList().forEach(r -> byChain.put(r.getAs(ContactChainsSchema.CHAIN_ID), r));
    dailyDefaults = daily(ServiceLevelConfig.DEFAULT);
  }

  private static Map<String, Row> daily(ServiceLevelConfig config) {
    Map<String, Row> rows = new HashMap<>();
    DailyServiceMetricsTransforms.dailyServiceMetrics(chains, config).collectAsList()
        .forEach(r -> rows.put(r.getAs(DailyServiceMetricsSchema.CHANNEL), r));
    return rows;
  }

  private static Object chain(String id, String column) {
    Row r = byChain.get(id);
    assertTrue(r != null, "no chain " + id + " among " + byChain.keySet());
    return r.getAs(column);
  }

  private static Object day(String channel, String column) {
    return dailyDefaults.get(channel).getAs(column);
  }

  @Test
  void queueWaitStartsAfterTheIvrAndSumsTheQueuedLegsOfAChain() {
    assertEquals(true, chain("P1", ContactChainsSchema.QUEUED));
    assertEquals(15.0, chain("P1", ContactChainsSchema.QUEUE_WAIT_SECONDS), "10:00:55 - 10:00:40, not the 40 s IVR");
    assertEquals(55.0, chain("P1", ContactChainsSchema.WAIT_SECONDS), "wait_seconds keeps its meaning");
    assertEquals(40.0, chain("P2a", ContactChainsSchema.QUEUE_WAIT_SECONDS), "30 s + 10 s over the two queued legs");
    assertEquals(3.0, chain("P4", ContactChainsSchema.QUEUE_WAIT_SECONDS), "unanswered: until the leg ended");
    assertEquals(60.0, chain("P5", ContactChainsSchema.QUEUE_WAIT_SECONDS));
  }

  @Test
  void aLegNeverQueuedIsFalseAndALegFromAFileWithoutTheColumnIsUnknown() {
    assertEquals(false, chain("P3", ContactChainsSchema.QUEUED));
    assertNull(chain("P3", ContactChainsSchema.QUEUE_WAIT_SECONDS));
    assertEquals(false, chain("P6", ContactChainsSchema.QUEUED), "abandoned in the IVR");
    assertNull(chain("E1", ContactChainsSchema.QUEUED), "queued_at not delivered: not measured");
    assertNull(chain("M1", ContactChainsSchema.QUEUED), "M2 may have queued: the chain is not measured");
    assertNull(chain("M1", ContactChainsSchema.QUEUE_WAIT_SECONDS));
  }

  @Test
  void phoneServiceLevelAsaAndAbandonsFollowTheirDefinitions() {
    // Phone: 6 chains, all measured. Queued P1, P2a, P4, P5; P4 a short abandon (3 s < 5 s);
    // offered = 4 - 1 = 3; answered within 20 s: P1 (15 s), not P2a (40 s). P3 is not in either.
    assertEquals(6L, (long) day("phone", DailyServiceMetricsSchema.QUEUE_MEASURED));
    assertEquals(4L, (long) day("phone", DailyServiceMetricsSchema.QUEUED));
    assertEquals(1L, (long) day("phone", DailyServiceMetricsSchema.SHORT_ABANDONS));
    assertEquals(1L, (long) day("phone", DailyServiceMetricsSchema.ANSWERED_IN_TARGET));
    assertEquals(1.0 / 3, (double) day("phone", DailyServiceMetricsSchema.SERVICE_LEVEL), 1e-12, "P1 of P1, P2a, P5");
    assertEquals(20L, (long) day("phone", DailyServiceMetricsSchema.SERVICE_LEVEL_TARGET_SECONDS));
    assertEquals(1.0 / 3, (double) day("phone", DailyServiceMetricsSchema.QUEUE_ABANDON_RATE), 1e-12,
        "(P4, P5 abandoned - P4 short) / 3");
    assertEquals(1L, (long) day("phone", DailyServiceMetricsSchema.QUEUE_ABANDONS), "P5");
    assertEquals(1L, (long) day("phone", DailyServiceMetricsSchema.ABANDONED_BEFORE_QUEUE), "P6");
    assertEquals(27.5, (double) day("phone", DailyServiceMetricsSchema.ASA_SECONDS), 1e-12,
        "(15 + 40) / 2: P3 answered without queuing is not in ASA");
    assertEquals(2L, (long) day("phone", DailyServiceMetricsSchema.ASA_N));
    assertEquals(3L, (long) day("phone", DailyServiceMetricsSchema.ABANDONED), "abandoned keeps its meaning");
    assertEquals(0.5, (double) day("phone", DailyServiceMetricsSchema.ABANDON_RATE), 1e-12, "3 of 6, as before");
  }

  @Test
  void eachChannelIsMeasuredAgainstItsOwnTarget() {
    // Chat, T = 60: C1 45 s within, C2 90 s not: 1 / 2. At phone's 20 s it would be 0.
    assertEquals(60L, (long) day("chat", DailyServiceMetricsSchema.SERVICE_LEVEL_TARGET_SECONDS));
    assertEquals(0.5, (double) day("chat", DailyServiceMetricsSchema.SERVICE_LEVEL), 1e-12);
    assertEquals(67.5, (double) day("chat", DailyServiceMetricsSchema.ASA_SECONDS), 1e-12, "(45 + 90) / 2");
    assertEquals(86_400L, (long) day("email", DailyServiceMetricsSchema.SERVICE_LEVEL_TARGET_SECONDS));
    assertEquals(3_600L, (long) day("social", DailyServiceMetricsSchema.SERVICE_LEVEL_TARGET_SECONDS));
  }

  @Test
  void withoutQueuedAtEveryExistingColumnKeepsItsMeaningAndQueueColumnsAreNull() {
    assertEquals(0L, (long) day("email", DailyServiceMetricsSchema.QUEUE_MEASURED));
    assertEquals(3600.0, (double) day("email", DailyServiceMetricsSchema.ASA_SECONDS), 1e-12, "10:00 - 09:00 as today");
    assertEquals(1L, (long) day("email", DailyServiceMetricsSchema.ASA_N));
    for (String column : List.of(DailyServiceMetricsSchema.QUEUED, DailyServiceMetricsSchema.SHORT_ABANDONS,
        DailyServiceMetricsSchema.ABANDONED_BEFORE_QUEUE, DailyServiceMetricsSchema.SERVICE_LEVEL,
        DailyServiceMetricsSchema.QUEUE_ABANDON_RATE, DailyServiceMetricsSchema.ANSWERED_IN_TARGET,
        DailyServiceMetricsSchema.QUEUE_ABANDONS)) {
      assertNull(day("email", column), column + " is not measured, not zero");
      assertNull(day("social", column), column + " is not measured for the half-delivered chain");
    }
    assertEquals(80.0, (double) day("social", DailyServiceMetricsSchema.ASA_SECONDS), 1e-12,
        "wait_seconds 20 + 60, as today");
  }

  @Test
  void targetsAndTheShortAbandonThresholdAreConfigurable() {
    Map<String, Row> custom = daily(ServiceLevelConfig.of(2, List.of("phone=10", "CHAT = 45")));
    Row phone = custom.get("phone");
    // P4 (3 s) is no short abandon at 2 s: offered 4; none answered within 10 s (P1 took 15).
    assertEquals(0L, (long) phone.getAs(DailyServiceMetricsSchema.SHORT_ABANDONS));
    assertEquals(0.0, (double) phone.getAs(DailyServiceMetricsSchema.SERVICE_LEVEL), 1e-12);
    assertEquals(0.5, (double) phone.getAs(DailyServiceMetricsSchema.QUEUE_ABANDON_RATE), 1e-12, "P4, P5 of 4");
    assertEquals(10L, (long) phone.getAs(DailyServiceMetricsSchema.SERVICE_LEVEL_TARGET_SECONDS));
    assertEquals(0.5, (double) custom.get("chat").getAs(DailyServiceMetricsSchema.SERVICE_LEVEL), 1e-12,
        "C1's 45 s is within a 45 s target (<=)");
  }

  @Test
  void businessWaitsStartWhenTheChainQueuedAndCountOnlyOpenTime() {
    // Open from 11:01. P1 queued 10:00:40 for 15 s: all closed. P2a queued 11:00:30 and waited 40 s
    // as one stretch to 11:01:10: 10 s open (from started_at 11:00:00 it would be 0, and the old
    // wait_seconds 80 s from 11:00:00 would give 20). P3 never queued: no queue wait. P5 queued
    // 14:00:10, abandoned after 60 s, all open. E1 (no queued_at) keeps the wait from initiation,
    // 09:00-10:00, closed. C2 queued 11:00:00 for 90 s: 30 s open.
    assertEquals(0.0, (double) chain("P1", ContactChainsSchema.WAIT_BUSINESS_SECONDS), 1e-9, "P1");
    assertEquals(10.0, (double) chain("P2a", ContactChainsSchema.WAIT_BUSINESS_SECONDS), 1e-9, "P2a");
    assertNull(chain("P3", ContactChainsSchema.WAIT_BUSINESS_SECONDS), "P3 answered without queuing");
    assertEquals(false, chain("P3", ContactChainsSchema.ARRIVED_WHILE_CLOSED), "P3 at 12:00");
    assertEquals(60.0, (double) chain("P5", ContactChainsSchema.WAIT_BUSINESS_SECONDS), 1e-9, "P5");
    assertEquals(0.0, (double) chain("E1", ContactChainsSchema.WAIT_BUSINESS_SECONDS), 1e-9, "E1");
    assertEquals(30.0, (double) chain("C2", ContactChainsSchema.WAIT_BUSINESS_SECONDS), 1e-9, "C2");
    assertEquals(true, chain("P2a", ContactChainsSchema.ARRIVED_WHILE_CLOSED), "P2a queued 11:00:30");
  }

  @Test
  void businessServiceLevelCountsTheBusinessQueueWaitAgainstTheSameTarget() {
    // Phone, T = 20: P1 (0 s) and P2a (10 s) within in business time, offered 3 as for service_level.
    assertEquals(2L, (long) day("phone", DailyServiceMetricsSchema.ANSWERED_IN_TARGET_BUSINESS));
    assertEquals(2.0 / 3, (double) day("phone", DailyServiceMetricsSchema.SERVICE_LEVEL_BUSINESS), 1e-12);
    assertEquals(1.0 / 3, (double) day("phone", DailyServiceMetricsSchema.SERVICE_LEVEL), 1e-12, "calendar, unchanged");
    assertEquals(5.0, (double) day("phone", DailyServiceMetricsSchema.ASA_BUSINESS_SECONDS), 1e-12, "(0 + 10) / 2");
    assertEquals(2L, (long) day("phone", DailyServiceMetricsSchema.ARRIVED_CLOSED), "P1, P2a queued before 11:01");
    // Chat, T = 60: C1 0 s, C2 30 s: both within (the calendar service level is 1 / 2).
    assertEquals(1.0, (double) day("chat", DailyServiceMetricsSchema.SERVICE_LEVEL_BUSINESS), 1e-12);
    // E-mail without queued_at: the business wait is measured, the queue is not.
    assertEquals(0.0, (double) day("email", DailyServiceMetricsSchema.ASA_BUSINESS_SECONDS), 1e-12);
    assertNull(day("email", DailyServiceMetricsSchema.SERVICE_LEVEL_BUSINESS), "no queue measurement");
    assertNull(day("email", DailyServiceMetricsSchema.ANSWERED_IN_TARGET_BUSINESS), "no queue measurement");
  }
}
