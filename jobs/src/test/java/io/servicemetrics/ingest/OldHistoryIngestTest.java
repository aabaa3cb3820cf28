package io.servicemetrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.config.PipelineConfig;
import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank's call log of February 1999 as such logs arrive, delivered today: no outcome, hold or
 * after-call-work column, call ids unique only within a phone line (qualified by the line when
 * converted, docs/INPUTS.md), customer id 0 for anonymous callers. With the default --valid-from
 * it is refused with the rule, the first value and the option named, after everything is written
 * (exit 3, as ingest alone now applies the threshold); with --valid-from 1999-01-01 it is accepted.
 */
@ExtendWith(SharedSpark.class)
class OldHistoryIngestTest {
  private static final LocalDate DELIVERED = LocalDate.parse("2026-12-01");
  private static final String CALL_LOG = LandingFixture.lines(
      "contact_id,updated_at,customer_id,channel,queue,agent_id,initiated_at,answered_at,ended_at",
      "AA-1001,1999-02-01T07:12:00+02:00,0,phone,AA,MICHAL,1999-02-01T07:02:47+02:00,1999-02-01T07:04:10+02:00,1999-02-01T07:10:55+02:00",
      "BB-1001,1999-02-01T07:40:00+02:00,0,phone,BB,ANAT,1999-02-01T07:21:03+02:00,1999-02-01T07:21:40+02:00,1999-02-01T07:33:12+02:00",
      "AA-1002,1999-02-01T08:01:00+02:00,23215,phone,AA,,1999-02-01T07:55:30+02:00,,1999-02-01T07:58:02+02:00",
      "BB-1002,1999-02-01T08:30:00+02:00,23215,phone,BB,ANAT,1999-02-01T08:10:00+02:00,1999-02-01T08:11:15+02:00,1999-02-01T08:20:41+02:00");

  @Test
  void oldHistoryIsRefusedByNameAndAcceptedWithValidFrom(SparkSession spark, @TempDir Path tmp) {
    LandingFixture landing = new LandingFixture(tmp.resolve("landing")).file("contacts", DELIVERED, "calls-1999-02.csv", CALL_LOG);
    DeltaIo delta = new DeltaIo(spark, new Warehouse(tmp.resolve("wh").toString()));
    IngestConfig day = IngestConfig.forDay(DELIVERED, landing.root().toString(), delta.warehouse(), ZoneId.of("UTC"),
        PiiKey.demo());

    // What the ingest command does: run, then apply the threshold.
    Map<Source, RunLog.IngestCounts> refused = new IngestJob(delta, day, new RunLog(delta, "ingest", Clock.systemUTC())).run();
    List<String> breaches = QuarantineBreaches.of(refused, PipelineConfig.DEFAULT_MAX_QUARANTINE_SHARE);
    assertEquals(List.of("4 of 4 contacts out_of_range: initiated_at 1999-02-01T07:02:47+02:00 is before --valid-from"
        + " 2000-01-01; pass --valid-from 1999-01-01 if your history is older"), breaches, "the first record's rule and fix");
    ServiceMetricsException error = assertThrows(ServiceMetricsException.class, () -> QuarantineBreaches.failOnAny(breaches));
    assertEquals(ExitCode.DATA_QUALITY, error.exitCode(), "exit 3");
    assertTrue(error.getMessage().startsWith("Quarantine threshold breached: 4 of 4 contacts out_of_range: "), error.getMessage());
    assertEquals(4, delta.read(Table.QUARANTINE_CONTACTS).count(), "quarantine was written before the exit");

    Map<Source, RunLog.IngestCounts> accepted = new IngestJob(delta, day.withValidFrom(LocalDate.parse("1999-01-01")),
        new RunLog(delta, "ingest", Clock.systemUTC())).run();
    assertEquals(List.of(4L, 4L, 0L), List.of(accepted.get(Source.CONTACTS).read(), accepted.get(Source.CONTACTS).accepted(),
        accepted.get(Source.CONTACTS).quarantined()), "read, accepted, quarantined");
    assertEquals(List.of(), QuarantineBreaches.of(accepted, PipelineConfig.DEFAULT_MAX_QUARANTINE_SHARE));
    assertEquals(0, delta.read(Table.QUARANTINE_CONTACTS).count(), "the rerun replaced the day's quarantine");
    List<Row> silver = delta.read(Table.SILVER_CONTACTS).orderBy(ContactsSchema.CONTACT_ID).collectAsList();
    assertEquals(List.of("AA-1001", "AA-1002", "BB-1001", "BB-1002"),
        silver.stream().map(r -> r.<String>getAs(ContactsSchema.CONTACT_ID)).toList(), "call 1001 of each line is its own contact");
    assertEquals(java.util.Arrays.asList(null, "known", null, "known"), silver.stream()
        .map(r -> r.getAs(ContactsSchema.CUSTOMER_ID_PSEUDONYM) == null ? null : "known").toList(),
        "customer id 0 is an anonymous caller, not one customer");
    assertEquals(silver.get(1).<String>getAs(ContactsSchema.CUSTOMER_ID_PSEUDONYM),
        silver.get(3).getAs(ContactsSchema.CUSTOMER_ID_PSEUDONYM), "customer 23215 called on both lines");
    assertEquals("1999-02-01", silver.get(0).getAs("event_date").toString());
  }
}
