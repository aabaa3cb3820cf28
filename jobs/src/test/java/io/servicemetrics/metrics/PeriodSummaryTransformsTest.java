package io.servicemetrics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.GoldColumns;
import io.servicemetrics.schema.PeriodSummarySchema;
import io.servicemetrics.schema.RepeatDriversSchema;
import io.servicemetrics.testing.SharedSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Literal chains -> period_summary and repeat_drivers (period 2024-03-04 .. 2024-03-31, previous from 2024-02-05). */
@ExtendWith(SharedSpark.class)
class PeriodSummaryTransformsTest {
  /** A chain with the given contact_date, queue, issue_category, repeat_7d and nps; other columns NULL or defaults. */
  private static Row chain(String id, String date, String queue, String category, Boolean repeat7d, Integer nps) {
    Object[] cells = new Object[ContactChainsSchema.SCHEMA.size()];
    Timestamp t = Timestamp.valueOf(date + " 10:00:00");
    set(cells, ContactChainsSchema.CHAIN_ID, id);
    set(cells, ContactChainsSchema.CHANNEL, "phone");
    set(cells, ContactChainsSchema.STARTED_AT, t);
    set(cells, ContactChainsSchema.ENDED_AT, t);
    set(cells, ContactChainsSchema.CONTACT_DATE, Date.valueOf(date));
    set(cells, ContactChainsSchema.LEGS, 1);
    set(cells, ContactChainsSchema.TRANSFERS, 0);
    set(cells, ContactChainsSchema.ANSWERED, true);
    set(cells, ContactChainsSchema.ABANDONED, false);
    set(cells, ContactChainsSchema.ESCALATED, false);
    set(cells, ContactChainsSchema.QUEUE, queue);
    set(cells, ContactChainsSchema.ISSUE_CATEGORY, category);
    set(cells, ContactChainsSchema.REPEAT_7D, repeat7d);
    set(cells, ContactChainsSchema.NPS, nps);
    set(cells, GoldColumns.AS_OF, Timestamp.valueOf("2024-04-01 00:00:00"));
    set(cells, GoldColumns.DEFINITIONS_VERSION, "1");
    return RowFactory.create(cells);
  }

  private static void set(Object[] cells, String column, Object value) {
    cells[ContactChainsSchema.SCHEMA.fieldIndex(column)] = value;
  }

  private static Dataset<Row> chains(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), ContactChainsSchema.SCHEMA);
  }

  @Test
  void countsNpsBandsOfThePeriodAndThePreviousPeriodFromTheSameThresholdsAsTheDailyTable(SparkSession spark) {
    Dataset<Row> chains = chains(spark,
        chain("p1", "2024-03-04", "billing", null, null, 10), // first day: promoter
        chain("p2", "2024-03-31", "billing", null, null, 9), // last day: promoter (9 is the band's edge)
        chain("n1", "2024-03-10", "billing", null, null, 8), // passive
        chain("n2", "2024-03-10", "billing", null, null, 7), // passive (7 is the band's edge)
        chain("d1", "2024-03-11", "billing", null, null, 6), // detractor (6 is the band's edge)
        chain("x1", "2024-03-11", "billing", null, null, null), // no answer: not a response
        chain("q1", "2024-03-03", "billing", null, null, 0), // previous period's last day: detractor
        chain("q2", "2024-02-05", "billing", null, null, 10), // previous period's first day: promoter
        chain("o1", "2024-02-04", "billing", null, null, 10), // before both periods
        chain("o2", "2024-04-01", "billing", null, null, 10)); // after the period

    List<Row> rows = PeriodSummaryTransforms.periodSummary(chains, Fixtures.WINDOW, Fixtures.STAMP).collectAsList();

    assertEquals(1, rows.size(), "one row per period_end");
    Row r = rows.get(0);
    assertEquals(List.of(PeriodSummarySchema.SCHEMA.fieldNames()), List.of(r.schema().fieldNames()), "gold columns");
    assertEquals(Date.valueOf("2024-03-31"), r.getAs(PeriodSummarySchema.PERIOD_END));
    assertEquals(Date.valueOf("2024-03-04"), r.getAs(PeriodSummarySchema.PERIOD_START));
    assertEquals(Date.valueOf("2024-02-05"), r.getAs(PeriodSummarySchema.PREVIOUS_PERIOD_START));
    assertEquals(List.of(2L, 2L, 1L, 5L), List.of(r.<Long>getAs(PeriodSummarySchema.NPS_PROMOTERS),
        r.<Long>getAs(PeriodSummarySchema.NPS_PASSIVES), r.<Long>getAs(PeriodSummarySchema.NPS_DETRACTORS),
        r.<Long>getAs(PeriodSummarySchema.NPS_RESPONSES)), "p1 p2 / n1 n2 / d1 of 5 answers; x1 did not answer");
    assertEquals(List.of(1L, 0L, 1L, 2L), List.of(r.<Long>getAs(PeriodSummarySchema.PREVIOUS_NPS_PROMOTERS),
        r.<Long>getAs(PeriodSummarySchema.PREVIOUS_NPS_PASSIVES), r.<Long>getAs(PeriodSummarySchema.PREVIOUS_NPS_DETRACTORS),
        r.<Long>getAs(PeriodSummarySchema.PREVIOUS_NPS_RESPONSES)), "q2 / - / q1 of 2");
    assertEquals(Fixtures.STAMP.asOfValue(), r.getAs(GoldColumns.AS_OF), "as_of: the start of 2024-04-01 UTC");
  }

  @Test
  void aPeriodWithoutAnswersHasZeroCounts(SparkSession spark) {
    Row r = PeriodSummaryTransforms.periodSummary(chains(spark, chain("x", "2024-03-10", "billing", null, null, null)),
        Fixtures.WINDOW, Fixtures.STAMP).first();
    assertEquals(List.of(0L, 0L, 0L, 0L), List.of(r.<Long>getAs(PeriodSummarySchema.NPS_PROMOTERS),
        r.<Long>getAs(PeriodSummarySchema.NPS_PASSIVES), r.<Long>getAs(PeriodSummarySchema.NPS_DETRACTORS),
        r.<Long>getAs(PeriodSummarySchema.PREVIOUS_NPS_RESPONSES)));
  }

  @Test
  void ranksRepeatDriversPerQueueAndCategoryMostRepeatsFirstTiesByName(SparkSession spark) {
    Dataset<Row> chains = chains(spark,
        chain("a", "2024-03-10", "orders", "login", true, null),
        chain("b", "2024-03-10", "orders", null, true, null),
        chain("c", "2024-03-11", "orders", null, null, null), // not eligible (window open)
        chain("d", "2024-03-12", "billing", "refund", true, null),
        chain("e", "2024-03-12", "billing", "refund", false, null),
        chain("f", "2024-03-03", "billing", "refund", true, null)); // previous period: not counted

    List<String> rows = PeriodSummaryTransforms.repeatDrivers(chains, Fixtures.WINDOW, Fixtures.STAMP)
        .collectAsList().stream()
        .map(r -> r.getAs(RepeatDriversSchema.DIMENSION) + " " + r.getAs(RepeatDriversSchema.RANK) + " "
            + r.getAs(RepeatDriversSchema.NAME) + " " + r.getAs(RepeatDriversSchema.CHAINS) + "/"
            + r.getAs(RepeatDriversSchema.REPEAT_7D_ELIGIBLE) + "/" + r.getAs(RepeatDriversSchema.REPEAT_7D_COUNT)
            + " " + r.getAs(RepeatDriversSchema.PERIOD_END))
        .sorted().toList();

    assertEquals(List.of(
        "issue_category 1 (none) 2/1/1 2024-03-31", // "(" sorts before letters: ties by name
        "issue_category 2 login 1/1/1 2024-03-31",
        "issue_category 3 refund 2/2/1 2024-03-31",
        "queue 1 orders 3/2/2 2024-03-31",
        "queue 2 billing 2/2/1 2024-03-31"), rows, "dimension rank name chains/eligible/repeats");
  }
}
