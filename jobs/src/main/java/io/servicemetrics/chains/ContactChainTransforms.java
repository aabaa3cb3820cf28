package io.servicemetrics.chains;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.SurveysSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Contact legs to contact chains (gold contact_chains, docs/METRICS.md "Contact chains"): customer
 * key resolution, chain membership by bounded pointer jumping, per-chain summary, the chain's latest
 * survey, and the repeat / FCR flags. Pure {@code Dataset -> Dataset} functions: no IO, no actions.
 *
 * <p>Every timestamp arithmetic goes through {@code unix_micros}, so results do not depend on the
 * Spark session time zone; the business zone is an explicit parameter.
 */
public final class ContactChainTransforms {
  /** Longest chain accepted, in legs; deeper chains are rejected whole with {@link #REASON_TOO_DEEP}. */
  public static final int MAX_CHAIN_LEGS = 64;
  /** Pointer-jumping rounds: after r rounds a leg points 2^r hops up, so 2^6 = 64 hops covers 64 legs. */
  static final int JUMP_ROUNDS = 6;
  /**
   * A leg continues the chain of its previous leg only when that leg initiated at most this long
   * before it (and not after it); otherwise it starts a chain of its own. The bound makes chain
   * membership local in time, which is what lets a nightly run read a bounded slice of silver.
   */
  public static final Duration MAX_LINK_GAP = Duration.ofDays(7);

  public static final String REASON_CYCLE = "chain_cycle";
  public static final String REASON_TOO_DEEP = "chain_too_deep";
  /** The leg outcome that resolves a chain. */
  public static final String OUTCOME_RESOLVED = "resolved";
  /** {@code fcr_basis}: fcr_7d rests on the agent-reported outcome of the chain's last leg. */
  public static final String FCR_BASIS_DISPOSITION = "disposition";
  /**
   * {@code fcr_basis}: no outcome was reported, so fcr_7d is the repeat-based definition (answered
   * and no repeat within 7 days), the one FCR measurements use when there is no disposition.
   */
  public static final String FCR_BASIS_NO_REPEAT = "no_repeat";
  /**
   * Working column of {@link #summarizeChains} (never written: gold keeps only its schema's columns):
   * when the chain's first queued leg entered the agent queue, NULL unless {@code queued} is true.
   * {@link BusinessWaitTransforms} starts a queued chain's business wait there, then drops it.
   */
  public static final String QUEUE_ENTERED_AT = "_queue_entered_at";
  /** Column of {@link ChainLegs#rejected()}: why the leg is not in any chain. */
  public static final String REJECT_REASON = "reason";

  /** Repeat windows in days, as (column, days). A day is 24 hours of UTC time. */
  public static final List<RepeatWindow> REPEAT_WINDOWS = List.of(
      new RepeatWindow(ContactChainsSchema.REPEAT_1D, 1),
      new RepeatWindow(ContactChainsSchema.REPEAT_7D, 7),
      new RepeatWindow(ContactChainsSchema.REPEAT_30D, 30));

  /** A repeat flag column and its window length. */
  public record RepeatWindow(String column, int days) {}

  /**
   * Every leg with its verdict: {@code chain_id} for a leg in a chain, {@link #REJECT_REASON} for a
   * rejected one (exactly one of the two is null). A caller that uses both halves persists
   * {@link #assigned()} once instead of computing the assignment twice.
   */
  public record ChainLegs(Dataset<Row> assigned) {
    /** Legs that belong to a chain: the leg columns plus {@code chain_id}. */
    public Dataset<Row> chained() {
      return assigned.filter(col(REJECT_REASON).isNull()).drop(REJECT_REASON);
    }

    /** Legs in no chain: the leg columns plus {@link #REJECT_REASON}. */
    public Dataset<Row> rejected() {
      return assigned.filter(col(REJECT_REASON).isNotNull()).drop(ContactChainsSchema.CHAIN_ID);
    }
  }

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

  // Working columns; never written.
  private static final String PHONE = "_phone";
  private static final String PHONE_OWNER = "_phone_owner";
  private static final String ID = "_id";
  private static final String PARENT = "_parent";
  private static final String PARENT_ID = "_parent_id";
  private static final String PARENT_INITIATED = "_parent_initiated";
  private static final String PTR = "_ptr";
  private static final String HOPS = "_hops";
  private static final String MOVED = "_moved";
  private static final String B_ID = "_b_id";
  private static final String B_PTR = "_b_ptr";
  private static final String B_HOPS = "_b_hops";
  private static final String RESOLVED = "_resolved";
  private static final String TAINTED_ROOT = "_tainted_root";
  private static final String ROOT = "_root";
  private static final String LAST = "_last";
  private static final String LAST_ANSWERED = "answered";
  private static final String LAST_OUTCOME = "outcome";
  private static final String FIRST_ANSWERED = "_first_answered";
  private static final String CHAIN_ENDED = "_chain_ended";
  private static final String CHAIN_ESCALATED = "_chain_escalated";
  private static final String QUEUE_KNOWN = "_queue_known";
  private static final String ANY_QUEUED = "_any_queued";
  private static final String QUEUE_WAIT = "_queue_wait";
  private static final String FIRST_QUEUED_AT = "_first_queued_at";
  private static final String LEG_ID = "_leg_id";
  private static final String LEG_CHAIN = "_leg_chain";
  private static final String LEG_INITIATED = "_leg_initiated";
  private static final String LATEST = "_latest";
  private static final String S_CHAIN = "_s_chain";
  private static final String T = "_t";
  private static final String KIND = "_kind";
  private static final String START = "_start";
  private static final String NEXT_START = "_next_start";
  private static final int KIND_START = 0;
  private static final int KIND_END = 1;

  private ContactChainTransforms() {}

  /**
   * Adds {@code customer_key} to silver legs: {@code coalesce(customer_id_pseudonym, owner of the
   * phone in customer_handles, customer_phone_pseudonym)}, null when all three are null (anonymous).
   * A phone listed for several customers belongs to the smallest customer_key, so the result does
   * not depend on row order.
   *
   * @param legs silver contacts ({@link ContactsSchema#SILVER})
   * @param handles silver customer_handles ({@link CustomerHandlesSchema#SILVER})
   */
  public static Dataset<Row> withCustomerKey(Dataset<Row> legs, Dataset<Row> handles) {
    Dataset<Row> phoneOwners = handles
        .filter(col(CustomerHandlesSchema.PLATFORM).equalTo(lit(CustomerHandlesSchema.PLATFORM_PHONE)))
        .groupBy(col(CustomerHandlesSchema.HANDLE_PSEUDONYM).as(PHONE))
        .agg(min(col(CustomerHandlesSchema.CUSTOMER_KEY)).as(PHONE_OWNER));
    // Only a leg without a customer id but with a phone needs the identity map; the others (most
    // legs) keep their rows where they are instead of being shuffled for the join.
    Column needsOwner = col(ContactsSchema.CUSTOMER_ID_PSEUDONYM).isNull()
        .and(col(ContactsSchema.CUSTOMER_PHONE_PSEUDONYM).isNotNull());
    Dataset<Row> direct = legs.filter(not(needsOwner))
        .withColumn(ContactChainsSchema.CUSTOMER_KEY, col(ContactsSchema.CUSTOMER_ID_PSEUDONYM));
    Dataset<Row> viaPhone = legs.filter(needsOwner)
        .join(phoneOwners, col(ContactsSchema.CUSTOMER_PHONE_PSEUDONYM).equalTo(col(PHONE)), "left")
        .withColumn(ContactChainsSchema.CUSTOMER_KEY,
            coalesce(col(PHONE_OWNER), col(ContactsSchema.CUSTOMER_PHONE_PSEUDONYM)))
        .drop(PHONE, PHONE_OWNER);
    return direct.unionByName(viaPhone);
  }

  /**
   * Assigns every leg the contact_id of its chain's root ({@code chain_id}) by pointer jumping:
   * each of {@link #JUMP_ROUNDS} joins doubles the hop length, so the work is bounded whatever the
   * data. A leg links to its previous leg only when that leg is present in {@code legs} and initiated
   * within {@link #MAX_LINK_GAP} before it; otherwise the leg is a root. Legs of a chain longer than
   * {@link #MAX_CHAIN_LEGS} are rejected with {@link #REASON_TOO_DEEP}; legs that reach no root
   * (a previous_contact_id cycle, or a chain so deep its root is more than 2 x 64 hops away) with
   * {@link #REASON_CYCLE}.
   *
   * <p>Each round joins the pointer table with itself, so without a lineage cut the logical plan
   * doubles every round and Spark's analyzer alone takes minutes. {@code materialize} is that cut,
   * applied to the parent table and to each round's pointer table (three small columns per leg):
   * the job passes a {@code spark.LineageCut} (local checkpoints on a local master, checkpoint files
   * on a cluster). It is the only place this function can act.
   *
   * @param legs legs with unique contact_id (silver keeps one row per contact_id)
   * @param materialize cuts the lineage of an intermediate table, e.g. {@code Dataset::localCheckpoint}
   * @return every leg with its chain_id or reject reason ({@link ChainLegs})
   */
  public static ChainLegs assignChains(Dataset<Row> legs, UnaryOperator<Dataset<Row>> materialize) {
    return assignChains(legs, materialize, pending -> true);
  }

  /**
   * {@link #assignChains(Dataset, UnaryOperator)} that stops jumping once no pointer can move: after
   * each round, {@code anyLeft} is asked whether a leg still points at a non-root (the job passes
   * {@code d -> !d.isEmpty()}, one small action on the materialized round). Once every leg points
   * at its root, further rounds are the identity, so the result is the same; contact-center
   * chains are a few legs deep, so two or three rounds replace six self-joins. A cycle never
   * reaches a root and keeps all rounds, as before.
   *
   * @param anyLeft true when the given legs (those whose pointer moved in the last round) are not empty
   */
  public static ChainLegs assignChains(Dataset<Row> legs, UnaryOperator<Dataset<Row>> materialize,
      java.util.function.Predicate<Dataset<Row>> anyLeft) {
    // Only legs with a previous leg take part in the jumping: most legs start a chain, and a root
    // is exactly a leg absent from the pointer table. This keeps every join below to the linked
    // legs (about one in eight) and their narrow columns, instead of every leg.
    Dataset<Row> linkedNodes = legs.filter(col(ContactsSchema.PREVIOUS_CONTACT_ID).isNotNull()).select(
        col(ContactsSchema.CONTACT_ID).as(ID),
        col(ContactsSchema.PREVIOUS_CONTACT_ID),
        col(ContactsSchema.INITIATED_AT));
    Dataset<Row> candidates = legs.select(
        col(ContactsSchema.CONTACT_ID).as(PARENT_ID), col(ContactsSchema.INITIATED_AT).as(PARENT_INITIATED));
    Column initiated = unix_micros(col(ContactsSchema.INITIATED_AT));
    Column parentInitiated = unix_micros(col(PARENT_INITIATED));
    Column link = col(ContactsSchema.PREVIOUS_CONTACT_ID).equalTo(col(PARENT_ID))
        .and(parentInitiated.leq(initiated))
        .and(parentInitiated.geq(initiated.minus(lit(MAX_LINK_GAP.toSeconds() * MICROS_PER_SECOND))));
    // Legs whose previous leg is present and within the gap, with that parent; contact_id is unique.
    Dataset<Row> parents = materialize.apply(
        linkedNodes.join(candidates, link).select(col(ID), col(PARENT_ID).as(PARENT)));

    // Invariant: PTR is the ancestor HOPS hops up. A pointer whose target is not in the table
    // points at a root and stays; a root itself is not in the table (it would point at itself
    // with 0 hops).
    Dataset<Row> state = parents.select(col(ID), col(PARENT).as(PTR), lit(1).as(HOPS));
    for (int round = 0; round < JUMP_ROUNDS; round++) {
      Dataset<Row> up = state.select(col(ID).as(B_ID), col(PTR).as(B_PTR), col(HOPS).as(B_HOPS));
      // MOVED: the pointer's target was not a root, so this round changed the pointer.
      state = materialize.apply(state.join(up, col(PTR).equalTo(col(B_ID)), "left").select(
          col(ID),
          coalesce(col(B_PTR), col(PTR)).as(PTR),
          col(HOPS).plus(coalesce(col(B_HOPS), lit(0))).as(HOPS),
          col(B_ID).isNotNull().as(MOVED)));
      boolean more = anyLeft.test(state.filter(col(MOVED)));
      state = state.drop(MOVED);
      if (!more) {
        break;
      }
    }
    // After the rounds PTR is 2^JUMP_ROUNDS hops up or the root, whichever is nearer; it is the
    // root exactly when it has no parent.
    Dataset<Row> rootCheck = parents.select(col(ID).as(B_ID));
    Dataset<Row> jumped = state.join(rootCheck, col(PTR).equalTo(col(B_ID)), "left")
        .select(col(ID), col(PTR), col(HOPS), col(B_ID).isNull().as(RESOLVED));

    // A chain with a leg MAX_CHAIN_LEGS hops below its root is too deep: every chain that long has a
    // leg at exactly that depth, and that leg knows its root, so the whole chain is found. Few
    // roots are ever tainted, so they are broadcast to the root legs instead of shuffling them.
    Dataset<Row> taintedRoots = jumped
        .filter(col(RESOLVED).and(col(HOPS).geq(lit(MAX_CHAIN_LEGS))))
        .select(col(PTR).as(TAINTED_ROOT))
        .distinct();
    Dataset<Row> resolved = jumped.filter(col(RESOLVED))
        .join(taintedRoots, col(PTR).equalTo(col(TAINTED_ROOT)), "left")
        .select(col(ID), col(PTR).as(ContactChainsSchema.CHAIN_ID),
            when(col(TAINTED_ROOT).isNotNull(), lit(REASON_TOO_DEEP)).as(REJECT_REASON));
    // An unresolved leg whose far ancestor resolved lies in a too-deep chain; otherwise no root was
    // reachable within the bound, which a cycle guarantees.
    Dataset<Row> farAncestor = jumped.select(col(ID).as(B_ID), col(RESOLVED).as(ROOT));
    Dataset<Row> unresolved = jumped.filter(col(RESOLVED).unary_$bang())
        .join(farAncestor, col(PTR).equalTo(col(B_ID)))
        .select(col(ID), lit(null).cast(DataTypes.StringType).as(ContactChainsSchema.CHAIN_ID),
            when(col(ROOT), lit(REASON_TOO_DEEP)).otherwise(lit(REASON_CYCLE)).as(REJECT_REASON));
    Dataset<Row> linkedVerdicts = resolved.unionByName(unresolved);

    // Every leg absent from the pointer table is a root: its chain is itself, unless tainted.
    Dataset<Row> withPrevious = legs.filter(col(ContactsSchema.PREVIOUS_CONTACT_ID).isNotNull())
        .join(linkedVerdicts, col(ContactsSchema.CONTACT_ID).equalTo(col(ID)), "left");
    Dataset<Row> withoutPrevious = legs.filter(col(ContactsSchema.PREVIOUS_CONTACT_ID).isNull())
        .withColumn(ID, lit(null).cast(DataTypes.StringType))
        .withColumn(ContactChainsSchema.CHAIN_ID, lit(null).cast(DataTypes.StringType))
        .withColumn(REJECT_REASON, lit(null).cast(DataTypes.StringType));
    Dataset<Row> assigned = withPrevious.unionByName(withoutPrevious)
        .join(broadcast(taintedRoots), col(ContactsSchema.CONTACT_ID).equalTo(col(TAINTED_ROOT)), "left")
        .withColumn(ContactChainsSchema.CHAIN_ID,
            when(col(ID).isNull(), col(ContactsSchema.CONTACT_ID)).otherwise(col(ContactChainsSchema.CHAIN_ID)))
        .withColumn(REJECT_REASON, when(col(TAINTED_ROOT).isNotNull(), lit(REASON_TOO_DEEP))
            .otherwise(col(REJECT_REASON)))
        .withColumn(ContactChainsSchema.CHAIN_ID,
            when(col(REJECT_REASON).isNull(), col(ContactChainsSchema.CHAIN_ID)));

    List<Column> columns = new ArrayList<>();
    for (String name : legs.columns()) {
      columns.add(col(name));
    }
    columns.add(col(ContactChainsSchema.CHAIN_ID));
    columns.add(col(REJECT_REASON));
    return new ChainLegs(assigned.select(columns.toArray(Column[]::new)));
  }

  /**
   * One row per chain from chained legs (with {@code customer_key} and {@code chain_id}): the chain
   * columns of {@link ContactChainsSchema} up to {@code resolved}, without repeat flags and survey.
   * Attributes come from the root leg, the agent from the first answered leg (by initiated_at, then
   * contact_id), {@code resolved} from the last leg (same order; see {@link #chainResolved}); durations are sums over answered
   * legs in seconds (null when no leg was answered). {@code queued} and {@code queue_wait_seconds}
   * are appended: NULL unless every leg delivered queued_at (docs/METRICS.md "Queue time"); last comes
   * the working column {@link #QUEUE_ENTERED_AT}, which the gold schema does not carry.
   *
   * @param zone business time zone that decides {@code contact_date}
   */
  public static Dataset<Row> summarizeChains(Dataset<Row> chainedLegs, ZoneId zone) {
    Column answered = col(ContactsSchema.ANSWERED_AT).isNotNull();
    Column isRoot = col(ContactsSchema.CONTACT_ID).equalTo(col(ContactChainsSchema.CHAIN_ID));
    Column waitSeconds = seconds(col(ContactsSchema.ANSWERED_AT)).minus(seconds(col(ContactsSchema.INITIATED_AT)));
    Column handleSeconds = seconds(col(ContactsSchema.ENDED_AT)).minus(seconds(col(ContactsSchema.ANSWERED_AT)))
        // After-call work not delivered (NULL) adds nothing rather than erasing the talk time.
        .plus(coalesce(col(ContactsSchema.ACW_SECONDS).cast(DataTypes.DoubleType), lit(0.0)));
    // Time in the agent queue, after any IVR: until an agent answered, or until the leg ended.
    Column queueWaitSeconds = seconds(coalesce(col(ContactsSchema.ANSWERED_AT), col(ContactsSchema.ENDED_AT)))
        .minus(seconds(col(ContactsSchema.QUEUED_AT)));
    // One window over each chain's legs in leg order, then the root leg's row: a shuffle and one
    // sort. A groupBy would need a sort-based aggregate (its buffers hold strings), which sorts
    // the wide leg rows twice, before and after the shuffle.
    WindowSpec wholeChain = Window.partitionBy(col(ContactChainsSchema.CHAIN_ID))
        .orderBy(col(ContactsSchema.INITIATED_AT), col(ContactsSchema.CONTACT_ID))
        .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Dataset<Row> rootRows = chainedLegs.select(
        col(ContactChainsSchema.CHAIN_ID),
        col(ContactsSchema.CONTACT_ID),
        col(ContactChainsSchema.CUSTOMER_KEY),
        col(ContactsSchema.CHANNEL),
        col(ContactsSchema.QUEUE),
        col(ContactsSchema.ISSUE_CATEGORY),
        col(ContactsSchema.INITIATED_AT),
        first(when(answered, struct(
            col(ContactsSchema.AGENT_ID).as(ContactChainsSchema.AGENT_ID),
            col(ContactsSchema.TEAM).as(ContactChainsSchema.TEAM))), true).over(wholeChain).as(FIRST_ANSWERED),
        last(struct(answered.as(LAST_ANSWERED), col(ContactsSchema.OUTCOME).as(LAST_OUTCOME)), false)
            .over(wholeChain).as(LAST),
        max(col(ContactsSchema.ENDED_AT)).over(wholeChain).as(CHAIN_ENDED),
        count(lit(1)).over(wholeChain).cast(DataTypes.IntegerType).as(ContactChainsSchema.LEGS),
        max(answered).over(wholeChain).as(ContactChainsSchema.ANSWERED),
        sum(when(answered, waitSeconds)).over(wholeChain).as(ContactChainsSchema.WAIT_SECONDS),
        sum(when(answered, handleSeconds)).over(wholeChain).as(ContactChainsSchema.HANDLE_SECONDS),
        sum(when(answered, col(ContactsSchema.HOLD_SECONDS).cast(DataTypes.DoubleType))).over(wholeChain)
            .as(ContactChainsSchema.HOLD_SECONDS),
        max(col(ContactsSchema.ESCALATED)).over(wholeChain).as(CHAIN_ESCALATED),
        min(col(ContactsSchema.QUEUED).isNotNull()).over(wholeChain).as(QUEUE_KNOWN),
        max(col(ContactsSchema.QUEUED)).over(wholeChain).as(ANY_QUEUED),
        sum(when(col(ContactsSchema.QUEUED), queueWaitSeconds)).over(wholeChain).as(QUEUE_WAIT),
        min(when(col(ContactsSchema.QUEUED), col(ContactsSchema.QUEUED_AT))).over(wholeChain).as(FIRST_QUEUED_AT))
        .filter(isRoot);

    return rootRows.select(
        col(ContactChainsSchema.CHAIN_ID),
        col(ContactChainsSchema.CUSTOMER_KEY),
        col(ContactsSchema.CHANNEL).as(ContactChainsSchema.CHANNEL),
        col(ContactsSchema.QUEUE).as(ContactChainsSchema.QUEUE),
        col(ContactsSchema.ISSUE_CATEGORY).as(ContactChainsSchema.ISSUE_CATEGORY),
        col(FIRST_ANSWERED + "." + ContactChainsSchema.AGENT_ID).as(ContactChainsSchema.AGENT_ID),
        col(FIRST_ANSWERED + "." + ContactChainsSchema.TEAM).as(ContactChainsSchema.TEAM),
        col(ContactsSchema.INITIATED_AT).as(ContactChainsSchema.STARTED_AT),
        col(CHAIN_ENDED).as(ContactChainsSchema.ENDED_AT),
        localDate(col(ContactsSchema.INITIATED_AT), zone).as(ContactChainsSchema.CONTACT_DATE),
        col(ContactChainsSchema.LEGS),
        col(ContactChainsSchema.LEGS).minus(lit(1)).as(ContactChainsSchema.TRANSFERS),
        col(ContactChainsSchema.ANSWERED),
        col(ContactChainsSchema.ANSWERED).unary_$bang().as(ContactChainsSchema.ABANDONED),
        col(ContactChainsSchema.WAIT_SECONDS),
        col(ContactChainsSchema.HANDLE_SECONDS),
        col(ContactChainsSchema.HOLD_SECONDS),
        col(CHAIN_ESCALATED).as(ContactChainsSchema.ESCALATED),
        chainResolved(col(LAST + "." + LAST_ANSWERED), col(LAST + "." + LAST_OUTCOME))
            .as(ContactChainsSchema.RESOLVED),
        // Queuing is known only when every leg's file delivered queued_at: an unknown leg may have queued.
        when(col(QUEUE_KNOWN), coalesce(col(ANY_QUEUED), lit(false))).as(ContactChainsSchema.QUEUED),
        when(col(QUEUE_KNOWN), col(QUEUE_WAIT)).as(ContactChainsSchema.QUEUE_WAIT_SECONDS),
        when(col(QUEUE_KNOWN), col(FIRST_QUEUED_AT)).as(QUEUE_ENTERED_AT));
  }

  /**
   * A chain's {@code resolved} from its last leg: true when the outcome is {@code resolved}; NULL
   * when the leg was answered and no outcome was reported (not reported is not unresolved: exports
   * without a disposition field would otherwise read as 0 % resolved); false otherwise, including a
   * last leg never answered (the customer was left waiting).
   */
  static Column chainResolved(Column lastAnswered, Column lastOutcome) {
    return when(lastOutcome.equalTo(lit(OUTCOME_RESOLVED)), lit(true))
        .when(lastAnswered.and(lastOutcome.isNull()), lit(null).cast(DataTypes.BooleanType))
        .otherwise(lit(false));
  }

  /**
   * Adds the chain's latest survey (survey_id, csat, nps, ces, people_told; all null without one).
   * A survey belongs to the chain of the leg its contact_id names; it counts only when responded at
   * or after that leg initiated (an earlier response cannot be about it). The latest responded_at
   * wins, ties broken by the larger survey_id.
   *
   * @param chains output of {@link #summarizeChains}
   * @param chainedLegs {@link ChainLegs#chained()}
   * @param surveys silver surveys ({@link SurveysSchema#SILVER})
   */
  public static Dataset<Row> withLatestSurvey(Dataset<Row> chains, Dataset<Row> chainedLegs, Dataset<Row> surveys) {
    Dataset<Row> legs = chainedLegs.select(
        col(ContactsSchema.CONTACT_ID).as(LEG_ID),
        col(ContactChainsSchema.CHAIN_ID).as(LEG_CHAIN),
        col(ContactsSchema.INITIATED_AT).as(LEG_INITIATED));
    Dataset<Row> latest = surveys
        .join(legs, col(SurveysSchema.CONTACT_ID).equalTo(col(LEG_ID)))
        .filter(unix_micros(col(SurveysSchema.RESPONDED_AT)).geq(unix_micros(col(LEG_INITIATED))))
        .groupBy(col(LEG_CHAIN).as(S_CHAIN))
        .agg(max(struct(
            col(SurveysSchema.RESPONDED_AT),
            col(SurveysSchema.SURVEY_ID),
            col(SurveysSchema.CSAT),
            col(SurveysSchema.NPS),
            col(SurveysSchema.CES),
            col(SurveysSchema.PEOPLE_TOLD))).as(LATEST));
    return chains
        .join(latest, col(ContactChainsSchema.CHAIN_ID).equalTo(col(S_CHAIN)), "left")
        .withColumn(ContactChainsSchema.SURVEY_ID, col(LATEST + "." + SurveysSchema.SURVEY_ID))
        .withColumn(ContactChainsSchema.CSAT, col(LATEST + "." + SurveysSchema.CSAT))
        .withColumn(ContactChainsSchema.NPS, col(LATEST + "." + SurveysSchema.NPS))
        .withColumn(ContactChainsSchema.CES, col(LATEST + "." + SurveysSchema.CES))
        .withColumn(ContactChainsSchema.PEOPLE_TOLD, col(LATEST + "." + SurveysSchema.PEOPLE_TOLD))
        .drop(S_CHAIN, LATEST);
  }

  /**
   * Adds repeat_1d, repeat_7d, repeat_30d, fcr_7d and fcr_basis. {@code repeat_Nd} is true when
   * another chain of the same non-null customer_key starts in (ended_at, ended_at + N x 24 h]; NULL
   * for anonymous chains and when ended_at + N x 24 h > asOf (the window is not complete yet).
   * {@code fcr_7d} = resolved AND NOT repeat_7d (basis {@link #FCR_BASIS_DISPOSITION}), or NOT
   * repeat_7d when resolved is NULL because no outcome was reported ({@link #FCR_BASIS_NO_REPEAT});
   * fcr_7d and fcr_basis are NULL for abandoned chains and when repeat_7d is NULL.
   *
   * <p>Only the first chain starting strictly after ended_at matters. It is found with one window
   * per customer_key over start and end events sorted by time descending, taking the running
   * minimum of the start times seen so far: a sort plus one linear pass, so a key with 100,000
   * chains (a switchboard number) costs O(n log n) in one task, never a quadratic self-join.
   *
   * @param chains chains whose followers are all present: a follower of a chain starts after it
   * @param asOf end of the run date; later starts are assumed absent
   */
  public static Dataset<Row> withRepeatFlags(Dataset<Row> chains, Instant asOf) {
    Dataset<Row> known = chains.filter(col(ContactChainsSchema.CUSTOMER_KEY).isNotNull());
    // The end events carry their whole chain row through the window, so no join back is needed.
    Dataset<Row> ends = known
        .withColumn(T, unix_micros(col(ContactChainsSchema.ENDED_AT)))
        .withColumn(KIND, lit(KIND_END))
        .withColumn(START, lit(null).cast(DataTypes.LongType));
    Dataset<Row> starts = known.select(
        col(ContactChainsSchema.CUSTOMER_KEY),
        unix_micros(col(ContactChainsSchema.STARTED_AT)).as(T),
        lit(KIND_START).as(KIND),
        unix_micros(col(ContactChainsSchema.STARTED_AT)).as(START));
    // Descending time, ends before starts at the same instant: the rows before an end event are
    // exactly the starts strictly after it, and a ROWS running frame keeps the pass linear.
    WindowSpec laterStarts = Window.partitionBy(col(ContactChainsSchema.CUSTOMER_KEY))
        .orderBy(col(T).desc(), col(KIND).desc())
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> knownWithNext = ends.unionByName(starts, true)
        .withColumn(NEXT_START, min(col(START)).over(laterStarts))
        .filter(col(KIND).equalTo(lit(KIND_END)))
        .drop(T, KIND, START);
    Dataset<Row> flagged = knownWithNext.unionByName(chains
        .filter(col(ContactChainsSchema.CUSTOMER_KEY).isNull())
        .withColumn(NEXT_START, lit(null).cast(DataTypes.LongType)));
    Column ended = unix_micros(col(ContactChainsSchema.ENDED_AT));
    long asOfMicros = Math.addExact(Math.multiplyExact(asOf.getEpochSecond(), MICROS_PER_SECOND), asOf.getNano() / 1000L);
    for (RepeatWindow w : REPEAT_WINDOWS) {
      Column windowEnd = ended.plus(lit(w.days() * MICROS_PER_DAY));
      flagged = flagged.withColumn(w.column(),
          when(col(ContactChainsSchema.CUSTOMER_KEY).isNull().or(windowEnd.gt(lit(asOfMicros))),
              lit(null).cast(DataTypes.BooleanType))
              .otherwise(coalesce(col(NEXT_START).leq(windowEnd), lit(false))));
    }
    // Not measurable: abandoned (nothing to resolve) or the 7-day window unknown. Otherwise the
    // reported outcome decides, and without one the repeat-based definition does.
    Column unmeasured = col(ContactChainsSchema.ABANDONED).or(col(ContactChainsSchema.REPEAT_7D).isNull());
    Column noRepeat = col(ContactChainsSchema.REPEAT_7D).unary_$bang();
    Column noOutcome = col(ContactChainsSchema.RESOLVED).isNull();
    return flagged
        .withColumn(ContactChainsSchema.FCR_7D,
            when(unmeasured, lit(null).cast(DataTypes.BooleanType))
                .when(noOutcome, noRepeat)
                .otherwise(col(ContactChainsSchema.RESOLVED).and(noRepeat)))
        .withColumn(ContactChainsSchema.FCR_BASIS,
            when(unmeasured, lit(null).cast(DataTypes.StringType))
                .when(noOutcome, lit(FCR_BASIS_NO_REPEAT))
                .otherwise(lit(FCR_BASIS_DISPOSITION)))
        .drop(NEXT_START);
  }

  /** Seconds since the epoch, with fractions, independent of the session time zone. */
  static Column seconds(Column timestamp) {
    return unix_micros(timestamp).cast(DataTypes.DoubleType).divide(lit((double) MICROS_PER_SECOND));
  }

  /** The calendar date of a UTC timestamp in {@code zone}, independent of the session time zone. */
  public static Column localDate(Column timestamp, ZoneId zone) {
    Column localMicros = unix_micros(from_utc_timestamp(timestamp, zone.getId()));
    return date_from_unix_date(floor(localMicros.divide(lit(MICROS_PER_DAY))).cast(DataTypes.IntegerType));
  }
}
