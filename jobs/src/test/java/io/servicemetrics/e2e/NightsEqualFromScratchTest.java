package io.servicemetrics.e2e;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.config.PiiKey;
import io.servicemetrics.generate.ContactCenterGenerator;
import io.servicemetrics.generate.GeneratorConfig;
import io.servicemetrics.ingest.IngestJob;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Layer;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.staffing.StaffingConfig;
import io.servicemetrics.meta.RunLog;
import io.servicemetrics.metrics.MetricsJob;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly restatement with a window shorter than the data, on a generated landing zone (docs/METRICS.md
 * "Restatement"): a backfill, then nights that each restate only the last {@link #WINDOW} contact dates.
 *
 * <p>What is equal, precisely, in every column (as_of included: it is the end of the run date that
 * computed the row): a night for D replaces the contact dates [D - (WINDOW - 1), D] with exactly what a
 * from-scratch run as of D computes for them, and leaves every other date as it was. So after the
 * nights each date holds the from-scratch computation as of the last run that restated it: the last
 * night's window equals a from-scratch run as of the last night; a date that left the window earlier
 * is frozen as of the last night that restated it; dates before the nights' windows keep the
 * backfill's rows. With {@link #WINDOW} = 3 days, far shorter than the 7- and 30-day repeat windows,
 * the frozen dates are not final (their repeat_7d was still open when they left), so the test also
 * shows they differ from a final backfill: the equality is not vacuous. A window that started a day
 * late would leave its first date stale, one that started a day early would restamp a frozen date's
 * as_of: both fail.
 *
 * <p>The backfill stands in for the nights before it (a first night on an empty warehouse is the
 * same code path as any other); the earlier version of this test ran the 35-day default window
 * night by night over the whole 30-day sample, where every night restated every date.
 */
@ExtendWith(SharedSpark.class)
class NightsEqualFromScratchTest {
  private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-05");
  /** Delivery days generated; the backfill covers all but the last {@link #NIGHTS}. */
  private static final int DAYS = 12;
  private static final int NIGHTS = 2;
  /** Restated contact dates per night: shorter than the data (12 days) and than every repeat window. */
  private static final int WINDOW = 3;
  /** Not UTC, so contact dates (business zone) and silver's event_date partitions (UTC) differ. */
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final List<Table> GOLD = List.of(Table.GOLD_CONTACT_CHAINS, Table.GOLD_DAILY_SERVICE_METRICS);

  @Test
  void eachNightRestatesExactlyItsWindowAsAFromScratchRunWouldAndLeavesEveryOtherDateAsItWas(
      SparkSession spark, @TempDir Path tmp) {
    Path landing = tmp.resolve("landing");
    ContactCenterGenerator.generate(new GeneratorConfig(DAYS, 15, 11L, FIRST_DAY, landing));
    LocalDate lastDay = FIRST_DAY.plusDays(DAYS - 1L);
    LocalDate backfillDay = lastDay.minusDays(NIGHTS);

    Warehouse nights = new Warehouse(tmp.resolve("nights").toString());
    DeltaIo nightsIo = new DeltaIo(spark, nights);
    new IngestJob(nightsIo, new IngestConfig(FIRST_DAY, lastDay, landing.toString(), nights, ZoneId.of("UTC"),
        PiiKey.demo()), new RunLog(nightsIo, "test", Clock.systemUTC())).run();
    // The reference warehouse gets the same silver and is only ever computed from scratch.
    Warehouse scratch = new Warehouse(tmp.resolve("scratch").toString());
    DeltaIo scratchIo = new DeltaIo(spark, scratch);
    copyLayer(nights, scratch, Layer.SILVER);

    run(spark, config(nights, backfillDay, true));
    assertFalse(nightsIo.exists(Table.GOLD_PERIOD_SUMMARY) || nightsIo.exists(Table.META_METRIC_DEFINITIONS),
        "a run of the date tables writes no period table and no definitions");
    // What each contact date must hold at the end, filled in as the runs go.
    Map<Table, Map<LocalDate, List<String>>> expected = new TreeMap<>();
    GOLD.forEach(t -> expected.put(t, byDate(nightsIo, t)));
    assertTrue(expected.get(Table.GOLD_CONTACT_CHAINS).size() >= DAYS - NIGHTS - 1,
        "the backfill wrote chains on most days: " + expected.get(Table.GOLD_CONTACT_CHAINS).keySet());

    for (int n = 1; n <= NIGHTS; n++) {
      LocalDate night = backfillDay.plusDays(n);
      run(spark, config(nights, night, false));
      run(spark, config(scratch, night, true));
      // The window is counted here, not taken from MetricsConfig, so a wrong window start fails.
      List<LocalDate> window = night.minusDays(WINDOW - 1L).datesUntil(night.plusDays(1)).toList();
      for (Table table : GOLD) {
        Map<LocalDate, List<String>> fromScratch = byDate(scratchIo, table);
        Map<LocalDate, List<String>> afterNight = byDate(nightsIo, table);
        for (LocalDate date : window) {
          expected.get(table).put(date, fromScratch.getOrDefault(date, List.of()));
        }
        assertSameDates(expected.get(table), afterNight, table + " after the night of " + night
            + ": its window " + window.get(0) + ".." + night + " as from scratch, every other date as before");
      }
    }

    // Leaving as_of aside, the last night's window is a final backfill's; the dates that left a window
    // before they were final are not, which is what a window shorter than the data means.
    Map<LocalDate, List<String>> finalChains = byDate(scratchIo, Table.GOLD_CONTACT_CHAINS, true);
    Map<LocalDate, List<String>> nightChains = byDate(nightsIo, Table.GOLD_CONTACT_CHAINS, true);
    List<LocalDate> differing = finalChains.keySet().stream()
        .filter(d -> !finalChains.get(d).equals(nightChains.getOrDefault(d, List.of()))).toList();
    assertTrue(!differing.isEmpty() && differing.stream().allMatch(d -> d.isBefore(lastDay.minusDays(WINDOW - 1L))),
        "only dates before the last window differ from a final backfill, and some do: " + differing);
    // Why: a chain's repeat_7d is open until 7 days after it ends. Those of the first days were frozen
    // open (the backfill or a night restated them last) and a final backfill has closed them.
    Date settled = Date.valueOf(lastDay.minusDays(8));
    assertNotEquals(0L, openRepeats(nightsIo, settled), "chains frozen with an open repeat_7d");
    assertEquals(0L, openRepeats(scratchIo, settled), "closed in a final backfill");
    assertTrue(nightChains.values().stream().mapToInt(List::size).sum() > 100,
        "chains over " + DAYS + " days: " + nightChains.values().stream().mapToInt(List::size).sum());
  }

  /** Chains of known customers on or before {@code last} whose repeat_7d is still open (NULL). */
  private static long openRepeats(DeltaIo delta, Date last) {
    return delta.read(Table.GOLD_CONTACT_CHAINS).where(col(ContactChainsSchema.REPEAT_7D).isNull()
        .and(col(ContactChainsSchema.CUSTOMER_KEY).isNotNull())
        .and(col(ContactChainsSchema.CONTACT_DATE).leq(last))).count();
  }

  /** The two tables compared are all a run needs to compute: period tables are per period_end, not restated. */
  private static void run(SparkSession spark, MetricsConfig config) {
    MetricsJob.run(spark, config, StaffingConfig.DEFAULTS, MetricsJob.Scope.DATE_TABLES);
  }

  private static MetricsConfig config(Warehouse warehouse, LocalDate date, boolean fromScratch) {
    return new MetricsConfig(date, warehouse.root(), ZONE, WINDOW, MetricsConfig.DEFAULT_PERIOD_DAYS, fromScratch);
  }

  /** A gold table's rows, as sorted JSON per contact date. */
  private static Map<LocalDate, List<String>> byDate(DeltaIo delta, Table table) {
    return byDate(delta, table, false);
  }

  /** A gold table's rows (without as_of when asked), as sorted JSON per contact date. */
  private static Map<LocalDate, List<String>> byDate(DeltaIo delta, Table table, boolean withoutAsOf) {
    Map<LocalDate, List<String>> rows = new TreeMap<>();
    var gold = delta.read(table);
    for (Row r : (withoutAsOf ? gold.drop(GoldColumns.AS_OF) : gold).collectAsList()) {
      LocalDate date = r.<Date>getAs(ContactChainsSchema.CONTACT_DATE).toLocalDate();
      rows.computeIfAbsent(date, d -> new ArrayList<>()).add(r.json());
    }
    rows.values().forEach(list -> list.sort(null));
    return rows;
  }

  private static void assertSameDates(Map<LocalDate, List<String>> expected, Map<LocalDate, List<String>> actual,
      String what) {
    Map<LocalDate, List<String>> nonEmpty = new TreeMap<>(expected);
    nonEmpty.values().removeIf(List::isEmpty);
    assertEquals(nonEmpty.keySet(), actual.keySet(), what + ": the contact dates");
    for (LocalDate date : nonEmpty.keySet()) {
      assertEquals(nonEmpty.get(date), actual.get(date), what + ": contact date " + date);
    }
  }

  private static void copyLayer(Warehouse from, Warehouse to, Layer layer) {
    for (Table table : Table.values()) {
      Path source = Path.of(from.path(table));
      if (table.layer() == layer && Files.isDirectory(source)) {
        try (Stream<Path> files = Files.walk(source)) {
          for (Path f : files.toList()) {
            Path target = Path.of(to.path(table)).resolve(source.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(target);
            } else {
              Files.copy(f, target);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
