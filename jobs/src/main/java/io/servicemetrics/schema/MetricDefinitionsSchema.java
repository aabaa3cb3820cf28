package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.nullable;
import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** meta/metric_definitions: every metric's name, version, definition and parameters. */
public final class MetricDefinitionsSchema {
  public static final String NAME = "name";
  public static final String VERSION = "version";
  public static final String DEFINITION = "definition";
  public static final String PARAMETERS = "parameters";

  public static final StructType SCHEMA = Fields.struct(
      required(NAME, StringType),
      required(VERSION, StringType),
      required(DEFINITION, StringType),
      nullable(PARAMETERS, StringType));

  private MetricDefinitionsSchema() {}
}
