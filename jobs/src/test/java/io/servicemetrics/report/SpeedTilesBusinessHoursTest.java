package io.servicemetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.report.ReportModel.ChannelSpeed;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The e-mail speed tile in business hours when a schedule was given (issue 17); pure Java. */
class SpeedTilesBusinessHoursTest {
  private static KpiTile emailTile(ChannelSpeed email) {
    ReportModel model = ReportFixtures.realistic().withChannelSpeed(Optional.of(List.of(email)));
    List<KpiTile> tiles = ExecutiveSummary.speedTiles(model);
    assertEquals(1, tiles.size(), "one e-mail tile: " + tiles);
    return tiles.get(0);
  }

  @Test
  void withAScheduleTheEmailTileShowsTheBusinessHoursFirstResponseAndSaysSo() {
    // Calendar mean 3 h 12 min (11,520 s), of which 1 h 30 min (5,400 s) while the desk was open.
    KpiTile tile = emailTile(new ChannelSpeed("email", 1_500, 1_490, 0, null, 1_490, 11_520.0, null, null, null,
        86_400L, null, null, 5_400.0, null, null, null, null));
    assertEquals("E-mail, business hours", tile.label());
    assertTrue(tile.basis().startsWith("first response while open"), tile.basis());
    assertEquals(ReportFormat.waitTime(5_400.0), tile.value());
    assertTrue(tile.basis().contains("calendar " + ReportFormat.waitTime(11_520.0)), tile.basis());
    assertTrue(tile.basis().contains("n = 1,490"), tile.basis());
    ReportModel model = ReportFixtures.realistic().withChannelSpeed(Optional.of(List.of(new ChannelSpeed("email", 1_500,
        1_490, 0, null, 1_490, 11_520.0, null, null, null, 86_400L, null, null, 5_400.0, null, null, null, null))));
    assertEquals(Optional.of("Speed, channel by channel: e-mail first response took " + ReportFormat.waitTime(5_400.0)
        + " in business hours."), ExecutiveSummary.speedSentence(model));
  }

  @Test
  void withoutAScheduleTheEmailTileIsTheCalendarFirstResponse() {
    KpiTile tile = emailTile(new ChannelSpeed("email", 1_500, 1_490, 0, null, 1_490, 11_520.0, null, null, null,
        86_400L, null, null));
    assertEquals("E-mail: first response", tile.label());
    assertEquals(ReportFormat.waitTime(11_520.0), tile.value());
  }
}
