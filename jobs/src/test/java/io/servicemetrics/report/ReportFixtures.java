package io.servicemetrics.report;

import io.servicemetrics.report.ReportModel.Agent;
import io.servicemetrics.report.ReportModel.ChannelSpeed;
import io.servicemetrics.report.ReportModel.CsatCell;
import io.servicemetrics.report.ReportModel.DailyPoint;
import io.servicemetrics.report.ReportModel.ModelTerm;
import io.servicemetrics.report.ReportModel.PeriodKpis;
import io.servicemetrics.report.ReportModel.RepeatDriver;
import io.servicemetrics.report.ReportModel.SourceQuality;
import io.servicemetrics.report.ReportModel.WomMentions;
import io.servicemetrics.report.ReportModel.WomMultiplier;
import io.servicemetrics.schema.AgentMetricsSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Literal report models: a realistic month and an empty warehouse. */
final class ReportFixtures {
  static final LocalDate END = LocalDate.of(2025, 3, 28);

  private ReportFixtures() {}

  /** A plausible contact centre month; every number is a literal or a fixed formula. */
  static ReportModel realistic() {
    // NPS: promoters 1,180, detractors 548 of 2,950 -> 100 x 632 / 2,950 = +21.4; npsSum = 100 x 632.
    PeriodKpis current = new PeriodKpis(12_480, 11_830, 650, 1_690, 9_210, 6_402, 8_800, 2_712, 3_540,
        63_200, 2_950, 1_180, 548, 48.0 * 11_830, 402.0 * 11_830);
    PeriodKpis previous = new PeriodKpis(12_010, 11_300, 710, 1_790, 9_400, 6_250, 8_700, 2_650, 3_500,
        56_000, 2_800, 1_100, 540, 55.0 * 11_300, 395.0 * 11_300);
    List<DailyPoint> daily = new ArrayList<>();
    for (int i = 27; i >= 0; i--) {
      LocalDate d = END.minusDays(i);
      long chains = 420 + (i * 37 % 60);
      long eligible = i >= 7 ? chains * 74 / 100 : chains * 74 / 100 * i / 7;
      long repeats = eligible * (150 + (i * 13 % 40)) / 1000;
      long fcrEligible = eligible * 95 / 100;
      long fcr = fcrEligible * (700 + (i * 17 % 50)) / 1000;
      daily.add(new DailyPoint(d, chains, repeats, eligible, fcr, fcrEligible));
    }
    List<RepeatDriver> queues = List.of(
        new RepeatDriver("billing", 3_100, 2_300, 560), new RepeatDriver("tech_support", 2_900, 2_150, 420),
        new RepeatDriver("orders", 2_600, 1_900, 300), new RepeatDriver("returns", 1_700, 1_250, 210),
        new RepeatDriver("accounts", 1_300, 960, 130), new RepeatDriver("general", 880, 650, 70));
    List<RepeatDriver> categories = List.of(
        new RepeatDriver("billing_dispute", 1_900, 1_400, 410), new RepeatDriver("refund_status", 1_600, 1_200, 330),
        new RepeatDriver("login_problem", 1_500, 1_100, 250), new RepeatDriver("delivery_delay", 2_100, 1_550, 240),
        new RepeatDriver("product_question", 2_400, 1_780, 190), new RepeatDriver("cancel_order", 900, 660, 120),
        new RepeatDriver("address_change", 800, 590, 60), new RepeatDriver("other", 1_280, 930, 90),
        new RepeatDriver("(none)", 0, 0, 0));
    double[][] csat = {{0.86, 0.85, 0.83, 0.80}, {0.53, 0.50, 0.47, 0.43}};
    long[][] n = {{610, 590, 540, 480}, {280, 310, 330, 400}};
    List<CsatCell> cells = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      for (int q = 0; q < 4; q++) {
        long k = Math.round(csat[f][q] * n[f][q]);
        double[] ci = Intervals.wilson(k, n[f][q]);
        cells.add(new CsatCell(f == 0, q + 1, n[f][q], (double) k / n[f][q], ci[0], ci[1]));
      }
    }
    List<ModelTerm> terms = List.of(
        new ModelTerm("intercept", 3.21, 0.06, 53.5, 1e-9, null, 3_540, 0.214, null), term("fcr_7d", 0.92, 0.05, 1e-12, 0.38),
        term("handle_minutes", -0.021, 0.008, 0.0087, -0.05), term("wait_minutes", -0.006, 0.004, 0.134, -0.02),
        term("transfers", -0.21, 0.04, 2e-7, -0.09));
    List<Agent> agents = new ArrayList<>();
    double[] aht = new double[24];
    double[] fcr = new double[24];
    for (int i = 0; i < 24; i++) {
      aht[i] = 260 + (i * 53 % 290);
      fcr[i] = 0.58 + (i * 29 % 30) / 100.0;
    }
    double mAht = AgentsPage.median(aht);
    double mFcr = AgentsPage.median(fcr);
    for (int i = 0; i < 24; i++) {
      String q = aht[i] < mAht
          ? (fcr[i] >= mFcr ? AgentMetricsSchema.FAST_RESOLVING : AgentMetricsSchema.SPEED_TRAP)
          : (fcr[i] >= mFcr ? AgentMetricsSchema.SLOW_RESOLVING : AgentMetricsSchema.STRUGGLING);
      agents.add(new Agent(String.format("A%03d", i + 1), "team-" + (char) ('a' + i % 4), 180 + (i * 71 % 420),
          aht[i], fcr[i], 120 + (i * 61 % 300), 0.7, 60, q));
    }
    WomMultiplier wom = new WomMultiplier(820, 2_310, 0.061, 0.024, 38.2, 15.9, 38.2 / 15.9, 1.71, 3.32, 2.1, null);
    WomMultiplier previousWom = new WomMultiplier(790, 2_200, 0.058, 0.025, 35.0, 16.0, 35.0 / 16.0, 1.5, 3.1, 2.0, null);
    WomMentions mentions = new WomMentions(412, 655, 412.0 / 655, 0.55, 0.71, 1.85, 1.31, 2.62, 1.16, 0.81, 1.70);
    List<SourceQuality> quality = List.of(
        new SourceQuality("contacts", 28, 13_100, 12_950, 95, 55, new TreeMap<>(java.util.Map.of("bad_timestamp", 60L, "missing_required", 35L))),
        new SourceQuality("customer_handles", 28, 2_000, 2_000, 0, 0, new TreeMap<>()),
        new SourceQuality("mentions", 28, 1_400, 1_380, 20, 0, new TreeMap<>(java.util.Map.of("=cmd|' /C calc'!A0", 20L))),
        new SourceQuality("surveys", 28, 3_700, 3_640, 12, 48, new TreeMap<>(java.util.Map.of("score_out_of_range", 12L))));
    return new ReportModel(END, 28, Optional.of(current), Optional.of(previous), daily, Optional.of(queues),
        Optional.of(categories), Optional.of(cells), Optional.of(terms), Optional.of(agents), 5, Optional.of(wom),
        Optional.of(previousWom), Optional.of(mentions), Optional.of(quality), List.of("1"),
        Optional.of(Instant.parse("2025-03-29T00:00:00Z")))
        .withChannelSpeed(Optional.of(REALISTIC_CHANNELS));
  }

  /**
   * Speed per channel, 12,480 chains in all, queue time delivered everywhere. Phone: 6,900 queued,
   * 100 short abandons, 5,040 answered within 20 s: service level 5,040 / 6,800 = 74.1%. Previous
   * period: phone ASA 34 s (now -0:07) and service level 70.0% (now +4.1 pp), chat 58 s (+0:04),
   * no e-mail or social (n/a).
   */
  static final List<ChannelSpeed> REALISTIC_CHANNELS = List.of(
      new ChannelSpeed("phone", 7_000, 6_600, 7_000, 6_900L, 6_500, 27.0, 5_040L, 100L, 5_040.0 / 6_800, 20L,
          300.0 / 6_800, 80L, null, null, 7_100L, 34.0, 0.7),
      new ChannelSpeed("chat", 3_000, 2_900, 3_000, 3_000L, 2_900, 62.0, 2_100L, 0L, 0.7, 60L, 100.0 / 3_000, 0L,
          null, null, 3_050L, 58.0, 2_000.0 / 3_050),
      new ChannelSpeed("email", 1_500, 1_490, 1_500, 1_500L, 1_490, 11_520.0, 1_300L, 0L, 1_300.0 / 1_500, 86_400L,
          10.0 / 1_500, 0L, null, null, null, null, null),
      new ChannelSpeed("social", 980, 950, 980, 980L, 950, 2_400.0, 950L, 0L, 950.0 / 980, 3_600L, 30.0 / 980, 0L,
          null, null, null, null, null));

  private static ModelTerm term(String name, double coef, double se, double p, double beta) {
    return new ModelTerm(name, coef, se, coef / se, p, beta, 3_540, 0.214, null);
  }

  /** Nothing has run: no gold tables at all. */
  static ReportModel empty() {
    return new ReportModel(END, 28, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(), Optional.empty());
  }

  /** The tables exist but hold almost nothing for the period (a first, tiny period). */
  static ReportModel sparse() {
    PeriodKpis current = new PeriodKpis(9, 8, 1, 0, 0, 0, 0, 2, 3, 100, 3, 1, 0, 8 * 30.0, 8 * 300.0);
    List<CsatCell> cells = List.of(new CsatCell(true, 1, 2, 1.0, 0.34, 1.0), new CsatCell(false, 4, 1, 0.0, 0.0, 0.79));
    List<ModelTerm> terms = List.of(new ModelTerm("intercept", null, null, null, null, null, 3, null,
        "sample of 3 is too small for 5 coefficients"));
    List<Agent> agents = List.of(new Agent("A1", "t", 9, 300.0, 0.5, 20, null, 0, AgentMetricsSchema.SPEED_TRAP));
    WomMultiplier wom = new WomMultiplier(0, 2, null, 0.0, null, 0.0, null, null, null, null,
        "no negative experiences with a complete follow window");
    return new ReportModel(END, 28, Optional.of(current), Optional.empty(),
        List.of(new DailyPoint(END, 9, 0, 0, 0, 0)), Optional.of(List.of(new RepeatDriver("billing", 9, 0, 0))),
        Optional.of(List.of()), Optional.of(cells), Optional.of(terms), Optional.of(agents), 2, Optional.of(wom),
        Optional.empty(), Optional.empty(), Optional.of(List.of()), List.of("1"), Optional.of(Instant.parse("2025-03-29T00:00:00Z")))
        // A source without queued_at: phone speed counts from contact start, no service level.
        .withChannelSpeed(Optional.of(List.of(
            new ChannelSpeed("phone", 9, 8, 0, null, 8, 30.0, null, null, null, 20L, null, null, null, null, null, null, null))));
  }

  /**
   * A month of contact records only, shaped like a real call log: no outcome column, no surveys, no
   * mentions, no issue category. FCR rests on no repeat within 7 days; CSAT, NPS and word of mouth
   * are not measured.
   */
  static ReportModel contactsOnly() {
    // FCR: 4,900 of 6,800 eligible, all on the no-repeat basis -> 72.1 %; repeat 3,100 / 7,300 -> 42.5 %.
    PeriodKpis current = new PeriodKpis(12_000, 11_200, 800, 3_100, 7_300, 4_900, 6_800, 0, 0, 0, 0, 0, 0,
        48.0 * 11_200, 300.0 * 11_200, 6_800);
    List<DailyPoint> daily = new ArrayList<>();
    for (int i = 27; i >= 0; i--) {
      long chains = 400 + (i * 37 % 60);
      long eligible = i >= 7 ? chains * 60 / 100 : 0;
      long repeats = eligible * (400 + (i * 13 % 60)) / 1000;
      long fcrEligible = eligible * 93 / 100;
      daily.add(new DailyPoint(END.minusDays(i), chains, repeats, eligible, fcrEligible - repeats, fcrEligible));
    }
    List<RepeatDriver> queues = List.of(new RepeatDriver("retail", 7_000, 4_300, 1_900),
        new RepeatDriver("premium", 3_000, 1_800, 966), new RepeatDriver("technical", 2_000, 1_200, 234));
    List<RepeatDriver> categories = List.of(new RepeatDriver(ReportData.NO_CATEGORY, 12_000, 7_300, 3_100));
    List<CsatCell> cells = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      for (int q = 1; q <= 4; q++) {
        cells.add(new CsatCell(f == 0, q, 0, null, null, null));
      }
    }
    List<ModelTerm> terms = List.of(new ModelTerm("intercept", null, null, null, null, null, 0, null,
        "too few observations"));
    List<Agent> agents = new ArrayList<>();
    double[] aht = new double[24];
    double[] fcr = new double[24];
    for (int i = 0; i < 24; i++) {
      aht[i] = 150 + (i * 37 % 200);
      fcr[i] = 0.62 + (i * 29 % 20) / 100.0;
    }
    double mAht = AgentsPage.median(aht);
    double mFcr = AgentsPage.median(fcr);
    for (int i = 0; i < 24; i++) {
      String q = aht[i] < mAht
          ? (fcr[i] >= mFcr ? AgentMetricsSchema.FAST_RESOLVING : AgentMetricsSchema.SPEED_TRAP)
          : (fcr[i] >= mFcr ? AgentMetricsSchema.SLOW_RESOLVING : AgentMetricsSchema.STRUGGLING);
      agents.add(new Agent(String.format("A%03d", i + 1), null, 400 + i * 10, aht[i], fcr[i], 280 + i * 8, null, 0, q));
    }
    WomMultiplier wom = new WomMultiplier(800, 0, null, null, null, null, null, null, null, null,
        "multiplier: not measured: no mentions were delivered for the period; survey_multiplier: undefined: no"
            + " survey with csat <= 2 reports people_told; experiences: 10,400 left out: neither a survey csat nor a"
            + " reported outcome (polarity unknown)", 10_400, 0);
    WomMentions mentions = new WomMentions(0, 0, null, null, null, null, null, null, null, null, null);
    List<SourceQuality> quality = List.of(new SourceQuality("contacts", 28, 12_400, 12_400, 0, 0, new TreeMap<>()));
    return new ReportModel(END, 28, Optional.of(current), Optional.empty(), daily, Optional.of(queues),
        Optional.of(categories), Optional.of(cells), Optional.of(terms), Optional.of(agents), 0, Optional.of(wom),
        Optional.empty(), Optional.of(mentions), Optional.of(quality), List.of("1"),
        Optional.of(Instant.parse("2025-03-29T00:00:00Z")));
  }

  /**
   * One day of contact records only (no outcome, surveys or mentions): no 7-day window is complete,
   * so repeat contacts and FCR are not measured either.
   */
  static ReportModel contactsOnlyOneDay() {
    PeriodKpis current = new PeriodKpis(1_200, 1_120, 80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 48.0 * 1_120,
        300.0 * 1_120, 0);
    List<CsatCell> cells = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      for (int q = 1; q <= 4; q++) {
        cells.add(new CsatCell(f == 0, q, 0, null, null, null));
      }
    }
    List<ModelTerm> terms = List.of(new ModelTerm("intercept", null, null, null, null, null, 0, null,
        "too few observations"));
    WomMultiplier wom = new WomMultiplier(0, 0, null, null, null, null, null, null, null, null,
        "multiplier: not measured: no mentions were delivered for the period", 0, 0);
    WomMentions mentions = new WomMentions(0, 0, null, null, null, null, null, null, null, null, null);
    return new ReportModel(END, 28, Optional.of(current), Optional.empty(),
        List.of(new DailyPoint(END, 1_200, 0, 0, 0, 0)),
        Optional.of(List.of(new RepeatDriver("retail", 1_200, 0, 0))),
        Optional.of(List.of(new RepeatDriver(ReportData.NO_CATEGORY, 1_200, 0, 0))), Optional.of(cells),
        Optional.of(terms), Optional.of(List.of()), 24, Optional.of(wom), Optional.empty(), Optional.of(mentions),
        Optional.of(List.of(new SourceQuality("contacts", 1, 1_200, 1_200, 0, 0, new TreeMap<>()))), List.of("1"),
        Optional.of(Instant.parse("2025-03-29T00:00:00Z")));
  }
  /** Mentions delivered in {@link #mentionsOnly()}: 412 unhappy and 655 happy. */
  static final long MENTIONS_ONLY_MENTIONS = 412 + 655;

  /**
   * Only mentions were delivered: no contacts, no surveys. The metrics stage ran over nothing (every
   * count 0), so every contact figure is not measured; the word-of-mouth stage found no experience
   * to follow (multiplier undefined) while gold wom_mentions measured the mention ratios: 412
   * unhappy versus 655 happy mentions, incidence 412 / 655 = 0.63x (95% CI 0.55-0.71), reach 1.85x
   * (1.31-2.62), exposure 1.16x (0.81-1.70).
   */
  static ReportModel mentionsOnly() {
    PeriodKpis current = new PeriodKpis(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    WomMultiplier wom = new WomMultiplier(0, 0, null, null, null, null, null, null, null, null,
        "multiplier: undefined: no positive experiences with a complete follow window; survey_multiplier: undefined:"
            + " no survey with csat <= 2 reports people_told", 0, MENTIONS_ONLY_MENTIONS);
    WomMentions mentions = new WomMentions(412, 655, 412.0 / 655, 0.55, 0.71, 1.85, 1.31, 2.62, 1.16, 0.81, 1.70);
    List<SourceQuality> quality = List.of(
        new SourceQuality("mentions", 28, 1_080, 1_067, 13, 0, new TreeMap<>(java.util.Map.of("bad_timestamp", 13L))));
    return new ReportModel(END, 28, Optional.of(current), Optional.empty(), List.of(), Optional.of(List.of()),
        Optional.of(List.of()), Optional.of(List.of()), Optional.of(List.of()), Optional.of(List.of()), 0,
        Optional.of(wom), Optional.empty(), Optional.of(mentions), Optional.of(quality), List.of("1"),
        Optional.of(Instant.parse("2025-03-29T00:00:00Z")))
        .withChannelSpeed(Optional.of(List.of()));
  }

  /** First day of {@link #year()}: 365 days to {@link #END}. */
  static final LocalDate YEAR_START = END.minusDays(364);

  /**
   * The realistic centre over a full year: 365 daily points with a weekly and a yearly swing, the
   * last 7 days not yet final (eligible shrinking to 0 on the run date). Period repeat and FCR
   * counts are the sums of the daily points; the rest of the year is the realistic month's.
   */
  static ReportModel year() {
    ReportModel month = realistic();
    List<DailyPoint> daily = new ArrayList<>();
    long chains = 0;
    long repeats = 0;
    long eligible = 0;
    long fcr = 0;
    long fcrEligible = 0;
    for (int i = 364; i >= 0; i--) {
      LocalDate d = END.minusDays(i);
      int weekday = d.getDayOfWeek().getValue();
      long c = (weekday >= 6 ? 220 : 430) + (i * 37 % 60) + (d.getMonthValue() == 12 ? 120 : 0);
      long e = i >= 7 ? c * 74 / 100 : c * 74 / 100 * i / 7;
      long r = e * (150 + (i * 13 % 40) + (d.getMonthValue() <= 2 ? 30 : 0)) / 1000;
      long fe = e * 95 / 100;
      long f = fe * (700 + (i * 17 % 50)) / 1000;
      daily.add(new DailyPoint(d, c, r, e, f, fe));
      chains += c;
      repeats += r;
      eligible += e;
      fcr += f;
      fcrEligible += fe;
    }
    long answered = chains * 95 / 100;
    PeriodKpis current = new PeriodKpis(chains, answered, chains - answered, repeats, eligible, fcr, fcrEligible,
        2_712 * 13, 3_540 * 13, 63_200.0 * 13, 2_950 * 13, 1_180 * 13, 548 * 13, 48.0 * answered, 402.0 * answered);
    return new ReportModel(END, 365, Optional.of(current), Optional.empty(), daily, month.repeatByQueue(),
        month.repeatByCategory(), month.csatBySpeed(), month.model(), month.agents(), month.agentsInsufficient(),
        month.womMultiplier(), Optional.empty(), month.womMentions(), Optional.of(List.of(
            new SourceQuality("contacts", 365, 152_000, 150_900, 1_100, 0, new TreeMap<>(java.util.Map.of("bad_timestamp", 1_100L))),
            new SourceQuality("mentions", 365, 1_080, 1_067, 13, 0, new TreeMap<>(java.util.Map.of("bad_timestamp", 13L))),
            new SourceQuality("surveys", 365, 46_100, 46_020, 80, 0, new TreeMap<>(java.util.Map.of("score_out_of_range", 80L))))),
        List.of("1"), month.asOf())
        .withChannelSpeed(Optional.of(REALISTIC_CHANNELS));
  }
}
