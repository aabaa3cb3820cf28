package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicemetrics.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code sql --format csv} writes comments and mention texts a spreadsheet cannot execute. */
@ExtendWith(SharedSpark.class)
class SqlCsvInjectionTest {
  @Test
  void formulaLeadingTextIsNeutralizedAndNumbersAreNot(SparkSession spark) {
    StructType schema = new StructType()
        .add("comment", DataTypes.StringType)
        .add("score", DataTypes.DoubleType);
    Dataset<Row> rows = spark.createDataFrame(List.of(
        RowFactory.create("=HYPERLINK(\"http://evil.example\",\"click\")", -1.5),
        RowFactory.create("+1 555 0100 call me", 0.0),
        RowFactory.create("-2+3", null),
        RowFactory.create("@SUM(A1:A9)", 2.0),
        RowFactory.create("-3.5", 1.0),
        RowFactory.create("fine, thanks 👍", 3.0)), schema).coalesce(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SqlCommand.printCsv(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    // By hand: a leading =, +, - or @ gets a quote prefix unless the whole cell is a number; cells
    // with a comma or quote are RFC 4180 quoted after the prefix; doubles print as Java does.
    assertEquals(List.of(
            "comment,score",
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",-1.5",
            "'+1 555 0100 call me,0.0",
            "'-2+3,",
            "'@SUM(A1:A9),2.0",
            "-3.5,1.0",
            "\"fine, thanks 👍\",3.0"),
        bytes.toString(StandardCharsets.UTF_8).lines().toList(), "sql --format csv output");
  }
}
