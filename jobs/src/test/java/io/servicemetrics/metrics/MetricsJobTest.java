package io.servicemetrics.metrics;

import static io.servicemetrics.testing.SilverRows.handle;
import static io.servicemetrics.testing.SilverRows.leg;
import static io.servicemetrics.testing.SilverRows.survey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.hours.BusinessHours;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.schema.RunLogSchema;
import io.servicemetrics.staffing.StaffingConfig;
import io.servicemetrics.testing.SharedSpark;
import io.servicemetrics.testing.SilverRows;
import io.servicemetrics.testing.SilverRows.Leg;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class MetricsJobTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final LocalDate DAY1 = LocalDate.parse("2026-03-01");
  private static final int NIGHTS = 10;
  /**
   * Smaller than the data span, so the first days leave the window before the last night, yet long
   * enough that every repeat_7d settles inside it: 7 days + the run day + 1 for chains ending the
   * next day (kB). The product default, 35, is the same rule for repeat_30d.
   */
  private static final int RESTATEMENT_DAYS = 9;

  /** Instant of a local business time on day d (1-based). */
  private static String at(int day, String localTime) {
    return DAY1.plusDays(day - 1L).atTime(LocalTime.parse(localTime)).atZone(ZONE).toInstant().toString();
  }

  private static Leg answered(String id, String customer, int day, String time, String outcome) {
    String start = at(day, time);
    java.time.Instant s = java.time.Instant.parse(start);
    return leg(id).customer(customer).handled("a-" + id.charAt(0), "t1", start, s.plusSeconds(45).toString(),
        s.plusSeconds(600).toString(), 20, 30, outcome);
  }

  /** A leg version and the delivery day it lands in silver. */
  private record Arrival(int day, Leg leg) {}

  private record SurveyArrival(int day, Row row) {}

  private static List<Arrival> legArrivals() {
    List<Arrival> a = new ArrayList<>();
    // kA every third day: repeats within 7 days, the last ones censored.
    for (int d : new int[] {1, 4, 7, 10}) {
      a.add(new Arrival(d, answered("A" + d, "kA", d, "10:00", d == 4 ? "resolved" : "unresolved")));
    }
    // kB: an e-mail transferred overnight (root day 1 18:00 = 23:00Z, so silver event_date day 1; leg 2
    // day 2 00:10, landing day 2). On the last night the window starts on day 2: only the read margin
    // brings B1 in, so that B2 stays in day 1's chain instead of becoming a new one.
    a.add(new Arrival(1, answered("B1", "kB", 1, "18:00", "unresolved").queue("tech")));
    a.add(new Arrival(2, answered("B2", "kB", 2, "00:10", "resolved").previous("B1").queue("tech")));
    a.add(new Arrival(9, answered("B9", "kB", 9, "09:00", "resolved").channel("chat")));
    // kC calls from a phone only (mapped in customer_handles), then with its customer id.
    a.add(new Arrival(2, answered("C2", null, 2, "12:00", "unresolved").phone("pC")));
    a.add(new Arrival(5, answered("C5", "kC", 5, "12:00", "resolved")));
    // Anonymous chains.
    a.add(new Arrival(3, answered("N3", null, 3, "08:00", "resolved")));
    a.add(new Arrival(6, leg("N6").abandoned(at(6, "08:00"), at(6, "08:03"))));
    // kD's outcome is re-delivered the next day as resolved.
    a.add(new Arrival(6, answered("D6", "kD", 6, "14:00", "unresolved")));
    a.add(new Arrival(7, answered("D6", "kD", 6, "14:00", "resolved").updated(at(7, "09:00"))));
    // kE abandons.
    a.add(new Arrival(8, leg("E8").customer("kE").abandoned(at(8, "16:00"), at(8, "16:02"))));
    // A cycle (same instant) is rejected every night it is read.
    a.add(new Arrival(5, leg("Y1").previous("Y2").abandoned(at(5, "09:00"), at(5, "09:01"))));
    a.add(new Arrival(5, leg("Y2").previous("Y1").abandoned(at(5, "09:00"), at(5, "09:01"))));
    // F2 lands before its previous leg F1: its own chain on night 4, F1's chain from night 5.
    a.add(new Arrival(5, answered("F1", "kF", 4, "11:00", "unresolved")));
    a.add(new Arrival(4, answered("F2", "kF", 4, "11:10", "resolved").previous("F1")));
    return a;
  }

  private static List<SurveyArrival> surveyArrivals() {
    return List.of(
        new SurveyArrival(6, survey("s-A4", "A4", at(6, "09:00"), 5, 10, 2, 0)),
        new SurveyArrival(2, survey("s-B", "B2", at(2, "07:00"), 2, 4, 6, 5)),
        new SurveyArrival(8, survey("s-D", "D6", at(8, "10:00"), 4, 8, 3, 1)),
        new SurveyArrival(9, survey("s-F", "F2", at(9, "10:00"), 1, 0, 7, 12)));
  }

  /** Silver as it stands after delivery day {@code day}: the latest arrived version per contact. */
  private static void landSilver(SparkSession spark, Path warehouse, int day) {
    Map<String, Leg> latest = new LinkedHashMap<>();
    legArrivals().stream().filter(x -> x.day() <= day).forEach(x -> latest.put(x.leg().contactId(), x.leg()));
    List<Row> surveys = surveyArrivals().stream().filter(x -> x.day() <= day).map(SurveyArrival::row).toList();
    DeltaIo delta = new DeltaIo(spark, new Warehouse(warehouse.toString()));
    writeSilver(SilverRows.legs(spark, new ArrayList<>(latest.values())), delta, Table.SILVER_CONTACTS);
    if (surveyArrivals().stream().anyMatch(x -> x.day() == day)) {
      writeSilver(SilverRows.surveys(spark, surveys), delta, Table.SILVER_SURVEYS);
    }
    // Delivered on day 1: in silver from the first night run on.
    if (!delta.exists(Table.SILVER_CUSTOMER_HANDLES)) {
      SilverRows.handles(spark, handle("kC", "phone", "pC"), handle("kZ", "x", "pC")).write().format("delta")
          .mode(SaveMode.Overwrite).save(delta.warehouse().path(Table.SILVER_CUSTOMER_HANDLES));
    }
  }

  private static void writeSilver(Dataset<Row> rows, DeltaIo delta, Table table) {
    rows.write().format("delta").mode(SaveMode.Overwrite).partitionBy(Provenance.EVENT_DATE)
        .save(delta.warehouse().path(table));
  }

  private static MetricsConfig config(Path warehouse, int night, boolean fromScratch) {
    return new MetricsConfig(DAY1.plusDays(night - 1L), warehouse.toString(), ZONE, RESTATEMENT_DAYS,
        MetricsConfig.DEFAULT_PERIOD_DAYS, fromScratch);
  }

  /** A gold table without as_of, sorted, as comparable strings. */
  private static List<String> gold(DeltaIo delta, Table table, String... orderBy) {
    return delta.read(table).drop(GoldColumns.AS_OF).orderBy(orderBy[0], java.util.Arrays.copyOfRange(orderBy, 1,
        orderBy.length)).collectAsList().stream().map(Row::toString).toList();
  }

  /**
   * "tech" is open around the clock, every other queue Monday to Friday 09:00-17:00 in New York. The
   * nights and the from-scratch run both use it, so restatement covers the business columns too.
   */
  private static final BusinessHours HOURS = BusinessHours.parse("""
      {"schedules": {
         "office": {"timezone": "America/New_York", "versions": [{"valid_from": "2026-01-01", "weekly": {
            "mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]], "wed": [["09:00","17:00"]],
            "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}}]},
         "always": {"timezone": "UTC", "versions": [{"valid_from": "2000-01-01", "weekly": {
            "mon": [["00:00","24:00"]], "tue": [["00:00","24:00"]], "wed": [["00:00","24:00"]],
            "thu": [["00:00","24:00"]], "fri": [["00:00","24:00"]], "sat": [["00:00","24:00"]],
            "sun": [["00:00","24:00"]]}}]}},
       "queues": {"tech": "always", "*": "office"}}""", "test.json");

  /**
   * The nights run. Night 4 (the first, on an empty warehouse) sees F2 before F1 has landed; night 9's
   * window [1, 9] then restates every contact date there is, so nights 1-3 and 5-8 (run here once)
   * would leave no trace in gold; night 10's window [2, 10] leaves day 1 behind, with B2 kept in day
   * 1's chain only by the read margin.
   */
  private static final int[] NIGHTS_RUN = {4, 9, 10};

  @TempDir static Path nightsWarehouse;
  private static DeltaIo nights;
  private static MetricsJob.Result last;
  private static List<String> chainsAfterNight4;
  private static List<String> nightlyChains;
  private static List<String> nightlyDaily;
  private static Map<String, Row> byChain;

  /** The nights of {@link #NIGHTS_RUN}, then one from-scratch run as of the last, in one warehouse. */
  @BeforeAll
  static void runTheNightsThenFromScratch() {
    SparkSession spark = SharedSpark.session();
    nights = new DeltaIo(spark, new Warehouse(nightsWarehouse.toString()));
    for (int night : NIGHTS_RUN) {
      landSilver(spark, nightsWarehouse, night);
      // Only the last night computes the period tables: the others' would be replaced before any
      // assertion reads them (PeriodMetricsJobTest covers those tables' nights).
      MetricsJob.Scope scope = night == NIGHTS_RUN[NIGHTS_RUN.length - 1] ? MetricsJob.Scope.ALL : MetricsJob.Scope.DATE_TABLES;
      last = MetricsJob.run(spark, config(nightsWarehouse, night, false).withBusinessHours(HOURS), StaffingConfig.DEFAULTS,
          scope);
      if (night == 4) {
        chainsAfterNight4 = chainIds(nights);
      }
    }
    nightlyChains = gold(nights, Table.GOLD_CONTACT_CHAINS, ContactChainsSchema.CHAIN_ID);
    nightlyDaily = gold(nights, Table.GOLD_DAILY_SERVICE_METRICS, DailyServiceMetricsSchema.CONTACT_DATE,
        DailyServiceMetricsSchema.CHANNEL, DailyServiceMetricsSchema.QUEUE);
    byChain = nights.read(Table.GOLD_CONTACT_CHAINS).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(ContactChainsSchema.CHAIN_ID), r -> r));
    MetricsJob.run(spark, config(nightsWarehouse, NIGHTS, true).withBusinessHours(HOURS));
  }

  private static List<String> chainIds(DeltaIo delta) {
    return delta.read(Table.GOLD_CONTACT_CHAINS).select(ContactChainsSchema.CHAIN_ID)
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted().toList();
  }

  @Test
  void nightByNightRunsEqualOneFromScratchRun() {
    DeltaIo delta = nights;
    assertTrue(chainsAfterNight4.contains("F2") && !chainsAfterNight4.contains("F1"),
        "night 4: F2 has landed without its previous leg, so it is a chain of its own: " + chainsAfterNight4);
    // The last night's window starts on day 2 and its read 7 days earlier: B2 stayed in day 1's chain.
    assertEquals(List.of("A1", "A10", "A4", "A7", "B1", "B9", "C2", "C5", "D6", "E8", "F1", "N3", "N6"),
        byChain.keySet().stream().sorted().toList(), "one row per chain: no B2, F2 or cycle legs");
    assertEquals(2, (int) byChain.get("B1").getAs(ContactChainsSchema.LEGS), "B1 -> B2 across midnight");
    assertEquals(true, byChain.get("A1").getAs(ContactChainsSchema.REPEAT_7D), "A4 three days later");
    assertEquals(false, byChain.get("A4").getAs(ContactChainsSchema.REPEAT_1D), "A7 is three days later");
    assertNull(byChain.get("A4").getAs(ContactChainsSchema.REPEAT_7D), "A4's 7 days end after as_of D10");
    assertEquals(true, byChain.get("C2").getAs(ContactChainsSchema.REPEAT_7D), "phone pC is kC, back on day 5");
    assertEquals(true, byChain.get("D6").getAs(ContactChainsSchema.RESOLVED), "re-delivered version wins");
    assertEquals("s-F", byChain.get("F1").getAs(ContactChainsSchema.SURVEY_ID), "survey naming F2 joins F1's chain");
    assertEquals(Map.of("chain_cycle", 2L), last.legsRejected(), "the cycle legs, read by the last night");
    assertEquals(List.of("chain_cycle", "chain_cycle"),
        delta.read(Table.QUARANTINE_CONTACT_CHAINS).select("reason_code").as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList(), "and kept once in quarantine_contact_chains, however many nights read them");

    assertEquals(nightlyChains, gold(delta, Table.GOLD_CONTACT_CHAINS, ContactChainsSchema.CHAIN_ID),
        "contact_chains: nightly runs D4, D9, D10 == one from-scratch run as of D10");
    assertEquals(nightlyDaily, gold(delta, Table.GOLD_DAILY_SERVICE_METRICS, DailyServiceMetricsSchema.CONTACT_DATE,
        DailyServiceMetricsSchema.CHANNEL, DailyServiceMetricsSchema.QUEUE),
        "daily_service_metrics: nightly == from scratch");

    assertEquals(schemaOf(ContactChainsSchema.SCHEMA.fields()),
        schemaOf(delta.read(Table.GOLD_CONTACT_CHAINS).schema().fields()), "gold contact_chains columns and types");
    assertEquals(schemaOf(DailyServiceMetricsSchema.SCHEMA.fields()),
        schemaOf(delta.read(Table.GOLD_DAILY_SERVICE_METRICS).schema().fields()), "gold daily columns and types");
    assertEquals(MetricCatalog.DEFINITIONS.size() + PeriodMetricCatalog.DEFINITIONS.size(),
        delta.read(Table.META_METRIC_DEFINITIONS).count(),
        "definitions replaced, not appended, each run");
    assertEquals(0L, delta.lastCommit(Table.META_METRIC_DEFINITIONS).orElseThrow().version(),
        "the catalogue is written once: later runs find its fingerprint on the table's commit and skip the write");
    Dataset<Row> log = delta.read(Table.META_RUN_LOG);
    assertEquals(2L * (NIGHTS_RUN.length - 1) + 4L * 2, log.filter(RunLogSchema.STATUS + " = 'succeeded'").count(),
        "succeeded stage rows: chains and daily for the date-table nights; also period tables and definitions"
            + " for the last night and the from-scratch run");
    Row chainsStage = log.filter(RunLogSchema.RUN_ID + " = '" + last.runId() + "' AND " + RunLogSchema.STAGE
        + " = 'contact_chains'").first();
    assertEquals(last.legsRead(), (long) chainsStage.getAs(RunLogSchema.READ));
    assertEquals("chain_cycle=2", chainsStage.getAs(RunLogSchema.QUARANTINE_REASONS));
    assertEquals(last.chains(), (long) chainsStage.getAs(RunLogSchema.WRITTEN));
  }

  @Test
  void theCatalogueFingerprintChangesWithAnyDefinition() {
    List<MetricDefinition> catalog = List.of(new MetricDefinition("a", "2", "x", "k=1"), new MetricDefinition("b", "2", "y", null));
    assertEquals(MetricDefinitionsStage.fingerprint(catalog), MetricDefinitionsStage.fingerprint(List.copyOf(catalog)), "same rows");
    for (List<MetricDefinition> other : List.of(
        List.of(new MetricDefinition("a", "2", "x", "k=2"), catalog.get(1)),
        List.of(catalog.get(0), new MetricDefinition("b", "2", "y", "")),
        List.of(catalog.get(1), catalog.get(0)),
        List.of(catalog.get(0)))) {
      assertNotEquals(MetricDefinitionsStage.fingerprint(catalog), MetricDefinitionsStage.fingerprint(other), other.toString());
    }
  }

  private static List<String> schemaOf(StructField[] fields) {
    return java.util.Arrays.stream(fields).map(f -> f.name() + ":" + f.dataType().simpleString()).toList();
  }

  /** On the from-scratch run of {@link #runTheNightsThenFromScratch}, which had {@link #HOURS}. */
  @Test
  void aBusinessHoursScheduleFillsTheBusinessColumnsOfBothGoldTables() {
    DeltaIo delta = nights;
    Map<String, String> byChain = new LinkedHashMap<>();
    for (Row r : delta.read(Table.GOLD_CONTACT_CHAINS).orderBy(ContactChainsSchema.CHAIN_ID).collectAsList()) {
      byChain.put(r.getAs(ContactChainsSchema.CHAIN_ID), r.getAs(ContactChainsSchema.WAIT_BUSINESS_SECONDS) + " "
          + r.getAs(ContactChainsSchema.ARRIVED_WHILE_CLOSED));
    }
    // Day 1 = Sunday 2026-03-01. Every answered leg waits 45 s. Closed: the weekend (A1, A7, E8) and
    // 08:00 (N3, N6); B9 arrives at 09:00 sharp (open); B1-B2 (tech) and F1-F2 wait 90 s in two legs.
    assertEquals(Map.ofEntries(
        Map.entry("A1", "0.0 true"), Map.entry("A4", "45.0 false"), Map.entry("A7", "0.0 true"),
        Map.entry("A10", "45.0 false"), Map.entry("B1", "90.0 false"), Map.entry("B9", "45.0 false"),
        Map.entry("C2", "45.0 false"), Map.entry("C5", "45.0 false"), Map.entry("N3", "0.0 true"),
        Map.entry("N6", "null true"), Map.entry("D6", "45.0 false"), Map.entry("E8", "null true"),
        Map.entry("F1", "90.0 false")), byChain, "wait_business_seconds and arrived_while_closed per chain");
    long arrivedClosed = 0;
    for (Row r : delta.read(Table.GOLD_DAILY_SERVICE_METRICS).collectAsList()) {
      arrivedClosed += (long) r.getAs(DailyServiceMetricsSchema.ARRIVED_CLOSED);
    }
    assertEquals(5L, arrivedClosed, "arrived_closed over the days: A1, A7, E8, N3, N6");
  }

  @Test
  void failureIsRecordedInTheRunLogAndRethrown(SparkSession spark, @TempDir Path warehouse) {
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> MetricsJob.run(spark, config(warehouse, 1, false)), "no silver contacts yet");
    assertTrue(e.getMessage().contains("silver_contacts"), e.getMessage());
    List<Row> log = new DeltaIo(spark, new Warehouse(warehouse.toString())).read(Table.META_RUN_LOG).collectAsList();
    assertEquals(1, log.size(), "one failed row");
    assertEquals(RunLogSchema.STATUS_FAILED, log.get(0).getAs(RunLogSchema.STATUS));
    assertEquals(MetricsJob.STAGE_CHAINS, log.get(0).getAs(RunLogSchema.STAGE));
    assertFalse(((String) log.get(0).getAs(RunLogSchema.MESSAGE)).isBlank());
  }
}
