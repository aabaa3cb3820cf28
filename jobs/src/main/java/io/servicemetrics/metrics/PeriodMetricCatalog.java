package io.servicemetrics.metrics;

import static io.servicemetrics.schema.GoldColumns.CURRENT_DEFINITIONS_VERSION;

import io.servicemetrics.staffing.StaffingConfig;
import io.servicemetrics.staffing.StaffingGoal;
import io.servicemetrics.stats.Bootstrap;
import java.util.List;

/**
 * Definitions of the period metrics, one entry per gold column family, for meta/metric_definitions
 * and docs/METRICS.md (sections "Resolution versus speed", "Agents", "Period summary", "Repeat drivers", "Word of
 * mouth", "Staffing and what resolution is worth").
 */
public final class PeriodMetricCatalog {
  private static final String PERIOD = "period_days=28 (--period-days); period = contact_date in [D-(period_days-1), D]";
  private static final String BOOT = "resamples=" + Bootstrap.RESAMPLES + "; seed=" + Bootstrap.SEED
      + "; percentile 2.5/97.5 (R type 7); withheld when > 2.5% of resamples are undefined";

  public static final List<MetricDefinition> DEFINITIONS = List.of(
      def("resolution_speed_sample",
          "Answered chains with contact_date in the period, csat present and fcr_7d not NULL.", PERIOD),
      def("resolution_speed_model",
          "OLS of csat on fcr_7d (0/1), handle_minutes, wait_minutes, transfers with intercept, solved from"
              + " sufficient statistics; per term coefficient, std_error, t_stat, two-sided p_value (Student t,"
              + " n-k-1 df), standardized_beta = coefficient*sd(x)/sd(y) (sample sd), n, r_squared; NULL numbers"
              + " with the reason in note when n <= k+1, var(csat) = 0, or X'X is singular.",
          PERIOD + "; k=4; singular when a predictor's centred sum of squares or the smallest singular value of"
              + " the predictors' correlation matrix is <= 1e-10 relative"),
      def("csat_by_fcr_speed",
          "For fcr_7d in {false,true} x handle_quartile 1-4 (NTILE(4) over handle_seconds ascending, ties by"
              + " chain_id, over the whole sample): n, csat_top2 = share of csat in {4,5}, 95% Wilson ci_low/ci_high;"
              + " all 8 cells present, NULL rates when n = 0.", PERIOD),
      def("agent_metrics",
          "Per agent_id (first-contact agent) over chains with contact_date in the period: chains; aht_seconds ="
              + " mean handle_seconds over answered chains; fcr_7d_rate over fcr_7d_eligible (fcr_7d not NULL);"
              + " fcr_7d_no_repeat_basis = eligible chains whose fcr_7d rests on no repeat alone (no outcome"
              + " reported); csat_top2 over csat_n; team = most frequent team (tie: smallest name).", PERIOD),
      def("agent_quadrant",
          "Relative to the medians of aht_seconds and fcr_7d_rate across agents with >= 20 fcr-eligible chains"
              + " (even count: mean of the middle two): fast_resolving (aht < median, fcr >= median), speed_trap"
              + " (aht < median, fcr < median), slow_resolving (aht >= median, fcr >= median), struggling (aht >="
              + " median, fcr < median); insufficient_data under 20.", PERIOD + "; min_fcr_eligible=20"),
      def("wom_mentions",
          "Mentions with posted_at in the period's days in the business zone; reach = impressions, else"
              + " author_followers; n_negative, n_positive by sentiment_label; incidence_ratio = n_negative /"
              + " n_positive; reach_ratio = mean reach(negative) / mean reach(positive); exposure_multiplier ="
              + " total reach(negative) / total reach(positive); 95% bootstrap percentile intervals resampling all"
              + " mentions (neutral included) pooled; NULL with the reason in note when a denominator is 0."
              + " sentiment_model_id = the model(s) whose labels the period's mentions carry (NULL: none);"
              + " n_lexicon_labelled = mentions labelled by the untrained lexicon. With one model:"
              + " scorer_accuracy, scorer_labels (the labels behind it: the confusion matrix's total); n_negative_corrected, n_positive_corrected = solve(M^T n = observed) with M the"
              + " model's row-normalized cross-validated confusion matrix, clipped at 0, plus vendor-labelled"
              + " counts; incidence_ratio_corrected with a bootstrap interval resampling the confusion rows and"
              + " the period's counts. reshare_ratio = mean reshares(negative) / mean reshares(positive), pooled"
              + " bootstrap interval like reach_ratio.",
          PERIOD + "; " + BOOT),
      def("experience_polarity",
          "csat >= 4 positive, <= 2 negative, 3 neutral; without csat: resolved true positive, resolved false"
              + " negative (an abandoned chain is known unresolved); resolved NULL (no outcome reported) unknown:"
              + " not an experience, never counted unhappy.", ""),
      def("wom_attribution",
          "A period mention whose (platform, author_pseudonym) maps through customer_handles to exactly one"
              + " customer_key goes to that customer's latest chain with ended_at in [posted_at - 14 days,"
              + " posted_at] (tie: greatest chain_id); handles of two or more customers are not attributed.",
          "follow_window=14 days (14 x 86400 s)"),
      def("wom_multiplier",
          "Eligible experiences: chains with contact_date in the period, polarity positive or negative, ended_at"
              + " + 14 days <= as_of. told = total reach of attributed mentions (0 if none). Per polarity:"
              + " experiences, mentioning share (>= 1 attributed mention), mean told; multiplier = mean"
              + " told(negative) / mean told(positive) with a 95% bootstrap percentile interval resampling chains"
              + " within each polarity; NULL with the reason in note when undefined. Without any mention posted in"
              + " the period (period_mentions = 0) the mentioning shares, mean told and the multiplier are NULL (not"
              + " measured). unknown_experiences and neutral_experiences count the period's chains with a complete"
              + " follow window left out for unknown (no csat, no reported outcome) and neutral (csat 3) polarity.",
          PERIOD + "; follow_window=14 days; " + BOOT),
      def("survey_multiplier",
          "Mean people_told over the period's chains with csat <= 2 / mean people_told over those with csat >= 4,"
              + " chains with people_told only; NULL with the reason in note when undefined.", PERIOD),
      def("resolution_versus_speed_headline",
          "CSAT top-2-box points of fcr_7d true minus false, pooled over quartiles, with Newcombe's hybrid score"
              + " interval; versus points per handle-time quartile faster = (top2(Q1) - top2(Q4)) / 3 pooled over"
              + " fcr_7d, Newcombe interval / 3; plus the model's fcr_7d and handle_minutes coefficients with t"
              + " intervals.", PERIOD),
      def("staffing_intervals",
          "Per staffed queue x channel x ISO weekday x interval of the day (business zone) with arrivals in the"
              + " period: arrivals = chains started there / occurrences of the weekday in the period; aht_seconds ="
              + " mean handle_seconds of the queue's answered chains in the period; patience_seconds = total queue"
              + " wait of the queue's chains (wait_seconds if answered, else ended_at - started_at) / abandoned"
              + " chains (NULL without abandons); traffic = arrivals x aht / interval; agents, positions, service"
              + " level, ASA, occupancy of the smallest N meeting the goal under Erlang C and under Erlang A"
              + " (NULL without a patience, or when no N <= 10000 meets it).",
          PERIOD + "; interval=" + StaffingConfig.DEFAULT_INTERVAL_MINUTES + " min; staffed channels and goals: phone "
              + StaffingGoal.DEFAULT_SERVICE_LEVEL + " within " + StaffingGoal.DEFAULT_TARGET_SECONDS + " s; max_occupancy="
              + StaffingGoal.DEFAULT_MAX_OCCUPANCY + "; shrinkage=" + StaffingGoal.DEFAULT_SHRINKAGE
              + "; positions = ceil(N / (1 - shrinkage))"),
      def("resolution_value",
          "Per queue (of the chain) and for the centre, per FCR gain g points: a chain's followers are the"
              + " customer's later chains linked to it by starts within 7 days after the previous chain ended;"
              + " chains_converted = min(failed, g/100 x fcr_7d_eligible); every failed (fcr_7d false) chain's"
              + " followers are avoided in the share chains_converted / failed: repeat_chains_avoided, contacts_avoided"
              + " (their legs), agent_hours_avoided (their handle seconds / 3600); arrival_reduction = avoided"
              + " followers in staffed channels / staffed arrivals, applied to every staffing cell of the scope;"
              + " position_hours = sum over cells of Erlang C positions x interval hours x weekday occurrences,"
              + " now and after; cost_saved = position_hours_saved x agent_hour_cost; repeat_cost = handle hours"
              + " of the period's linked repeat chains x agent_hour_cost.",
          PERIOD + "; gains=" + StaffingConfig.DEFAULT_FCR_GAINS_POINTS + " points; repeat link <= 7 days;"
              + " --agent-hour-cost (none: cost NULL), --currency (default " + StaffingConfig.DEFAULT_CURRENCY + ")"),
      def("channel_speed",
          "Per channel with chains in the period, summed from daily_service_metrics: chains, answered, abandoned,"
              + " queue_measured, queued, answered_in_target, short_abandons, queue_abandons, abandoned_before_queue"
              + " (sums of the daily counts; NULL when queue_measured = 0); asa_seconds = sum(asa_seconds x asa_n) /"
              + " sum(asa_n); service_level = answered_in_target / (queued - short_abandons); queue_abandon_rate ="
              + " queue_abandons / (queued - short_abandons); service_level_target_seconds = the largest daily target;"
              + " over the days with a --business-hours schedule only: asa_business_seconds = sum(asa_business_seconds"
              + " x asa_n) / sum(asa_n), answered_in_target_business = sum of the daily counts, service_level_business"
              + " = answered_in_target_business / (queued - short_abandons) of those days (NULL without a schedule)."
              + " previous_chains, previous_asa_seconds, previous_service_level: the same over the period_days before"
              + " (NULL without chains then). Waits are never averaged across channels.", PERIOD),
      def("period_summary",
          "One row per period_end: period_start; nps_promoters, nps_passives, nps_detractors, nps_responses = chains"
              + " with contact_date in the period and nps >= " + DailyServiceMetricsTransforms.NPS_PROMOTER_MIN
              + ", between, <= " + DailyServiceMetricsTransforms.NPS_DETRACTOR_MAX + ", not NULL (the bands of"
              + " daily_service_metrics' nps); previous_period_start and previous_nps_*: the same over the period_days"
              + " before (zeros without answers).", PERIOD),
      def("repeat_drivers",
          "Per dimension (queue, issue_category) and name (the chain's value; '(none)' when NULL) with chains in the"
              + " period: chains, repeat_7d_eligible = repeat_7d not NULL, repeat_7d_count = repeat_7d true; rank = 1"
              + " for the most repeats within the dimension, ties by name ascending.", PERIOD));

  private PeriodMetricCatalog() {}

  private static MetricDefinition def(String name, String definition, String parameters) {
    return new MetricDefinition(name, CURRENT_DEFINITIONS_VERSION, definition, parameters);
  }
}
