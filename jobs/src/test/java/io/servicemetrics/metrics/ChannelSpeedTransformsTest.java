package io.servicemetrics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.servicemetrics.schema.ChannelSpeedSchema;
import io.servicemetrics.schema.DailyServiceMetricsSchema;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.testing.SharedSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ChannelSpeedTransformsTest {
  /** A daily row with the given columns set by name (counts the row does not mention are 0). */
  private static Row daily(String date, String channel, Map<String, Object> values) {
    Object[] cells = new Object[DailyServiceMetricsSchema.SCHEMA.size()];
    for (var f : DailyServiceMetricsSchema.SCHEMA.fields()) {
      int i = DailyServiceMetricsSchema.SCHEMA.fieldIndex(f.name());
      cells[i] = !f.nullable() && f.dataType().equals(org.apache.spark.sql.types.DataTypes.LongType) ? 0L : null;
    }
    cells[DailyServiceMetricsSchema.SCHEMA.fieldIndex(DailyServiceMetricsSchema.CONTACT_DATE)] = Date.valueOf(date);
    cells[DailyServiceMetricsSchema.SCHEMA.fieldIndex(DailyServiceMetricsSchema.CHANNEL)] = channel;
    cells[DailyServiceMetricsSchema.SCHEMA.fieldIndex(DailyServiceMetricsSchema.QUEUE)] = "billing";
    cells[DailyServiceMetricsSchema.SCHEMA.fieldIndex(GoldColumns.AS_OF)] = Timestamp.valueOf("2024-04-01 00:00:00");
    cells[DailyServiceMetricsSchema.SCHEMA.fieldIndex(GoldColumns.DEFINITIONS_VERSION)] = "1";
    values.forEach((k, v) -> cells[DailyServiceMetricsSchema.SCHEMA.fieldIndex(k)] = v);
    return RowFactory.create(cells);
  }

  @Test
  void sumsDailyCountsPerChannelAndNeverMixesChannels(SparkSession spark) {
    List<Row> rows = List.of(
        // Phone, a day with queued_at: 10 chains, 9 queued, 1 short abandon, 5 within 20 s; ASA 20 s over 7.
        daily("2024-03-10", "phone", Map.ofEntries(Map.entry("chains", 10L), Map.entry("answered", 8L),
            Map.entry("abandoned", 2L), Map.entry("queue_measured", 10L), Map.entry("queued", 9L), Map.entry("asa_n", 7L),
            Map.entry("asa_seconds", 20.0), Map.entry("answered_in_target", 5L), Map.entry("short_abandons", 1L),
            Map.entry("queue_abandons", 1L), Map.entry("abandoned_before_queue", 1L),
            Map.entry("service_level_target_seconds", 20L))),
        // Phone, a day from a file without queued_at: ASA from initiation, 50 s over 5; queue counts NULL.
        daily("2024-03-11", "phone", Map.of("chains", 6L, "answered", 5L, "abandoned", 1L, "asa_n", 5L,
            "asa_seconds", 50.0, "service_level_target_seconds", 20L)),
        // The previous period (2024-02-05 .. 2024-03-03): phone 4 chains, ASA 40 s, 3 of 4 offered within 20 s.
        daily("2024-03-03", "phone", Map.of("chains", 4L, "answered", 4L, "queue_measured", 4L, "queued", 4L,
            "answered_in_target", 3L, "short_abandons", 0L, "asa_n", 4L, "asa_seconds", 40.0,
            "service_level_target_seconds", 20L)),
        // Outside both periods.
        daily("2024-02-04", "phone", Map.of("chains", 50L, "answered", 50L, "asa_n", 50L, "asa_seconds", 99.0,
            "service_level_target_seconds", 20L)),
        // After the period.
        daily("2024-04-01", "phone", Map.of("chains", 100L, "answered", 100L, "queue_measured", 100L, "queued", 100L,
            "answered_in_target", 100L, "asa_n", 100L, "asa_seconds", 1.0, "service_level_target_seconds", 20L)),
        // E-mail without queued_at: hours, kept apart from phone's seconds.
        daily("2024-03-12", "email", Map.of("chains", 4L, "answered", 4L, "asa_n", 4L, "asa_seconds", 7200.0,
            "service_level_target_seconds", 86_400L)));
    Map<String, Row> byChannel = new HashMap<>();
    ChannelSpeedTransforms.channelSpeed(spark.createDataFrame(rows, DailyServiceMetricsSchema.SCHEMA),
            Fixtures.WINDOW, Fixtures.STAMP)
        .collectAsList().forEach(r -> byChannel.put(r.getAs(ChannelSpeedSchema.CHANNEL), r));
    assertEquals(2, byChannel.size());

    Row phone = byChannel.get("phone");
    assertEquals(Date.valueOf("2024-03-31"), phone.getAs(ChannelSpeedSchema.PERIOD_END));
    assertEquals(16L, (long) phone.getAs(ChannelSpeedSchema.CHAINS));
    assertEquals(13L, (long) phone.getAs(ChannelSpeedSchema.ANSWERED));
    assertEquals(10L, (long) phone.getAs(ChannelSpeedSchema.QUEUE_MEASURED), "10 of 16 chains measured");
    assertEquals(9L, (long) phone.getAs(ChannelSpeedSchema.QUEUED));
    assertEquals(12L, (long) phone.getAs(ChannelSpeedSchema.ASA_N));
    assertEquals(32.5, (double) phone.getAs(ChannelSpeedSchema.ASA_SECONDS), 1e-12, "(20 x 7 + 50 x 5) / 12");
    assertEquals(0.625, (double) phone.getAs(ChannelSpeedSchema.SERVICE_LEVEL), 1e-12, "5 / (9 - 1)");
    assertEquals(0.125, (double) phone.getAs(ChannelSpeedSchema.QUEUE_ABANDON_RATE), 1e-12, "1 / (9 - 1)");
    assertEquals(1L, (long) phone.getAs(ChannelSpeedSchema.ABANDONED_BEFORE_QUEUE));
    assertEquals(20L, (long) phone.getAs(ChannelSpeedSchema.SERVICE_LEVEL_TARGET_SECONDS));
    assertEquals(4L, (long) phone.getAs(ChannelSpeedSchema.PREVIOUS_CHAINS), "the previous 28 days, 03-03 only");
    assertEquals(40.0, (double) phone.getAs(ChannelSpeedSchema.PREVIOUS_ASA_SECONDS), 1e-12);
    assertEquals(0.75, (double) phone.getAs(ChannelSpeedSchema.PREVIOUS_SERVICE_LEVEL), 1e-12, "3 / 4");

    Row email = byChannel.get("email");
    assertEquals(7200.0, (double) email.getAs(ChannelSpeedSchema.ASA_SECONDS), 1e-12);
    assertEquals(0L, (long) email.getAs(ChannelSpeedSchema.QUEUE_MEASURED));
    assertNull(email.getAs(ChannelSpeedSchema.QUEUED), "not measured, not zero");
    assertNull(email.getAs(ChannelSpeedSchema.SERVICE_LEVEL));
    assertNull(email.getAs(ChannelSpeedSchema.SHORT_ABANDONS));
    assertEquals(86_400L, (long) email.getAs(ChannelSpeedSchema.SERVICE_LEVEL_TARGET_SECONDS));
    assertNull(email.getAs(ChannelSpeedSchema.PREVIOUS_CHAINS), "no e-mail in the previous period");
  }

  @Test
  void businessHoursFiguresCountOnlyTheDaysWithASchedule(SparkSession spark) {
    List<Row> rows = List.of(
        // With a schedule: business ASA 10 s over 7, 6 of 9 - 1 offered within T in business time.
        daily("2024-03-10", "phone", Map.ofEntries(Map.entry("chains", 10L), Map.entry("queue_measured", 10L),
            Map.entry("queued", 9L), Map.entry("short_abandons", 1L), Map.entry("asa_n", 7L),
            Map.entry("asa_seconds", 20.0), Map.entry("asa_business_seconds", 10.0),
            Map.entry("answered_in_target", 5L), Map.entry("answered_in_target_business", 6L))),
        // Without a schedule that day: its queue counts stay in service_level, not in the business one.
        daily("2024-03-11", "phone", Map.of("chains", 5L, "queue_measured", 5L, "queued", 4L, "short_abandons", 0L,
            "asa_n", 3L, "asa_seconds", 40.0, "answered_in_target", 2L)),
        // With a schedule: business ASA 30 s over 3, 1 of 3 - 1 offered.
        daily("2024-03-12", "phone", Map.ofEntries(Map.entry("chains", 3L), Map.entry("queue_measured", 3L),
            Map.entry("queued", 3L), Map.entry("short_abandons", 1L), Map.entry("asa_n", 3L),
            Map.entry("asa_seconds", 50.0), Map.entry("asa_business_seconds", 30.0),
            Map.entry("answered_in_target", 1L), Map.entry("answered_in_target_business", 1L))),
        daily("2024-03-12", "email", Map.of("chains", 4L, "answered", 4L, "asa_n", 4L, "asa_seconds", 7200.0)));
    Map<String, Row> byChannel = new HashMap<>();
    ChannelSpeedTransforms.channelSpeed(spark.createDataFrame(rows, DailyServiceMetricsSchema.SCHEMA),
            Fixtures.WINDOW, Fixtures.STAMP)
        .collectAsList().forEach(r -> byChannel.put(r.getAs(ChannelSpeedSchema.CHANNEL), r));
    Row phone = byChannel.get("phone");
    assertEquals(16.0, (double) phone.getAs(ChannelSpeedSchema.ASA_BUSINESS_SECONDS), 1e-12, "(10 x 7 + 30 x 3) / 10");
    assertEquals(7L, (long) phone.getAs(ChannelSpeedSchema.ANSWERED_IN_TARGET_BUSINESS), "6 + 1");
    assertEquals(0.7, (double) phone.getAs(ChannelSpeedSchema.SERVICE_LEVEL_BUSINESS), 1e-12, "7 / ((9 - 1) + (3 - 1))");
    assertEquals(8.0 / 14, (double) phone.getAs(ChannelSpeedSchema.SERVICE_LEVEL), 1e-12, "(5 + 2 + 1) / (8 + 4 + 2)");
    Row email = byChannel.get("email");
    assertNull(email.getAs(ChannelSpeedSchema.ASA_BUSINESS_SECONDS), "no schedule: not measured");
    assertNull(email.getAs(ChannelSpeedSchema.ANSWERED_IN_TARGET_BUSINESS), "no schedule: not measured");
    assertNull(email.getAs(ChannelSpeedSchema.SERVICE_LEVEL_BUSINESS), "no schedule: not measured");
  }
}
