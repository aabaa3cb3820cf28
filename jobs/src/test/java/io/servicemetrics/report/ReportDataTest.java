package io.servicemetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.report.ReportModel.PeriodKpis;
import io.servicemetrics.report.ReportModel.RepeatDriver;
import io.servicemetrics.report.ReportModel.SourceQuality;
import io.servicemetrics.schema.AgentMetricsSchema;
import io.servicemetrics.schema.ChannelSpeedSchema;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.CsatByFcrSpeedSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.schema.RunLogSchema;
import io.servicemetrics.schema.WomMentionsSchema;
import io.servicemetrics.schema.WomMultiplierSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Literal gold tables in a temp warehouse -> ReportData -> the PDF's numbers. */
@ExtendWith(SharedSpark.class)
class ReportDataTest {
  private static final LocalDate D = LocalDate.of(2025, 3, 28);
  private static final Timestamp AS_OF = Timestamp.from(Instant.parse("2025-03-29T00:00:00Z"));

  @Test
  void reducesGoldToExactPeriodTotalsAndTheReportPrintsThem(SparkSession spark, @TempDir Path dir) throws Exception {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    write(spark, delta, Table.GOLD_DAILY_SERVICE_METRICS, DailyServiceMetricsSchema.SCHEMA, List.of(
        // 27 Mar: repeat 0.5 x 4 = 2, fcr 0.25 x 4 = 1, csat 1.0 x 1 = 1, nps +100 x 1
        daily("2025-03-27", "phone", "billing", 10, 8, 2, 30.0, 300.0, 0.5, 4, 0.25, 4, 1.0, 1, 100.0, 1),
        // 28 Mar: repeat 0.1 x 20 = 2, fcr 0.75 x 20 = 15, csat 0.5 x 4 = 2, nps -50 x 2
        daily("2025-03-28", "chat", "orders", 30, 30, 0, 60.0, 600.0, 0.1, 20, 0.75, 20, 0.5, 4, -50.0, 2),
        // previous period (25-26 Mar): repeat 0.2 x 10 = 2
        daily("2025-03-26", "phone", "billing", 5, 5, 0, 40.0, 500.0, 0.2, 10, 0.5, 10, null, 0, null, 0),
        // neither period
        daily("2025-03-20", "phone", "billing", 99, 99, 0, 1.0, 1.0, 0.9, 99, 0.9, 99, 0.9, 99, 90.0, 99)));
    // channel_speed as the metrics stage writes it from those daily rows (periods of 2 days).
    var window = new io.servicemetrics.metrics.PeriodWindow(D, 2, java.time.ZoneOffset.UTC);
    delta.append(Table.GOLD_CHANNEL_SPEED, io.servicemetrics.metrics.ChannelSpeedTransforms.channelSpeed(
        delta.read(Table.GOLD_DAILY_SERVICE_METRICS), window, io.servicemetrics.metrics.GoldStamp.of(window)));
    write(spark, delta, Table.GOLD_CONTACT_CHAINS, ContactChainsSchema.SCHEMA, List.of(
        chain("c1", "billing", "refund", "2025-03-27", true, 10),
        chain("c2", "billing", "refund", "2025-03-27", false, null),
        chain("c3", "orders", null, "2025-03-28", true, 7),
        chain("c4", "orders", null, "2025-03-28", null, 3),
        chain("c5", "orders", "login", "2025-03-28", true, null),
        chain("c6", "billing", "x", "2025-03-20", true, 10)));
    // period_summary and repeat_drivers as the period stage writes them from those chains.
    var stamp = io.servicemetrics.metrics.GoldStamp.of(window);
    delta.append(Table.GOLD_PERIOD_SUMMARY, io.servicemetrics.metrics.PeriodSummaryTransforms.periodSummary(
        delta.read(Table.GOLD_CONTACT_CHAINS), window, stamp));
    delta.append(Table.GOLD_REPEAT_DRIVERS, io.servicemetrics.metrics.PeriodSummaryTransforms.repeatDrivers(
        delta.read(Table.GOLD_CONTACT_CHAINS), window, stamp));
    write(spark, delta, Table.GOLD_CSAT_BY_FCR_SPEED, CsatByFcrSpeedSchema.SCHEMA, List.of(
        RowFactory.create(Date.valueOf(D), true, 1, 3L, 1.0, 0.44, 1.0, AS_OF, "1"),
        RowFactory.create(Date.valueOf(D.minusDays(2)), false, 1, 9L, 0.0, 0.0, 0.3, AS_OF, "0")));
    write(spark, delta, Table.GOLD_AGENT_METRICS, AgentMetricsSchema.SCHEMA, List.of(
        agent("b", AgentMetricsSchema.SPEED_TRAP), agent("a", AgentMetricsSchema.FAST_RESOLVING),
        agent("c", AgentMetricsSchema.INSUFFICIENT_DATA)));
    write(spark, delta, Table.GOLD_WOM_MULTIPLIER, WomMultiplierSchema.SCHEMA, List.of(
        wom(D, 3.0), wom(D.minusDays(2), 2.0)));
    write(spark, delta, Table.META_RUN_LOG, RunLogSchema.SCHEMA, List.of(
        run("r1", "ingest", "contacts", "2025-03-27", "succeeded", "10:00", 10, 8, 1, 1, "bad_timestamp=1"),
        run("r2", "ingest", "contacts", "2025-03-27", "succeeded", "12:00", 10, 9, 1, 0, "missing_required=1"),
        run("r3", "ingest", "contacts", "2025-03-28", "succeeded", "11:00", 5, 5, 0, 0, null),
        run("r3", "ingest", "surveys", "2025-03-28", "failed", "11:00", 7, 0, 0, 0, null),
        run("r3", "metrics", "contact_chains", "2025-03-28", "succeeded", "11:00", 0, 0, 0, 0, null),
        run("r0", "ingest", "contacts", "2025-03-20", "succeeded", "11:00", 50, 50, 0, 0, null)));

    ReportModel model = ReportData.load(delta, D, 2);

    PeriodKpis k = model.current().orElseThrow();
    assertEquals(40, k.chains(), "10 + 30 chains");
    assertEquals(4.0 / 24, k.repeatRate(), 1e-12, "(2 + 2) / (4 + 20), not the mean of daily rates (0.3)");
    assertEquals(16.0 / 24, k.fcrRate(), 1e-12, "(1 + 15) / 24");
    assertEquals(20, k.fcr7dNoRepeatBasis(), "the chat row's 20 eligible chains");
    assertEquals(ReportModel.FcrBasis.MIXED, k.fcrBasis(), "20 of 24 on the no-repeat basis");
    assertEquals(3.0 / 5, k.csat(), 1e-12, "(1 + 2) / (1 + 4) surveys");
    assertEquals(0.0, k.nps(), 1e-12, "(100 x 1 - 50 x 2) / 3");
    assertEquals((30.0 * 8 + 60.0 * 30) / 38, k.asaSeconds(), 1e-9, "ASA weighted by answered");
    assertEquals((300.0 * 8 + 600.0 * 30) / 38, k.ahtSeconds(), 1e-9, "AHT weighted by answered");
    assertEquals(2.0 / 40, k.abandonRate(), 1e-12);
    assertEquals(List.of(1L, 1L, 3L), List.of(k.npsPromoters(), k.npsDetractors(), k.npsN()),
        "promoters (c1: 10), detractors (c4: 3) of 3 answers, from gold period_summary");
    assertEquals(0.2, model.previous().orElseThrow().repeatRate(), 1e-12, "previous period 25-26 Mar: 2 / 10");
    assertEquals(List.of(LocalDate.of(2025, 3, 27), D), model.daily().stream().map(ReportModel.DailyPoint::date).toList());
    assertEquals(List.of(new RepeatDriver("orders", 3, 2, 2), new RepeatDriver("billing", 2, 2, 1)),
        model.repeatByQueue().orElseThrow(), "most repeats first; c4 has no repeat flag; c6 is outside");
    assertEquals(List.of(new RepeatDriver("(none)", 2, 1, 1), new RepeatDriver("login", 1, 1, 1),
        new RepeatDriver("refund", 2, 2, 1)), model.repeatByCategory().orElseThrow(), "ties by name");
    assertEquals(1, model.csatBySpeed().orElseThrow().size(), "only the period's csat_by_fcr_speed rows");
    assertTrue(model.model().isEmpty(), "resolution_speed_model was never written");
    assertEquals(List.of("a", "b"), model.agents().orElseThrow().stream().map(ReportModel.Agent::agentId).toList());
    assertEquals(1, model.agentsInsufficient());
    assertEquals(3.0, model.womMultiplier().orElseThrow().multiplier());
    assertEquals(10, model.womMultiplier().orElseThrow().periodMentions(), "mentions were delivered");
    assertEquals(2.0, model.previousMultiplier().orElseThrow().multiplier(), "previous period ends 2 days earlier");
    assertTrue(model.womMentions().isEmpty());
    SourceQuality contacts = model.dataQuality().orElseThrow().get(0);
    assertEquals(1, model.dataQuality().orElseThrow().size(), "failed surveys run and the metrics stage are left out");
    assertEquals(new SourceQuality("contacts", 2, 15, 14, 1, 0, new java.util.TreeMap<>(Map.of("missing_required", 1L))),
        contacts, "the 12:00 rerun of 27 Mar replaces the 10:00 run");
    // The literal rows are version 1; channel_speed is computed above by the transform, at the current version.
    assertEquals(List.of("1", io.servicemetrics.schema.GoldColumns.CURRENT_DEFINITIONS_VERSION),
        model.definitionsVersions(), "the version-0 row is outside the period");
    assertEquals(AS_OF.toInstant(), model.asOf().orElseThrow());

    // A report over 3 days finds the 2-day period's summary: no chain figures from another period.
    ReportModel other = ReportData.load(delta, D, 3);
    assertEquals(-1, other.current().orElseThrow().npsPromoters(), "no NPS interval");
    assertTrue(other.repeatByQueue().isEmpty(), "no repeat drivers");
    // A period without daily rows: zero totals, as before the totals came from one grouped query.
    ReportModel empty = ReportData.load(delta, D.plusDays(30), 2);
    assertEquals(0, empty.current().orElseThrow().chains(), "zeros, not missing");
    assertTrue(empty.previous().isEmpty(), "no previous period without chains");
    assertTrue(empty.daily().isEmpty());

    String text = PdfInspection.text(ServiceReport.render(model).pdf()).replaceAll("\\s+", " ");
    // Speed per channel, never the all-channel mean (0:54): phone 30 s on 27 Mar (previous 40 s: -0:10),
    // chat 60 s on 28 Mar; neither source delivered queued_at.
    assertEquals(List.of("phone", "chat"), model.channelSpeed().orElseThrow().stream()
        .map(ReportModel.ChannelSpeed::channel).toList(), "page order");
    for (String s : List.of("16.7%", "66.7%", "60.0%", "+0.0", "8:57", "5.0%", "3.0x", "+1.0x",
        "-3.3 pp", "gold resolution_speed_model is missing", "Phone: speed of answer", "0:30", "-0:10",
        "Chat: first response", "1:00", "Queue time and service level are not measured for phone, chat")) {
      assertTrue(text.contains(s), "the PDF prints the gold-derived " + s);
    }
  }

  private static void write(SparkSession spark, DeltaIo delta, Table table, StructType schema, List<Row> rows) {
    delta.append(table, spark.createDataFrame(rows, schema));
  }

  private static Row daily(String date, String channel, String queue, long chains, long answered, long abandoned,
      Double asa, Double aht, Double repeat, long repeatN, Double fcr, long fcrN, Double csat, long csatN, Double nps,
      long npsN) {
    return RowFactory.create(Date.valueOf(date), channel, queue, chains, answered, abandoned,
        chains == 0 ? null : (double) abandoned / chains, asa, aht, null, null, null, null, repeat, repeatN, fcr, fcrN,
        // The chat rows carry no outcome: their FCR rests on no repeat within 7 days.
        "chat".equals(channel) ? fcrN : 0L,
        csat, csatN, null, nps, npsN, null, 0L, null, null, 0L, null, answered, null, null, null, null, null, 20L, null,
        null, null, AS_OF, "1");
  }

  private static Row chain(String id, String queue, String category, String date, Boolean repeat7d, Integer nps) {
    Timestamp t = Timestamp.valueOf(date + " 10:00:00");
    return RowFactory.create(id, "k-" + id, "phone", queue, category, "a1", "t1", t, t, Date.valueOf(date), 1, 0, true,
        false, 10.0, 100.0, 0.0, false, true, null, repeat7d, null, repeat7d == null ? null : !repeat7d,
        repeat7d == null ? null : "disposition", null, null, nps, null, null, null, null, null, null, AS_OF, "1");
  }

  @Test
  void readsTheScorerAndTheCorrectedAndReshareFiguresFromGoldWomMentions(SparkSession spark, @TempDir Path dir) {
    DeltaIo delta = new DeltaIo(spark, new Warehouse(dir.toString()));
    write(spark, delta, Table.GOLD_WOM_MENTIONS, WomMentionsSchema.SCHEMA, List.of(
        RowFactory.create(Date.valueOf(D), 40L, 60L, 40.0 / 60, 0.5, 0.9, null, null, null, null, null, null, null,
            "m1", 0L, 0.782, 2_140L, 47.5, 52.5, 47.5 / 52.5, 0.7, 1.2, 2.5, 1.5, 4.0, AS_OF, "1"),
        RowFactory.create(Date.valueOf(D.minusDays(2)), 30L, 10L, 3.0, 2.0, 4.0, null, null, null, null, null, null,
            null, null, 40L, null, null, null, null, null, null, null, null, null, null, AS_OF, "1")));

    ReportModel.WomMentions m = ReportData.load(delta, D, 2).womMentions().orElseThrow();
    assertEquals(List.of("m1", 0L, 0.782, 2_140L, 47.5, 52.5, 47.5 / 52.5, 0.7, 1.2),
        java.util.Arrays.asList(m.sentimentModelId(), m.nLexiconLabelled(), m.scorerAccuracy(), m.scorerLabels(),
            m.nNegativeCorrected(),
            m.nPositiveCorrected(), m.incidenceRatioCorrected(), m.incidenceCorrectedCiLow(),
            m.incidenceCorrectedCiHigh()));
    assertEquals(List.of(2.5, 1.5, 4.0), List.of(m.reshareRatio(), m.reshareCiLow(), m.reshareCiHigh()));
    ReportModel.WomMentions lexicon = ReportData.load(delta, D.minusDays(2), 2).womMentions().orElseThrow();
    assertEquals(40L, lexicon.nLexiconLabelled(), "the earlier period was labelled by the word list");
    assertEquals(null, lexicon.sentimentModelId());
    assertEquals(null, lexicon.incidenceRatioCorrected());
  }

  private static Row agent(String id, String quadrant) {
    return RowFactory.create(Date.valueOf(D), id, "t1", 30L, 300.0, 0.7, 25L, 0L, 0.8, 10L, quadrant, AS_OF, "1");
  }

  private static Row wom(LocalDate end, double multiplier) {
    return RowFactory.create(Date.valueOf(end), 10L, 20L, 0.1, 0.05, 3.0 * multiplier, 3.0, multiplier,
        multiplier - 1, multiplier + 1, null, null, 0L, 0L, 10L, AS_OF, "1");
  }

  private static Row run(String id, String stage, String source, String date, String status, String finished,
      long read, long accepted, long quarantined, long superseded, String reasons) {
    Timestamp end = Timestamp.valueOf(date + " " + finished + ":00");
    return RowFactory.create(id, "nightly", stage, source, Date.valueOf(date), status, end, end, read, accepted,
        quarantined, superseded, null, reasons, null);
  }
}
