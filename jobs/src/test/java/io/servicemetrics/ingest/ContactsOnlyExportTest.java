package io.servicemetrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.servicemetrics.chains.ContactChainTransforms;
import io.servicemetrics.identity.Pseudonymizer;
import io.servicemetrics.metrics.DailyServiceMetricsTransforms;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.schema.SurveysSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contact export shaped like a real call log: no outcome, hold or after-call-work column at all
 * (issue 16). Records go through the contract validator to silver rows, then through the chain and
 * daily transforms: nothing about resolution may read as 0 %.
 */
@ExtendWith(SharedSpark.class)
class ContactsOnlyExportTest {
  private static final LocalDate DELIVERY = LocalDate.parse("2021-02-10");
  private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer("contacts-only-key".getBytes(StandardCharsets.UTF_8));

  /** One call-log record: no outcome, hold_seconds or acw_seconds key. */
  private static Map<String, String> call(String id, String customer, String start, String answered, String end) {
    Map<String, String> r = new java.util.HashMap<>(Map.of(
        "contact_id", id, "updated_at", end, "channel", "phone", "queue", "retail",
        "customer_id", customer, "initiated_at", start, "ended_at", end));
    if (answered != null) {
      r.put("answered_at", answered);
      r.put("agent_id", "agent-1");
    }
    return r;
  }

  @Test
  void anExportWithoutAnOutcomeColumnHasUnknownResolutionAndAFcrOnTheNoRepeatBasis(SparkSession spark) {
    // c1 (customer 11) answered; c2 (customer 22) answered and calls again 2 h later as c3;
    // c4 (customer 44) never answered. as_of 2021-02-20: every 7-day window (ending 02-08) is complete.
    List<Map<String, String>> records = List.of(
        call("c1", "11", "2021-02-01T09:00:00Z", "2021-02-01T09:01:00Z", "2021-02-01T09:06:00Z"),
        call("c2", "22", "2021-02-01T10:00:00Z", "2021-02-01T10:02:00Z", "2021-02-01T10:10:00Z"),
        call("c3", "22", "2021-02-01T12:10:00Z", "2021-02-01T12:11:00Z", "2021-02-01T12:20:00Z"),
        call("c4", "44", "2021-02-01T13:00:00Z", null, "2021-02-01T13:03:00Z"));
    List<Row> silver = new ArrayList<>();
    for (Map<String, String> record : records) {
      FieldReader reader = new FieldReader(record, ZoneId.of("UTC"), DELIVERY);
      RecordValidators.Valid valid = RecordValidators.contact(reader, PSEUDONYMS);
      assertNotNull(valid, () -> "contract rejects " + record + ": " + reader.reason() + " " + reader.detail());
      assertNull(valid.values()[14], "a missing outcome column is a NULL outcome");
      assertNull(valid.values()[12], "a missing hold_seconds column is a NULL hold, not 0");
      assertNull(valid.values()[13], "a missing acw_seconds column is a NULL acw, not 0");
      List<Object> values = new ArrayList<>(java.util.Arrays.asList(valid.values()));
      values.add(Date.valueOf(valid.eventTime().atZone(ZoneOffset.UTC).toLocalDate()));
      values.addAll(List.of(Date.valueOf(DELIVERY), "calls.csv", 1L, "test-run", "canonical"));
      silver.add(RowFactory.create(values.toArray()));
    }
    Dataset<Row> legs = spark.createDataFrame(silver, ContactsSchema.SILVER);
    Dataset<Row> handles = spark.createDataFrame(List.of(), CustomerHandlesSchema.SILVER);
    Dataset<Row> chained = ContactChainTransforms.assignChains(
        ContactChainTransforms.withCustomerKey(legs, handles), Dataset::localCheckpoint).chained();
    Dataset<Row> noSurveys = spark.createDataFrame(List.of(), SurveysSchema.SILVER);
    Dataset<Row> chains = io.servicemetrics.chains.BusinessWaitTransforms.withBusinessWait(
        ContactChainTransforms.withRepeatFlags(ContactChainTransforms.withLatestSurvey(
            ContactChainTransforms.summarizeChains(chained, ZoneOffset.UTC), chained, noSurveys),
            Instant.parse("2021-02-20T00:00:00Z")), null);
    Map<String, Row> byId = chains.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs(ContactChainsSchema.CHAIN_ID), r -> r));

    assertNull(byId.get("c1").getAs(ContactChainsSchema.RESOLVED), "answered, outcome not reported");
    assertEquals(true, byId.get("c1").getAs(ContactChainsSchema.FCR_7D), "answered, no repeat");
    assertEquals(false, byId.get("c2").getAs(ContactChainsSchema.FCR_7D), "c3 follows within 7 days");
    assertEquals(true, byId.get("c3").getAs(ContactChainsSchema.FCR_7D), "nothing after c3");
    assertEquals(false, byId.get("c4").getAs(ContactChainsSchema.RESOLVED), "never answered: left waiting");
    assertNull(byId.get("c4").getAs(ContactChainsSchema.FCR_7D), "abandoned: no FCR");
    for (String id : List.of("c1", "c2", "c3")) {
      assertEquals(ContactChainTransforms.FCR_BASIS_NO_REPEAT, byId.get(id).getAs(ContactChainsSchema.FCR_BASIS), id);
    }

    // Daily: 4 chains, 3 answered; resolved_rate has no chain with a known outcome among the
    // answered ones; FCR 2 of 3, all 3 on the no-repeat basis; no surveys, so no CSAT or NPS.
    Row day = DailyServiceMetricsTransforms.dailyServiceMetrics(chains).first();
    assertNull(day.getAs(DailyServiceMetricsSchema.RESOLVED_RATE), "not 0 %");
    assertEquals(2.0 / 3, day.getAs(DailyServiceMetricsSchema.FCR_7D_RATE), 1e-12, "c1, c3 of c1..c3");
    assertEquals(3L, (long) day.getAs(DailyServiceMetricsSchema.FCR_7D_ELIGIBLE));
    assertEquals(3L, (long) day.getAs(DailyServiceMetricsSchema.FCR_7D_NO_REPEAT_BASIS));
    assertNull(day.getAs(DailyServiceMetricsSchema.CSAT_TOP2), "no surveys");
    assertNull(day.getAs(DailyServiceMetricsSchema.NPS), "no surveys");

    // No hold and no after-call work delivered: hold is not measured, handle time is the talk span.
    assertNull(byId.get("c1").getAs(ContactChainsSchema.HOLD_SECONDS), "no hold column: not 0:00");
    assertEquals(300.0, byId.get("c1").getAs(ContactChainsSchema.HANDLE_SECONDS), 1e-9, "09:01 to 09:06, no acw");
    assertEquals(480.0, byId.get("c2").getAs(ContactChainsSchema.HANDLE_SECONDS), 1e-9, "10:02 to 10:10");
    assertNull(byId.get("c4").getAs(ContactChainsSchema.HANDLE_SECONDS), "never answered");
    assertNull(day.getAs(DailyServiceMetricsSchema.HOLD_SECONDS_MEAN), "no hold delivered: not 0");
    assertEquals((300.0 + 480 + 540) / 3, day.getAs(DailyServiceMetricsSchema.AHT_SECONDS), 1e-9,
        "talk spans of c1..c3, nothing dropped for the missing acw");
  }

  @Test
  void aCallLogWithHoldAndAcwColumnsKeepsItsValuesAndABlankIsNotReported(SparkSession spark) {
    Map<String, String> measured = call("c1", "11", "2021-02-01T09:00:00Z", "2021-02-01T09:01:00Z",
        "2021-02-01T09:06:00Z");
    measured.put("hold_seconds", "30");
    measured.put("acw_seconds", "0");
    Map<String, String> blank = call("c2", "22", "2021-02-01T10:00:00Z", "2021-02-01T10:02:00Z",
        "2021-02-01T10:10:00Z");
    blank.put("hold_seconds", " ");
    blank.put("acw_seconds", "");
    Object[] m = RecordValidators.contact(new FieldReader(measured, ZoneId.of("UTC"), DELIVERY), PSEUDONYMS).values();
    assertEquals(30L, m[12]);
    assertEquals(0L, m[13], "a delivered 0 is a measured 0");
    Object[] b = RecordValidators.contact(new FieldReader(blank, ZoneId.of("UTC"), DELIVERY), PSEUDONYMS).values();
    assertNull(b[12], "a blank hold is not reported");
    assertNull(b[13], "a blank acw is not reported");
  }
}
