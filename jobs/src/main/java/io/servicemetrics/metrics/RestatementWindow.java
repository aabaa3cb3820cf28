package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.servicemetrics.chains.ContactChainTransforms;
import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.Provenance;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;

/**
 * The slices one metrics run reads and replaces, in one place: the gold contact dates it restates
 * ([D − (restatementDays − 1), D], or every date from scratch) and the silver event dates it reads
 * for them. Each slice is given both as a Spark filter and as the replaceWhere predicate Delta takes
 * (a string), built from the same dates.
 */
final class RestatementWindow {
  private final MetricsConfig config;

  RestatementWindow(MetricsConfig config) {
    this.config = config;
  }

  boolean fromScratch() {
    return config.fromScratch();
  }

  /** The first contact date restated (a nightly); meaningless from scratch. */
  LocalDate firstDate() {
    return config.windowStart();
  }

  /** The run date D, the last contact date restated. */
  LocalDate lastDate() {
    return config.date();
  }

  Instant asOf() {
    return config.asOf();
  }

  /**
   * First silver event_date (UTC) a nightly run reads: every leg of a chain rooted in the window
   * initiated after its root, and every leg that could link a window leg to an earlier root
   * initiated at most {@link ContactChainTransforms#MAX_LINK_GAP} before it.
   */
  LocalDate readStart() {
    Instant windowStart = config.windowStart().atStartOfDay(config.timezone()).toInstant();
    return utcDate(windowStart.minus(ContactChainTransforms.MAX_LINK_GAP));
  }

  /** Last silver event_date (UTC) a run reads: that of as_of. */
  LocalDate readEnd() {
    return utcDate(config.asOf());
  }

  /** The silver event dates a nightly reads (every row from scratch), as a filter. */
  Column silverRead() {
    return fromScratch() ? lit(true)
        : col(Provenance.EVENT_DATE).geq(lit(Date.valueOf(readStart())))
            .and(col(Provenance.EVENT_DATE).leq(lit(Date.valueOf(readEnd()))));
  }

  /** {@link #silverRead()} as a Delta replaceWhere predicate. */
  String silverReadPredicate() {
    return fromScratch() ? "true"
        : Provenance.EVENT_DATE + " >= '" + readStart() + "' AND " + Provenance.EVENT_DATE + " <= '" + readEnd() + "'";
  }

  /** The gold contact dates this run replaces, as a Delta replaceWhere predicate on contact_date. */
  String goldPredicate() {
    return fromScratch() ? "true"
        : ContactChainsSchema.CONTACT_DATE + " >= '" + firstDate() + "' AND "
            + ContactChainsSchema.CONTACT_DATE + " <= '" + lastDate() + "'";
  }

  private static LocalDate utcDate(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
