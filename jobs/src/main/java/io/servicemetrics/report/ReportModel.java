package io.servicemetrics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the report shows, already reduced to small aggregates: no Spark types, so every page,
 * chart and sentence can be built and tested from literal values. Optional fields are empty when
 * the gold table that feeds them is missing (the stage has not run); lists are empty when the
 * table exists but holds nothing for the period. Lists are sorted by the loader, so rendering is
 * deterministic.
 *
 * @param periodEnd last day (inclusive) of the period, the run date D
 * @param periodDays period length in days
 * @param current period KPIs, empty when gold/daily_service_metrics is missing
 * @param previous the previous period's KPIs, empty when missing or without any chains
 * @param daily per-day repeat and FCR counts over the period, by date
 * @param repeatByQueue repeat contacts per queue, most repeats first
 * @param repeatByCategory repeat contacts per issue category, most repeats first
 * @param csatBySpeed CSAT by fcr_7d x handle quartile, empty optional when the table is missing
 * @param model regression terms for the period, empty optional when the table is missing
 * @param agents agents with enough data (quadrant not insufficient_data), by agent id
 * @param agentsInsufficient agents left out for too little data
 * @param womMultiplier the experience-based multiplier row for the period, if any
 * @param previousMultiplier the previous period's multiplier, if any
 * @param womMentions the mention-based ratios for the period, if any
 * @param dataQuality per-source ingest reconciliation over the period's delivery dates
 * @param definitionsVersions distinct definitions_version values seen in the period's gold rows
 * @param asOf the latest as_of seen in the period's gold rows
 * @param channelSpeed speed per channel for the period (gold channel_speed), channels in
 *     {@link ChannelSpeed#ORDER}; empty optional when the table is missing
 * @param worth the "What resolution is worth" page's gold rows; empty optional when gold
 *     staffing_intervals and resolution_value are both missing (the page is left out)
 */
public record ReportModel(
    LocalDate periodEnd,
    int periodDays,
    Optional<PeriodKpis> current,
    Optional<PeriodKpis> previous,
    List<DailyPoint> daily,
    Optional<List<RepeatDriver>> repeatByQueue,
    Optional<List<RepeatDriver>> repeatByCategory,
    Optional<List<CsatCell>> csatBySpeed,
    Optional<List<ModelTerm>> model,
    Optional<List<Agent>> agents,
    long agentsInsufficient,
    Optional<WomMultiplier> womMultiplier,
    Optional<WomMultiplier> previousMultiplier,
    Optional<WomMentions> womMentions,
    Optional<List<SourceQuality>> dataQuality,
    List<String> definitionsVersions,
    Optional<Instant> asOf,
    Optional<List<ChannelSpeed>> channelSpeed,
    Optional<ResolutionWorth> worth) {

  /** A model without the staffing tables (the "What resolution is worth" page is left out). */
  public ReportModel(LocalDate periodEnd, int periodDays, Optional<PeriodKpis> current, Optional<PeriodKpis> previous,
      List<DailyPoint> daily, Optional<List<RepeatDriver>> repeatByQueue, Optional<List<RepeatDriver>> repeatByCategory,
      Optional<List<CsatCell>> csatBySpeed, Optional<List<ModelTerm>> model, Optional<List<Agent>> agents,
      long agentsInsufficient, Optional<WomMultiplier> womMultiplier, Optional<WomMultiplier> previousMultiplier,
      Optional<WomMentions> womMentions, Optional<List<SourceQuality>> dataQuality, List<String> definitionsVersions,
      Optional<Instant> asOf, Optional<List<ChannelSpeed>> channelSpeed) {
    this(periodEnd, periodDays, current, previous, daily, repeatByQueue, repeatByCategory, csatBySpeed, model, agents,
        agentsInsufficient, womMultiplier, previousMultiplier, womMentions, dataQuality, definitionsVersions, asOf,
        channelSpeed, Optional.empty());
  }

  /** A model without per-channel speed (gold channel_speed missing). */
  public ReportModel(LocalDate periodEnd, int periodDays, Optional<PeriodKpis> current, Optional<PeriodKpis> previous,
      List<DailyPoint> daily, Optional<List<RepeatDriver>> repeatByQueue, Optional<List<RepeatDriver>> repeatByCategory,
      Optional<List<CsatCell>> csatBySpeed, Optional<List<ModelTerm>> model, Optional<List<Agent>> agents,
      long agentsInsufficient, Optional<WomMultiplier> womMultiplier, Optional<WomMultiplier> previousMultiplier,
      Optional<WomMentions> womMentions, Optional<List<SourceQuality>> dataQuality, List<String> definitionsVersions,
      Optional<Instant> asOf) {
    this(periodEnd, periodDays, current, previous, daily, repeatByQueue, repeatByCategory, csatBySpeed, model, agents,
        agentsInsufficient, womMultiplier, previousMultiplier, womMentions, dataQuality, definitionsVersions, asOf,
        Optional.empty(), Optional.empty());
  }

  public ReportModel {
    Objects.requireNonNull(periodEnd, "periodEnd");
    if (periodDays < 1) {
      throw new IllegalArgumentException("periodDays must be at least 1, was " + periodDays);
    }
    daily = List.copyOf(daily);
    definitionsVersions = List.copyOf(definitionsVersions);
    Objects.requireNonNull(channelSpeed, "channelSpeed");
    Objects.requireNonNull(worth, "worth");
  }

  /** The same model with the "What resolution is worth" page's rows. */
  public ReportModel withWorth(Optional<ResolutionWorth> rows) {
    return new ReportModel(periodEnd, periodDays, current, previous, daily, repeatByQueue, repeatByCategory,
        csatBySpeed, model, agents, agentsInsufficient, womMultiplier, previousMultiplier, womMentions, dataQuality,
        definitionsVersions, asOf, channelSpeed, rows);
  }

  /** The same model with per-channel speed. */
  public ReportModel withChannelSpeed(Optional<List<ChannelSpeed>> rows) {
    return new ReportModel(periodEnd, periodDays, current, previous, daily, repeatByQueue, repeatByCategory,
        csatBySpeed, model, agents, agentsInsufficient, womMultiplier, previousMultiplier, womMentions, dataQuality,
        definitionsVersions, asOf, rows, worth);
  }

  /** First day (inclusive) of the period. */
  public LocalDate periodStart() {
    return periodEnd.minusDays(periodDays - 1L);
  }

  /** Days after this one have an incomplete 7-day repeat window as of the run (right-censored). */
  public LocalDate lastFinalRepeatDay() {
    return periodEnd.minusDays(7);
  }

  /**
   * Period totals, summed from daily_service_metrics (numerators recovered as rate x denominator
   * and rounded to whole counts) plus NPS promoter/detractor counts from contact_chains.
   *
   * @param npsPromoters promoters (9-10) among chains with nps in the period, -1 when unknown
   * @param npsDetractors detractors (0-6), -1 when unknown
   */
  public record PeriodKpis(
      long chains,
      long answered,
      long abandoned,
      long repeat7d,
      long repeat7dEligible,
      long fcr7d,
      long fcr7dEligible,
      long csatTop2,
      long csatN,
      double npsSum,
      long npsN,
      long npsPromoters,
      long npsDetractors,
      double waitSecondsSum,
      double handleSecondsSum,
      long fcr7dNoRepeatBasis) {

    /** Every FCR-eligible chain rests on its reported outcome (no fcr_7d_no_repeat_basis count). */
    public PeriodKpis(long chains, long answered, long abandoned, long repeat7d, long repeat7dEligible, long fcr7d,
        long fcr7dEligible, long csatTop2, long csatN, double npsSum, long npsN, long npsPromoters, long npsDetractors,
        double waitSecondsSum, double handleSecondsSum) {
      this(chains, answered, abandoned, repeat7d, repeat7dEligible, fcr7d, fcr7dEligible, csatTop2, csatN, npsSum,
          npsN, npsPromoters, npsDetractors, waitSecondsSum, handleSecondsSum, 0);
    }

    /** What the FCR figure rests on (docs/METRICS.md "FCR"). */
    public FcrBasis fcrBasis() {
      if (fcr7dEligible == 0) {
        return FcrBasis.NOT_MEASURED;
      }
      if (fcr7dNoRepeatBasis == 0) {
        return FcrBasis.DISPOSITION;
      }
      return fcr7dNoRepeatBasis >= fcr7dEligible ? FcrBasis.NO_REPEAT : FcrBasis.MIXED;
    }

    public Double repeatRate() {
      return ratio(repeat7d, repeat7dEligible);
    }

    public Double fcrRate() {
      return ratio(fcr7d, fcr7dEligible);
    }

    public Double csat() {
      return ratio(csatTop2, csatN);
    }

    public Double abandonRate() {
      return ratio(abandoned, chains);
    }

    /** Period NPS = sum(nps x nps_n) / sum(nps_n): exact, because daily NPS is 100 (P - D) / n. */
    public Double nps() {
      return npsN == 0 ? null : npsSum / npsN;
    }

    public Double asaSeconds() {
      return answered == 0 ? null : waitSecondsSum / answered;
    }

    public Double ahtSeconds() {
      return answered == 0 ? null : handleSecondsSum / answered;
    }

    private static Double ratio(long numerator, long denominator) {
      return denominator == 0 ? null : (double) numerator / denominator;
    }
  }

  /**
   * The definition an FCR figure rests on: the reported outcome (resolved and no repeat within 7
   * days), no repeat within 7 days alone (no outcome reported), both, or nothing measured.
   */
  public enum FcrBasis { DISPOSITION, NO_REPEAT, MIXED, NOT_MEASURED }

  /**
   * One gold channel_speed row: a channel's speed over the period, never mixed with another
   * channel's. Queue counts are null when queue time was not measured (queued_at not delivered).
   *
   * @param queueMeasured chains whose queuing is known; 0 = queue time not delivered for the channel
   * @param asaN chains in asaSeconds
   * @param asaSeconds mean queue wait where measured, else mean wait from contact start
   * @param asaBusinessSeconds the same wait counted in business hours; null without a schedule
   * @param serviceLevelBusiness service level on the business-hours queue wait; null without a
   *     schedule or without queue measurement
   * @param previousChains the channel's chains in the previous period, null when it had none
   */
  public record ChannelSpeed(
      String channel, long chains, long answered, long queueMeasured, Long queued, long asaN, Double asaSeconds,
      Long answeredInTarget, Long shortAbandons, Double serviceLevel, Long targetSeconds, Double queueAbandonRate,
      Long abandonedBeforeQueue, Double asaBusinessSeconds, Double serviceLevelBusiness, Long previousChains,
      Double previousAsaSeconds, Double previousServiceLevel) {
    /** Channels in page order; a channel not listed comes after them, alphabetically. */
    public static final List<String> ORDER = List.of("phone", "chat", "email", "social");

    /** A row without business-hours figures (no --business-hours schedule). */
    public ChannelSpeed(
        String channel, long chains, long answered, long queueMeasured, Long queued, long asaN, Double asaSeconds,
        Long answeredInTarget, Long shortAbandons, Double serviceLevel, Long targetSeconds, Double queueAbandonRate,
        Long abandonedBeforeQueue) {
      this(channel, chains, answered, queueMeasured, queued, asaN, asaSeconds, answeredInTarget, shortAbandons,
          serviceLevel, targetSeconds, queueAbandonRate, abandonedBeforeQueue, null, null, null, null, null);
    }

    /** Queued chains that count for service level (queued - short abandons), null when not measured. */
    public Long offered() {
      return queued == null ? null : queued - (shortAbandons == null ? 0 : shortAbandons);
    }

    /** Every chain's queuing is known. */
    public boolean fullyMeasured() {
      return chains > 0 && queueMeasured == chains;
    }
  }

  /** One contact_date's repeat and FCR counts, summed over channels and queues. */
  public record DailyPoint(LocalDate date, long chains, long repeat7d, long repeat7dEligible, long fcr7d, long fcr7dEligible) {
    public Double repeatRate() {
      return repeat7dEligible == 0 ? null : (double) repeat7d / repeat7dEligible;
    }

    public Double fcrRate() {
      return fcr7dEligible == 0 ? null : (double) fcr7d / fcr7dEligible;
    }
  }

  /** Repeat contacts of one queue or issue category in the period (eligible = repeat_7d not null). */
  public record RepeatDriver(String name, long chains, long eligible, long repeats) {
    public Double rate() {
      return eligible == 0 ? null : (double) repeats / eligible;
    }
  }

  /** One csat_by_fcr_speed row; csatTop2 and the interval are null when n = 0. */
  public record CsatCell(boolean fcr7d, int handleQuartile, long n, Double csatTop2, Double ciLow, Double ciHigh) {}

  /** One resolution_speed_model row; numbers are null and note says why when the fit failed. */
  public record ModelTerm(
      String term,
      Double coefficient,
      Double stdError,
      Double tStat,
      Double pValue,
      Double standardizedBeta,
      long n,
      Double rSquared,
      String note) {}

  /** One agent_metrics row with enough data. */
  public record Agent(
      String agentId, String team, long chains, Double ahtSeconds, Double fcr7dRate, long fcr7dEligible,
      Double csatTop2, long csatN, String quadrant) {}

  /** The wom_multiplier row. */
  public record WomMultiplier(
      long negativeExperiences,
      long positiveExperiences,
      Double negativeMentioningShare,
      Double positiveMentioningShare,
      Double toldPerNegative,
      Double toldPerPositive,
      Double multiplier,
      Double ciLow,
      Double ciHigh,
      Double surveyMultiplier,
      String note,
      long unknownExperiences,
      long periodMentions) {

    /** A row written before the exclusion counts existed: none known, mentions assumed delivered. */
    public WomMultiplier(long negativeExperiences, long positiveExperiences, Double negativeMentioningShare,
        Double positiveMentioningShare, Double toldPerNegative, Double toldPerPositive, Double multiplier,
        Double ciLow, Double ciHigh, Double surveyMultiplier, String note) {
      this(negativeExperiences, positiveExperiences, negativeMentioningShare, positiveMentioningShare, toldPerNegative,
          toldPerPositive, multiplier, ciLow, ciHigh, surveyMultiplier, note, 0, UNKNOWN_MENTIONS);
    }

    /** {@link #periodMentions} of a row that does not say how many mentions the period had. */
    public static final long UNKNOWN_MENTIONS = -1;

    /** True when no mention at all was delivered for the period: nothing about mentions is measured. */
    public boolean noMentions() {
      return periodMentions == 0;
    }
  }

  /** The wom_mentions row. */
  public record WomMentions(
      long nNegative,
      long nPositive,
      Double incidenceRatio,
      Double incidenceCiLow,
      Double incidenceCiHigh,
      Double reachRatio,
      Double reachCiLow,
      Double reachCiHigh,
      Double exposureMultiplier,
      Double exposureCiLow,
      Double exposureCiHigh,
      String sentimentModelId,
      long nLexiconLabelled,
      Double scorerAccuracy,
      Long scorerLabels,
      Double nNegativeCorrected,
      Double nPositiveCorrected,
      Double incidenceRatioCorrected,
      Double incidenceCorrectedCiLow,
      Double incidenceCorrectedCiHigh,
      Double reshareRatio,
      Double reshareCiLow,
      Double reshareCiHigh) {

    /** A row written before the sentiment columns existed: labels of unknown source, nothing corrected. */
    public WomMentions(long nNegative, long nPositive, Double incidenceRatio, Double incidenceCiLow,
        Double incidenceCiHigh, Double reachRatio, Double reachCiLow, Double reachCiHigh, Double exposureMultiplier,
        Double exposureCiLow, Double exposureCiHigh) {
      this(nNegative, nPositive, incidenceRatio, incidenceCiLow, incidenceCiHigh, reachRatio, reachCiLow, reachCiHigh,
          exposureMultiplier, exposureCiLow, exposureCiHigh, null, 0, null, null, null, null, null, null, null, null,
          null, null);
    }

    /** The same row with the scorer's provenance and the corrected figures gold carries. */
    public WomMentions withSentiment(String modelId, long lexiconLabelled, Double accuracy, Long labels,
        Double negativeCorrected, Double positiveCorrected, Double ratioCorrected, Double correctedLow,
        Double correctedHigh) {
      return new WomMentions(nNegative, nPositive, incidenceRatio, incidenceCiLow, incidenceCiHigh, reachRatio,
          reachCiLow, reachCiHigh, exposureMultiplier, exposureCiLow, exposureCiHigh, modelId, lexiconLabelled,
          accuracy, labels, negativeCorrected, positiveCorrected, ratioCorrected, correctedLow, correctedHigh, reshareRatio,
          reshareCiLow, reshareCiHigh);
    }

    /** The same row with the reshare ratio gold carries. */
    public WomMentions withReshares(Double ratio, Double low, Double high) {
      return new WomMentions(nNegative, nPositive, incidenceRatio, incidenceCiLow, incidenceCiHigh, reachRatio,
          reachCiLow, reachCiHigh, exposureMultiplier, exposureCiLow, exposureCiHigh, sentimentModelId,
          nLexiconLabelled, scorerAccuracy, scorerLabels, nNegativeCorrected, nPositiveCorrected, incidenceRatioCorrected,
          incidenceCorrectedCiLow, incidenceCorrectedCiHigh, ratio, low, high);
    }
  }

  /**
   * Ingest reconciliation of one source over the period's delivery dates (latest succeeded run per
   * delivery date).
   *
   * @param quarantineReasons reason code to count, sorted by reason
   */
  public record SourceQuality(
      String source, int deliveryDays, long read, long accepted, long quarantined, long superseded,
      java.util.SortedMap<String, Long> quarantineReasons) {}
}
