package io.servicemetrics.report;

import io.servicemetrics.metrics.ResolutionVersusSpeedHeadline;
import io.servicemetrics.report.KpiTile.Judgement;
import io.servicemetrics.report.KpiTile.Trend;
import io.servicemetrics.report.ReportModel.ChannelSpeed;
import io.servicemetrics.report.ReportModel.CsatCell;
import io.servicemetrics.report.ReportModel.PeriodKpis;
import io.servicemetrics.report.ReportModel.RepeatDriver;
import io.servicemetrics.report.ReportModel.WomMultiplier;
import io.servicemetrics.schema.AgentMetricsSchema;
import io.servicemetrics.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The cover page's KPI tiles and plain-language sentences, computed from the model alone. */
public final class ExecutiveSummary {
  /** A CSAT group smaller than this is too noisy to compare in a headline. */
  public static final int MIN_SURVEYS_PER_GROUP = 10;
  /** Minimum published consumer-study ratio and the folklore ratio the multiplier is read against. */
  public static final double STUDIES_RATIO = 2.0;
  public static final double FOLKLORE_RATIO = 11.0;

  /** What an FCR figure measured without any reported outcome rests on (issue 16). */
  public static final String FCR_NO_REPEAT_BASIS =
      "measured as no repeat within 7 days: the contact records carry no resolution outcome";
  static final String REPEAT_NOT_MEASURED = "no contact from an identified customer has a complete 7-day window";
  static final String FCR_NOT_MEASURED =
      "no answered contact from an identified customer has a complete 7-day window";
  static final String NO_SURVEYS = "no surveys were delivered for the period's contacts";
  static final String NO_CSAT = "no survey answer for the period's contacts carries a CSAT score";
  static final String NO_NPS = "no survey answer for the period's contacts carries an NPS score";
  static final String NO_ANSWERED = "no contact in the period was answered";
  static final String NO_CONTACTS = "no contacts were recorded in the period";
  static final String WOM_NOT_RUN = "the word-of-mouth stage has not run for this period";
  static final String NO_MENTIONS = "no mentions were delivered for the period";
  static final String NO_EXPERIENCES = "no contact experience with a complete follow window in the period";

  private ExecutiveSummary() {}

  /**
   * What a one-line printout (the demo) shows after a tile's value: the interval, the reason when
   * not measured, and the FCR basis when FCR rests on no repeat.
   */
  public static String printedNote(KpiTile tile) {
    if (ReportFormat.NOT_MEASURED.equals(tile.value())) {
      return tile.basis() == null ? "" : tile.basis().substring(ReportFormat.NOT_MEASURED.length() + 2);
    }
    String interval = tile.interval() == null ? "" : tile.interval();
    String basis = tile.basis() == null ? "" : tile.basis();
    int semicolon = basis.indexOf("; ");
    return semicolon < 0 || !basis.contains("no repeat within 7 days") ? interval
        : interval + "; " + basis.substring(semicolon + 2);
  }

  /** "not measured: reason", the basis line of a tile whose figure is NULL. */
  static String notMeasured(String reason) {
    return ReportFormat.NOT_MEASURED + ": " + reason;
  }

  /** How the FCR basis reads after "n = N answered contacts", or "" for the reported outcome alone. */
  public static String fcrBasisClause(PeriodKpis k) {
    return switch (k.fcrBasis()) {
      case NO_REPEAT -> FCR_NO_REPEAT_BASIS;
      case MIXED -> ReportFormat.count(k.fcr7dNoRepeatBasis()) + " of them measured as no repeat within 7 days"
          + " (no resolution outcome reported)";
      default -> "";
    };
  }

  /** A sentence naming the FCR basis for pages that show FCR, or "" when it is the reported outcome alone. */
  public static String fcrBasisSentence(PeriodKpis k) {
    return switch (k.fcrBasis()) {
      case NO_REPEAT -> "First-contact resolution is " + FCR_NO_REPEAT_BASIS + ".";
      case MIXED -> "First-contact resolution of " + ReportFormat.count(k.fcr7dNoRepeatBasis()) + " of the "
          + ReportFormat.count(k.fcr7dEligible()) + " answered contacts is measured as no repeat within 7 days:"
          + " their records carry no resolution outcome.";
      default -> "";
    };
  }

  /** Why CSAT is NULL for the period, or null when it is measured. */
  static String csatNotMeasured(PeriodKpis k) {
    return k.csatN() > 0 ? null : k.npsN() > 0 ? NO_CSAT : NO_SURVEYS;
  }

  /** Why NPS is NULL for the period, or null when it is measured. */
  static String npsNotMeasured(PeriodKpis k) {
    return k.npsN() > 0 ? null : k.csatN() > 0 ? NO_NPS : NO_SURVEYS;
  }

  /**
   * Why the word-of-mouth multiplier is NULL, or null when it is measured: no mentions delivered,
   * the stage has not run, or the gold note's reason for the multiplier.
   */
  public static String womNotMeasured(Optional<WomMultiplier> w) {
    if (w.isEmpty()) {
      return WOM_NOT_RUN;
    }
    WomMultiplier m = w.get();
    if (m.multiplier() != null) {
      return null;
    }
    if (m.noMentions()) {
      return NO_MENTIONS;
    }
    if (m.negativeExperiences() == 0 && m.positiveExperiences() == 0 && m.unknownExperiences() == 0) {
      // Gold's note names the first empty side ("no positive experiences"); with both empty say so.
      return NO_EXPERIENCES;
    }
    String note = m.note();
    if (note != null) {
      for (String part : note.split("; ")) {
        if (part.startsWith("multiplier: ")) {
          return part.substring("multiplier: ".length()).replaceFirst("^(undefined|not measured): ", "");
        }
      }
    }
    return "no unhappy and happy experiences to compare";
  }

  /** Label of each channel on the speed tiles; a channel not listed is shown by its name. */
  public static final Map<String, String> CHANNEL_LABELS =
      Map.of("phone", "Phone", "chat", "Chat", "email", "E-mail", "social", "Social");
  /**
   * Channels measured by speed of answer with a service-level tile beside it (a call waits on the
   * line); the others are measured by first response.
   */
  public static final Set<String> ANSWER_CHANNELS = Set.of("phone");
  /**
   * Channels whose first response the page shows in business hours when a --business-hours
   * schedule was given (issue 17: an e-mail arriving Friday 18:00 and answered Monday 9:00 was not
   * waiting 63 hours of the center's time); the calendar figure stays on the tile's basis line.
   */
  public static final Set<String> BUSINESS_HOURS_CHANNELS = Set.of("email");
  /** A wait change below this many seconds is shown as flat. */
  static final double WAIT_FLAT_SECONDS = 0.5;

  /** The tiles in page order: outcomes, then speed per channel, then handle time, abandons, word of mouth. */
  public static List<KpiTile> tiles(ReportModel model) {
    Optional<PeriodKpis> cur = model.current();
    Optional<PeriodKpis> prev = model.previous();
    List<KpiTile> tiles = new ArrayList<>();
    tiles.add(rateTile(model, "Repeat contacts (7 days)", PeriodKpis::repeatRate, k -> Intervals.wilson(k.repeat7d(), k.repeat7dEligible()),
        false, k -> k.repeat7dEligible() == 0 ? notMeasured(k.chains() == 0 ? NO_CONTACTS : REPEAT_NOT_MEASURED)
            : "n = " + ReportFormat.count(k.repeat7dEligible()) + " contacts with a complete 7-day window"));
    tiles.add(rateTile(model, "First-contact resolution", PeriodKpis::fcrRate, k -> Intervals.wilson(k.fcr7d(), k.fcr7dEligible()),
        true, k -> k.fcr7dEligible() == 0
            ? notMeasured(k.chains() == 0 ? NO_CONTACTS : k.answered() == 0 ? NO_ANSWERED : FCR_NOT_MEASURED)
            : "n = " + ReportFormat.count(k.fcr7dEligible()) + " answered contacts"
                + (fcrBasisClause(k).isEmpty() ? "" : "; " + fcrBasisClause(k))));
    tiles.add(rateTile(model, "CSAT (top-2-box)", PeriodKpis::csat, k -> Intervals.wilson(k.csatTop2(), k.csatN()),
        true, k -> k.csatN() == 0 ? notMeasured(csatNotMeasured(k)) : "n = " + ReportFormat.count(k.csatN()) + " surveys"));
    {
      Double value = cur.map(PeriodKpis::nps).orElse(null);
      double[] ci = cur.map(k -> Intervals.nps(k.npsPromoters(), k.npsDetractors(), k.npsN())).orElse(null);
      Double delta = delta(cur.map(PeriodKpis::nps), prev.map(PeriodKpis::nps));
      boolean measured = value != null;
      tiles.add(new KpiTile("NPS", measured || cur.isEmpty() ? ReportFormat.nps(value) : ReportFormat.NOT_MEASURED,
          ci == null ? null : "95% CI " + ReportFormat.npsRange(ci[0], ci[1]),
          measured || cur.isEmpty() ? deltaText(prev.isPresent(), delta, ReportFormat::npsDelta) : "",
          trend(delta, 0.05), judge(delta, 0.05, true),
          cur.map(k -> k.npsN() == 0 ? notMeasured(npsNotMeasured(k))
              : "n = " + ReportFormat.count(k.npsN()) + " responses").orElse(null)));
    }
    // Waits are per channel: phone seconds and e-mail hours averaged together describe no customer.
    tiles.addAll(speedTiles(model));
    tiles.add(secondsTile(model, "Average handle time", PeriodKpis::ahtSeconds, Judgement.NEUTRAL));
    tiles.add(rateTile(model, "Abandon rate", PeriodKpis::abandonRate, k -> Intervals.wilson(k.abandoned(), k.chains()),
        false, k -> k.chains() == 0 ? notMeasured(NO_CONTACTS) : "n = " + ReportFormat.count(k.chains()) + " contacts"));
    {
      Optional<WomMultiplier> w = model.womMultiplier();
      Double value = w.map(WomMultiplier::multiplier).orElse(null);
      Double delta = delta(w.map(WomMultiplier::multiplier), model.previousMultiplier().map(WomMultiplier::multiplier));
      boolean hasPrevious = model.previousMultiplier().map(WomMultiplier::multiplier).isPresent();
      String interval = w.filter(m -> m.ciLow() != null && m.ciHigh() != null)
          .map(m -> "95% CI " + ReportFormat.ratioRange(m.ciLow(), m.ciHigh())).orElse(null);
      String why = womNotMeasured(w);
      tiles.add(new KpiTile("Word-of-mouth multiplier", why == null ? ReportFormat.ratio(value) : ReportFormat.NOT_MEASURED,
          interval, why == null ? deltaText(hasPrevious, delta, ReportFormat::ratioDelta) : "", trend(delta, 0.05),
          judge(delta, 0.05, false),
          why == null ? "people told per unhappy vs happy experience" : notMeasured(why)));
    }
    return tiles;
  }

  /**
   * One speed tile per channel with contacts in the period (speed of answer and service level for
   * {@link #ANSWER_CHANNELS}, first response for the others), each from its own gold
   * channel_speed row; one "n/a" tile saying why when the table is missing.
   */
  public static List<KpiTile> speedTiles(ReportModel model) {
    if (model.channelSpeed().isEmpty()) {
      return List.of(new KpiTile("Speed per channel", ReportFormat.NOT_MEASURED, null, "", Trend.NONE,
          Judgement.NEUTRAL, notMeasured("gold channel_speed is missing: run the metrics stage")));
    }
    List<KpiTile> tiles = new ArrayList<>();
    for (ChannelSpeed c : model.channelSpeed().get()) {
      boolean answer = ANSWER_CHANNELS.contains(c.channel());
      // The previous period's numbers are in the same gold row. A previous period without this
      // channel is no first period: its change is n/a.
      boolean hasPrevious = (c.previousChains() != null && c.previousChains() > 0) || model.previous().isPresent();
      if (inBusinessHours(c)) {
        // channel_speed carries no previous business-hours wait, so the tile shows no change.
        Double delta = null;
        // The label stays as short as the other tiles' (the tile is a quarter of the page wide).
        tiles.add(new KpiTile(channelLabel(c.channel()) + ", business hours",
            ReportFormat.waitTime(c.asaBusinessSeconds()), null,
            deltaText(hasPrevious, delta, ReportFormat::waitDelta), trend(delta, WAIT_FLAT_SECONDS),
            judge(delta, WAIT_FLAT_SECONDS, false),
            "first response while open (calendar "
                + ReportFormat.waitTime(c.asaSeconds()) + "); " + waitBasis(c)));
        continue;
      }
      Double delta = delta(Optional.ofNullable(c.asaSeconds()), Optional.ofNullable(c.previousAsaSeconds()));
      Trend trend = trend(delta, WAIT_FLAT_SECONDS);
      tiles.add(new KpiTile(channelLabel(c.channel()) + (answer ? ": speed of answer" : ": first response"),
          ReportFormat.waitTime(c.asaSeconds()), null,
          deltaText(hasPrevious, delta, ReportFormat::waitDelta), trend, judge(delta, WAIT_FLAT_SECONDS, false),
          waitBasis(c)));
      if (answer) {
        Long offered = c.offered();
        double[] ci = c.serviceLevel() == null ? null : Intervals.wilson(c.answeredInTarget(), offered);
        Double slDelta = delta(Optional.ofNullable(c.serviceLevel()), Optional.ofNullable(c.previousServiceLevel()));
        tiles.add(new KpiTile(channelLabel(c.channel()) + ": service level", ReportFormat.percent(c.serviceLevel()),
            ci == null ? null : "95% CI " + ReportFormat.percentRange(ci[0], ci[1]),
            deltaText(hasPrevious, slDelta, ReportFormat::points), trend(slDelta, 0.0005),
            judge(slDelta, 0.0005, true),
            c.queueMeasured() == 0
                ? "not measured: no queued_at in the source"
                : "within " + ReportFormat.waitTime(c.targetSeconds() == null ? null : c.targetSeconds().doubleValue())
                    + " of queuing; n = " + ReportFormat.count(offered == null ? 0 : offered) + " queued"));
      }
    }
    return tiles;
  }

  /** The channel's first response is shown in business hours: it is one and a schedule was given. */
  static boolean inBusinessHours(ChannelSpeed c) {
    return BUSINESS_HOURS_CHANNELS.contains(c.channel()) && c.asaBusinessSeconds() != null;
  }

  /** What a channel's wait is a mean of, and what is not measured. */
  static String waitBasis(ChannelSpeed c) {
    String n = "n = " + ReportFormat.count(c.asaN());
    if (c.queueMeasured() == 0) {
      return "from contact start, IVR included; " + n;
    }
    if (c.fullyMeasured()) {
      return "mean wait in queue; " + n;
    }
    return "wait in queue on " + ReportFormat.percent((double) c.queueMeasured() / c.chains())
        + " of contacts, else from contact start; " + n;
  }

  /**
   * A sentence naming the channels whose queue time is not measured (and so have no service
   * level), or empty when every channel's is.
   */
  public static Optional<String> notMeasuredNote(ReportModel model) {
    List<String> missing = model.channelSpeed().orElse(List.of()).stream()
        .filter(c -> c.queueMeasured() == 0).map(c -> channelLabel(c.channel()).toLowerCase(java.util.Locale.ROOT))
        .toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Queue time and service level are not measured for " + String.join(", ", missing)
        + ": the contact source does not deliver queued_at, so those waits count from the start of the contact,"
        + " time in the phone menu (IVR) included.");
  }

  /** Speed channel by channel, each on its own clock, from the channel_speed rows. */
  static Optional<String> speedSentence(ReportModel model) {
    List<String> parts = new ArrayList<>();
    for (ChannelSpeed c : model.channelSpeed().orElse(List.of())) {
      if (c.asaSeconds() == null) {
        continue;
      }
      String name = channelLabel(c.channel()).toLowerCase(java.util.Locale.ROOT);
      if (ANSWER_CHANNELS.contains(c.channel())) {
        String part = name + " callers waited " + ReportFormat.waitTime(c.asaSeconds())
            + (c.queueMeasured() == 0 ? " on average" : " on average for an agent");
        if (c.serviceLevel() != null && c.targetSeconds() != null) {
          part += ", " + ReportFormat.percent(c.serviceLevel()) + " answered within "
              + ReportFormat.waitTime(c.targetSeconds().doubleValue());
        }
        parts.add(part);
      } else if (inBusinessHours(c)) {
        parts.add(name + " first response took " + ReportFormat.waitTime(c.asaBusinessSeconds()) + " in business hours");
      } else {
        parts.add(name + " first response took " + ReportFormat.waitTime(c.asaSeconds()));
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of("Speed, channel by channel: " + String.join("; ", parts) + ".");
  }

  static String channelLabel(String channel) {
    return CHANNEL_LABELS.getOrDefault(channel, channel);
  }

  private static KpiTile rateTile(ReportModel model, String label, Function<PeriodKpis, Double> value,
      Function<PeriodKpis, double[]> interval, boolean higherIsBetter, Function<PeriodKpis, String> basis) {
    Optional<PeriodKpis> cur = model.current();
    Double v = cur.map(value).orElse(null);
    double[] ci = v == null ? null : interval.apply(cur.get());
    Double delta = delta(cur.map(value), model.previous().map(value));
    // With the period's numbers present, a NULL rate had nothing to measure: say so, never "n/a".
    boolean notMeasured = cur.isPresent() && v == null;
    return new KpiTile(label, notMeasured ? ReportFormat.NOT_MEASURED : ReportFormat.percent(v),
        ci == null ? null : "95% CI " + ReportFormat.percentRange(ci[0], ci[1]),
        notMeasured ? "" : deltaText(model.previous().isPresent(), delta, ReportFormat::points), trend(delta, 0.0005),
        judge(delta, 0.0005, higherIsBetter), cur.map(basis).orElse(null));
  }

  private static KpiTile secondsTile(ReportModel model, String label, Function<PeriodKpis, Double> value, Judgement whenUp) {
    Double v = model.current().map(value).orElse(null);
    boolean notMeasured = model.current().isPresent() && v == null;
    if (notMeasured) {
      return new KpiTile(label, ReportFormat.NOT_MEASURED, null, "", Trend.NONE, Judgement.NEUTRAL,
          notMeasured(model.current().get().chains() == 0 ? NO_CONTACTS : NO_ANSWERED));
    }
    Double delta = delta(model.current().map(value), model.previous().map(value));
    Trend trend = trend(delta, 0.5);
    Judgement judgement = whenUp == Judgement.NEUTRAL || trend == Trend.FLAT || trend == Trend.NONE
        ? Judgement.NEUTRAL
        : trend == Trend.UP ? Judgement.BAD : Judgement.GOOD;
    return new KpiTile(label, ReportFormat.duration(v), null,
        deltaText(model.previous().isPresent(), delta, ReportFormat::durationDelta), trend, judgement,
        model.current().map(k -> "mean over " + ReportFormat.count(k.answered()) + " answered contacts").orElse(null));
  }

  private static Double delta(Optional<Double> current, Optional<Double> previous) {
    return current.isPresent() && previous.isPresent() ? current.get() - previous.get() : null;
  }

  private static String deltaText(boolean hasPrevious, Double delta, Function<Double, String> format) {
    if (!hasPrevious) {
      return ReportFormat.FIRST_PERIOD;
    }
    return delta == null ? ReportFormat.NONE : format.apply(delta);
  }

  private static Trend trend(Double delta, double flatBelow) {
    if (delta == null) {
      return Trend.NONE;
    }
    return Math.abs(delta) < flatBelow ? Trend.FLAT : delta > 0 ? Trend.UP : Trend.DOWN;
  }

  private static Judgement judge(Double delta, double flatBelow, boolean higherIsBetter) {
    Trend t = trend(delta, flatBelow);
    if (t == Trend.NONE || t == Trend.FLAT) {
      return Judgement.NEUTRAL;
    }
    return (t == Trend.UP) == higherIsBetter ? Judgement.GOOD : Judgement.BAD;
  }

  /**
   * The resolution-versus-speed headline of csat_by_fcr_speed, or empty when a group (resolved,
   * unresolved, quartile 1, quartile 4) has fewer than {@link #MIN_SURVEYS_PER_GROUP} surveys.
   */
  public static Optional<ResolutionVersusSpeedHeadline> resolutionEffect(ReportModel model) {
    List<ResolutionVersusSpeedHeadline.Cell> cells = model.csatBySpeed().orElse(List.of()).stream()
        .map(c -> new ResolutionVersusSpeedHeadline.Cell(c.fcr7d(), c.handleQuartile(), c.n(), c.csatTop2()))
        .toList();
    ResolutionVersusSpeedHeadline headline = ResolutionVersusSpeedHeadline.from(model.periodEnd(), cells);
    boolean enough = headline.resolved().n() >= MIN_SURVEYS_PER_GROUP && headline.unresolved().n() >= MIN_SURVEYS_PER_GROUP
        && headline.quartile1().n() >= MIN_SURVEYS_PER_GROUP && headline.quartile4().n() >= MIN_SURVEYS_PER_GROUP;
    return enough ? Optional.of(headline) : Optional.empty();
  }

  /** Total surveys in csat_by_fcr_speed for the period. */
  public static long surveysInSpeedTable(ReportModel model) {
    return model.csatBySpeed().orElse(List.of()).stream().mapToLong(CsatCell::n).sum();
  }

  /** Three to five sentences, each built only from numbers the report also shows. */
  public static List<String> sentences(ReportModel model) {
    List<String> out = new ArrayList<>();
    String period = "In the " + model.periodDays() + " days to " + ReportFormat.day(model.periodEnd());
    if (model.current().isEmpty()) {
      out.add(period + " there are no service metrics yet: the metrics stage has not run for this warehouse.");
    } else {
      PeriodKpis k = model.current().get();
      List<KpiTile> tiles = tiles(model);
      if (k.chains() == 0) {
        out.add(period + " no contacts were recorded.");
      } else if (k.repeatRate() == null || k.fcrRate() == null) {
        out.add(period + ", customers made " + ReportFormat.count(k.chains()) + " contacts; none has a complete"
            + " 7-day window yet, so repeat contacts and first-contact resolution cannot be measured.");
      } else {
        out.add(period + ", customers made " + ReportFormat.count(k.chains()) + " contacts; "
            + ReportFormat.percent(k.repeatRate()) + " came back within 7 days"
            + changeClause(tiles.get(0)) + " and " + ReportFormat.percent(k.fcrRate())
            + " were resolved at first contact" + changeClause(tiles.get(1))
            + (fcrBasisClause(k).isEmpty() ? "" : " (" + fcrBasisClause(k) + ")") + ".");
      }
      if (k.chains() > 0 && k.csatN() == 0 && k.npsN() == 0) {
        out.add("CSAT and NPS are not measured: " + NO_SURVEYS + ".");
      }
    }
    // The speed tiles already give each channel's wait; the words only say what is not measured.
    notMeasuredNote(model).ifPresent(out::add);
    Optional<ResolutionVersusSpeedHeadline> effect = resolutionEffect(model);
    if (effect.isPresent()) {
      ResolutionVersusSpeedHeadline e = effect.get();
      Interval fcrGap = e.fcrDifference();
      Interval speedStep = e.quartileStep();
      boolean resolvingMatters = Math.abs(fcrGap.estimate()) > Math.abs(speedStep.estimate());
      String gap = ReportFormat.points(fcrGap.estimate()) + " (95% CI " + ReportFormat.points(fcrGap.low()) + " to "
          + ReportFormat.points(fcrGap.high()) + ")";
      String step = ReportFormat.points(speedStep.estimate()) + " (95% CI " + ReportFormat.points(speedStep.low()) + " to "
          + ReportFormat.points(speedStep.high()) + ")";
      double times = speedStep.estimate() == 0 ? Double.POSITIVE_INFINITY : Math.abs(fcrGap.estimate() / speedStep.estimate());
      String howMuch = Double.isInfinite(times) || times >= 100 ? "" : ", about " + ReportFormat.ratio(times) + " as much";
      out.add((resolvingMatters ? "Resolving matters more for CSAT than speed" + howMuch : "Speed matters more for CSAT than resolving here")
          + ": resolving at first contact moves top-2-box CSAT by " + gap + " ("
          + ReportFormat.percent(e.resolved().rate()) + " versus " + ReportFormat.percent(e.unresolved().rate())
          + "), while one handle-time quartile faster moves it by " + step + ".");
    } else if (model.csatBySpeed().isPresent() && surveysInSpeedTable(model) > 0) {
      out.add("Not enough surveys in this period to compare resolving with speed (n = "
          + ReportFormat.count(surveysInSpeedTable(model)) + ").");
    }
    Optional<WomMultiplier> wom = model.womMultiplier();
    if (wom.isPresent() && wom.get().multiplier() != null) {
      WomMultiplier w = wom.get();
      String ci = w.ciLow() != null && w.ciHigh() != null ? " (95% CI " + ReportFormat.ratioRange(w.ciLow(), w.ciHigh()) + ")" : "";
      out.add("An unhappy experience reaches " + ReportFormat.ratio(w.multiplier()) + " as many people as a happy one" + ci
          + ": " + ReportFormat.decimal(w.toldPerNegative()) + " versus " + ReportFormat.decimal(w.toldPerPositive())
          + " people per experience" + referenceClause(w) + unknownClause(w) + ".");
    } else if (wom.isPresent()) {
      out.add("Word of mouth is not measured this period: " + womNotMeasured(wom) + unknownClause(wom.get()) + ".");
    }
    driverSentence(model).ifPresent(out::add);
    if (out.size() < 5) {
      speedTrapSentence(model).ifPresent(out::add);
    }
    return out;
  }

  /** How many experiences were left out for want of a survey or an outcome, as a clause. */
  static String unknownClause(WomMultiplier w) {
    return w.unknownExperiences() == 0 ? ""
        : "; " + ReportFormat.count(w.unknownExperiences()) + " contacts with neither a survey score nor a reported"
            + " outcome are left out, not counted unhappy";
  }

  private static String changeClause(KpiTile tile) {
    if (tile.trend() == Trend.NONE) {
      return "";
    }
    return " (" + tile.delta() + " on the previous period)";
  }

  private static String referenceClause(WomMultiplier w) {
    if (w.ciLow() == null || w.ciHigh() == null) {
      return "";
    }
    if (w.ciHigh() < FOLKLORE_RATIO && w.ciLow() <= STUDIES_RATIO && w.ciHigh() >= STUDIES_RATIO) {
      return ", in line with the about 2x of published consumer studies and far from the folklore 11x";
    }
    if (w.ciHigh() < FOLKLORE_RATIO) {
      return w.ciLow() > STUDIES_RATIO
          ? ", more than the about 2x of published consumer studies but below the folklore 11x"
          : ", less than the about 2x of published consumer studies";
    }
    return w.ciLow() > FOLKLORE_RATIO ? ", even above the folklore 11x" : ", an interval that includes the folklore 11x";
  }

  private static Optional<String> driverSentence(ReportModel model) {
    List<RepeatDriver> queues = model.repeatByQueue().orElse(List.of());
    long totalRepeats = queues.stream().mapToLong(RepeatDriver::repeats).sum();
    if (totalRepeats == 0) {
      return Optional.empty();
    }
    RepeatDriver top = queues.get(0);
    String s = "The " + top.name() + " queue drives the most repeat contacts: "
        + ReportFormat.percent((double) top.repeats() / totalRepeats) + " of all repeats, at a repeat rate of "
        + ReportFormat.percent(top.rate());
    List<RepeatDriver> categories = model.repeatByCategory().orElse(List.of());
    long categoryRepeats = categories.stream().mapToLong(RepeatDriver::repeats).sum();
    boolean categorized = categories.stream().anyMatch(c -> !ReportData.NO_CATEGORY.equals(c.name()));
    if (categoryRepeats > 0 && categorized) {
      RepeatDriver c = categories.get(0);
      s += "; by issue, " + c.name() + " leads with " + ReportFormat.percent((double) c.repeats() / categoryRepeats)
          + " of repeats";
    }
    return Optional.of(s + ".");
  }

  private static Optional<String> speedTrapSentence(ReportModel model) {
    List<ReportModel.Agent> agents = model.agents().orElse(List.of());
    if (agents.size() < AgentsPage.MIN_AGENTS) {
      return Optional.empty();
    }
    long trapped = agents.stream().filter(a -> AgentMetricsSchema.SPEED_TRAP.equals(a.quadrant())).count();
    return Optional.of(trapped + " of " + agents.size()
        + " agents with enough data are in the speed trap: shorter handle times than the median agent but below-median first-contact resolution.");
  }
}
