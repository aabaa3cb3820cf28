package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ResolutionValueSchema;
import io.servicemetrics.schema.StaffingIntervalsSchema;
import io.servicemetrics.staffing.StaffingConfig;
import io.servicemetrics.testing.SharedSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A week of two queues computed by hand. Period 2024-03-04 (Monday) .. 2024-03-10, UTC, so every
 * weekday occurs once. Phone is staffed (80 % in 20 s, occupancy <= 0.85, shrinkage 0.30), e-mail
 * is not. Staffing values were computed independently with 30-digit arithmetic (mpmath).
 *
 * <pre>
 * chain cust queue     channel start            end       answered wait handle legs fcr_7d
 * c1    A    billing   phone   Mon 03-04 09:05  09:15     yes      30   600    1    false  -> c2 -> c3
 * c2    A    billing   phone   Tue 03-05 10:00  10:10     yes      10   300    1    false  -> c3
 * c3    A    billing   phone   Wed 03-06 10:00  10:10     yes      20   300    1    true
 * c4    B    billing   phone   Mon 03-04 09:10  09:20     yes       0   600    1    true
 * c5    C    billing   phone   Mon 03-04 09:20  09:21:30  abandoned after 90 s       NULL
 * c6    D    billing   email   Tue 03-05 11:00  11:10     yes    3600   400    1    false  (no repeat)
 * c7    E    technical phone   Thu 03-07 14:00  14:15     yes      40   900    1    false  -> c8
 * c8    E    technical phone   Fri 03-08 15:00  15:10     yes      20   300    2    true
 * c9    -    technical phone   Thu 03-07 14:10  14:11     abandoned after 60 s (anonymous)
 * </pre>
 */
@ExtendWith(SharedSpark.class)
class StaffingTransformsTest {
  private static final PeriodWindow WEEK = new PeriodWindow(LocalDate.of(2024, 3, 10), 7, ZoneOffset.UTC);
  private static final GoldStamp STAMP = GoldStamp.of(WEEK);
  private static final StaffingConfig CONFIG = new StaffingConfig(30, StaffingConfig.DEFAULT_GOALS, List.of(10, 50),
      OptionalDouble.of(30.0), "USD");

  private static Row chain(String id, String customer, String queue, String channel, String start, String end,
      Double wait, Double handle, int legs, Boolean fcr) {
    Instant started = Instant.parse(start);
    boolean answered = handle != null;
    return RowFactory.create(id, customer, channel, queue, "issue", answered ? "ag" : null, answered ? "t" : null,
        Timestamp.from(started), Timestamp.from(Instant.parse(end)),
        Date.valueOf(started.atZone(ZoneOffset.UTC).toLocalDate()), legs, legs - 1, answered, !answered, wait, handle,
        answered ? 0.0 : null, false, fcr != null && fcr, null, fcr == null ? null : !fcr, null, fcr,
        fcr == null ? null : "disposition", null, null, null, null, null, null, null, null, null,
        Timestamp.from(STAMP.asOf()), "1");
  }

  static Dataset<Row> week(SparkSession spark) {
    return spark.createDataFrame(List.of(
        chain("c1", "A", "billing", "phone", "2024-03-04T09:05:00Z", "2024-03-04T09:15:00Z", 30.0, 600.0, 1, false),
        chain("c2", "A", "billing", "phone", "2024-03-05T10:00:00Z", "2024-03-05T10:10:00Z", 10.0, 300.0, 1, false),
        chain("c3", "A", "billing", "phone", "2024-03-06T10:00:00Z", "2024-03-06T10:10:00Z", 20.0, 300.0, 1, true),
        chain("c4", "B", "billing", "phone", "2024-03-04T09:10:00Z", "2024-03-04T09:20:00Z", 0.0, 600.0, 1, true),
        chain("c5", "C", "billing", "phone", "2024-03-04T09:20:00Z", "2024-03-04T09:21:30Z", null, null, 1, null),
        chain("c6", "D", "billing", "email", "2024-03-05T11:00:00Z", "2024-03-05T11:10:00Z", 3600.0, 400.0, 1, false),
        chain("c7", "E", "technical", "phone", "2024-03-07T14:00:00Z", "2024-03-07T14:15:00Z", 40.0, 900.0, 1, false),
        chain("c8", "E", "technical", "phone", "2024-03-08T15:00:00Z", "2024-03-08T15:10:00Z", 20.0, 300.0, 2, true),
        chain("c9", null, "technical", "phone", "2024-03-07T14:10:00Z", "2024-03-07T14:11:00Z", null, null, 1, null)),
        ContactChainsSchema.SCHEMA);
  }

  private static void near(double expected, Object actual, String what) {
    assertEquals(expected, ((Number) actual).doubleValue(), 1e-9 * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void staffingIntervalsSizeEachCellOfThePhoneQueues(SparkSession spark) {
    Dataset<Row> out = StaffingTransforms.staffingIntervals(week(spark), WEEK, CONFIG, STAMP);
    assertEquals(List.of(StaffingIntervalsSchema.SCHEMA.fieldNames()), List.of(out.schema().fieldNames()), "columns");
    Map<String, Row> rows = new HashMap<>();
    for (Row r : out.collectAsList()) {
      rows.put(r.getAs(StaffingIntervalsSchema.QUEUE) + " " + r.getAs(StaffingIntervalsSchema.WEEKDAY) + " "
          + r.getAs(StaffingIntervalsSchema.INTERVAL_START), r);
    }
    // Five cells: e-mail (c6) is not staffed; every cell has at least one arrival.
    assertEquals(Map.of(
            "billing 1 09:00", 3L, "billing 2 10:00", 1L, "billing 3 10:00", 1L,
            "technical 4 14:00", 2L, "technical 5 15:00", 1L),
        rows.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
            e -> e.getValue().<Long>getAs(StaffingIntervalsSchema.ARRIVALS_TOTAL))), "arrivals per cell");

    Row monday = rows.get("billing 1 09:00");
    assertEquals("phone", monday.getAs(StaffingIntervalsSchema.CHANNEL), "channel");
    assertEquals(30, (int) monday.getAs(StaffingIntervalsSchema.INTERVAL_MINUTES), "interval");
    assertEquals(1, (int) monday.getAs(StaffingIntervalsSchema.WEEKS), "one Monday in the week");
    near(3.0, monday.getAs(StaffingIntervalsSchema.ARRIVALS), "mean arrivals");
    // Billing phone: AHT (600 + 300 + 300 + 600) / 4; patience = queue time (30+10+20+0+90) / 1 abandon.
    near(450.0, monday.getAs(StaffingIntervalsSchema.AHT_SECONDS), "AHT");
    assertEquals(4L, (long) monday.getAs(StaffingIntervalsSchema.AHT_CHAINS), "answered chains behind the AHT");
    near(150.0, monday.getAs(StaffingIntervalsSchema.PATIENCE_SECONDS), "patience");
    assertEquals(1L, (long) monday.getAs(StaffingIntervalsSchema.PATIENCE_ABANDONS), "abandons behind the patience");
    near(0.75, monday.getAs(StaffingIntervalsSchema.TRAFFIC_ERLANGS), "3 x 450 / 1800");
    near(20.0, monday.getAs(StaffingIntervalsSchema.TARGET_SECONDS), "phone target");
    near(0.80, monday.getAs(StaffingIntervalsSchema.SERVICE_LEVEL_GOAL), "phone goal");
    assertEquals(2, (int) monday.getAs(StaffingIntervalsSchema.AGENTS_ERLANG_C), "Erlang C agents");
    assertEquals(3, (int) monday.getAs(StaffingIntervalsSchema.POSITIONS_ERLANG_C), "ceil(2 / 0.7)");
    near(0.80650829045088888, monday.getAs(StaffingIntervalsSchema.SERVICE_LEVEL_ERLANG_C), "Erlang C service level");
    near(73.636363636363636, monday.getAs(StaffingIntervalsSchema.ASA_SECONDS_ERLANG_C), "Erlang C ASA");
    near(0.375, monday.getAs(StaffingIntervalsSchema.OCCUPANCY_ERLANG_C), "Erlang C occupancy");
    assertEquals(2, (int) monday.getAs(StaffingIntervalsSchema.AGENTS_ERLANG_A), "Erlang A agents");
    near(0.85324375861534304, monday.getAs(StaffingIntervalsSchema.SERVICE_LEVEL_ERLANG_A), "Erlang A service level");
    near(14.718677211500823, monday.getAs(StaffingIntervalsSchema.ASA_SECONDS_ERLANG_A), "Erlang A ASA");
    near(0.33820330697124794, monday.getAs(StaffingIntervalsSchema.OCCUPANCY_ERLANG_A), "Erlang A occupancy");
    near(0.098124514743338817, monday.getAs(StaffingIntervalsSchema.ABANDON_PROBABILITY_ERLANG_A), "Erlang A abandon");

    Row thursday = rows.get("technical 4 14:00");
    // Technical phone: AHT (900 + 300) / 2; patience (40 + 20 + 60) / 1; the anonymous c9 arrives too.
    near(600.0, thursday.getAs(StaffingIntervalsSchema.AHT_SECONDS), "technical AHT");
    near(120.0, thursday.getAs(StaffingIntervalsSchema.PATIENCE_SECONDS), "technical patience");
    near(0.84057854348282846, thursday.getAs(StaffingIntervalsSchema.SERVICE_LEVEL_ERLANG_C), "technical Erlang C SL");
    near(0.87900149909801779, thursday.getAs(StaffingIntervalsSchema.SERVICE_LEVEL_ERLANG_A), "technical Erlang A SL");
  }

  @Test
  void intervalsAreOfTheBusinessZone(SparkSession spark) {
    // 09:05 UTC is 04:05 in New York (EST, UTC-5, before the 2024-03-10 switch); the weekday is the contact date's.
    PeriodWindow newYork = new PeriodWindow(LocalDate.of(2024, 3, 10), 7, java.time.ZoneId.of("America/New_York"));
    Dataset<Row> chains = week(spark).filter(col(ContactChainsSchema.CHAIN_ID).isin("c1", "c4", "c5", "c8"));
    List<String> cells = StaffingTransforms.staffingIntervals(chains, newYork, CONFIG, GoldStamp.of(newYork))
        .collectAsList().stream()
        .map(r -> r.getAs(StaffingIntervalsSchema.QUEUE) + " " + r.getAs(StaffingIntervalsSchema.WEEKDAY) + " "
            + r.getAs(StaffingIntervalsSchema.INTERVAL_START) + " " + r.getAs(StaffingIntervalsSchema.ARRIVALS_TOTAL))
        .sorted().toList();
    assertEquals(List.of("billing 1 04:00 3", "technical 5 10:00 1"), cells, "cells in New York time");
  }

  @Test
  void aQueueWithoutAbandonsHasNoPatienceAndNoErlangA(SparkSession spark) {
    Dataset<Row> chains = week(spark).filter(col(ContactChainsSchema.CHAIN_ID).isin("c1", "c4"));
    Row r = StaffingTransforms.staffingIntervals(chains, WEEK, CONFIG, STAMP).first();
    assertNull(r.getAs(StaffingIntervalsSchema.PATIENCE_SECONDS), "no abandon: patience cannot be estimated");
    assertEquals(0L, (long) r.getAs(StaffingIntervalsSchema.PATIENCE_ABANDONS), "abandons");
    assertNull(r.getAs(StaffingIntervalsSchema.AGENTS_ERLANG_A), "Erlang A agents");
    assertEquals(2, (int) r.getAs(StaffingIntervalsSchema.AGENTS_ERLANG_C), "Erlang C still sizes the cell");
  }

  @Test
  void resolutionValueCountsRepeatCascadesAndRestaffsTheIntervals(SparkSession spark) {
    Dataset<Row> out = StaffingTransforms.resolutionValue(week(spark), WEEK, CONFIG, STAMP);
    assertEquals(List.of(ResolutionValueSchema.SCHEMA.fieldNames()), List.of(out.schema().fieldNames()), "columns");
    Map<String, Row> rows = new HashMap<>();
    for (Row r : out.collectAsList()) {
      rows.put(r.getAs(ResolutionValueSchema.SCOPE) + " " + r.getAs(ResolutionValueSchema.QUEUE) + " "
          + r.getAs(ResolutionValueSchema.FCR_GAIN_POINTS), r);
    }
    assertEquals(6, rows.size(), "billing, technical and the centre, at 10 and 50 points: " + rows.keySet());

    // Billing: eligible c1 c2 c3 c4 c6 (5), failed c1 c2 c6 (3). Followers: c1 -> c2, c3 (2); c2 -> c3 (1);
    // c6 none. So 3 follower chains, 3 legs, 900 handle seconds, 3 in phone; repeats in the period c2, c3.
    Row b10 = rows.get("queue billing 10");
    assertEquals(5L, (long) b10.getAs(ResolutionValueSchema.FCR_7D_ELIGIBLE), "eligible");
    assertEquals(3L, (long) b10.getAs(ResolutionValueSchema.FCR_7D_FAILED), "failed");
    near(0.4, b10.getAs(ResolutionValueSchema.FCR_7D_RATE), "FCR 2 / 5");
    near(1.0, b10.getAs(ResolutionValueSchema.REPEATS_PER_FAILURE), "3 followers / 3 failures");
    near(0.5, b10.getAs(ResolutionValueSchema.CHAINS_CONVERTED), "10 % of 5");
    near(0.5, b10.getAs(ResolutionValueSchema.REPEAT_CHAINS_AVOIDED), "0.5 / 3 x 3 followers");
    near(0.5, b10.getAs(ResolutionValueSchema.CONTACTS_AVOIDED), "0.5 / 3 x 3 legs");
    near(150.0 / 3600, b10.getAs(ResolutionValueSchema.AGENT_HOURS_AVOIDED), "0.5 / 3 x 900 s");
    near(0.1, b10.getAs(ResolutionValueSchema.ARRIVAL_REDUCTION), "0.5 / 3 x 3 phone followers / 5 phone arrivals");
    // Cells now: Erlang C positions 3, 3, 3 (2 agents each), half an hour each, one week: 4.5 position hours.
    near(4.5, b10.getAs(ResolutionValueSchema.POSITION_HOURS_NOW), "position hours now");
    near(4.5, b10.getAs(ResolutionValueSchema.POSITION_HOURS_AFTER), "10 % fewer arrivals change no cell");
    near(0.0, b10.getAs(ResolutionValueSchema.COST_SAVED), "nothing saved");
    assertEquals(2L, (long) b10.getAs(ResolutionValueSchema.REPEAT_CHAINS), "c2, c3");
    assertEquals(2L, (long) b10.getAs(ResolutionValueSchema.REPEAT_CONTACTS), "their legs");
    near(600.0 / 3600, b10.getAs(ResolutionValueSchema.REPEAT_HANDLE_HOURS), "300 + 300 s");
    near(5.0, b10.getAs(ResolutionValueSchema.REPEAT_COST), "1/6 h x 30");
    assertEquals("USD", b10.getAs(ResolutionValueSchema.CURRENCY), "currency");

    Row b50 = rows.get("queue billing 50");
    near(2.5, b50.getAs(ResolutionValueSchema.CHAINS_CONVERTED), "50 % of 5, under the 3 failures");
    near(2.5, b50.getAs(ResolutionValueSchema.REPEAT_CHAINS_AVOIDED), "5/6 of 3 followers");
    near(750.0 / 3600, b50.getAs(ResolutionValueSchema.AGENT_HOURS_AVOIDED), "5/6 x 900 s");
    near(0.5, b50.getAs(ResolutionValueSchema.ARRIVAL_REDUCTION), "5/6 x 3 / 5");
    // Tuesday and Wednesday fall to 0.5 arrivals (0.125 Erlang): one agent meets 80/20 (0.8798), 2 positions.
    near(3.5, b50.getAs(ResolutionValueSchema.POSITION_HOURS_AFTER), "3 + 2 + 2 positions x 0.5 h");
    near(1.0, b50.getAs(ResolutionValueSchema.POSITION_HOURS_SAVED), "one position hour");
    near(30.0, b50.getAs(ResolutionValueSchema.COST_SAVED), "1 h x 30");
    assertEquals(3, (int) b50.getAs(ResolutionValueSchema.PEAK_POSITIONS_AFTER), "Monday still needs 3");

    // Technical: eligible c7 c8, failed c7 with one follower (c8, 2 legs, 300 s, phone); 3 phone arrivals.
    Row t50 = rows.get("queue technical 50");
    near(1.0, t50.getAs(ResolutionValueSchema.CHAINS_CONVERTED), "50 % of 2 = the one failure");
    near(1.0, t50.getAs(ResolutionValueSchema.REPEAT_CHAINS_AVOIDED), "c8");
    near(2.0, t50.getAs(ResolutionValueSchema.CONTACTS_AVOIDED), "c8's two legs");
    near(1.0 / 3, t50.getAs(ResolutionValueSchema.ARRIVAL_REDUCTION), "1 of 3 phone arrivals");
    near(0.0, t50.getAs(ResolutionValueSchema.POSITION_HOURS_SAVED), "still 2 agents in both cells");

    // Centre: eligible 7, failed 4, 4 followers (5 legs, 1200 s, 4 phone), 8 phone arrivals.
    Row c50 = rows.get("center null 50");
    assertEquals(7L, (long) c50.getAs(ResolutionValueSchema.FCR_7D_ELIGIBLE), "eligible");
    near(3.5, c50.getAs(ResolutionValueSchema.CHAINS_CONVERTED), "50 % of 7");
    near(4.375, c50.getAs(ResolutionValueSchema.CONTACTS_AVOIDED), "3.5 / 4 x 5 legs");
    near(1050.0 / 3600, c50.getAs(ResolutionValueSchema.AGENT_HOURS_AVOIDED), "3.5 / 4 x 1200 s");
    near(0.4375, c50.getAs(ResolutionValueSchema.ARRIVAL_REDUCTION), "3.5 / 4 x 4 / 8");
    near(7.5, c50.getAs(ResolutionValueSchema.POSITION_HOURS_NOW), "5 cells x 3 positions x 0.5 h");
    near(1.5, c50.getAs(ResolutionValueSchema.POSITION_HOURS_SAVED), "Tue, Wed and Fri drop to one agent");
    near(45.0, c50.getAs(ResolutionValueSchema.COST_SAVED), "1.5 h x 30");
    assertEquals(3L, (long) c50.getAs(ResolutionValueSchema.REPEAT_CHAINS), "c2, c3, c8");
    near(7.5, c50.getAs(ResolutionValueSchema.REPEAT_COST), "900 s x 30 / 3600");
    Row c10 = rows.get("center null 10");
    near(0.0875, c10.getAs(ResolutionValueSchema.ARRIVAL_REDUCTION), "0.7 / 4 x 4 / 8");
    near(0.0, c10.getAs(ResolutionValueSchema.POSITION_HOURS_SAVED), "no cell changes");
  }

  @Test
  void theHeadlineSpeaksOfTheCentreAtFivePoints(SparkSession spark) {
    StaffingConfig gains = new StaffingConfig(30, StaffingConfig.DEFAULT_GOALS, List.of(1, 5, 50), OptionalDouble.of(30.0), "USD");
    List<Row> rows = StaffingTransforms.resolutionValue(week(spark), WEEK, gains, STAMP).collectAsList();
    ResolutionValueHeadline headline = ResolutionValueHeadline.from(WEEK.periodEnd(), rows).orElseThrow();
    // Centre at 5 points: 0.35 of 4 failures converted -> 0.35 repeat chains, 0.4375 contacts, 105 s;
    // reduction 0.04375 changes no cell; repeats took 900 s = 0.25 h, 7.50 USD.
    assertEquals("In the period ending 2024-03-10, 5 more points of first-contact resolution (from 42.9 % to 47.9 %)"
        + " would have avoided 0 repeat chains (0 contacts, 0.0 agent hours) and 0.0 paid position hours, worth 0 USD;"
        + " repeat contacts took 0.3 agent hours in all (8 USD of handle time).", headline.sentence(), "sentence");
    assertEquals(0.35, headline.repeatChainsAvoided(), 1e-12, "repeat chains avoided");
    assertEquals(105.0 / 3600, headline.agentHoursAvoided(), 1e-12, "agent hours avoided");
  }

  @Test
  void withoutACostTheMoneyColumnsAreNull(SparkSession spark) {
    StaffingConfig noCost = new StaffingConfig(30, StaffingConfig.DEFAULT_GOALS, List.of(50), OptionalDouble.empty(), "EUR");
    Row r = StaffingTransforms.resolutionValue(week(spark), WEEK, noCost, STAMP)
        .filter(col(ResolutionValueSchema.SCOPE).equalTo(ResolutionValueSchema.SCOPE_CENTER)).first();
    assertNull(r.getAs(ResolutionValueSchema.AGENT_HOUR_COST), "cost per hour");
    assertNull(r.getAs(ResolutionValueSchema.COST_SAVED), "cost saved");
    assertNull(r.getAs(ResolutionValueSchema.REPEAT_COST), "repeat cost");
    assertEquals("EUR", r.getAs(ResolutionValueSchema.CURRENCY), "currency label");
    near(1.5, r.getAs(ResolutionValueSchema.POSITION_HOURS_SAVED), "positions do not need a cost");
  }
}
