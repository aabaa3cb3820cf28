package io.servicemetrics.io;

import java.util.Locale;

/**
 * Every Delta table the product writes. Its folder is {@code <warehouse>/<layer>/<name>} and its
 * SQL view {@code <layer>_<name>}; both are a public contract read by notebooks and schedulers.
 */
public enum Table {
  BRONZE_CONTACTS(Layer.BRONZE, "contacts"),
  BRONZE_SURVEYS(Layer.BRONZE, "surveys"),
  BRONZE_MENTIONS(Layer.BRONZE, "mentions"),
  BRONZE_CUSTOMER_HANDLES(Layer.BRONZE, "customer_handles"),
  QUARANTINE_CONTACTS(Layer.QUARANTINE, "contacts"),
  QUARANTINE_SURVEYS(Layer.QUARANTINE, "surveys"),
  QUARANTINE_MENTIONS(Layer.QUARANTINE, "mentions"),
  QUARANTINE_CUSTOMER_HANDLES(Layer.QUARANTINE, "customer_handles"),
  /** Legs the chains stage could not place: previous_contact_id cycles, chains past the depth limit. */
  QUARANTINE_CONTACT_CHAINS(Layer.QUARANTINE, "contact_chains"),
  SILVER_CONTACTS(Layer.SILVER, "contacts"),
  SILVER_SURVEYS(Layer.SILVER, "surveys"),
  SILVER_MENTIONS(Layer.SILVER, "mentions"),
  SILVER_CUSTOMER_HANDLES(Layer.SILVER, "customer_handles"),
  GOLD_CONTACT_CHAINS(Layer.GOLD, "contact_chains"),
  GOLD_DAILY_SERVICE_METRICS(Layer.GOLD, "daily_service_metrics"),
  GOLD_RESOLUTION_SPEED_MODEL(Layer.GOLD, "resolution_speed_model"),
  GOLD_CSAT_BY_FCR_SPEED(Layer.GOLD, "csat_by_fcr_speed"),
  GOLD_AGENT_METRICS(Layer.GOLD, "agent_metrics"),
  GOLD_WOM_MENTIONS(Layer.GOLD, "wom_mentions"),
  GOLD_WOM_MULTIPLIER(Layer.GOLD, "wom_multiplier"),
  GOLD_STAFFING_INTERVALS(Layer.GOLD, "staffing_intervals"),
  GOLD_RESOLUTION_VALUE(Layer.GOLD, "resolution_value"),
  /** Speed per channel over a period: never averaged across channels (docs/METRICS.md "Speed per channel"). */
  GOLD_CHANNEL_SPEED(Layer.GOLD, "channel_speed"),
  /** The period's figures only contact_chains knows (NPS components), for the report (docs/METRICS.md "Period summary"). */
  GOLD_PERIOD_SUMMARY(Layer.GOLD, "period_summary"),
  /** The period's repeat contacts per queue and per issue category (docs/METRICS.md "Repeat drivers"). */
  GOLD_REPEAT_DRIVERS(Layer.GOLD, "repeat_drivers"),
  META_RUN_LOG(Layer.META, "run_log"),
  META_METRIC_DEFINITIONS(Layer.META, "metric_definitions"),
  /** One row per trained sentiment model: its labels, cross-validated quality and whether it is active. */
  META_SENTIMENT_MODELS(Layer.META, "sentiment_models");

  private final Layer layer;
  private final String tableName;

  Table(Layer layer, String tableName) {
    this.layer = layer;
    this.tableName = tableName;
  }

  public Layer layer() {
    return layer;
  }

  public String tableName() {
    return tableName;
  }

  /** Relative folder inside the warehouse, e.g. {@code silver/contacts}. */
  public String relativePath() {
    return layer.dir() + "/" + tableName;
  }

  /** SQL view name, e.g. {@code silver_contacts}. */
  public String viewName() {
    return layer.dir() + "_" + tableName;
  }

  public static Table of(Layer layer, String tableName) {
    for (Table t : values()) {
      if (t.layer == layer && t.tableName.equals(tableName.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("No table " + layer.dir() + "/" + tableName);
  }
}
