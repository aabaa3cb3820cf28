-- Databricks notebook source
-- MAGIC %md
-- MAGIC # What resolution is worth
-- MAGIC
-- MAGIC How many agents each queue's measured load needs, interval by interval (Erlang C, and Erlang A
-- MAGIC with the callers' measured patience), and what a few more points of first-contact resolution
-- MAGIC would save: the repeat chains they avoid with their own repeats, the contacts and agent hours,
-- MAGIC the paid position hours once every interval is re-staffed, and the money at your agent-hour cost.
-- MAGIC
-- MAGIC Every column and assumption: docs/METRICS.md, "Staffing and what resolution is worth".

-- COMMAND ----------

-- parameters
-- period_end: last day of the period; NULL = the latest period in gold_resolution_value
-- period_end = NULL
-- agent_hour_cost: loaded cost of one paid agent hour, to price the savings
-- agent_hour_cost = 30.0
-- target_seconds: answer-time target for the calculator command lines below
-- target_seconds = 20
-- service_level: share of calls to answer within the target
-- service_level = 0.8

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## What each FCR gain is worth, at your cost
-- MAGIC The centre first, then each queue. `position_hours_saved` is the period's paid position
-- MAGIC hours (shrinkage included) that re-staffing every interval on the reduced arrivals saves.

-- COMMAND ----------

WITH p AS (
  SELECT COALESCE(:period_end, max(period_end)) AS period_end FROM gold_resolution_value
)
SELECT v.scope, v.queue, v.fcr_gain_points,
       round(v.fcr_7d_rate, 4) AS fcr_7d_rate,
       round(v.repeats_per_failure, 2) AS repeats_per_failure,
       round(v.repeat_chains_avoided, 1) AS repeat_chains_avoided,
       round(v.contacts_avoided, 1) AS contacts_avoided,
       round(v.agent_hours_avoided, 1) AS agent_hours_avoided,
       v.position_hours_now, v.position_hours_saved,
       round(v.position_hours_saved * :agent_hour_cost, 0) AS cost_saved_at_your_rate,
       round(v.repeat_handle_hours * :agent_hour_cost, 0) AS repeat_handle_cost_at_your_rate
FROM gold_resolution_value v CROSS JOIN p
WHERE v.period_end = p.period_end
ORDER BY v.scope, v.queue, v.fcr_gain_points

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## The staffing curve of the busiest queue
-- MAGIC Agents needed per weekday and half hour for the queue with the most arrivals in the period.

-- COMMAND ----------

WITH p AS (
  SELECT COALESCE(:period_end, max(period_end)) AS period_end FROM gold_staffing_intervals
),
busiest AS (
  SELECT s.queue, s.channel FROM gold_staffing_intervals s CROSS JOIN p
  WHERE s.period_end = p.period_end
  GROUP BY s.queue, s.channel ORDER BY sum(s.arrivals_total) DESC, s.queue LIMIT 1
)
SELECT s.queue, s.channel, s.weekday, s.interval_start, round(s.arrivals, 2) AS arrivals,
       round(s.traffic_erlangs, 2) AS erlangs, s.agents_erlang_c, s.positions_erlang_c,
       round(s.service_level_erlang_c, 3) AS service_level_erlang_c,
       s.agents_erlang_a, round(s.abandon_probability_erlang_a, 3) AS abandon_probability_erlang_a
FROM gold_staffing_intervals s CROSS JOIN p JOIN busiest b ON s.queue = b.queue AND s.channel = b.channel
WHERE s.period_end = p.period_end
ORDER BY s.weekday, s.interval_start

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Another target: the calculator, interval by interval
-- MAGIC The staffing model is not SQL. For another target, run these command lines (the busiest
-- MAGIC intervals of the period, with their measured arrivals, handle time and patience).

-- COMMAND ----------

WITH p AS (
  SELECT COALESCE(:period_end, max(period_end)) AS period_end FROM gold_staffing_intervals
)
SELECT s.queue, s.weekday, s.interval_start,
       concat('bin/service-metrics staffing --calls-per-interval ', round(s.arrivals, 3),
              ' --interval-minutes ', s.interval_minutes, ' --aht-seconds ', round(s.aht_seconds, 1),
              ' --target-seconds ', :target_seconds, ' --service-level ', :service_level,
              CASE WHEN s.patience_seconds IS NULL THEN ''
                   ELSE concat(' --patience-seconds ', round(s.patience_seconds, 1)) END,
              ' --format json') AS command
FROM gold_staffing_intervals s CROSS JOIN p
WHERE s.period_end = p.period_end
ORDER BY s.traffic_erlangs DESC, s.queue, s.weekday, s.interval_start
LIMIT 10
