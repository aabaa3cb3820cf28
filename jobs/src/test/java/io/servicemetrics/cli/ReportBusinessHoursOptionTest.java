package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.report.ReportModel.ChannelSpeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --business-hours}: validated at parse time, and checked against what gold carries. */
class ReportBusinessHoursOptionTest {
  @Test
  void aBadScheduleFileIsABadArgumentBeforeAnySparkSessionStarts(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("hours.json"), "{\"schedules\": {}, \"queues\": {\"*\": \"none\"}}");
    assertEquals(2, ServiceMetricsCli.execute("report", "--date", "2026-11-04", "--warehouse", dir.toString(),
        "--out", dir.toString(), "--business-hours", bad.toString()));
  }

  @Test
  void theChannelsWhoseGoldHasNoBusinessHoursWaitAreNamed() {
    ChannelSpeed phone = new ChannelSpeed("phone", 10, 9, 10, 10L, 9, 30.0, 8L, 0L, 0.8, 20L, 0.1, 0L);
    ChannelSpeed email = new ChannelSpeed("email", 4, 4, 4, 4L, 4, 11_520.0, 4L, 0L, 1.0, 86_400L, 0.0, 0L,
        5_400.0, 1.0, null, null, null);
    assertEquals(List.of("phone"), ReportCommand.withoutBusinessHours(List.of(phone, email)),
        "e-mail was computed with a schedule, phone without");
    assertEquals(List.of(), ReportCommand.withoutBusinessHours(List.of(email)));
  }
}
