package io.servicemetrics.chains;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.testing.SharedSpark;
import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6 "Skew": one customer_key with 100,000 chains (a bot, a switchboard number) must not stall
 * the repeat computation. withRepeatFlags sorts the key's start and end events in one task and
 * takes a running minimum (linear after the sort), so 200,000 events of one key take seconds.
 */
@ExtendWith(SharedSpark.class)
class RepeatFlagsSkewTest {
  private static final int CHAINS = 100_000;
  private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

  @Test
  void oneKeyWithAHundredThousandChainsIsFlaggedInSeconds(SparkSession spark) {
    // Chain i of key "switchboard" starts at BASE + 600 i s and lasts 60 s; a second key "solo"
    // has one chain. By hand: every switchboard chain but the last is followed 540 s after its end
    // (repeat_1d true), the last has no follower (false); solo's only chain is false.
    Dataset<Row> chains = spark.range(CHAINS + 1).select(
        when(col("id").equalTo(CHAINS), lit("solo")).otherwise(lit("switchboard")).as(ContactChainsSchema.CUSTOMER_KEY),
        col("id").cast("string").as(ContactChainsSchema.CHAIN_ID),
        timestamp_seconds(lit(BASE).plus(col("id").multiply(600))).as(ContactChainsSchema.STARTED_AT),
        timestamp_seconds(lit(BASE + 60).plus(col("id").multiply(600))).as(ContactChainsSchema.ENDED_AT),
        lit(false).as(ContactChainsSchema.ABANDONED),
        lit(true).as(ContactChainsSchema.RESOLVED));
    Instant asOf = Instant.ofEpochSecond(BASE + 600L * CHAINS + 31L * 86_400);

    Row totals = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> ContactChainTransforms.withRepeatFlags(chains, asOf)
        .agg(count(lit(1)), sum(when(col(ContactChainsSchema.REPEAT_1D), 1).otherwise(0)),
            sum(when(col(ContactChainsSchema.REPEAT_30D), 1).otherwise(0)),
            sum(when(col(ContactChainsSchema.FCR_7D), 1).otherwise(0)))
        .first(), "100,000 chains of one key must be flagged in well under two minutes on a busy 2-core machine");
    assertEquals(CHAINS + 1L, totals.getLong(0), "one row per chain");
    assertEquals(CHAINS - 1L, totals.getLong(1), "every switchboard chain but the last is a 1-day repeat");
    assertEquals(CHAINS - 1L, totals.getLong(2), "and a 30-day repeat");
    assertEquals(2L, totals.getLong(3), "fcr_7d only for the two chains nobody followed");
  }
}
