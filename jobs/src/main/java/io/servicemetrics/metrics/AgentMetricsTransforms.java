package io.servicemetrics.metrics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.chains.ContactChainTransforms;
import io.servicemetrics.schema.AgentMetricsSchema;
import io.servicemetrics.schema.ContactChainsSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Gold agent_metrics: per first-contact agent over a period, with the speed-versus-resolution
 * quadrant. Definitions: docs/METRICS.md, "Agents".
 */
public final class AgentMetricsTransforms {
  static final String MEDIAN_AHT = "median_aht_seconds";
  static final String MEDIAN_FCR = "median_fcr_7d_rate";
  private static final String TEAM_CHAINS = "team_chains";
  private static final String TEAM_RANK = "team_rank";
  private static final String TEAM_AGENT_ID = "team_agent_id";

  private AgentMetricsTransforms() {}

  /**
   * One row per agent_id (not null) over chains with contact_date in the period: chains,
   * aht_seconds (mean handle_seconds over answered chains), fcr_7d_rate and fcr_7d_eligible
   * (chains with fcr_7d not NULL), csat_top2 and csat_n (chains with csat), and team (the team on
   * most of the agent's chains; ties go to the smallest team name; NULL when never known).
   */
  public static Dataset<Row> perAgent(Dataset<Row> chains, PeriodWindow window) {
    Dataset<Row> inPeriod = chains.filter(
        col(ContactChainsSchema.CONTACT_DATE).between(lit(window.periodStart()), lit(window.periodEnd()))
            .and(col(ContactChainsSchema.AGENT_ID).isNotNull()));
    Column csat = col(ContactChainsSchema.CSAT);
    Dataset<Row> metrics = inPeriod.groupBy(col(ContactChainsSchema.AGENT_ID)).agg(
        count(lit(1)).as(AgentMetricsSchema.CHAINS),
        avg(when(col(ContactChainsSchema.ANSWERED), col(ContactChainsSchema.HANDLE_SECONDS)))
            .as(AgentMetricsSchema.AHT_SECONDS),
        avg(when(col(ContactChainsSchema.FCR_7D), 1.0).when(col(ContactChainsSchema.FCR_7D).isNotNull(), 0.0))
            .as(AgentMetricsSchema.FCR_7D_RATE),
        count(col(ContactChainsSchema.FCR_7D)).as(AgentMetricsSchema.FCR_7D_ELIGIBLE),
        count(when(col(ContactChainsSchema.FCR_BASIS).equalTo(lit(ContactChainTransforms.FCR_BASIS_NO_REPEAT)), lit(1)))
            .as(AgentMetricsSchema.FCR_7D_NO_REPEAT_BASIS),
        avg(when(csat.geq(DailyServiceMetricsTransforms.CSAT_TOP2_MIN), 1.0).when(csat.isNotNull(), 0.0))
            .as(AgentMetricsSchema.CSAT_TOP2),
        count(csat).as(AgentMetricsSchema.CSAT_N));
    Dataset<Row> team = inPeriod
        .filter(col(ContactChainsSchema.TEAM).isNotNull())
        .groupBy(col(ContactChainsSchema.AGENT_ID), col(ContactChainsSchema.TEAM))
        .agg(count(lit(1)).as(TEAM_CHAINS))
        .withColumn(TEAM_RANK, row_number().over(Window.partitionBy(col(ContactChainsSchema.AGENT_ID))
            .orderBy(col(TEAM_CHAINS).desc(), col(ContactChainsSchema.TEAM).asc())))
        .filter(col(TEAM_RANK).equalTo(1))
        // Renamed: both sides derive from the same frame, so qualified references would not tell them apart.
        .select(col(ContactChainsSchema.AGENT_ID).as(TEAM_AGENT_ID), col(ContactChainsSchema.TEAM).as(AgentMetricsSchema.TEAM));
    return metrics.join(team, col(ContactChainsSchema.AGENT_ID).equalTo(col(TEAM_AGENT_ID)), "left")
        .drop(TEAM_AGENT_ID);
  }

  /**
   * Adds quadrant relative to the medians of aht_seconds and fcr_7d_rate across agents with at
   * least {@link AgentMetricsSchema#MIN_FCR_ELIGIBLE_CHAINS} fcr-eligible chains (exact medians;
   * an even count takes the mean of the middle two). Below the aht median is fast, at or above is
   * slow; at or above the fcr median is resolving, below is not. Other agents get
   * insufficient_data. The medians are one aggregate row cross-joined back, no driver round trip.
   */
  public static Dataset<Row> withQuadrant(Dataset<Row> perAgent) {
    Column qualified = col(AgentMetricsSchema.FCR_7D_ELIGIBLE).geq(AgentMetricsSchema.MIN_FCR_ELIGIBLE_CHAINS);
    Dataset<Row> medians = perAgent.filter(qualified).agg(
        median(col(AgentMetricsSchema.AHT_SECONDS)).as(MEDIAN_AHT),
        median(col(AgentMetricsSchema.FCR_7D_RATE)).as(MEDIAN_FCR));
    Column fast = col(AgentMetricsSchema.AHT_SECONDS).lt(col(MEDIAN_AHT));
    Column resolving = col(AgentMetricsSchema.FCR_7D_RATE).geq(col(MEDIAN_FCR));
    return perAgent.crossJoin(medians)
        .withColumn(AgentMetricsSchema.QUADRANT,
            when(not(qualified), lit(AgentMetricsSchema.INSUFFICIENT_DATA))
                .when(fast.and(resolving), lit(AgentMetricsSchema.FAST_RESOLVING))
                .when(fast, lit(AgentMetricsSchema.SPEED_TRAP))
                .when(resolving, lit(AgentMetricsSchema.SLOW_RESOLVING))
                .otherwise(lit(AgentMetricsSchema.STRUGGLING)))
        .drop(MEDIAN_AHT, MEDIAN_FCR);
  }

  /** Gold agent_metrics for the period, stamped, in {@link AgentMetricsSchema#SCHEMA} order. */
  public static Dataset<Row> agentMetrics(Dataset<Row> chains, PeriodWindow window, GoldStamp stamp) {
    return GoldFrames.select(stamp.stamp(withQuadrant(perAgent(chains, window))), AgentMetricsSchema.SCHEMA);
  }
}
