package io.servicemetrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.meta.RunLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarantineBreachesTest {
  private static final String OLD = "initiated_at 1999-02-01T07:02:47+02:00 is before --valid-from 2000-01-01;"
      + " pass --valid-from 1999-01-01 if your history is older";

  @Test
  void aBreachMostlyOfOneRuleNamesTheRuleItsFirstValueAndTheOption() {
    Map<Source, RunLog.IngestCounts> ingested = new LinkedHashMap<>();
    ingested.put(Source.CONTACTS, new RunLog.IngestCounts(33066, 0, 33066, 0, Map.of("out_of_range", 33066L),
        Map.of("out_of_range", OLD)));
    // 95 of 100 quarantined for one rule: still mostly one (>= 90 %)
    ingested.put(Source.SURVEYS, new RunLog.IngestCounts(100, 0, 100, 0,
        Map.of("out_of_range", 95L, "invalid_number", 5L), Map.of("out_of_range", "responded_at x", "invalid_number", "csat y")));
    // under the threshold: no breach
    ingested.put(Source.MENTIONS, new RunLog.IngestCounts(100, 96, 4, 0, Map.of("invalid_json", 4L), Map.of("invalid_json", "z")));

    assertEquals(List.of("33066 of 33066 contacts out_of_range: " + OLD,
            "95 of 100 surveys out_of_range: responded_at x (and 5 quarantined for other reasons)"),
        QuarantineBreaches.of(ingested, 0.05));
  }

  @Test
  void mixedReasonsAreCountedWithoutQuotingOne() {
    RunLog.IngestCounts mixed = new RunLog.IngestCounts(20, 10, 10, 0, Map.of("out_of_range", 8L, "invalid_number", 2L),
        Map.of("out_of_range", "a", "invalid_number", "b"));
    assertEquals(List.of("contacts: 10 of 20 records quarantined (50.0% > 5.0%; invalid_number=2;out_of_range=8)"),
        QuarantineBreaches.of(Map.of(Source.CONTACTS, mixed), 0.05));
  }
}
