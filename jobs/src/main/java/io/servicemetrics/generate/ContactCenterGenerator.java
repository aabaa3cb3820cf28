package io.servicemetrics.generate;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.generate.Catalog.Agent;
import io.servicemetrics.generate.Catalog.Category;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SurveysSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic contact-center landing zone in the input contract's format (docs/INPUTS.md),
 * deterministically from a seed, one delivery day at a time.
 *
 * <p>Memory is bounded by one day's records plus what is pending for later days (late and
 * re-delivered legs, surveys, mention re-fetches, customers due to come back), never by the
 * whole run: customers are derived on demand from (seed, index) and each day's buffers are
 * written and dropped before the next day is simulated.
 */
public final class ContactCenterGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(ContactCenterGenerator.class);

  public static final String CONTACTS = "contacts";
  public static final String SURVEYS = "surveys";
  public static final String MENTIONS = "mentions";
  public static final String CUSTOMER_HANDLES = "customer_handles";
  public static final List<String> SOURCES = List.of(CONTACTS, SURVEYS, MENTIONS, CUSTOMER_HANDLES);
  /** Lists the deliberate defects; the leading underscore keeps it out of Hadoop-style listings. */
  public static final String DEFECTS_FILE = "_defects.csv";
  public static final List<String> DEFECTS_COLUMNS = List.of("source", "file", "line", "record", "kind", "record_id", "detail");

  // The knobs of the story; docs/GENERATOR.md explains each.
  static final double SHARE_LATE_LEGS = 0.03;
  static final int MAX_LATE_DAYS = 3;
  static final double SHARE_EXACT_DUPLICATES = 0.002;
  static final double FOLLOW_UP_FIXED = 0.30;
  static final double FOLLOW_UP_FIX_REDELIVERED = 0.60;
  static final double UNRESOLVED_FIXED = 0.05;
  static final double ESCALATE_UNRESOLVED = 0.30;
  static final int MAX_TRANSFERS = 2;
  static final double TRANSFER_MEAN_WAIT = 20;
  static final double RETURN_AFTER_ABANDON = 0.65;
  static final double RETURN_AFTER_UNFIXED = 0.75;
  static final double MEAN_DAYS_TO_RETURN = 1.3;
  static final int MAX_DAYS_TO_RETURN = 7;
  static final int MAX_ATTEMPTS = 5;
  static final double SURVEY_RATE = 0.22;
  static final double SURVEY_NAMES_SECOND_LEG = 0.40;
  static final double SHARE_LATE_SURVEYS = 0.02;
  static final double SHARE_RESENT_SURVEYS = 0.005;
  static final double POST_AFTER_NEGATIVE = 0.06;
  static final double POST_AFTER_POSITIVE = 0.015;
  static final int MAX_DAYS_TO_POST = 14;
  static final double SHARE_WITH_SENTIMENT = 0.85;
  static final double SHARE_WITH_IMPRESSIONS = 0.90;
  static final double CHATTER_PER_CONTACT = 0.03;
  static final double CHATTER_REPLY = 0.20;
  static final double SHARE_DUPLICATE_FETCH = 0.005;
  /** Business hours in UTC: 12:00 to 23:00 (07:00 to 18:00 at -05:00). */
  static final int OPEN_SECOND = 12 * 3600;
  static final int OPEN_SECONDS = 11 * 3600;
  /** Relative contact volume Monday..Sunday (mean 1). */
  private static final double[] WEEKDAY_VOLUME = {1.30, 1.15, 1.05, 1.05, 1.00, 0.80, 0.65};
  /** Relative staffing pressure (multiplies waits) Monday..Sunday. */
  private static final double[] WEEKDAY_PRESSURE = {1.6, 1.2, 1.0, 1.0, 1.0, 1.2, 1.3};

  private static final long DAY = 86_400L;
  private static final long DAY_SALT = 0xDA1L, HANDLE_SALT = 0x4A4D1EL, DEFECT_SALT = 0xDEFEC7L;
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
  private static final int RECENT_COMPLAINTS = 64;

  private final GeneratorConfig config;
  private final long epochStart;
  private final TreeMap<Integer, Bucket> pending = new TreeMap<>();
  private final TreeMap<Integer, List<Start>> returning = new TreeMap<>();
  private final ArrayDeque<Posted> recentComplaints = new ArrayDeque<>();
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final Map<String, Long> story = new LinkedHashMap<>();
  private final List<Defect> defects = new ArrayList<>();
  private long files;
  private long startSeq;
  private long mentionSeq;
  private int legSeq;
  private int surveySeq;

  private ContactCenterGenerator(GeneratorConfig config) {
    this.config = config;
    this.epochStart = config.startDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    SOURCES.forEach(s -> rows.put(s, 0L));
  }

  /** Writes the landing zone for {@code config}; the output directory must be absent or empty. */
  public static GenerationSummary generate(GeneratorConfig config) {
    requireEmpty(config.out());
    return new ContactCenterGenerator(config).run();
  }

  static void requireEmpty(Path out) {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw Errors.badArgument("--out " + out + " is a file", "The generator writes a landing-zone directory", "Pass a new or empty directory");
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent()) {
        throw Errors.badArgument(
            "The output directory " + out + " is not empty",
            "Writing into an existing landing zone would mix two generations and break determinism",
            "Delete it first or pass a new --out directory");
      }
    } catch (IOException e) {
      throw Errors.io("Cannot list the output directory " + out, e);
    }
  }

  private GenerationSummary run() {
    int days = config.days();
    int progressEvery = Math.max(1, days / 10);
    for (int d = 0; d < days; d++) {
      simulateDay(d, Rng.of(config.seed(), DAY_SALT, d));
      writeDay(d);
      if ((d + 1) % progressEvery == 0 || d == days - 1) {
        LOG.info("generate: {} of {} days written ({}), {} contact rows so far", d + 1, days, config.day(d), rows.get(CONTACTS));
      }
    }
    writeDefectsManifest();
    return new GenerationSummary(new LinkedHashMap<>(rows), files, sizeOnDisk(), new LinkedHashMap<>(story), List.copyOf(defects));
  }

  // ---------------------------------------------------------------- simulation

  /** A contact about to start: a new one, or a customer coming back. */
  private record Start(long time, long seq, long customer, int attempt, int channel, Category category) {}

  /** A complaint posted on social media, which chatter may reply to. */
  private record Posted(String mentionId, long time) {}

  /** Records waiting for their delivery day. */
  private static final class Bucket {
    final List<String> contacts = new ArrayList<>();
    final List<String> surveys = new ArrayList<>();
    final List<String> mentions = new ArrayList<>();
  }

  /** One contact leg, rendered per source-system timestamp style. */
  private record Leg(
      String id, Instant updatedAt, String previousId, String customerId, String phone, int channel,
      String queue, Agent agent, Instant initiatedAt, Instant answeredAt, Instant endedAt, Integer hold,
      Integer acw, String outcome, Boolean escalated, String category, Instant queuedAt) {

    LandingRow row(Timestamps ts) {
      return new LandingRow(ContactsSchema.KNOWN_LANDING_COLUMNS)
          .set(ContactsSchema.CONTACT_ID, id)
          .set(ContactsSchema.UPDATED_AT, ts.format(updatedAt))
          .set(ContactsSchema.PREVIOUS_CONTACT_ID, previousId)
          .set(ContactsSchema.CUSTOMER_ID, customerId)
          .set(ContactsSchema.CUSTOMER_PHONE, phone)
          .set(ContactsSchema.CHANNEL, Catalog.CHANNELS.get(channel))
          .set(ContactsSchema.QUEUE, queue)
          .set(ContactsSchema.AGENT_ID, agent == null ? null : agent.id())
          .set(ContactsSchema.TEAM, agent == null ? null : agent.team())
          .set(ContactsSchema.INITIATED_AT, ts.format(initiatedAt))
          .set(ContactsSchema.ANSWERED_AT, ts.format(answeredAt))
          .set(ContactsSchema.ENDED_AT, ts.format(endedAt))
          .set(ContactsSchema.HOLD_SECONDS, hold)
          .set(ContactsSchema.ACW_SECONDS, acw)
          .set(ContactsSchema.OUTCOME, outcome)
          .set(ContactsSchema.ESCALATED, escalated)
          .set(ContactsSchema.ISSUE_CATEGORY, category)
          .set(ContactsSchema.QUEUED_AT, ts.format(queuedAt));
    }
  }

  private void simulateDay(int d, Rng rng) {
    long dayStart = epochStart + d * DAY;
    int dow = config.day(d).getDayOfWeek().getValue() - 1;
    double pressure = WEEKDAY_PRESSURE[dow] * rng.lognormal(0, 0.25);
    int total = (int) Math.round(config.contactsPerDay() * WEEKDAY_VOLUME[dow] * rng.uniform(0.92, 1.08));
    PriorityQueue<Start> queue = new PriorityQueue<>(Comparator.comparingLong(Start::time).thenComparingLong(Start::seq));
    List<Start> due = returning.remove(d);
    int returns = due == null ? 0 : due.size();
    if (due != null) {
      queue.addAll(due);
    }
    int fresh = Math.max(total / 3, total - returns);
    for (int i = 0; i < fresh; i++) {
      long t = dayStart + OPEN_SECOND + Math.round(OPEN_SECONDS * (rng.uniform() + rng.uniform()) / 2);
      queue.add(new Start(t, startSeq++, rng.below(config.customers()), 0, -1, null));
    }
    legSeq = 0;
    surveySeq = 0;
    while (!queue.isEmpty()) {
      simulateChain(d, rng, queue.poll(), queue, pressure);
    }
    chatter(d, rng, dayStart);
    count(story, "days_with_high_pressure", pressure > 1.4 ? 1 : 0);
  }

  private void simulateChain(int d, Rng rng, Start s, PriorityQueue<Start> today, double pressure) {
    Customer c = Customer.of(config.seed(), s.customer(), config.days());
    int channel = s.attempt() == 0
        ? (rng.chance(0.7) ? c.preferredChannel() : rng.weighted(Catalog.CHANNEL_WEIGHTS))
        : (rng.chance(0.5) ? s.channel() : rng.weighted(Catalog.CHANNEL_WEIGHTS));
    Category category = s.category() != null ? s.category() : pickCategory(rng);
    String queue = category.queue();

    // Who the source system knows the caller as: CRM id (most), a phone only, or nobody.
    String customerId = null, phone = null;
    int identity = channel == Catalog.PHONE ? rng.weighted(78, 17, 5) : channel == Catalog.SOCIAL ? rng.weighted(75, 0, 25) : rng.weighted(92, 0, 8);
    if (identity == 0) {
      customerId = c.customerId();
      if (channel == Catalog.PHONE && rng.chance(0.6)) {
        phone = c.formattedPhone(rng);
      }
    } else if (identity == 1) {
      phone = c.formattedPhone(rng);
    }

    long t = s.time();
    String previous = null;
    List<Agent> served = new ArrayList<>(3);
    List<String> legIds = new ArrayList<>(3);
    int transfers = 0;
    long waitTotal = 0, handleTotal = 0, end;
    boolean abandoned = false, fixed = false;
    for (int leg = 0; ; leg++) {
      String id = String.format(Locale.ROOT, "L%s-%05d", COMPACT.format(config.day(d)), ++legSeq);
      legIds.add(id);
      count(story, "legs", 1);
      // t is when the leg reaches the agent queue; a first phone or chat leg started earlier, in
      // the menu or bot (transferred legs go straight to the queue). queued_at records the queue.
      Instant queued = Instant.ofEpochSecond(t);
      Instant initiated = queued.minusSeconds(leg == 0 ? Catalog.ivrSeconds(channel, id) : 0);
      long wait = Math.round(rng.exponential(leg == 0 ? Catalog.CHANNEL_MEAN_WAIT[channel] * pressure : TRANSFER_MEAN_WAIT));
      long patience;
      boolean abandon;
      if (channel == Catalog.PHONE || channel == Catalog.CHAT) {
        patience = 5 + Math.round(rng.exponential(Catalog.CHANNEL_MEAN_PATIENCE[channel]));
        abandon = wait > patience;
      } else {
        patience = wait;
        abandon = rng.chance(0.01);
      }
      if (abandon) {
        Instant ended = queued.plusSeconds(patience);
        boolean inIvr = leg == 0 && initiated.isBefore(queued) && Catalog.abandonsInIvr(id);
        Leg row = new Leg(id, ended.plusSeconds(rng.between(5, 120)), previous, customerId, phone, channel, queue, null,
            initiated, null, ended, null, null, null, rng.chance(0.95) ? Boolean.FALSE : null, category.name(),
            inIvr ? null : queued);
        deliverLeg(d, rng, row);
        waitTotal += patience;
        abandoned = true;
        end = ended.getEpochSecond();
        count(story, "abandoned_legs", 1);
        break;
      }
      Agent agent = pickAgent(rng, queue, served);
      served.add(agent);
      long handle = Math.max(30, Math.round(Catalog.CHANNEL_BASE_HANDLE[channel] * category.handleFactor() * agent.speed() * rng.lognormal(0, 0.45)));
      int hold = channel == Catalog.PHONE && rng.chance(0.35) ? rng.between(15, (int) Math.min(600, Math.max(16, handle / 2)))
          : channel == Catalog.CHAT && rng.chance(0.10) ? rng.between(10, 120) : 0;
      int acw = (int) Math.round(agent.meanAcw() * rng.lognormal(0, 0.4));
      Instant answered = queued.plusSeconds(wait);
      Instant ended = answered.plusSeconds(handle);
      Instant updated = ended.plusSeconds(acw + rng.between(1, 90));
      waitTotal += wait;
      handleTotal += handle;
      boolean transfer = leg < MAX_TRANSFERS && rng.chance(agent.transferRate());
      String outcome;
      boolean escalated = false;
      if (transfer) {
        outcome = "unresolved";
      } else if (rng.chance(Math.min(0.97, agent.skill() * category.ease()))) {
        outcome = "resolved";
        fixed = rng.chance(agent.honesty());
      } else {
        escalated = rng.chance(ESCALATE_UNRESOLVED);
        outcome = escalated || rng.chance(0.35) ? "follow_up" : "unresolved";
        fixed = rng.chance(outcome.equals("follow_up") ? FOLLOW_UP_FIXED : UNRESOLVED_FIXED);
      }
      Leg row = new Leg(id, updated, previous, customerId, phone, channel, queue, agent, initiated, answered, ended,
          rng.chance(0.97) ? hold : null, acw, outcome, rng.chance(0.95) ? escalated : null, category.name(), queued);
      deliverLeg(d, rng, row);
      if (outcome.equals("follow_up") && fixed && rng.chance(FOLLOW_UP_FIX_REDELIVERED)) {
        redeliverResolved(d, rng, row);
      }
      if (!transfer) {
        end = ended.getEpochSecond();
        break;
      }
      count(story, "transfers", 1);
      transfers++;
      previous = id;
      t = ended.getEpochSecond() + rng.between(2, 30);
      if (rng.chance(0.5)) {
        String from = queue;
        queue = Catalog.QUEUES.stream().filter(q -> !q.equals(from)).toList().get(rng.between(0, 2));
      }
    }
    count(story, "chains", 1);
    count(story, "chains_fixed", fixed ? 1 : 0);

    // The customer's experience drives everything downstream: coming back, surveys, posts.
    double experience = 3.0 + 1.5 * (fixed ? 1 : 0) - 0.1 * (handleTotal / 300.0) - 0.3 * transfers
        - 0.2 * Math.min(3.0, waitTotal / 300.0) - 0.3 * Math.min(3, s.attempt()) + rng.normal(0, 0.7);

    if (s.attempt() + 1 < MAX_ATTEMPTS) {
      if (abandoned && rng.chance(RETURN_AFTER_ABANDON)) {
        comeBack(d, rng, today, new Start(end + 600 + Math.round(rng.exponential(2 * 3600)), startSeq++, s.customer(), s.attempt() + 1, channel, category));
      } else if (!abandoned && !fixed && rng.chance(RETURN_AFTER_UNFIXED)) {
        long delay = Math.min(MAX_DAYS_TO_RETURN * DAY - 3600, 1800 + Math.round(rng.exponential(MEAN_DAYS_TO_RETURN * DAY)));
        comeBack(d, rng, today, new Start(end + delay, startSeq++, s.customer(), s.attempt() + 1, channel, category));
      }
    }
    if (!served.isEmpty() && rng.chance(SURVEY_RATE)) {
      String target = legIds.size() > 1 && rng.chance(SURVEY_NAMES_SECOND_LEG) ? legIds.get(1) : legIds.get(0);
      survey(d, rng, c, target, end, experience, fixed, transfers, waitTotal, s.attempt());
    }
    if (c.xHandle() != null) {
      boolean negative = abandoned || !fixed || experience < 2.5;
      boolean positive = !negative && experience >= 3.5;
      if ((negative && rng.chance(POST_AFTER_NEGATIVE)) || (positive && rng.chance(POST_AFTER_POSITIVE))) {
        long posted = end + Math.min(MAX_DAYS_TO_POST * DAY, 60 + Math.round(rng.exponential(1.5 * DAY)));
        String text = Texts.fill(rng.pick(negative ? Texts.POST_NEGATIVE : Texts.POST_POSITIVE), category.phrase());
        String mentionId = mention(rng, c.postedHandle(rng), c.followers(), posted, text, negative ? -1 : 1, null);
        count(story, negative ? "customer_posts_negative" : "customer_posts_positive", 1);
        if (negative) {
          recentComplaints.addLast(new Posted(mentionId, posted));
          if (recentComplaints.size() > RECENT_COMPLAINTS) {
            recentComplaints.removeFirst();
          }
        }
      }
    }
  }

  private static Category pickCategory(Rng rng) {
    String queue = Catalog.QUEUES.get(rng.weighted(Catalog.QUEUE_WEIGHTS));
    return rng.pick(Catalog.categoriesOf(queue));
  }

  /** Mostly an agent of the team that owns the queue; never one who already served this chain. */
  private static Agent pickAgent(Rng rng, String queue, List<Agent> served) {
    String team = Catalog.TEAMS.get(Catalog.TEAM_QUEUE.indexOf(queue));
    boolean ownTeam = rng.chance(0.75);
    while (true) {
      Agent a = rng.pick(Catalog.AGENTS);
      if ((!ownTeam || a.team().equals(team)) && !served.contains(a)) {
        return a;
      }
    }
  }

  /** Schedules a returning customer, moved into business hours, today or on a later day. */
  private void comeBack(int d, Rng rng, PriorityQueue<Start> today, Start s) {
    long t = s.time();
    long second = Math.floorMod(t - epochStart, DAY);
    if (second < OPEN_SECOND) {
      t += OPEN_SECOND - second + rng.between(0, 3 * 3600);
    } else if (second > OPEN_SECOND + OPEN_SECONDS) {
      t += DAY - second + OPEN_SECOND + rng.between(0, 3 * 3600);
    }
    int day = dayIndex(t);
    Start moved = new Start(t, s.seq(), s.customer(), s.attempt(), s.channel(), s.category());
    count(story, "returns_scheduled", 1);
    if (day == d) {
      today.add(moved);
    } else if (day < config.days()) {
      returning.computeIfAbsent(day, k -> new ArrayList<>()).add(moved);
    }
  }

  private void deliverLeg(int d, Rng rng, Leg leg) {
    int day = Math.min(config.days() - 1, Math.max(d, dayIndex(leg.updatedAt().getEpochSecond())));
    if (rng.chance(SHARE_LATE_LEGS)) {
      int late = day + rng.between(1, MAX_LATE_DAYS);
      if (late < config.days()) {
        day = late;
        count(story, "late_legs", 1);
      }
    }
    String line = leg.row(Timestamps.pick(rng)).csv();
    bucket(day).contacts.add(line);
    if (rng.chance(SHARE_EXACT_DUPLICATES)) {
      bucket(day).contacts.add(line);
      count(story, "duplicate_legs", 1);
    }
  }

  /** A follow-up that got fixed is re-delivered later as resolved, with a newer updated_at. */
  private void redeliverResolved(int d, Rng rng, Leg leg) {
    Instant updated = leg.updatedAt().plusSeconds(Math.round(rng.uniform(6 * 3600, 4 * DAY)));
    int day = dayIndex(updated.getEpochSecond());
    Timestamps style = Timestamps.pick(rng);
    if (day >= config.days()) {
      return;
    }
    Leg resolved = new Leg(leg.id(), updated, leg.previousId(), leg.customerId(), leg.phone(), leg.channel(), leg.queue(),
        leg.agent(), leg.initiatedAt(), leg.answeredAt(), leg.endedAt(), leg.hold(), leg.acw(), "resolved", leg.escalated(), leg.category(),
        leg.queuedAt());
    bucket(Math.max(d, day)).contacts.add(resolved.row(style).csv());
    count(story, "redelivered_legs", 1);
  }

  private void survey(int d, Rng rng, Customer c, String contactId, long end, double experience, boolean fixed,
      int transfers, long waitTotal, int attempt) {
    long responded = end + 60 + Math.min(3 * DAY, Math.round(rng.exponential(8 * 3600)));
    int csat = clamp(Math.round(experience), 1, 5);
    int nps = clamp(Math.round(2.2 * experience - 1.0 + rng.normal(0, 1.0)), 0, 10);
    int ces = clamp(Math.round(5.2 + 0.8 * (fixed ? 1 : 0) - 0.7 * transfers - 0.5 * Math.min(3, attempt)
        - Math.min(2.0, waitTotal / 600.0) + rng.normal(0, 0.8)), 1, 7);
    boolean saysResolved = rng.chance(fixed ? 0.96 : 0.07);
    int told = rng.geometric(csat <= 2 ? 5.0 : csat == 3 ? 2.5 : 2.0);
    String comment = null;
    if (rng.chance(0.45)) {
      comment = rng.pick(csat <= 2 ? Texts.COMMENT_UNHAPPY : csat == 3 ? Texts.COMMENT_NEUTRAL : Texts.COMMENT_HAPPY);
      if (rng.chance(0.02)) {
        comment = Texts.COMMENT_MULTILINE;
      } else if (rng.chance(0.03)) {
        comment += rng.chance(0.5) ? " Please email me at " + c.email() : " Call me back on " + c.formattedPhone(rng);
      }
    }
    boolean noCsat = rng.chance(0.04), noNps = rng.chance(0.12), noCes = rng.chance(0.20);
    String id = String.format(Locale.ROOT, "S%s-%05d", COMPACT.format(config.day(d)), ++surveySeq);
    LandingRow row = new LandingRow(SurveysSchema.LANDING_COLUMNS)
        .set(SurveysSchema.SURVEY_ID, id)
        .set(SurveysSchema.CONTACT_ID, contactId)
        .set(SurveysSchema.RESPONDED_AT, Timestamps.pick(rng).format(Instant.ofEpochSecond(responded)))
        .set(SurveysSchema.CSAT, noCsat && !(noNps && noCes) ? null : csat)
        .set(SurveysSchema.NPS, noNps ? null : nps)
        .set(SurveysSchema.CES, noCes ? null : ces)
        .set(SurveysSchema.RESOLVED_REPORTED, rng.chance(0.97) ? (saysResolved ? "yes" : "no") : null)
        .set(SurveysSchema.PEOPLE_TOLD, rng.chance(0.92) ? told : null)
        .set(SurveysSchema.COMMENT, comment);
    int day = dayIndex(responded);
    if (rng.chance(SHARE_LATE_SURVEYS)) {
      day += rng.between(1, 2);
    }
    if (day >= config.days()) {
      return;
    }
    bucket(day).surveys.add(row.csv());
    count(story, "surveys", 1);
    if (rng.chance(SHARE_RESENT_SURVEYS) && day + 1 < config.days()) {
      // The survey tool re-sends a response once the customer adds a comment.
      row.set(SurveysSchema.COMMENT, (comment == null ? "" : comment + " ") + "(added later) Thanks for calling back.");
      bucket(day + 1).surveys.add(row.csv());
      count(story, "surveys_resent", 1);
    }
  }

  /** Schedules every fetch of one post; returns its mention_id. Counts grow with each fetch. */
  private String mention(Rng rng, String handle, long followers, long posted, String text, int polarity, String inReplyTo) {
    String id = String.format(Locale.ROOT, "M%08d", ++mentionSeq);
    BigDecimal sentiment = null;
    if (rng.chance(SHARE_WITH_SENTIMENT)) {
      double score = polarity == 0 ? rng.normal(0, 0.2) : polarity * rng.uniform(0.35, 0.95) + rng.normal(0, 0.12);
      sentiment = BigDecimal.valueOf(Math.max(-1.0, Math.min(1.0, score))).setScale(2, RoundingMode.HALF_UP);
    }
    boolean explicitNulls = rng.chance(0.3);
    boolean hasImpressions = rng.chance(SHARE_WITH_IMPRESSIONS);
    double engagement = StrictMath.pow(followers, 0.6) * (polarity < 0 ? 1.6 : 1.0) * rng.lognormal(0, 0.8) / 8;
    long finalReshares = (long) (engagement * 0.3), finalLikes = (long) (engagement * 1.3), finalReplies = (long) (engagement * 0.25);
    long finalImpressions = (long) (followers * rng.uniform(0.3, 1.2)) + finalReshares * 150;
    List<Long> fetches = new ArrayList<>(3);
    fetches.add(posted + rng.between(600, 6 * 3600));
    if (rng.chance(0.6)) {
      fetches.add(fetches.get(0) + rng.between((int) DAY, (int) (3 * DAY)));
      if (rng.chance(0.4)) {
        fetches.add(fetches.get(1) + rng.between((int) DAY, (int) (4 * DAY)));
      }
    }
    for (long fetched : fetches) {
      double grown = 1.0 - StrictMath.exp(-(fetched - posted) / 3600.0 / 10.0);
      Timestamps style = Timestamps.pick(rng);
      LandingRow row = new LandingRow(MentionsSchema.LANDING_COLUMNS)
          .set(MentionsSchema.MENTION_ID, id)
          .set(MentionsSchema.PLATFORM, "x")
          .set(MentionsSchema.AUTHOR_HANDLE, handle)
          .set(MentionsSchema.AUTHOR_FOLLOWERS, followers)
          .set(MentionsSchema.POSTED_AT, style.format(Instant.ofEpochSecond(posted)))
          .set(MentionsSchema.FETCHED_AT, Timestamps.UTC_Z.format(Instant.ofEpochSecond(fetched)))
          .set(MentionsSchema.TEXT, text)
          .set(MentionsSchema.RESHARES, (long) (finalReshares * grown))
          .set(MentionsSchema.REPLIES, (long) (finalReplies * grown))
          .set(MentionsSchema.LIKES, (long) (finalLikes * grown))
          .set(MentionsSchema.IMPRESSIONS, hasImpressions ? (Object) (long) (finalImpressions * grown) : explicitNulls ? LandingRow.JSON_NULL : null)
          .set(MentionsSchema.SENTIMENT, sentiment != null ? sentiment : explicitNulls ? LandingRow.JSON_NULL : null)
          .set(MentionsSchema.IN_REPLY_TO, inReplyTo);
      int day = dayIndex(fetched);
      if (day < config.days()) {
        String line = row.json();
        bucket(day).mentions.add(line);
        count(story, "mention_fetches", 1);
        if (rng.chance(SHARE_DUPLICATE_FETCH)) {
          bucket(day).mentions.add(line);
          count(story, "duplicate_fetches", 1);
        }
      }
    }
    return id;
  }

  /** Posts by people who are not (known) customers: noise around the brand, some replies to complaints. */
  private void chatter(int d, Rng rng, long dayStart) {
    long n = Math.round(config.contactsPerDay() * CHATTER_PER_CONTACT * rng.uniform(0.6, 1.4));
    for (long i = 0; i < n; i++) {
      long posted = dayStart + rng.between(8 * 3600, 23 * 3600);
      long followers = Math.round(rng.lognormal(5.0, 1.8));
      String handle = Texts.chatterHandle(rng);
      Posted target = rng.chance(CHATTER_REPLY) ? recentComplaintBefore(rng, posted) : null;
      if (target != null) {
        int k = rng.between(0, Texts.POST_REPLY.size() - 1);
        mention(rng, handle, followers, posted, Texts.POST_REPLY.get(k), Texts.REPLY_POLARITY[k], target.mentionId());
      } else {
        mention(rng, handle, followers, posted, Texts.fill(rng.pick(Texts.POST_CHATTER), ""), 0, null);
      }
      count(story, "chatter_posts", 1);
    }
  }

  private Posted recentComplaintBefore(Rng rng, long time) {
    List<Posted> earlier = recentComplaints.stream().filter(p -> p.time() < time).toList();
    return earlier.isEmpty() ? null : rng.pick(earlier);
  }

  // ---------------------------------------------------------------- writing

  private Bucket bucket(int day) {
    return pending.computeIfAbsent(day, k -> new Bucket());
  }

  private int dayIndex(long epochSecond) {
    return (int) Math.floorDiv(epochSecond - epochStart, DAY);
  }

  private void writeDay(int d) {
    LocalDate date = config.day(d);
    Bucket b = pending.remove(d);
    if (b == null) {
      b = new Bucket();
    }
    Instant noon = Instant.ofEpochSecond(epochStart + d * DAY + 12 * 3600);
    boolean defectDay = Defects.isDefectDay(d, config.days());
    String firstLeg = b.contacts.isEmpty() ? "L" + COMPACT.format(date) + "-00001" : b.contacts.get(0).substring(0, b.contacts.get(0).indexOf(','));

    writeCsv(CONTACTS, date, ContactsSchema.KNOWN_LANDING_COLUMNS, b.contacts, defectDay ? Defects.contacts(date, noon) : List.of());
    if (defectDay && Defects.occurrence(d, config.days()) == 0) {
      writePartnerFile(date, noon);
    }
    writeCsv(SURVEYS, date, SurveysSchema.LANDING_COLUMNS, b.surveys,
        defectDay ? Defects.surveys(date, noon, firstLeg, d, config.days()) : List.of());
    String mentionsPath = path(MENTIONS, date, "jsonl");
    try (LandingFile f = LandingFile.jsonl(config.out(), mentionsPath)) {
      writeWithDefects(MENTIONS, f, b.mentions, defectDay ? Defects.mentions(date, noon, d, config.days()) : List.of());
    }
    files++;
    writeHandles(d, date);
  }

  private String path(String source, LocalDate date, String extension) {
    return source + "/date=" + date + "/" + source + "-" + date + "." + extension;
  }

  private void writeCsv(String source, LocalDate date, List<String> header, List<String> lines, List<Defects.Planned> planned) {
    try (LandingFile f = LandingFile.csv(config.out(), path(source, date, "csv"), header)) {
      writeWithDefects(source, f, lines, planned);
    }
    files++;
  }

  /** Writes the lines with the defects spread evenly among them, recording where each landed. */
  private void writeWithDefects(String source, LandingFile f, List<String> lines, List<Defects.Planned> planned) {
    int m = planned.size();
    int next = 0;
    for (int i = 0; i <= lines.size(); i++) {
      while (next < m && (long) (next + 1) * lines.size() / (m + 1) == i) {
        Defects.Planned p = planned.get(next++);
        LandingFile.Position at = f.record(p.rendered());
        defects.add(new Defect(source, f.relativePath(), at.line(), at.record(), p.kind(), p.recordId(), p.detail()));
      }
      if (i < lines.size()) {
        f.record(lines.get(i));
      }
    }
    count(rows, source, f.records());
  }

  private void writePartnerFile(LocalDate date, Instant noon) {
    List<String> header = Defects.columnsWithout(ContactsSchema.LANDING_COLUMNS, ContactsSchema.QUEUE);
    String relative = CONTACTS + "/date=" + date + "/contacts-partner-" + date + ".csv";
    try (LandingFile f = LandingFile.csv(config.out(), relative, header)) {
      for (String line : Defects.partnerFileWithoutQueue(date, noon, header)) {
        f.record(line);
      }
      count(rows, CONTACTS, f.records());
      defects.add(new Defect(CONTACTS, relative, 1, 0, Defects.MISSING_REQUIRED_COLUMN, "contacts-partner-" + date + ".csv",
          "header lacks the required column queue; " + f.records() + " rows"));
    }
    files++;
  }

  /** Day 0 delivers the whole identity map; every 7th day delivers the handles linked since. */
  private void writeHandles(int d, LocalDate date) {
    if (d > 0 && d % Customer.MAP_UPDATE_EVERY != 0) {
      return;
    }
    String relative = path(CUSTOMER_HANDLES, date, "csv");
    try (LandingFile f = LandingFile.csv(config.out(), relative, CustomerHandlesSchema.LANDING_COLUMNS)) {
      for (long i = 0; i < config.customers(); i++) {
        Customer c = Customer.of(config.seed(), i, config.days());
        Rng rng = Rng.of(config.seed(), HANDLE_SALT, i);
        if (c.phoneMapDay() == d) {
          f.record(handleRow(c, CustomerHandlesSchema.PLATFORM_PHONE, rng.chance(0.7) ? "+" + c.phoneDigits() : c.formattedPhone(rng)));
        }
        if (c.emailMapDay() == d) {
          f.record(handleRow(c, CustomerHandlesSchema.PLATFORM_EMAIL, c.email()));
        }
        if (c.xMapDay() == d) {
          f.record(handleRow(c, "x", c.xHandle()));
        }
        if (d == 0 && i == Math.min(6, config.customers() - 1)) {
          Defects.Planned p = Defects.handle();
          LandingFile.Position at = f.record(p.rendered());
          defects.add(new Defect(CUSTOMER_HANDLES, relative, at.line(), at.record(), p.kind(), p.recordId(), p.detail()));
        }
      }
      count(rows, CUSTOMER_HANDLES, f.records());
    }
    files++;
  }

  private static String handleRow(Customer c, String platform, String handle) {
    return new LandingRow(CustomerHandlesSchema.LANDING_COLUMNS)
        .set(CustomerHandlesSchema.CUSTOMER_ID, c.customerId())
        .set(CustomerHandlesSchema.PLATFORM, platform)
        .set(CustomerHandlesSchema.HANDLE, handle)
        .csv();
  }

  private void writeDefectsManifest() {
    try (LandingFile f = LandingFile.csv(config.out(), DEFECTS_FILE, DEFECTS_COLUMNS)) {
      for (Defect x : defects) {
        f.record(LandingFile.csvLine(x.source(), x.file(), Long.toString(x.line()), Long.toString(x.record()), x.kind(), x.recordId(), x.detail()));
      }
    }
  }

  private long sizeOnDisk() {
    try (Stream<Path> all = Files.walk(config.out())) {
      return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw Errors.io("Cannot measure the output directory " + config.out(), e);
    }
  }

  private static int clamp(long value, int min, int max) {
    return (int) Math.max(min, Math.min(max, value));
  }

  private static void count(Map<String, Long> counts, String key, long n) {
    counts.merge(key, n, Long::sum);
  }
}
