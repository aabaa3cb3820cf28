package io.servicemetrics.ingest;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.meta.RunLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quarantine threshold every command that ingests applies ({@code ingest}, {@code nightly},
 * {@code backfill}): a source whose quarantined share of the records read exceeds
 * {@code --max-quarantine-share} is a data-quality breach, exit code 3 once everything is written.
 * A breach made mostly of one rule is told by that rule and its first record's detail, which
 * names the offending value and, where one exists, the option that changes the rule.
 */
public final class QuarantineBreaches {
  /**
   * "Mostly one rule": one reason code holds at least this share of a source's quarantined
   * records. Then one cause explains the breach and one fix (often an option such as
   * --valid-from) clears it; below it, the reasons are mixed and the user is sent to the table.
   */
  public static final double DOMINANT_REASON_SHARE = 0.9;

  private QuarantineBreaches() {}

  /** One line per source over the threshold, in the order given; empty when none is. */
  public static List<String> of(Map<Source, RunLog.IngestCounts> ingested, double maxQuarantineShare) {
    List<String> breaches = new ArrayList<>();
    ingested.forEach((source, c) -> {
      double share = c.read() == 0 ? 0 : (double) c.quarantined() / c.read();
      if (share > maxQuarantineShare) {
        breaches.add(describe(source.sourceName(), c, share, maxQuarantineShare));
      }
    });
    return breaches;
  }

  /**
   * "33066 of 33066 contacts out_of_range: initiated_at 1999-02-01T07:02:47+02:00 is before
   * --valid-from 2000-01-01; pass --valid-from 1999-01-01 if your history is older" when one
   * reason dominates, else the counts and shares.
   */
  static String describe(String source, RunLog.IngestCounts c, double share, double maxQuarantineShare) {
    Map.Entry<String, Long> top = c.quarantineReasons().entrySet().stream()
        .max(Map.Entry.comparingByValue()).orElse(null);
    String detail = top == null ? null : c.firstDetails().get(top.getKey());
    if (top != null && detail != null && top.getValue() >= DOMINANT_REASON_SHARE * c.quarantined()) {
      long others = c.quarantined() - top.getValue();
      return top.getValue() + " of " + c.read() + " " + source + " " + top.getKey() + ": " + detail
          + (others == 0 ? "" : " (and " + others + " quarantined for other reasons)");
    }
    return String.format(Locale.ROOT, "%s: %d of %d records quarantined (%.1f%% > %.1f%%; %s)", source,
        c.quarantined(), c.read(), 100 * share, 100 * maxQuarantineShare, c.reasonsText());
  }

  /** Fails a run whose data breached the threshold; called once its outputs are written. */
  public static void failOnAny(List<String> breaches) {
    if (!breaches.isEmpty()) {
      throw Errors.dataQualityBreached(
          "Quarantine threshold breached: " + String.join("; ", breaches),
          "Inspect quarantine_<source> (SELECT reason_code, reason_detail, count(*) ...) and fix the export, or raise"
              + " --max-quarantine-share; every output of the run was written");
    }
  }
}
