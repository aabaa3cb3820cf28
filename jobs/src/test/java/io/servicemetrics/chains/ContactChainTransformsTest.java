package io.servicemetrics.chains;

import static io.servicemetrics.testing.SilverRows.handle;
import static io.servicemetrics.testing.SilverRows.leg;
import static io.servicemetrics.testing.SilverRows.survey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.chains.ContactChainTransforms.ChainLegs;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.testing.SharedSpark;
import io.servicemetrics.testing.SilverRows;
import io.servicemetrics.testing.SilverRows.Leg;
import java.sql.Date;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ContactChainTransformsTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  /** Far enough after every fixture that no flag is censored. */
  private static final Instant LATE_AS_OF = Instant.parse("2026-06-01T00:00:00Z");

  /** Runs the chain transforms the way MetricsJob composes them and returns chains by chain_id. */
  private static Map<String, Row> chains(SparkSession spark, Dataset<Row> legs, Dataset<Row> handles,
      Dataset<Row> surveys, Instant asOf, ZoneId zone) {
    Dataset<Row> keyed = ContactChainTransforms.withCustomerKey(legs, handles);
    ChainLegs split = ContactChainTransforms.assignChains(keyed, Dataset::localCheckpoint);
    Dataset<Row> summary = ContactChainTransforms.summarizeChains(split.chained(), zone);
    Dataset<Row> withSurvey = ContactChainTransforms.withLatestSurvey(summary, split.chained(), surveys);
    Dataset<Row> flagged = ContactChainTransforms.withRepeatFlags(withSurvey, asOf);
    Map<String, Row> byId = new HashMap<>();
    for (Row r : flagged.collectAsList()) {
      byId.put(r.getAs(ContactChainsSchema.CHAIN_ID), r);
    }
    return byId;
  }

  private static Map<String, Row> chains(SparkSession spark, Instant asOf, Leg... legs) {
    return chains(spark, SilverRows.legs(spark, legs), SilverRows.handles(spark), SilverRows.surveys(spark),
        asOf, UTC);
  }

  private static Object v(Row row, String column) {
    return row.getAs(column);
  }

  @Test
  void transferChainSumsAnsweredLegsAndTakesFirstAnsweredAgentAndLastOutcome(SparkSession spark) {
    // A (IVR, never answered) -> B (agent a1, unresolved) -> C (agent a2, resolved, escalated).
    // wait   = B 60 + C 150                      = 210 s
    // handle = B (300 talk + 20 acw) + C (570 + 40) = 930 s
    // hold   = B 30 + C 60                         = 90 s
    Map<String, Row> chains = chains(spark, LATE_AS_OF,
        leg("A").customer("k1").queue("general").abandoned("2026-03-02T09:00:00Z", "2026-03-02T09:02:00Z"),
        leg("B").previous("A").customer("k1").queue("tech")
            .handled("a1", "t1", "2026-03-02T09:02:00Z", "2026-03-02T09:03:00Z", "2026-03-02T09:08:00Z", 30, 20, "unresolved"),
        leg("C").previous("B").customer("k1").queue("tech").escalated()
            .handled("a2", "t2", "2026-03-02T09:08:00Z", "2026-03-02T09:10:30Z", "2026-03-02T09:20:00Z", 60, 40, "resolved"));

    assertEquals(1, chains.size(), "three linked legs form one chain: " + chains.keySet());
    Row a = chains.get("A");
    assertEquals("k1", v(a, ContactChainsSchema.CUSTOMER_KEY));
    assertEquals("general", v(a, ContactChainsSchema.QUEUE), "queue comes from the root leg");
    assertEquals("phone", v(a, ContactChainsSchema.CHANNEL));
    assertEquals("invoice", v(a, ContactChainsSchema.ISSUE_CATEGORY));
    assertEquals("a1", v(a, ContactChainsSchema.AGENT_ID), "first answered leg's agent");
    assertEquals("t1", v(a, ContactChainsSchema.TEAM));
    assertEquals(SilverRows.ts("2026-03-02T09:00:00Z"), v(a, ContactChainsSchema.STARTED_AT));
    assertEquals(SilverRows.ts("2026-03-02T09:20:00Z"), v(a, ContactChainsSchema.ENDED_AT));
    assertEquals(Date.valueOf("2026-03-02"), v(a, ContactChainsSchema.CONTACT_DATE));
    assertEquals(3, (int) v(a, ContactChainsSchema.LEGS));
    assertEquals(2, (int) v(a, ContactChainsSchema.TRANSFERS));
    assertEquals(true, v(a, ContactChainsSchema.ANSWERED));
    assertEquals(false, v(a, ContactChainsSchema.ABANDONED));
    assertEquals(210.0, (double) v(a, ContactChainsSchema.WAIT_SECONDS), 1e-9, "wait over answered legs");
    assertEquals(930.0, (double) v(a, ContactChainsSchema.HANDLE_SECONDS), 1e-9, "talk + acw over answered legs");
    assertEquals(90.0, (double) v(a, ContactChainsSchema.HOLD_SECONDS), 1e-9, "hold over answered legs");
    assertEquals(true, v(a, ContactChainsSchema.ESCALATED));
    assertEquals(true, v(a, ContactChainsSchema.RESOLVED), "last leg C resolved");
    assertEquals(false, v(a, ContactChainsSchema.REPEAT_7D), "no other chain of k1");
    assertEquals(true, v(a, ContactChainsSchema.FCR_7D), "resolved and no repeat");
  }

  @Test
  void abandonedChainHasNoDurationsNoAgentAndNoFcr(SparkSession spark) {
    Row chain = chains(spark, LATE_AS_OF,
        leg("X").customer("k1").abandoned("2026-03-02T09:00:00Z", "2026-03-02T09:04:00Z")).get("X");
    assertEquals(false, v(chain, ContactChainsSchema.ANSWERED));
    assertEquals(true, v(chain, ContactChainsSchema.ABANDONED));
    assertNull(v(chain, ContactChainsSchema.WAIT_SECONDS), "wait is a sum over answered legs: none");
    assertNull(v(chain, ContactChainsSchema.HANDLE_SECONDS));
    assertNull(v(chain, ContactChainsSchema.HOLD_SECONDS));
    assertNull(v(chain, ContactChainsSchema.AGENT_ID));
    assertEquals(false, v(chain, ContactChainsSchema.RESOLVED));
    assertEquals(false, v(chain, ContactChainsSchema.REPEAT_7D), "repeat is decided for abandoned chains too");
    assertNull(v(chain, ContactChainsSchema.FCR_7D), "fcr is NULL for abandoned chains");
  }

  @Test
  void flagsAreCensoredWhenTheirWindowPassesAsOf(SparkSession spark) {
    // as_of 2026-03-08T00:00Z. C1 ends 03-02 12:00; C2 starts 03-03 09:00 (21 h later), ends 09:10.
    // C1: +1d = 03-03 12:00 <= as_of, C2 inside -> repeat_1d true; +7d = 03-09 12:00 > as_of -> NULL.
    // C2: +1d = 03-04 09:10 <= as_of, nothing after -> false; +7d > as_of -> NULL; so fcr NULL.
    Instant asOf = Instant.parse("2026-03-08T00:00:00Z");
    Map<String, Row> chains = chains(spark, asOf,
        leg("C1").customer("k3").handled("a1", "t1", "2026-03-02T11:50:00Z", "2026-03-02T11:51:00Z", "2026-03-02T12:00:00Z", 0, 0, "unresolved"),
        leg("C2").customer("k3").handled("a1", "t1", "2026-03-03T09:00:00Z", "2026-03-03T09:01:00Z", "2026-03-03T09:10:00Z", 0, 0, "resolved"));
    Row c1 = chains.get("C1");
    Row c2 = chains.get("C2");
    assertEquals(true, v(c1, ContactChainsSchema.REPEAT_1D), "C2 starts 21 h after C1 ended");
    assertNull(v(c1, ContactChainsSchema.REPEAT_7D), "7-day window of C1 not complete at as_of");
    assertNull(v(c1, ContactChainsSchema.REPEAT_30D));
    assertNull(v(c1, ContactChainsSchema.FCR_7D), "fcr follows repeat_7d's censoring");
    assertEquals(false, v(c2, ContactChainsSchema.REPEAT_1D), "1-day window of C2 complete and empty");
    assertNull(v(c2, ContactChainsSchema.REPEAT_7D));
  }

  @Test
  void anonymousChainsHaveNullFlagsAndAreNobodysRepeat(SparkSession spark) {
    // Two anonymous chains an hour apart must not repeat each other; k4's chain is followed only by
    // an anonymous one, so it is no repeat either.
    Map<String, Row> chains = chains(spark, LATE_AS_OF,
        leg("N1").handled("a1", "t1", "2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z", "2026-03-02T10:05:00Z", 0, 0, "resolved"),
        leg("N2").handled("a1", "t1", "2026-03-02T11:00:00Z", "2026-03-02T11:01:00Z", "2026-03-02T11:05:00Z", 0, 0, "resolved"),
        leg("K").customer("k4").handled("a1", "t1", "2026-03-02T09:00:00Z", "2026-03-02T09:01:00Z", "2026-03-02T09:05:00Z", 0, 0, "resolved"));
    for (String id : List.of("N1", "N2")) {
      Row n = chains.get(id);
      assertNull(v(n, ContactChainsSchema.CUSTOMER_KEY), id + " is anonymous");
      assertNull(v(n, ContactChainsSchema.REPEAT_1D), id + " repeat_1d");
      assertNull(v(n, ContactChainsSchema.REPEAT_7D), id + " repeat_7d");
      assertNull(v(n, ContactChainsSchema.REPEAT_30D), id + " repeat_30d");
      assertNull(v(n, ContactChainsSchema.FCR_7D), id + " fcr_7d");
    }
    assertEquals(false, v(chains.get("K"), ContactChainsSchema.REPEAT_1D), "anonymous N1 is not k4's repeat");
    assertEquals(true, v(chains.get("K"), ContactChainsSchema.FCR_7D));
  }

  @Test
  void onlyChainsStartingStrictlyAfterTheEndCountAsRepeats(SparkSession spark) {
    // k2: T1 [10:00, 10:05], T2 [10:00, 10:20] start at the same instant; T3 starts 10:20, ends 10:30.
    // T1: first start after 10:05 is T3 (10:20) -> repeat. T2: T3 starts exactly at its end, and the
    // window (ended_at, ...] excludes it -> no repeat. T3: nothing after -> no repeat.
    Map<String, Row> chains = chains(spark, LATE_AS_OF,
        leg("T1").customer("k2").handled("a1", "t1", "2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z", "2026-03-02T10:05:00Z", 0, 0, "resolved"),
        leg("T2").customer("k2").handled("a2", "t1", "2026-03-02T10:00:00Z", "2026-03-02T10:02:00Z", "2026-03-02T10:20:00Z", 0, 0, "resolved"),
        leg("T3").customer("k2").handled("a3", "t1", "2026-03-02T10:20:00Z", "2026-03-02T10:21:00Z", "2026-03-02T10:30:00Z", 0, 0, "resolved"));
    assertEquals(true, v(chains.get("T1"), ContactChainsSchema.REPEAT_1D), "T3 starts after T1 ended");
    assertEquals(false, v(chains.get("T1"), ContactChainsSchema.FCR_7D));
    assertEquals(false, v(chains.get("T2"), ContactChainsSchema.REPEAT_30D), "tie with T1 and T3 at its end are no repeats");
    assertEquals(true, v(chains.get("T2"), ContactChainsSchema.FCR_7D));
    assertEquals(false, v(chains.get("T3"), ContactChainsSchema.REPEAT_30D));
  }

  @Test
  void phoneOnlyCallerResolvesThroughCustomerHandles(SparkSession spark) {
    // p1 is listed for k7 and k5 -> smallest key k5 owns it; an x handle with the same pseudonym is
    // ignored. P2's phone p2 is unknown -> its pseudonym is the key. P3 has a customer id -> it wins.
    // P1 (k5 via phone) is followed 2 days later by P4 with customer id k5 -> repeat_7d.
    Dataset<Row> legs = SilverRows.legs(spark,
        leg("P1").phone("p1").handled("a1", "t1", "2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z", "2026-03-02T10:05:00Z", 0, 0, "resolved"),
        leg("P2").phone("p2").handled("a1", "t1", "2026-03-02T11:00:00Z", "2026-03-02T11:01:00Z", "2026-03-02T11:05:00Z", 0, 0, "resolved"),
        leg("P3").customer("k6").phone("p1").handled("a1", "t1", "2026-03-02T12:00:00Z", "2026-03-02T12:01:00Z", "2026-03-02T12:05:00Z", 0, 0, "resolved"),
        leg("P4").customer("k5").handled("a1", "t1", "2026-03-04T10:00:00Z", "2026-03-04T10:01:00Z", "2026-03-04T10:05:00Z", 0, 0, "resolved"));
    Dataset<Row> handles = SilverRows.handles(spark,
        handle("k7", "phone", "p1"), handle("k5", "phone", "p1"), handle("k0", "x", "p1"));
    Map<String, Row> chains = chains(spark, legs, handles, SilverRows.surveys(spark), LATE_AS_OF, UTC);
    assertEquals("k5", v(chains.get("P1"), ContactChainsSchema.CUSTOMER_KEY), "smallest phone owner");
    assertEquals("p2", v(chains.get("P2"), ContactChainsSchema.CUSTOMER_KEY), "unmapped phone pseudonym");
    assertEquals("k6", v(chains.get("P3"), ContactChainsSchema.CUSTOMER_KEY), "customer id wins over phone");
    assertEquals(true, v(chains.get("P1"), ContactChainsSchema.REPEAT_7D), "P4 of k5 follows within 7 days");
    assertEquals(false, v(chains.get("P1"), ContactChainsSchema.REPEAT_1D), "P4 is 2 days later");
  }

  @Test
  void resolvedFollowsTheLatestVersionOfTheLastLeg(SparkSession spark) {
    // The customer calls back within the chain: R1 resolved, then R2 (transfer) follow_up. A later
    // delivery re-states R2 as resolved; silver holds only the latest version of R2.
    Leg r1 = leg("R1").customer("k1").handled("a1", "t1", "2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z", "2026-03-02T10:05:00Z", 0, 0, "resolved");
    Leg r2First = leg("R2").previous("R1").customer("k1")
        .handled("a2", "t1", "2026-03-02T10:05:00Z", "2026-03-02T10:06:00Z", "2026-03-02T10:15:00Z", 0, 0, "follow_up");
    Leg r2Redelivered = leg("R2").previous("R1").customer("k1").updated("2026-03-03T08:00:00Z")
        .handled("a2", "t1", "2026-03-02T10:05:00Z", "2026-03-02T10:06:00Z", "2026-03-02T10:15:00Z", 0, 0, "resolved");
    assertEquals(false, v(chains(spark, LATE_AS_OF, r1, r2First).get("R1"), ContactChainsSchema.RESOLVED),
        "last leg R2 says follow_up, whatever R1 said");
    assertEquals(true, v(chains(spark, LATE_AS_OF, r1, r2Redelivered).get("R1"), ContactChainsSchema.RESOLVED),
        "the re-delivered R2 resolved the chain");
  }

  @Test
  void surveyNamingTheSecondLegJoinsTheChainAndTheLatestWins(SparkSession spark) {
    // S1 -> S2. sv0 names S1 (csat 5) at 11:00; sv1 names S2 (csat 2, nps 3, ces 6, told 4) at 12:00:
    // the later sv1 wins. Q's only survey is dated before Q started: ignored.
    Dataset<Row> legs = SilverRows.legs(spark,
        leg("S1").customer("k1").handled("a1", "t1", "2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z", "2026-03-02T10:05:00Z", 0, 0, "unresolved"),
        leg("S2").previous("S1").customer("k1").handled("a2", "t1", "2026-03-02T10:05:00Z", "2026-03-02T10:06:00Z", "2026-03-02T10:15:00Z", 0, 0, "resolved"),
        leg("Q").customer("k9").handled("a1", "t1", "2026-03-05T10:00:00Z", "2026-03-05T10:01:00Z", "2026-03-05T10:05:00Z", 0, 0, "resolved"));
    Dataset<Row> surveys = SilverRows.surveys(spark,
        survey("sv0", "S1", "2026-03-02T11:00:00Z", 5, 10, 1, 0),
        survey("sv1", "S2", "2026-03-02T12:00:00Z", 2, 3, 6, 4),
        survey("svq", "Q", "2026-03-04T12:00:00Z", 5, 10, 1, 0));
    Map<String, Row> chains = chains(spark, legs, SilverRows.handles(spark), surveys, LATE_AS_OF, UTC);
    Row s = chains.get("S1");
    assertEquals("sv1", v(s, ContactChainsSchema.SURVEY_ID), "latest survey of the chain, via its second leg");
    assertEquals(2, (int) v(s, ContactChainsSchema.CSAT));
    assertEquals(3, (int) v(s, ContactChainsSchema.NPS));
    assertEquals(6, (int) v(s, ContactChainsSchema.CES));
    assertEquals(4, (int) v(s, ContactChainsSchema.PEOPLE_TOLD));
    assertNull(v(chains.get("Q"), ContactChainsSchema.SURVEY_ID), "a response before the contact is not about it");
  }

  @Test
  void contactDateIsTheStartDateInTheBusinessZone(SparkSession spark) {
    // 2026-03-03T03:30Z is still 2026-03-02 22:30 in New York (UTC-5 in early March).
    Map<String, Row> chains = chains(spark,
        SilverRows.legs(spark, leg("L").customer("k1").abandoned("2026-03-03T03:30:00Z", "2026-03-03T03:31:00Z")),
        SilverRows.handles(spark), SilverRows.surveys(spark), LATE_AS_OF, ZoneId.of("America/New_York"));
    assertEquals(Date.valueOf("2026-03-02"), v(chains.get("L"), ContactChainsSchema.CONTACT_DATE));
  }

  @Test
  void cyclesAndTooDeepChainsAreRejectedWithAReasonAndLimitLengthChainsKept(SparkSession spark) {
    List<Leg> legs = new ArrayList<>();
    // Y1 <-> Y2 at the same instant, W hangs below the cycle, Z points at itself.
    legs.add(leg("Y1").previous("Y2").abandoned("2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z"));
    legs.add(leg("Y2").previous("Y1").abandoned("2026-03-02T10:00:00Z", "2026-03-02T10:01:00Z"));
    legs.add(leg("W").previous("Y1").abandoned("2026-03-02T10:02:00Z", "2026-03-02T10:03:00Z"));
    legs.add(leg("Z").previous("Z").abandoned("2026-03-02T11:00:00Z", "2026-03-02T11:01:00Z"));
    // D00..D64: 65 legs, one more than the limit. E00..E63: exactly 64 legs.
    addLine(legs, "D", ContactChainTransforms.MAX_CHAIN_LEGS + 1, Instant.parse("2026-03-03T00:00:00Z"));
    addLine(legs, "E", ContactChainTransforms.MAX_CHAIN_LEGS, Instant.parse("2026-03-04T00:00:00Z"));
    // G2's previous leg never arrived; H2's previous leg H1 is 8 days older than it: both new chains.
    legs.add(leg("G2").previous("G1").abandoned("2026-03-02T12:00:00Z", "2026-03-02T12:01:00Z"));
    legs.add(leg("H1").abandoned("2026-03-01T12:00:00Z", "2026-03-01T12:01:00Z"));
    legs.add(leg("H2").previous("H1").abandoned("2026-03-09T12:00:00Z", "2026-03-09T12:01:00Z"));

    ChainLegs split = ContactChainTransforms.assignChains(SilverRows.legs(spark, legs), Dataset::localCheckpoint);
    Map<String, String> reasons = new TreeMap<>();
    for (Row r : split.rejected().collectAsList()) {
      reasons.put(r.getAs(ContactsSchema.CONTACT_ID), r.getAs(ContactChainTransforms.REJECT_REASON));
    }
    for (String id : List.of("Y1", "Y2", "W", "Z")) {
      assertEquals(ContactChainTransforms.REASON_CYCLE, reasons.get(id), id + " is on or below a cycle");
    }
    long tooDeep = reasons.entrySet().stream()
        .filter(e -> e.getKey().startsWith("D") && e.getValue().equals(ContactChainTransforms.REASON_TOO_DEEP))
        .count();
    assertEquals(ContactChainTransforms.MAX_CHAIN_LEGS + 1, tooDeep, "every leg of the 65-leg chain, root included");
    assertEquals(4 + ContactChainTransforms.MAX_CHAIN_LEGS + 1, reasons.size(), "nothing else rejected: " + reasons);

    Map<String, Long> legsPerChain = new TreeMap<>();
    for (Row r : split.chained().groupBy(ContactChainsSchema.CHAIN_ID).count().collectAsList()) {
      legsPerChain.put(r.getString(0), r.getLong(1));
    }
    assertEquals(Map.of("E00", 64L, "G2", 1L, "H1", 1L, "H2", 1L), legsPerChain,
        "the 64-leg chain is kept; unlinkable legs start their own chains");
  }

  private static void addLine(List<Leg> legs, String prefix, int n, Instant start) {
    for (int i = 0; i < n; i++) {
      Leg l = leg(String.format("%s%02d", prefix, i))
          .abandoned(start.plusSeconds(60L * i).toString(), start.plusSeconds(60L * i + 30).toString());
      legs.add(i == 0 ? l : l.previous(String.format("%s%02d", prefix, i - 1)));
    }
  }

  @Test
  void rejectedLegsAreNotInChains(SparkSession spark) {
    ChainLegs split = ContactChainTransforms.assignChains(SilverRows.legs(spark,
        leg("Z").previous("Z").abandoned("2026-03-02T11:00:00Z", "2026-03-02T11:01:00Z"),
        leg("OK").abandoned("2026-03-02T11:00:00Z", "2026-03-02T11:01:00Z")), Dataset::localCheckpoint);
    List<Row> chained = split.chained().collectAsList();
    assertEquals(1, chained.size());
    assertTrue("OK".equals(chained.get(0).getAs(ContactsSchema.CONTACT_ID)), "only OK is chained");
  }
}
