-- Databricks notebook source
-- MAGIC %md
-- MAGIC # Service overview
-- MAGIC
-- MAGIC The period's headline numbers in one place, straight from the gold tables: volume and
-- MAGIC speed (abandon rate, AHT; waits per channel only, below), resolution (repeat-contact and first-contact resolution
-- MAGIC rates), survey scores (CSAT top-2-box, NPS, CES), and the two findings the product exists
-- MAGIC to test: does resolving matter more than speed, and how much further does a bad experience
-- MAGIC travel than a good one.
-- MAGIC
-- MAGIC Rates are pooled over days, channels and queues, each weighted by its own denominator. Waits
-- MAGIC are never pooled across channels (a phone wait is seconds, an e-mail wait hours: issue 17).

-- COMMAND ----------

-- parameters
-- period_end: last day of the period (inclusive); NULL = the latest contact_date in the warehouse
-- period_end = NULL
-- period_days = 28

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Headline KPIs for the period

-- COMMAND ----------

WITH p AS (
  SELECT COALESCE(:period_end, max(contact_date)) AS period_end FROM gold_daily_service_metrics
),
d AS (
  SELECT d.* FROM gold_daily_service_metrics d CROSS JOIN p
  WHERE d.contact_date > date_sub(p.period_end, :period_days) AND d.contact_date <= p.period_end
)
SELECT (SELECT period_end FROM p) AS period_end,
       sum(chains) AS chains,
       round(sum(abandoned) / sum(chains), 4) AS abandon_rate,
       round(sum(aht_seconds * answered) / sum(answered), 1) AS aht_seconds,
       round(sum(repeat_7d_rate * repeat_7d_eligible) / sum(repeat_7d_eligible), 4) AS repeat_7d_rate,
       round(sum(fcr_7d_rate * fcr_7d_eligible) / sum(fcr_7d_eligible), 4) AS fcr_7d_rate,
       round(sum(csat_top2 * csat_n) / sum(csat_n), 4) AS csat_top2,
       sum(csat_n) AS csat_n,
       round(sum(nps * nps_n) / sum(nps_n), 1) AS nps,
       sum(nps_n) AS nps_n,
       round(sum(ces_mean * ces_n) / sum(ces_n), 2) AS ces_mean
FROM d

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## By channel
-- MAGIC Where speed and resolution differ by channel. `asa_seconds` is the mean over the `asa_n` chains
-- MAGIC in it (queue wait where `queued_at` was delivered, else wait from contact start); `aht_seconds`
-- MAGIC the mean over answered chains.

-- COMMAND ----------

WITH p AS (
  SELECT COALESCE(:period_end, max(contact_date)) AS period_end FROM gold_daily_service_metrics
)
SELECT d.channel,
       sum(d.chains) AS chains,
       round(sum(d.abandoned) / sum(d.chains), 4) AS abandon_rate,
       round(sum(d.asa_seconds * d.asa_n) / sum(d.asa_n), 1) AS asa_seconds,
       round(sum(d.aht_seconds * d.answered) / sum(d.answered), 1) AS aht_seconds,
       round(sum(d.transfer_rate * d.answered) / sum(d.answered), 4) AS transfer_rate,
       round(sum(d.repeat_7d_rate * d.repeat_7d_eligible) / sum(d.repeat_7d_eligible), 4) AS repeat_7d_rate,
       round(sum(d.fcr_7d_rate * d.fcr_7d_eligible) / sum(d.fcr_7d_eligible), 4) AS fcr_7d_rate,
       round(sum(d.csat_top2 * d.csat_n) / sum(d.csat_n), 4) AS csat_top2
FROM gold_daily_service_metrics d CROSS JOIN p
WHERE d.contact_date > date_sub(p.period_end, :period_days) AND d.contact_date <= p.period_end
GROUP BY d.channel
ORDER BY chains DESC, d.channel

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Business hours
-- MAGIC With `--business-hours`, waits are also counted only while each queue's schedule is open
-- MAGIC (docs/METRICS.md "Business hours"): an e-mail sent on Friday evening and answered at Monday's
-- MAGIC opening waited 0 business seconds. `arrived_closed` counts chains that began while their queue
-- MAGIC was closed. NULL means no schedule was given: not measured, not zero.

-- COMMAND ----------

WITH p AS (
  SELECT COALESCE(:period_end, max(contact_date)) AS period_end FROM gold_daily_service_metrics
)
SELECT d.channel,
       d.queue,
       sum(d.chains) AS chains,
       sum(d.arrived_closed) AS arrived_closed,
       round(sum(d.arrived_closed) / sum(d.chains), 4) AS arrived_closed_share,
       round(sum(d.asa_seconds * d.asa_n) / sum(d.asa_n), 1) AS asa_seconds,
       round(sum(d.asa_business_seconds * d.asa_n) / sum(CASE WHEN d.asa_business_seconds IS NOT NULL THEN d.asa_n END), 1)
         AS asa_business_seconds
FROM gold_daily_service_metrics d CROSS JOIN p
WHERE d.contact_date > date_sub(p.period_end, :period_days) AND d.contact_date <= p.period_end
GROUP BY d.channel, d.queue
ORDER BY d.channel, d.queue

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Service level per channel and day
-- MAGIC Share of queued contacts answered within the channel's target T (phone 20 s, chat 60 s, social
-- MAGIC 1 h, e-mail 24 h unless `--service-level-target` changed them), short abandons (gone within 5 s of
-- MAGIC queuing) left out: `answered_in_target / (queued - short_abandons)`, summed over the day's queues,
-- MAGIC never a mean of rates (docs/METRICS.md "Queue time"). `service_level_business` counts the queue
-- MAGIC wait only while the queue's schedule is open, same T and same offered contacts. NULL means not
-- MAGIC measured: no `queued_at` in the source (`queue_measured` = 0) or, for the business columns, no
-- MAGIC `--business-hours` schedule. A day where `queue_measured` < `chains` describes only the measured share.

-- COMMAND ----------

WITH p AS (
  SELECT COALESCE(:period_end, max(contact_date)) AS period_end FROM gold_daily_service_metrics
)
SELECT d.contact_date,
       d.channel,
       sum(d.chains) AS chains,
       sum(d.queue_measured) AS queue_measured,
       sum(d.queued) AS queued,
       sum(d.short_abandons) AS short_abandons,
       sum(d.answered_in_target) AS answered_in_target,
       max(d.service_level_target_seconds) AS target_seconds,
       round(sum(d.answered_in_target) / (sum(d.queued) - sum(d.short_abandons)), 4) AS service_level,
       round(sum(d.answered_in_target_business)
             / sum(CASE WHEN d.answered_in_target_business IS NOT NULL THEN d.queued - d.short_abandons END), 4)
         AS service_level_business,
       round(sum(d.queue_abandons) / (sum(d.queued) - sum(d.short_abandons)), 4) AS queue_abandon_rate,
       round(sum(d.asa_seconds * d.asa_n) / sum(d.asa_n), 1) AS asa_seconds
FROM gold_daily_service_metrics d CROSS JOIN p
WHERE d.contact_date > date_sub(p.period_end, :period_days) AND d.contact_date <= p.period_end
GROUP BY d.contact_date, d.channel
ORDER BY d.contact_date DESC, d.channel

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Speed per channel for the period
-- MAGIC The rows the report's speed tiles show (`gold_channel_speed`, the latest period at or before
-- MAGIC `period_end`): each channel on its own clock, never averaged together. For e-mail with a schedule
-- MAGIC the report shows `asa_business_seconds` as its first response.

-- COMMAND ----------

WITH p AS (
  SELECT max(period_end) AS period_end FROM gold_channel_speed
  WHERE :period_end IS NULL OR period_end <= :period_end
)
SELECT s.period_end, s.channel, s.chains, s.queue_measured, s.queued, s.asa_n,
       round(s.asa_seconds, 1) AS asa_seconds,
       round(s.asa_business_seconds, 1) AS asa_business_seconds,
       s.service_level_target_seconds AS target_seconds,
       round(s.service_level, 4) AS service_level,
       round(s.service_level_business, 4) AS service_level_business,
       round(s.queue_abandon_rate, 4) AS queue_abandon_rate,
       s.abandoned_before_queue
FROM gold_channel_speed s CROSS JOIN p
WHERE s.period_end = p.period_end
ORDER BY CASE s.channel WHEN 'phone' THEN 0 WHEN 'chat' THEN 1 WHEN 'email' THEN 2 WHEN 'social' THEN 3 ELSE 4 END,
         s.channel

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## NPS components and repeat drivers for the period
-- MAGIC The rows behind the report's NPS interval (`gold_period_summary`: promoters 9-10, passives 7-8,
-- MAGIC detractors 0-6, this period and the one before) and its repeat-driver charts (`gold_repeat_drivers`:
-- MAGIC per queue and issue category, `rank` 1 = most 7-day repeats), for the latest period at or before
-- MAGIC `period_end`.

-- COMMAND ----------

WITH p AS (
  SELECT max(period_end) AS period_end FROM gold_period_summary
  WHERE :period_end IS NULL OR period_end <= :period_end
)
SELECT s.period_end, s.period_start,
       s.nps_promoters, s.nps_passives, s.nps_detractors, s.nps_responses,
       round(100.0 * (s.nps_promoters - s.nps_detractors) / NULLIF(s.nps_responses, 0), 1) AS nps,
       s.previous_nps_responses,
       round(100.0 * (s.previous_nps_promoters - s.previous_nps_detractors) / NULLIF(s.previous_nps_responses, 0), 1)
         AS previous_nps
FROM gold_period_summary s CROSS JOIN p
WHERE s.period_end = p.period_end

-- COMMAND ----------

WITH p AS (
  SELECT max(period_end) AS period_end FROM gold_repeat_drivers
  WHERE :period_end IS NULL OR period_end <= :period_end
)
SELECT r.dimension, r.rank, r.name, r.chains, r.repeat_7d_eligible, r.repeat_7d_count,
       round(r.repeat_7d_count / NULLIF(r.repeat_7d_eligible, 0), 4) AS repeat_7d_rate
FROM gold_repeat_drivers r CROSS JOIN p
WHERE r.period_end = p.period_end AND r.rank <= 10
ORDER BY r.dimension, r.rank

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Resolution versus speed
-- MAGIC CSAT points explained by first-contact resolution versus handle and wait minutes (OLS in
-- MAGIC `gold_resolution_speed_model`, for the latest period at or before `period_end`).

-- COMMAND ----------

WITH p AS (
  SELECT max(period_end) AS period_end FROM gold_resolution_speed_model
  WHERE :period_end IS NULL OR period_end <= :period_end
)
SELECT m.period_end, m.term,
       round(m.coefficient, 4) AS coefficient, round(m.std_error, 4) AS std_error,
       round(m.p_value, 4) AS p_value, round(m.standardized_beta, 3) AS standardized_beta,
       m.n, round(m.r_squared, 3) AS r_squared, m.note
FROM gold_resolution_speed_model m CROSS JOIN p
WHERE m.period_end = p.period_end
ORDER BY CASE m.term WHEN 'intercept' THEN 0 WHEN 'fcr_7d' THEN 1 WHEN 'handle_minutes' THEN 2
                     WHEN 'wait_minutes' THEN 3 ELSE 4 END

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Word of mouth
-- MAGIC People reached per negative versus per positive experience, with its 95% bootstrap interval.

-- COMMAND ----------

WITH p AS (
  SELECT max(period_end) AS period_end FROM gold_wom_multiplier
  WHERE :period_end IS NULL OR period_end <= :period_end
)
SELECT w.period_end, w.negative_experiences, w.positive_experiences,
       round(w.told_per_negative, 2) AS told_per_negative,
       round(w.told_per_positive, 2) AS told_per_positive,
       round(w.multiplier, 2) AS multiplier,
       round(w.multiplier_ci_low, 2) AS multiplier_ci_low,
       round(w.multiplier_ci_high, 2) AS multiplier_ci_high,
       w.note
FROM gold_wom_multiplier w CROSS JOIN p
WHERE w.period_end = p.period_end
