package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.servicemetrics.chains.BusinessWaitTransforms;
import io.servicemetrics.chains.ContactChainTransforms;
import io.servicemetrics.chains.ContactChainTransforms.ChainLegs;
import io.servicemetrics.config.MetricsConfig;
import io.servicemetrics.io.DateFiles;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.schema.QuarantineSchema;
import io.servicemetrics.schema.SurveysSchema;
import io.servicemetrics.spark.LineageCut;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silver contacts, surveys and customer_handles to gold contact_chains for the restated contact
 * dates (legs to chains, each chain's latest survey, repeat flags, business-hours wait), and the
 * legs no chain can take to quarantine_contact_chains. Keeps the written chains cached for the
 * daily stage, and what it read and rejected for the job's result.
 */
final class ContactChainsStage extends MetricsStage {
  private static final Logger LOG = LoggerFactory.getLogger(ContactChainsStage.class);
  /** The key of {@link #countByVerdict} for legs in a chain (a reject reason is never empty). */
  private static final String CHAINED = "";

  private final DeltaIo delta;
  private final MetricsConfig config;
  private final RestatementWindow window;
  private final LineageCut lineageCut;
  private Dataset<Row> chains;
  private long legsRead;
  private Map<String, Long> rejected = Map.of();
  private long chainCount;

  ContactChainsStage(DeltaIo delta, MetricsConfig config, RestatementWindow window, LineageCut lineageCut) {
    super(MetricsJob.STAGE_CHAINS, Table.GOLD_CONTACT_CHAINS.viewName(),
        "Contact chains: legs to chains, surveys, repeat flags");
    this.delta = delta;
    this.config = config;
    this.window = window;
    this.lineageCut = lineageCut;
  }

  @Override
  Counts run(StageRunner runner) {
    Instant asOf = window.asOf();
    Dataset<Row> legs = runner.persist(ContactChainTransforms.withCustomerKey(readLegs(asOf), readHandles()));
    ChainLegs split = new ChainLegs(runner.persist(
        ContactChainTransforms.assignChains(legs, lineageCut::apply, d -> !d.isEmpty()).assigned()));
    Dataset<Row> chained = split.chained();
    // Every leg read has one verdict, so one count by verdict gives both the legs read and the
    // rejections by reason (and fills the assignment's cache).
    Map<String, Long> verdicts = countByVerdict(split.assigned());
    legsRead = verdicts.values().stream().mapToLong(Long::longValue).sum();
    rejected = new TreeMap<>(verdicts);
    rejected.remove(CHAINED);
    // The assignment is cached now and holds every leg column: the legs' own cache is a second
    // copy of the same rows (1.2 M in a nightly, 10 M in a year's backfill).
    legs.unpersist();
    // Rejected legs are pseudonymized silver rows, kept with their reason for the data stewards.
    long legsRejected = rejected.values().stream().mapToLong(Long::longValue).sum();
    // Most nights reject no leg and the slice holds none from earlier runs: no commit then.
    delta.replaceDateRange(Table.QUARANTINE_CONTACT_CHAINS,
        split.rejected().withColumnRenamed(ContactChainTransforms.REJECT_REASON, QuarantineSchema.REASON_CODE),
        legsRejected, window.silverReadPredicate(), Provenance.EVENT_DATE,
        window.fromScratch() ? null : window.readStart(), window.fromScratch() ? null : window.readEnd());

    Dataset<Row> summary = ContactChainTransforms.summarizeChains(chained, config.timezone());
    if (!window.fromScratch()) {
      // Chains rooted before the window were read only so their legs are not mistaken for new
      // chains; they belong to slices this run does not replace.
      summary = summary.filter(col(ContactChainsSchema.CONTACT_DATE).geq(lit(Date.valueOf(window.firstDate()))));
    }
    Dataset<Row> withSurvey = ContactChainTransforms.withLatestSurvey(summary, chained, readSurveys(asOf));
    chains = runner.persist(GoldFrames.select(
        GoldFrames.stamp(BusinessWaitTransforms.withBusinessWait(ContactChainTransforms.withRepeatFlags(withSurvey, asOf),
            config.businessHours()), asOf), ContactChainsSchema.SCHEMA));
    // One file per contact_date, not one per shuffle task and date: a year's backfill otherwise
    // writes thousands of small files, and every night rewrites its window's share of them.
    delta.replaceSlice(Table.GOLD_CONTACT_CHAINS,
        DateFiles.onePerDate(chains, ContactChainsSchema.CONTACT_DATE, window.firstDate(), window.lastDate()),
        window.goldPredicate(), ContactChainsSchema.CONTACT_DATE);
    chainCount = delta.rowsWritten(Table.GOLD_CONTACT_CHAINS, chains);
    LOG.info("contact_chains: {} legs read, {} rejected {}, {} chains written", legsRead, legsRejected, rejected,
        chainCount);
    return new Counts(legsRead, legsRead - legsRejected, legsRejected, chainCount, reasons(rejected));
  }

  /** The chains written for the restated dates, cached; only after {@link #run}. */
  Dataset<Row> chains() {
    return chains;
  }

  long legsRead() {
    return legsRead;
  }

  /** Rejected legs per reason code. */
  Map<String, Long> rejected() {
    return rejected;
  }

  long chainCount() {
    return chainCount;
  }

  /** Legs initiated before as_of, from the silver event dates the window reads. */
  private Dataset<Row> readLegs(Instant asOf) {
    return delta.readLatest(Table.SILVER_CONTACTS).filter(window.silverRead())
        .filter(col(ContactsSchema.INITIATED_AT).lt(lit(Timestamp.from(asOf))));
  }

  /** Surveys responded before as_of; a nightly run needs none older than its legs. */
  private Dataset<Row> readSurveys(Instant asOf) {
    return delta.readLatestOrEmpty(Table.SILVER_SURVEYS, SurveysSchema.SILVER).filter(window.silverRead())
        .filter(col(SurveysSchema.RESPONDED_AT).lt(lit(Timestamp.from(asOf))));
  }

  /** The identity map is not dated: all of it, as it stands now. */
  private Dataset<Row> readHandles() {
    return delta.readLatestOrEmpty(Table.SILVER_CUSTOMER_HANDLES, CustomerHandlesSchema.SILVER);
  }

  /** Legs per verdict: {@link #CHAINED} or the reject reason. */
  private static Map<String, Long> countByVerdict(Dataset<Row> assignedLegs) {
    Map<String, Long> counts = new TreeMap<>();
    // At most one row per reason code and one for chained legs: bounded, safe to collect.
    for (Row r : assignedLegs.groupBy(ContactChainTransforms.REJECT_REASON).count().collectAsList()) {
      counts.put(r.isNullAt(0) ? CHAINED : r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private static String reasons(Map<String, Long> counts) {
    StringJoiner joiner = new StringJoiner(";");
    counts.forEach((reason, n) -> joiner.add(reason + "=" + n));
    return counts.isEmpty() ? null : joiner.toString();
  }
}
