package io.servicemetrics.metrics;

import static io.servicemetrics.schema.GoldColumns.CURRENT_DEFINITIONS_VERSION;

import io.servicemetrics.chains.ContactChainTransforms;
import io.servicemetrics.config.ServiceLevelConfig;
import java.util.List;

/**
 * Every metric's exact definition: the rows of meta/metric_definitions, kept word for word in line
 * with docs/METRICS.md. Names are the gold columns (qualified by table where a name repeats).
 * Changing a meaning means bumping {@code GoldColumns.CURRENT_DEFINITIONS_VERSION}.
 */
public final class MetricCatalog {
  private static final String V = CURRENT_DEFINITIONS_VERSION;
  private static final String LINKS = "max_chain_legs=" + ContactChainTransforms.MAX_CHAIN_LEGS
      + ";max_link_gap_hours=" + ContactChainTransforms.MAX_LINK_GAP.toHours();

  private static final String SHORT_ABANDON = "short_abandon_seconds=" + ServiceLevelConfig.DEFAULT_SHORT_ABANDON_SECONDS
      + " (--short-abandon-seconds)";
  private static final String TARGETS = "target_seconds phone=" + ServiceLevelConfig.DEFAULT_PHONE_TARGET_SECONDS
      + ",chat=" + ServiceLevelConfig.DEFAULT_CHAT_TARGET_SECONDS + ",social=" + ServiceLevelConfig.DEFAULT_SOCIAL_TARGET_SECONDS
      + ",email=" + ServiceLevelConfig.DEFAULT_EMAIL_TARGET_SECONDS + " (--service-level-target)";

  public static final List<MetricDefinition> DEFINITIONS = List.of(
      // Contact chains (gold contact_chains).
      def("customer_key", "coalesce(pseudonym of customer_id, smallest customer_key of silver customer_handles rows"
          + " with platform 'phone' whose handle_pseudonym equals the leg's phone pseudonym, pseudonym of the"
          + " normalized phone); NULL = anonymous, never a repeat of anything", null),
      def("chain_id", "contact_id of the root leg; a leg belongs to the chain of its previous_contact_id when that"
          + " leg exists and initiated at most max_link_gap_hours before it (not after); chains longer than"
          + " max_chain_legs and previous_contact_id cycles are rejected (chain_too_deep, chain_cycle)", LINKS),
      def("contact_chains.started_at", "initiated_at of the root leg (UTC)", null),
      def("contact_chains.ended_at", "max ended_at over the chain's legs (UTC)", null),
      def("contact_chains.contact_date", "calendar date of started_at in the business time zone", "timezone"),
      def("contact_chains.legs", "number of legs in the chain", null),
      def("contact_chains.transfers", "legs - 1", null),
      def("contact_chains.answered", "any leg has answered_at", null),
      def("contact_chains.abandoned", "no leg has answered_at", null),
      def("contact_chains.agent_id", "agent_id (and team) of the first answered leg by initiated_at, then contact_id",
          null),
      def("contact_chains.wait_seconds", "sum over answered legs of answered_at - initiated_at, seconds; NULL when"
          + " no leg was answered", null),
      def("contact_chains.handle_seconds", "sum over answered legs of (ended_at - answered_at) + acw_seconds,"
          + " seconds, a leg whose acw_seconds was not delivered adding its talk span alone (handle time then"
          + " excludes after-call work); NULL when no leg was answered", null),
      def("contact_chains.hold_seconds", "sum over answered legs of hold_seconds where delivered; NULL when no leg"
          + " was answered or no answered leg delivered hold_seconds (not measured, never 0)", null),
      def("contact_chains.escalated", "any leg escalated", null),
      def("contact_chains.resolved", "outcome of the last leg (by initiated_at, then contact_id) is 'resolved';"
          + " NULL when that leg was answered and its outcome is blank (not reported); false otherwise, including a"
          + " last leg never answered", null),
      def("repeat_1d", repeat(1), "window_days=1"),
      def("repeat_7d", repeat(7), "window_days=7"),
      def("repeat_30d", repeat(30), "window_days=30"),
      def("fcr_7d", "resolved AND NOT repeat_7d when resolved is known (fcr_basis 'disposition'); NOT repeat_7d"
          + " (answered and no repeat within 7 days) when resolved is NULL because no outcome was reported"
          + " (fcr_basis 'no_repeat'); NULL for abandoned chains and when repeat_7d is NULL", "window_days=7"),
      def("contact_chains.fcr_basis", "'disposition' when fcr_7d rests on the reported outcome, 'no_repeat' when"
          + " it rests on no repeat within 7 days alone (no outcome reported); NULL where fcr_7d is NULL", null),
      def("contact_chains.survey_id", "the chain's survey with the latest responded_at (ties: larger survey_id)"
          + " among surveys whose contact_id is any leg of the chain and responded at or after that leg"
          + " initiated; csat, nps, ces and people_told come from it", null),
      def("wait_business_seconds", "the chain's calendar wait counted only where the --business-hours schedule of its"
          + " queue is open, under the version in effect at each instant, seconds with their fraction: where queued"
          + " is not NULL the queue wait [first queued leg's queued_at, + queue_wait_seconds) (NULL when queued is"
          + " false), else [started_at, started_at + wait_seconds) (NULL when wait_seconds is); NULL when no"
          + " schedule was given", "business_hours"),
      def("arrived_while_closed", "the --business-hours schedule of the chain's queue is closed at the start of the"
          + " wait of wait_business_seconds (the first queued leg's queued_at when queued is true, else started_at);"
          + " NULL when no schedule was given", "business_hours"),
      // Daily service metrics (gold daily_service_metrics), per contact_date x channel x queue.
      def("chains", "number of chains", null),
      def("daily_service_metrics.answered", "number of answered chains", null),
      def("daily_service_metrics.abandoned", "number of abandoned chains", null),
      def("abandon_rate", "abandoned / chains; NULL when the denominator is 0", null),
      def("asa_seconds", "mean over answered chains of queue_wait_seconds where queued is true, wait_seconds where"
          + " queued is NULL (queued_at not delivered); answered chains with queued false (answered without"
          + " queuing) are left out; asa_n = chains in the mean; NULL when asa_n = 0", null),
      def("asa_business_seconds", "mean wait_business_seconds over answered chains; NULL without answered chains"
          + " or when no schedule was given", "business_hours"),
      def("arrived_closed", "number of chains with arrived_while_closed; NULL when no schedule was given",
          "business_hours"),
      def("aht_seconds", "mean handle_seconds over answered chains", null),
      def("hold_seconds_mean", "mean hold_seconds over answered chains whose hold was measured; NULL when none"
          + " was", null),
      def("transfer_rate", "answered chains with transfers > 0 / answered chains; NULL when the denominator is 0", null),
      def("escalation_rate", "answered escalated chains / answered chains; NULL when the denominator is 0", null),
      def("resolved_rate", "answered chains with resolved true / answered chains with resolved not NULL (outcome"
          + " reported, or last leg never answered); NULL when the denominator is 0", null),
      def("repeat_7d_rate", "chains with repeat_7d true / repeat_7d_eligible (chains with repeat_7d not NULL); NULL when the denominator is 0",
          "window_days=7"),
      def("fcr_7d_rate", "chains with fcr_7d true / fcr_7d_eligible (chains with fcr_7d not NULL); NULL when the denominator is 0", "window_days=7"),
      def("fcr_7d_no_repeat_basis", "of fcr_7d_eligible, chains with fcr_basis 'no_repeat' (fcr_7d measured as no"
          + " repeat within 7 days: no outcome reported); the rest rest on the disposition", null),
      def("csat_top2", "share of chains with csat in {4,5} among chains with csat (CSAT, top-2-box); csat_n ="
          + " chains with csat; NULL when csat_n = 0", "top2_min=4"),
      def("mean_satisfaction", "mean csat (1-5) over chains with csat; not CSAT", null),
      def("nps", "100 x (chains with nps 9-10 - chains with nps 0-6) / nps_n (chains with nps); NULL when nps_n = 0",
          "promoter_min=9;detractor_max=6"),
      def("ces_mean", "mean ces (1-7) over chains with ces; ces_n = chains with ces", null),
      // Queue time (docs/METRICS.md "Queue time").
      def("contacts.queued", "silver, per leg: NULL when the leg's file did not deliver the optional column queued_at,"
          + " false when it delivered a blank value (never queued), true when a time", null),
      def("contact_chains.queued", "some leg queued; NULL unless every leg of the chain delivered queued_at", null),
      def("contact_chains.queue_wait_seconds", "sum over queued legs of (answered_at, or ended_at when not answered)"
          + " - queued_at, seconds; NULL when queued is not true", null),
      def("queue_measured", "chains with queued not NULL", null),
      def("daily_service_metrics.queued", "chains with queued true; NULL when queue_measured = 0", null),
      def("short_abandons", "queued abandoned chains with queue_wait_seconds < short_abandon_seconds; NULL when"
          + " queue_measured = 0", SHORT_ABANDON),
      def("answered_in_target", "answered queued chains with queue_wait_seconds <= service_level_target_seconds;"
          + " NULL when queue_measured = 0", TARGETS),
      def("service_level", "answered_in_target / (queued - short_abandons); NULL when the denominator is 0",
          SHORT_ABANDON + ";" + TARGETS),
      def("service_level_target_seconds", "the service-level target T of the row's channel", TARGETS),
      def("queue_abandons", "queued abandoned chains that are not short abandons; NULL when queue_measured = 0",
          SHORT_ABANDON),
      def("queue_abandon_rate", "queue_abandons / (queued - short_abandons); NULL when the denominator is 0",
          SHORT_ABANDON),
      def("abandoned_before_queue", "abandoned chains with queued false (gave up in the IVR); NULL when"
          + " queue_measured = 0", null),
      def("answered_in_target_business", "answered queued chains with wait_business_seconds (their queue wait in"
          + " business time) <= service_level_target_seconds; NULL when queue_measured = 0 or no schedule was"
          + " given", TARGETS + ";business_hours"),
      def("service_level_business", "answered_in_target_business / (queued - short_abandons), the same offered"
          + " chains as service_level; NULL when queue_measured = 0, when no schedule was given or when the"
          + " denominator is 0", SHORT_ABANDON + ";" + TARGETS + ";business_hours"));

  private MetricCatalog() {}

  private static String repeat(int days) {
    return "another chain with the same non-null customer_key starts in (ended_at, ended_at + " + days
        + " x 24 h]; NULL when customer_key is NULL or ended_at + " + days + " x 24 h > as_of (right-censored)";
  }

  private static MetricDefinition def(String name, String definition, String parameters) {
    return new MetricDefinition(name, V, definition, parameters);
  }
}
