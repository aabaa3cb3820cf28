package io.servicemetrics.chains;

import static io.servicemetrics.testing.SilverRows.leg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.testing.SharedSpark;
import io.servicemetrics.testing.SilverRows;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pointer jumping stops once no pointer moves, with the same chains as the full six rounds. */
@ExtendWith(SharedSpark.class)
class AssignChainsEarlyExitTest {
  @Test
  void shallowChainsStopAfterTheFirstRoundWithoutMovesAndMatchAllRounds(SparkSession spark) {
    // A1 <- A2 <- A3 <- A4 (3 hops), B1 <- B2, C1 alone. By hand: pointers start one hop up;
    // round 1 moves A3 (to A1) and A4 (to A2); round 2 moves A4 (to A1); round 3 moves nothing.
    Dataset<Row> legs = SilverRows.legs(spark,
        leg("A1").abandoned("2026-03-01T10:00:00Z", "2026-03-01T10:01:00Z"),
        leg("A2").previous("A1").abandoned("2026-03-01T10:01:00Z", "2026-03-01T10:02:00Z"),
        leg("A3").previous("A2").abandoned("2026-03-01T10:02:00Z", "2026-03-01T10:03:00Z"),
        leg("A4").previous("A3").abandoned("2026-03-01T10:03:00Z", "2026-03-01T10:04:00Z"),
        leg("B1").abandoned("2026-03-01T11:00:00Z", "2026-03-01T11:01:00Z"),
        leg("B2").previous("B1").abandoned("2026-03-01T11:01:00Z", "2026-03-01T11:02:00Z"),
        leg("C1").abandoned("2026-03-01T12:00:00Z", "2026-03-01T12:01:00Z"));
    AtomicInteger rounds = new AtomicInteger();
    Map<String, String> early = chainIds(ContactChainTransforms.assignChains(legs, Dataset::localCheckpoint, moved -> {
      rounds.incrementAndGet();
      return !moved.isEmpty();
    }).chained());
    assertEquals(3, rounds.get(), "rounds until one moves nothing");
    assertEquals(Map.of("A1", "A1", "A2", "A1", "A3", "A1", "A4", "A1", "B1", "B1", "B2", "B1", "C1", "C1"), early,
        "chain ids");
    assertEquals(chainIds(ContactChainTransforms.assignChains(legs, Dataset::localCheckpoint).chained()), early,
        "same as all six rounds");
  }

  private static Map<String, String> chainIds(Dataset<Row> chained) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : chained.collectAsList()) {
      out.put(r.getAs(ContactsSchema.CONTACT_ID), r.getAs(ContactChainsSchema.CHAIN_ID));
    }
    return out;
  }
}
