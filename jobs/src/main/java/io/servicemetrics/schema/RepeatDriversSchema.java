package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * gold/repeat_drivers: the period's 7-day repeat contacts per queue and per issue category, one row
 * per dimension x value with chains in the period (docs/METRICS.md "Repeat drivers"); the report's
 * repeat-driver charts render these rows.
 */
public final class RepeatDriversSchema {
  public static final String PERIOD_END = GoldColumns.PERIOD_END;
  /** Which contact_chains column the row groups by: {@link #QUEUE} or {@link #ISSUE_CATEGORY}. */
  public static final String DIMENSION = "dimension";
  public static final String QUEUE = ContactChainsSchema.QUEUE;
  public static final String ISSUE_CATEGORY = ContactChainsSchema.ISSUE_CATEGORY;
  public static final List<String> DIMENSIONS = List.of(QUEUE, ISSUE_CATEGORY);
  /** The queue or category; {@link #NONE} for chains without one. */
  public static final String NAME = "name";
  /** The name of chains whose queue or issue_category is NULL. */
  public static final String NONE = "(none)";
  public static final String CHAINS = "chains";
  /** Chains with repeat_7d not NULL. */
  public static final String REPEAT_7D_ELIGIBLE = "repeat_7d_eligible";
  /** Chains with repeat_7d true. */
  public static final String REPEAT_7D_COUNT = "repeat_7d_count";
  /** 1 = most repeats within the dimension; ties by name ascending. */
  public static final String RANK = "rank";

  public static final StructType SCHEMA = Fields.struct(
      List.of(
          required(PERIOD_END, DateType),
          required(DIMENSION, StringType),
          required(NAME, StringType),
          required(CHAINS, LongType),
          required(REPEAT_7D_ELIGIBLE, LongType),
          required(REPEAT_7D_COUNT, LongType),
          required(RANK, IntegerType)),
      GoldColumns.STAMP);

  private RepeatDriversSchema() {}
}
