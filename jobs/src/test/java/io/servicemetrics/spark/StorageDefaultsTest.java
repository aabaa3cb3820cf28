package io.servicemetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.schema.BronzeSchema;
import io.servicemetrics.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/** The Parquet settings of {@link SparkSessions#STORAGE_DEFAULTS} reach the files Spark writes. */
@ExtendWith(SharedSpark.class)
class StorageDefaultsTest {
  private static final Set<Encoding> DICTIONARY = Set.of(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);

  @Test
  void bronzesRawRecordsAndFieldValuesAreWrittenWithoutADictionaryAndTheFieldNamesWithOne(
      SparkSession spark, @TempDir Path dir) throws IOException {
    // Few distinct values over many rows: Parquet would keep a dictionary for every column here.
    StructType schema = new StructType()
        .add(BronzeSchema.RAW_RECORD, DataTypes.StringType)
        .add(BronzeSchema.FIELDS, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
        .add("channel", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String channel = i % 2 == 0 ? "phone" : "chat";
      rows.add(RowFactory.create("raw," + channel,
          CollectionConverters.asScala(Map.of("channel", channel, "queue", "billing")), channel));
    }
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(dir.resolve("t").toString());

    Map<String, Set<Encoding>> encodings = columnEncodings(dir.resolve("t"));

    assertEquals(Set.of(BronzeSchema.RAW_RECORD, "fields.key_value.key", BronzeSchema.FIELDS_VALUE_COLUMN, "channel"),
        encodings.keySet(), "the column paths the settings name");
    assertFalse(hasDictionary(encodings.get(BronzeSchema.RAW_RECORD)), encodings.toString());
    assertFalse(hasDictionary(encodings.get(BronzeSchema.FIELDS_VALUE_COLUMN)), encodings.toString());
    assertTrue(hasDictionary(encodings.get("fields.key_value.key")), encodings.toString());
    assertTrue(hasDictionary(encodings.get("channel")), "other columns keep Parquet's default: " + encodings);
  }

  private static boolean hasDictionary(Set<Encoding> encodings) {
    return encodings.stream().anyMatch(DICTIONARY::contains);
  }

  private static Map<String, Set<Encoding>> columnEncodings(Path table) throws IOException {
    Map<String, Set<Encoding>> encodings = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.list(table)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
        try (ParquetFileReader reader = ParquetFileReader.open(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
          for (var block : reader.getFooter().getBlocks()) {
            for (ColumnChunkMetaData column : block.getColumns()) {
              encodings.computeIfAbsent(column.getPath().toDotString(), k -> new java.util.HashSet<>())
                  .addAll(column.getEncodings());
            }
          }
        }
      }
    }
    return encodings;
  }
}
