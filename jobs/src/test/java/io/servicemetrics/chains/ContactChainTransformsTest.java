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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ContactChainTransformsTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  /** as_of of the whole fixture; only the censoring case (late May) ends within 7 days of it. */
  private static final Instant AS_OF = Instant.parse("2026-06-01T04:00:00Z");

  private static Map<String, Row> chains;
  private static Map<String, String> rejected;

  /**
   * Every case below lives in one fixture of distinct customers and ids, computed once: the chain
   * transforms run as MetricsJob composes them, and each test asserts its own case.
   */
  @BeforeAll
  static void computeChainsOnce() {
    SparkSession spark = SharedSpark.session();
    List<Leg> legs = new ArrayList<>();
    // Transfers: A (IVR, never answered) -> B (agent a1, unresolved) -> C (agent a2, resolved, escalated).
    legs.add(leg("A").customer("k1").queue("general").abandoned("2026-03-02T09:00:00Z", "2026-03-02T09:02:00Z"));
    legs.add(leg("B").previous("A").customer("k1").queue("tech")
        .handled("a1", "t1", "2026-03-02T09:02:00Z", "2026-03-02T09:03:00Z", "2026-03-02T09:08:00Z", 30, 20, "unresolved"));
    legs.add(leg("C").previous("B").customer("k1").queue("tech").escalated()
        .handled("a2", "t2", "2026-03-02T09:08:00Z", "2026-03-02T09:10:30Z", "2026-03-02T09:20:00Z", 60, 40, "resolved"));
    // Abandoned.
    legs.add(leg("X").customer("kx").abandoned("2026-03-02T09:00:00Z", "2026-03-02T09:04:00Z"));
    // Censoring: as_of 2026-06-01T04:00Z. C1 ends 05-26 12:00; C2 starts 05-27 09:00 (21 h later).
    legs.add(leg("C1").customer("k3").handled("a1", "t1", "2026-05-26T11:50:00Z", "2026-05-26T11:51:00Z", "2026-05-26T12:00:00Z", 0, 0, "unresolved"));
    legs.add(leg("C2").customer("k3").handled("a1", "t1", "2026-05-27T09:00:00Z", "2026-05-27T09:01:00Z", "2026-05-27T09:10:00Z", 0, 0, "resolved"));
    // Anonymous: N1, N2 an hour apart; K (k4) followed only by them.
    legs.add(leg("N1").handled("a1", "t1", "2026-03-03T10:00:00Z", "2026-03-03T10:01:00Z", "2026-03-03T10:05:00Z", 0, 0, "resolved"));
    legs.add(leg("N2").handled("a1", "t1", "2026-03-03T11:00:00Z", "2026-03-03T11:01:00Z", "2026-03-03T11:05:00Z", 0, 0, "resolved"));
    legs.add(leg("K").customer("k4").handled("a1", "t1", "2026-03-03T09:00:00Z", "2026-03-03T09:01:00Z", "2026-03-03T09:05:00Z", 0, 0, "resolved"));
    // Ties: T1 [10:00, 10:05] and T2 [10:00, 10:20] start together; T3 starts at 10:20, T2's end.
    legs.add(leg("T1").customer("k2").handled("a1", "t1", "2026-03-04T10:00:00Z", "2026-03-04T10:01:00Z", "2026-03-04T10:05:00Z", 0, 0, "resolved"));
    legs.add(leg("T2").customer("k2").handled("a2", "t1", "2026-03-04T10:00:00Z", "2026-03-04T10:02:00Z", "2026-03-04T10:20:00Z", 0, 0, "resolved"));
    legs.add(leg("T3").customer("k2").handled("a3", "t1", "2026-03-04T10:20:00Z", "2026-03-04T10:21:00Z", "2026-03-04T10:30:00Z", 0, 0, "resolved"));
    // Phone-only callers: p1 listed for k7 and k5 (and an x handle of k0); p2 unknown; P3 has an id.
    legs.add(leg("P1").phone("p1").handled("a1", "t1", "2026-03-05T10:00:00Z", "2026-03-05T10:01:00Z", "2026-03-05T10:05:00Z", 0, 0, "resolved"));
    legs.add(leg("P2").phone("p2").handled("a1", "t1", "2026-03-05T11:00:00Z", "2026-03-05T11:01:00Z", "2026-03-05T11:05:00Z", 0, 0, "resolved"));
    legs.add(leg("P3").customer("k6").phone("p1").handled("a1", "t1", "2026-03-05T12:00:00Z", "2026-03-05T12:01:00Z", "2026-03-05T12:05:00Z", 0, 0, "resolved"));
    legs.add(leg("P4").customer("k5").handled("a1", "t1", "2026-03-07T10:00:00Z", "2026-03-07T10:01:00Z", "2026-03-07T10:05:00Z", 0, 0, "resolved"));
    // Last leg decides: R1 resolved then R2 follow_up; V2 is the re-delivered (latest) version, resolved.
    legs.add(leg("R1").customer("kr").handled("a1", "t1", "2026-03-08T10:00:00Z", "2026-03-08T10:01:00Z", "2026-03-08T10:05:00Z", 0, 0, "resolved"));
    legs.add(leg("R2").previous("R1").customer("kr").handled("a2", "t1", "2026-03-08T10:05:00Z", "2026-03-08T10:06:00Z", "2026-03-08T10:15:00Z", 0, 0, "follow_up"));
    legs.add(leg("V1").customer("kv").handled("a1", "t1", "2026-03-08T11:00:00Z", "2026-03-08T11:01:00Z", "2026-03-08T11:05:00Z", 0, 0, "unresolved"));
    legs.add(leg("V2").previous("V1").customer("kv").updated("2026-03-09T08:00:00Z")
        .handled("a2", "t1", "2026-03-08T11:05:00Z", "2026-03-08T11:06:00Z", "2026-03-08T11:15:00Z", 0, 0, "resolved"));
    // Surveys: S1 -> S2; Q's only survey predates Q.
    legs.add(leg("S1").customer("ks").handled("a1", "t1", "2026-03-09T10:00:00Z", "2026-03-09T10:01:00Z", "2026-03-09T10:05:00Z", 0, 0, "unresolved"));
    legs.add(leg("S2").previous("S1").customer("ks").handled("a2", "t1", "2026-03-09T10:05:00Z", "2026-03-09T10:06:00Z", "2026-03-09T10:15:00Z", 0, 0, "resolved"));
    legs.add(leg("Q").customer("kq").handled("a1", "t1", "2026-03-12T10:00:00Z", "2026-03-12T10:01:00Z", "2026-03-12T10:05:00Z", 0, 0, "resolved"));
    // Business zone: 03:30Z on 03-03 is 22:30 on 03-02 in New York.
    legs.add(leg("L").customer("kl").abandoned("2026-03-03T03:30:00Z", "2026-03-03T03:31:00Z"));
    // Y1 <-> Y2 at one instant, W below the cycle, Z its own previous.
    legs.add(leg("Y1").previous("Y2").abandoned("2026-03-10T10:00:00Z", "2026-03-10T10:01:00Z"));
    legs.add(leg("Y2").previous("Y1").abandoned("2026-03-10T10:00:00Z", "2026-03-10T10:01:00Z"));
    legs.add(leg("W").previous("Y1").abandoned("2026-03-10T10:02:00Z", "2026-03-10T10:03:00Z"));
    legs.add(leg("Z").previous("Z").abandoned("2026-03-10T11:00:00Z", "2026-03-10T11:01:00Z"));
    // D00..D64: one leg more than the limit. E00..E63: exactly the limit.
    addLine(legs, "D", ContactChainTransforms.MAX_CHAIN_LEGS + 1, Instant.parse("2026-03-11T00:00:00Z"));
    addLine(legs, "E", ContactChainTransforms.MAX_CHAIN_LEGS, Instant.parse("2026-03-12T00:00:00Z"));
    // G2's previous leg never arrived; H2's previous leg H1 is 8 days older than the 7-day link gap.
    legs.add(leg("G2").previous("G1").abandoned("2026-03-10T12:00:00Z", "2026-03-10T12:01:00Z"));
    legs.add(leg("H1").abandoned("2026-03-01T12:00:00Z", "2026-03-01T12:01:00Z"));
    legs.add(leg("H2").previous("H1").abandoned("2026-03-09T12:00:00Z", "2026-03-09T12:01:00Z"));

    // Outcome not reported (blank): U1 answered, no repeat; U2 answered, U3 (k-u2) follows a day
    // later; UT answered without outcome, then transferred to UQ which was never answered.
    legs.add(leg("U1").customer("ku1").handled("a1", "t1", "2026-03-13T10:00:00Z", "2026-03-13T10:01:00Z", "2026-03-13T10:05:00Z", 0, 0, null));
    legs.add(leg("U2").customer("ku2").handled("a1", "t1", "2026-03-13T11:00:00Z", "2026-03-13T11:01:00Z", "2026-03-13T11:05:00Z", 0, 0, null));
    legs.add(leg("U3").customer("ku2").handled("a2", "t1", "2026-03-14T11:00:00Z", "2026-03-14T11:01:00Z", "2026-03-14T11:05:00Z", 0, 0, null));
    legs.add(leg("UT").customer("ku3").handled("a1", "t1", "2026-03-13T12:00:00Z", "2026-03-13T12:01:00Z", "2026-03-13T12:05:00Z", 0, 0, null));
    legs.add(leg("UQ").previous("UT").customer("ku3").abandoned("2026-03-13T12:05:00Z", "2026-03-13T12:09:00Z"));

    Dataset<Row> handles = SilverRows.handles(spark,
        handle("k7", "phone", "p1"), handle("k5", "phone", "p1"), handle("k0", "x", "p1"));
    Dataset<Row> surveys = SilverRows.surveys(spark,
        survey("sv0", "S1", "2026-03-09T11:00:00Z", 5, 10, 1, 0),
        survey("sv1", "S2", "2026-03-09T12:00:00Z", 2, 3, 6, 4),
        survey("svq", "Q", "2026-03-11T12:00:00Z", 5, 10, 1, 0));

    Dataset<Row> keyed = ContactChainTransforms.withCustomerKey(SilverRows.legs(spark, legs), handles);
    ChainLegs split = ContactChainTransforms.assignChains(keyed, Dataset::localCheckpoint);
    Dataset<Row> chained = split.chained().cache();
    Dataset<Row> summary = ContactChainTransforms.summarizeChains(chained, ZONE);
    Dataset<Row> flagged = ContactChainTransforms.withRepeatFlags(
        ContactChainTransforms.withLatestSurvey(summary, chained, surveys), AS_OF);
    chains = new HashMap<>();
    for (Row r : flagged.collectAsList()) {
      chains.put(r.getAs(ContactChainsSchema.CHAIN_ID), r);
    }
    rejected = new TreeMap<>();
    for (Row r : split.rejected().collectAsList()) {
      rejected.put(r.getAs(ContactsSchema.CONTACT_ID), r.getAs(ContactChainTransforms.REJECT_REASON));
    }
    chained.unpersist();
  }

  private static void addLine(List<Leg> legs, String prefix, int n, Instant start) {
    for (int i = 0; i < n; i++) {
      Leg l = leg(String.format("%s%02d", prefix, i))
          .abandoned(start.plusSeconds(60L * i).toString(), start.plusSeconds(60L * i + 30).toString());
      legs.add(i == 0 ? l : l.previous(String.format("%s%02d", prefix, i - 1)));
    }
  }

  private static Object v(String chainId, String column) {
    Row row = chains.get(chainId);
    assertTrue(row != null, "no chain " + chainId + " among " + new TreeMap<>(chains).keySet());
    return row.getAs(column);
  }

  @Test
  void transferChainSumsAnsweredLegsAndTakesFirstAnsweredAgentAndLastOutcome() {
    // wait   = B 60 + C 150                         = 210 s
    // handle = B (300 talk + 20 acw) + C (570 + 40)   = 930 s
    // hold   = B 30 + C 60                           = 90 s
    assertTrue(!chains.containsKey("B") && !chains.containsKey("C"), "B and C are legs of A's chain");
    assertEquals("k1", v("A", ContactChainsSchema.CUSTOMER_KEY));
    assertEquals("general", v("A", ContactChainsSchema.QUEUE), "queue comes from the root leg");
    assertEquals("phone", v("A", ContactChainsSchema.CHANNEL));
    assertEquals("invoice", v("A", ContactChainsSchema.ISSUE_CATEGORY));
    assertEquals("a1", v("A", ContactChainsSchema.AGENT_ID), "first answered leg's agent");
    assertEquals("t1", v("A", ContactChainsSchema.TEAM));
    assertEquals(SilverRows.ts("2026-03-02T09:00:00Z"), v("A", ContactChainsSchema.STARTED_AT));
    assertEquals(SilverRows.ts("2026-03-02T09:20:00Z"), v("A", ContactChainsSchema.ENDED_AT));
    assertEquals(Date.valueOf("2026-03-02"), v("A", ContactChainsSchema.CONTACT_DATE));
    assertEquals(3, v("A", ContactChainsSchema.LEGS));
    assertEquals(2, v("A", ContactChainsSchema.TRANSFERS));
    assertEquals(true, v("A", ContactChainsSchema.ANSWERED));
    assertEquals(false, v("A", ContactChainsSchema.ABANDONED));
    assertEquals(210.0, (double) v("A", ContactChainsSchema.WAIT_SECONDS), 1e-9, "wait over answered legs");
    assertEquals(930.0, (double) v("A", ContactChainsSchema.HANDLE_SECONDS), 1e-9, "talk + acw over answered legs");
    assertEquals(90.0, (double) v("A", ContactChainsSchema.HOLD_SECONDS), 1e-9, "hold over answered legs");
    assertEquals(true, v("A", ContactChainsSchema.ESCALATED));
    assertEquals(true, v("A", ContactChainsSchema.RESOLVED), "last leg C resolved");
    assertEquals(false, v("A", ContactChainsSchema.REPEAT_7D), "no other chain of k1");
    assertEquals(true, v("A", ContactChainsSchema.FCR_7D), "resolved and no repeat");
  }

  @Test
  void abandonedChainHasNoDurationsNoAgentAndNoFcr() {
    assertEquals(false, v("X", ContactChainsSchema.ANSWERED));
    assertEquals(true, v("X", ContactChainsSchema.ABANDONED));
    assertNull(v("X", ContactChainsSchema.WAIT_SECONDS), "wait is a sum over answered legs: none");
    assertNull(v("X", ContactChainsSchema.HANDLE_SECONDS));
    assertNull(v("X", ContactChainsSchema.HOLD_SECONDS));
    assertNull(v("X", ContactChainsSchema.AGENT_ID));
    assertEquals(false, v("X", ContactChainsSchema.RESOLVED));
    assertEquals(false, v("X", ContactChainsSchema.REPEAT_7D), "repeat is decided for abandoned chains too");
    assertNull(v("X", ContactChainsSchema.FCR_7D), "fcr is NULL for abandoned chains");
  }

  @Test
  void flagsAreCensoredWhenTheirWindowPassesAsOf() {
    // C1: +1d = 05-27 12:00 <= as_of and C2 starts inside -> true; +7d = 06-02 12:00 > as_of -> NULL.
    // C2: +1d = 05-28 09:10 <= as_of, nothing after -> false; +7d > as_of -> NULL, so fcr NULL.
    assertEquals(true, v("C1", ContactChainsSchema.REPEAT_1D), "C2 starts 21 h after C1 ended");
    assertNull(v("C1", ContactChainsSchema.REPEAT_7D), "7-day window of C1 not complete at as_of");
    assertNull(v("C1", ContactChainsSchema.REPEAT_30D));
    assertNull(v("C1", ContactChainsSchema.FCR_7D), "fcr follows repeat_7d's censoring");
    assertEquals(false, v("C2", ContactChainsSchema.REPEAT_1D), "1-day window of C2 complete and empty");
    assertNull(v("C2", ContactChainsSchema.REPEAT_7D));
  }

  @Test
  void anonymousChainsHaveNullFlagsAndAreNobodysRepeat() {
    for (String id : List.of("N1", "N2")) {
      assertNull(v(id, ContactChainsSchema.CUSTOMER_KEY), id + " is anonymous");
      assertNull(v(id, ContactChainsSchema.REPEAT_1D), id + " repeat_1d");
      assertNull(v(id, ContactChainsSchema.REPEAT_7D), id + " repeat_7d");
      assertNull(v(id, ContactChainsSchema.REPEAT_30D), id + " repeat_30d");
      assertNull(v(id, ContactChainsSchema.FCR_7D), id + " fcr_7d");
    }
    assertEquals(false, v("K", ContactChainsSchema.REPEAT_1D), "anonymous N1 is not k4's repeat");
    assertEquals(true, v("K", ContactChainsSchema.FCR_7D));
  }

  @Test
  void onlyChainsStartingStrictlyAfterTheEndCountAsRepeats() {
    // T1: first start after 10:05 is T3 (10:20) -> repeat. T2: T1 started with it and T3 starts
    // exactly at its end, outside (ended_at, ...] -> no repeat. T3: nothing after -> no repeat.
    assertEquals(true, v("T1", ContactChainsSchema.REPEAT_1D), "T3 starts after T1 ended");
    assertEquals(false, v("T1", ContactChainsSchema.FCR_7D));
    assertEquals(false, v("T2", ContactChainsSchema.REPEAT_30D), "tie with T1 and T3 at its end are no repeats");
    assertEquals(true, v("T2", ContactChainsSchema.FCR_7D));
    assertEquals(false, v("T3", ContactChainsSchema.REPEAT_30D));
  }

  @Test
  void phoneOnlyCallerResolvesThroughCustomerHandles() {
    assertEquals("k5", v("P1", ContactChainsSchema.CUSTOMER_KEY), "smallest of the phone's owners k5, k7");
    assertEquals("p2", v("P2", ContactChainsSchema.CUSTOMER_KEY), "unmapped phone: its own pseudonym");
    assertEquals("k6", v("P3", ContactChainsSchema.CUSTOMER_KEY), "customer id wins over phone");
    assertEquals(true, v("P1", ContactChainsSchema.REPEAT_7D), "P4 of k5 follows two days later");
    assertEquals(false, v("P1", ContactChainsSchema.REPEAT_1D), "P4 is 2 days later");
  }

  @Test
  void resolvedFollowsTheLastLegInItsLatestVersion() {
    assertEquals(false, v("R1", ContactChainsSchema.RESOLVED), "last leg R2 says follow_up, whatever R1 said");
    assertEquals(true, v("V1", ContactChainsSchema.RESOLVED), "the re-delivered V2 resolved the chain");
  }

  @Test
  void surveyNamingTheSecondLegJoinsTheChainAndTheLatestWins() {
    // sv0 names S1 (csat 5) at 11:00; sv1 names S2 (csat 2, nps 3, ces 6, told 4) at 12:00: sv1 wins.
    assertEquals("sv1", v("S1", ContactChainsSchema.SURVEY_ID), "latest survey of the chain, via its second leg");
    assertEquals(2, v("S1", ContactChainsSchema.CSAT));
    assertEquals(3, v("S1", ContactChainsSchema.NPS));
    assertEquals(6, v("S1", ContactChainsSchema.CES));
    assertEquals(4, v("S1", ContactChainsSchema.PEOPLE_TOLD));
    assertNull(v("Q", ContactChainsSchema.SURVEY_ID), "a response before the contact is not about it");
    assertNull(v("A", ContactChainsSchema.CSAT), "no survey, no scores");
  }

  @Test
  void contactDateIsTheStartDateInTheBusinessZone() {
    assertEquals(Date.valueOf("2026-03-02"), v("L", ContactChainsSchema.CONTACT_DATE), "22:30 in New York");
  }

  @Test
  void cyclesAndTooDeepChainsAreRejectedWithAReason() {
    for (String id : List.of("Y1", "Y2", "W", "Z")) {
      assertEquals(ContactChainTransforms.REASON_CYCLE, rejected.get(id), id + " is on or below a cycle");
    }
    long tooDeep = rejected.entrySet().stream()
        .filter(e -> e.getKey().startsWith("D") && e.getValue().equals(ContactChainTransforms.REASON_TOO_DEEP))
        .count();
    assertEquals(ContactChainTransforms.MAX_CHAIN_LEGS + 1, tooDeep, "every leg of the 65-leg chain, root included");
    assertEquals(4 + ContactChainTransforms.MAX_CHAIN_LEGS + 1, rejected.size(), "nothing else rejected");
    assertTrue(chains.keySet().stream().noneMatch(id -> id.startsWith("D") || id.startsWith("Y")), "no chain from them");
  }

  @Test
  void chainsAtTheLimitAndUnlinkableLegsAreKept() {
    assertEquals(ContactChainTransforms.MAX_CHAIN_LEGS, v("E00", ContactChainsSchema.LEGS), "64 legs is allowed");
    assertEquals(1, v("G2", ContactChainsSchema.LEGS), "previous leg not (yet) present: own chain");
    assertEquals(1, v("H2", ContactChainsSchema.LEGS), "previous leg beyond the link gap: own chain");
    assertEquals(1, v("H1", ContactChainsSchema.LEGS));
  }

  @Test
  void anUnreportedOutcomeIsUnknownAndFcrFallsBackToNoRepeat() {
    // U1: last leg answered, outcome blank -> resolved NULL; no other chain of ku1 -> fcr = NOT repeat = true.
    assertNull(v("U1", ContactChainsSchema.RESOLVED), "not reported is not unresolved");
    assertEquals(false, v("U1", ContactChainsSchema.REPEAT_7D));
    assertEquals(true, v("U1", ContactChainsSchema.FCR_7D), "answered and no repeat within 7 days");
    assertEquals(ContactChainTransforms.FCR_BASIS_NO_REPEAT, v("U1", ContactChainsSchema.FCR_BASIS));
    // U2: U3 of ku2 starts 23 h 55 min after U2 ended -> repeat, fcr false on the same basis.
    assertNull(v("U2", ContactChainsSchema.RESOLVED));
    assertEquals(true, v("U2", ContactChainsSchema.REPEAT_7D));
    assertEquals(false, v("U2", ContactChainsSchema.FCR_7D), "the customer came back");
    assertEquals(ContactChainTransforms.FCR_BASIS_NO_REPEAT, v("U2", ContactChainsSchema.FCR_BASIS));
  }

  @Test
  void aChainWhoseLastLegWasNeverAnsweredStaysUnresolved() {
    // UT answered (no outcome) -> UQ never answered: the customer was left waiting.
    assertEquals(2, v("UT", ContactChainsSchema.LEGS));
    assertEquals(true, v("UT", ContactChainsSchema.ANSWERED));
    assertEquals(false, v("UT", ContactChainsSchema.RESOLVED), "last leg unanswered: known unresolved");
    assertEquals(false, v("UT", ContactChainsSchema.FCR_7D), "unresolved, whatever the repeat flag");
    assertEquals(ContactChainTransforms.FCR_BASIS_DISPOSITION, v("UT", ContactChainsSchema.FCR_BASIS));
  }

  @Test
  void fcrBasisIsDispositionWithAnOutcomeAndNullWhereFcrIsNull() {
    assertEquals(ContactChainTransforms.FCR_BASIS_DISPOSITION, v("A", ContactChainsSchema.FCR_BASIS));
    assertEquals(ContactChainTransforms.FCR_BASIS_DISPOSITION, v("T1", ContactChainsSchema.FCR_BASIS), "fcr false");
    assertNull(v("X", ContactChainsSchema.FCR_BASIS), "abandoned: fcr NULL");
    assertNull(v("N1", ContactChainsSchema.FCR_BASIS), "anonymous: fcr NULL");
    assertNull(v("C1", ContactChainsSchema.FCR_BASIS), "censored: fcr NULL");
  }
}
