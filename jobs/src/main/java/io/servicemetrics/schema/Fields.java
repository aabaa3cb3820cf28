package io.servicemetrics.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small helpers that keep the schema classes declarative. */
public final class Fields {
  private Fields() {}

  public static StructField nullable(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  public static StructField required(String name, DataType type) {
    return new StructField(name, type, false, Metadata.empty());
  }

  public static StructType struct(List<StructField> head, List<StructField> tail) {
    List<StructField> all = new ArrayList<>(head);
    all.addAll(tail);
    return new StructType(all.toArray(StructField[]::new));
  }

  public static StructType struct(StructField... fields) {
    return new StructType(fields);
  }
}
