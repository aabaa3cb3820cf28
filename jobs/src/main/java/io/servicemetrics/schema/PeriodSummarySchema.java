package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * gold/period_summary: one row per period_end with the figures of the period and of the
 * period_days before it that only contact_chains knows (docs/METRICS.md "Period summary"): the NPS
 * components behind the report's NPS interval. The report reads this row instead of re-aggregating
 * contact_chains.
 */
public final class PeriodSummarySchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  /** First day of the period: period_end - (period_days - 1). The report checks its period against it. */
  public static final String PERIOD_START = "period_start";
  /** Chains of the period with an nps answer of 9-10, 7-8, 0-6, and all with an answer. */
  public static final String NPS_PROMOTERS = "nps_promoters";
  public static final String NPS_PASSIVES = "nps_passives";
  public static final String NPS_DETRACTORS = "nps_detractors";
  public static final String NPS_RESPONSES = "nps_responses";
  /** The same over the period_days before the period (zeros when it had no answers). */
  public static final String PREVIOUS_PERIOD_START = "previous_period_start";
  public static final String PREVIOUS_NPS_PROMOTERS = "previous_nps_promoters";
  public static final String PREVIOUS_NPS_PASSIVES = "previous_nps_passives";
  public static final String PREVIOUS_NPS_DETRACTORS = "previous_nps_detractors";
  public static final String PREVIOUS_NPS_RESPONSES = "previous_nps_responses";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(PERIOD_START, DateType),
          required(NPS_PROMOTERS, LongType),
          required(NPS_PASSIVES, LongType),
          required(NPS_DETRACTORS, LongType),
          required(NPS_RESPONSES, LongType),
          required(PREVIOUS_PERIOD_START, DateType),
          required(PREVIOUS_NPS_PROMOTERS, LongType),
          required(PREVIOUS_NPS_PASSIVES, LongType),
          required(PREVIOUS_NPS_DETRACTORS, LongType),
          required(PREVIOUS_NPS_RESPONSES, LongType)),
      GoldColumns.STAMP);

  private PeriodSummarySchema() {}
}
