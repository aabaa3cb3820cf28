package io.servicemetrics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class DailyServiceMetricsTransformsTest {
  private static final Date DAY = Date.valueOf("2026-03-02");
  private static final Timestamp T = Timestamp.valueOf("2026-03-02 10:00:00");

  /** A chain row with the columns the daily metrics read; the rest are constants. */
  private static Row chain(String id, String channel, boolean answered, int transfers, Double wait, Double handle,
      Double hold, boolean escalated, Boolean resolved, Boolean repeat7, Boolean fcr7, Integer csat, Integer nps,
      Integer ces) {
    return RowFactory.create(id, "k", channel, "billing", "invoice", answered ? "a1" : null, answered ? "t1" : null,
        T, T, DAY, transfers + 1, transfers, answered, !answered, wait, handle, hold, escalated, resolved,
        repeat7, repeat7, null, fcr7,
        fcr7 == null ? null : resolved == null ? "no_repeat" : "disposition", csat == null && nps == null && ces == null ? null : "sv-" + id, csat, nps, ces,
        null, null, null, null, null, T, "1");
  }

  @Test
  void everyColumnFollowsItsDefinitionAndEmptyDenominatorsGiveNull(SparkSession spark) {
    List<Row> chains = List.of(
        chain("c1", "phone", true, 0, 10.0, 100.0, 0.0, false, true, false, true, 5, 10, 2),
        chain("c2", "phone", true, 2, 30.0, 300.0, 60.0, true, false, true, false, 2, 3, 6),
        chain("c3", "phone", false, 0, null, null, null, false, false, false, null, null, null, null),
        chain("c4", "phone", true, 1, 20.0, 200.0, 30.0, false, true, null, null, 4, 9, null),
        chain("c5", "chat", false, 0, null, null, null, false, false, null, null, null, null, null));
    Map<String, Row> byChannel = new HashMap<>();
    for (Row r : DailyServiceMetricsTransforms.dailyServiceMetrics(
        spark.createDataFrame(chains, ContactChainsSchema.SCHEMA)).collectAsList()) {
      byChannel.put(r.getAs(DailyServiceMetricsSchema.CHANNEL), r);
    }
    assertEquals(2, byChannel.size(), "one row per date x channel x queue");

    // phone/billing: c1..c4. answered c1,c2,c4; abandoned c3.
    Row p = byChannel.get("phone");
    assertEquals(DAY, p.getAs(DailyServiceMetricsSchema.CONTACT_DATE));
    assertEquals("billing", p.getAs(DailyServiceMetricsSchema.QUEUE));
    assertEquals(4L, (long) p.getAs(DailyServiceMetricsSchema.CHAINS));
    assertEquals(3L, (long) p.getAs(DailyServiceMetricsSchema.ANSWERED));
    assertEquals(1L, (long) p.getAs(DailyServiceMetricsSchema.ABANDONED));
    assertEquals(0.25, p.getAs(DailyServiceMetricsSchema.ABANDON_RATE), 1e-12, "1 of 4 abandoned");
    assertEquals(20.0, p.getAs(DailyServiceMetricsSchema.ASA_SECONDS), 1e-12, "(10+30+20)/3");
    assertEquals(200.0, p.getAs(DailyServiceMetricsSchema.AHT_SECONDS), 1e-12, "(100+300+200)/3");
    assertEquals(30.0, p.getAs(DailyServiceMetricsSchema.HOLD_SECONDS_MEAN), 1e-12, "(0+60+30)/3");
    assertEquals(2.0 / 3, p.getAs(DailyServiceMetricsSchema.TRANSFER_RATE), 1e-12, "c2, c4 of 3 answered");
    assertEquals(1.0 / 3, p.getAs(DailyServiceMetricsSchema.ESCALATION_RATE), 1e-12, "c2 of 3 answered");
    assertEquals(2.0 / 3, p.getAs(DailyServiceMetricsSchema.RESOLVED_RATE), 1e-12, "c1, c4 of 3 answered");
    assertEquals(1.0 / 3, p.getAs(DailyServiceMetricsSchema.REPEAT_7D_RATE), 1e-12, "c2 of c1,c2,c3 (c4 censored)");
    assertEquals(3L, (long) p.getAs(DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE));
    assertEquals(0.5, p.getAs(DailyServiceMetricsSchema.FCR_7D_RATE), 1e-12, "c1 of c1,c2");
    assertEquals(2L, (long) p.getAs(DailyServiceMetricsSchema.FCR_7D_ELIGIBLE));
    assertEquals(0L, (long) p.getAs(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS), "every outcome reported");
    assertEquals(2.0 / 3, p.getAs(DailyServiceMetricsSchema.CSAT_TOP2), 1e-12, "csat 5,2,4: two in {4,5}");
    assertEquals(3L, (long) p.getAs(DailyServiceMetricsSchema.CSAT_N));
    assertEquals(11.0 / 3, p.getAs(DailyServiceMetricsSchema.MEAN_SATISFACTION), 1e-12, "(5+2+4)/3");
    assertEquals(100.0 / 3, p.getAs(DailyServiceMetricsSchema.NPS), 1e-9, "nps 10,3,9: 100*(2-1)/3");
    assertEquals(3L, (long) p.getAs(DailyServiceMetricsSchema.NPS_N));
    assertEquals(4.0, p.getAs(DailyServiceMetricsSchema.CES_MEAN), 1e-12, "(2+6)/2");
    assertEquals(2L, (long) p.getAs(DailyServiceMetricsSchema.CES_N));

    // chat/billing: one abandoned anonymous chain, nothing else: every other rate has denominator 0.
    Row c = byChannel.get("chat");
    assertEquals(1.0, c.getAs(DailyServiceMetricsSchema.ABANDON_RATE), 1e-12);
    assertEquals(0L, (long) c.getAs(DailyServiceMetricsSchema.ANSWERED));
    for (String rate : List.of(DailyServiceMetricsSchema.ASA_SECONDS, DailyServiceMetricsSchema.AHT_SECONDS,
        DailyServiceMetricsSchema.HOLD_SECONDS_MEAN, DailyServiceMetricsSchema.TRANSFER_RATE,
        DailyServiceMetricsSchema.ESCALATION_RATE, DailyServiceMetricsSchema.RESOLVED_RATE,
        DailyServiceMetricsSchema.REPEAT_7D_RATE, DailyServiceMetricsSchema.FCR_7D_RATE,
        DailyServiceMetricsSchema.CSAT_TOP2, DailyServiceMetricsSchema.MEAN_SATISFACTION,
        DailyServiceMetricsSchema.NPS, DailyServiceMetricsSchema.CES_MEAN)) {
      assertNull(c.getAs(rate), rate + " has an empty denominator");
    }
    for (String n : List.of(DailyServiceMetricsSchema.REPEAT_7D_ELIGIBLE, DailyServiceMetricsSchema.FCR_7D_ELIGIBLE,
        DailyServiceMetricsSchema.CSAT_N, DailyServiceMetricsSchema.NPS_N, DailyServiceMetricsSchema.CES_N)) {
      assertEquals(0L, (long) c.getAs(n), n);
    }
  }

  @Test
  void contactsWithoutOutcomesHaveNoResolvedRateAndAFcrOnTheNoRepeatBasis(SparkSession spark) {
    // Contacts only: no outcome (resolved NULL on answered chains), no surveys.
    // u1 answered, no repeat -> fcr true; u2 answered, repeat -> fcr false; u3 answered, censored ->
    // fcr NULL; u4 abandoned -> resolved false (left waiting), repeat false, fcr NULL.
    List<Row> chains = List.of(
        chain("u1", "phone", true, 0, 10.0, 100.0, 0.0, false, null, false, true, null, null, null),
        chain("u2", "phone", true, 0, 10.0, 100.0, 0.0, false, null, true, false, null, null, null),
        chain("u3", "phone", true, 0, 10.0, 100.0, 0.0, false, null, null, null, null, null, null),
        chain("u4", "phone", false, 0, null, null, null, false, false, false, null, null, null, null));
    Row p = DailyServiceMetricsTransforms.dailyServiceMetrics(spark.createDataFrame(chains, ContactChainsSchema.SCHEMA))
        .first();
    assertNull(p.getAs(DailyServiceMetricsSchema.RESOLVED_RATE), "no answered chain has a known outcome: not 0");
    assertEquals(0.5, p.getAs(DailyServiceMetricsSchema.FCR_7D_RATE), 1e-12, "u1 of u1, u2");
    assertEquals(2L, (long) p.getAs(DailyServiceMetricsSchema.FCR_7D_ELIGIBLE));
    assertEquals(2L, (long) p.getAs(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS), "both rest on no repeat");
    assertNull(p.getAs(DailyServiceMetricsSchema.CSAT_TOP2), "no surveys: CSAT not measured");
    assertNull(p.getAs(DailyServiceMetricsSchema.NPS), "no surveys: NPS not measured");
    assertNull(p.getAs(DailyServiceMetricsSchema.CES_MEAN), "no surveys: CES not measured");
  }

  @Test
  void resolvedRateCountsOnlyChainsWithAKnownOutcome(SparkSession spark) {
    // r1 resolved, r2 unresolved, r3 outcome not reported: 1 of the 2 known, not 1 of 3 answered.
    List<Row> chains = List.of(
        chain("r1", "phone", true, 0, 10.0, 100.0, 0.0, false, true, false, true, null, null, null),
        chain("r2", "phone", true, 0, 10.0, 100.0, 0.0, false, false, false, false, null, null, null),
        chain("r3", "phone", true, 0, 10.0, 100.0, 0.0, false, null, false, true, null, null, null));
    Row p = DailyServiceMetricsTransforms.dailyServiceMetrics(spark.createDataFrame(chains, ContactChainsSchema.SCHEMA))
        .first();
    assertEquals(0.5, p.getAs(DailyServiceMetricsSchema.RESOLVED_RATE), 1e-12, "r1 of r1, r2");
    assertEquals(2.0 / 3, p.getAs(DailyServiceMetricsSchema.FCR_7D_RATE), 1e-12, "r1, r3 of three");
    assertEquals(1L, (long) p.getAs(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS), "r3");
  }

  @Test
  void outputHasTheContractColumnsBeforeTheStamp(SparkSession spark) {
    List<String> expected = Arrays.stream(DailyServiceMetricsSchema.SCHEMA.fields()).map(StructField::name)
        .filter(n -> !n.equals("as_of") && !n.equals("definitions_version")).toList();
    List<String> actual = Arrays.asList(DailyServiceMetricsTransforms.dailyServiceMetrics(
        spark.createDataFrame(List.of(), ContactChainsSchema.SCHEMA)).columns());
    assertEquals(expected, actual, "column names and order");
  }
}
