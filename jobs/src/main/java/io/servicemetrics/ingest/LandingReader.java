package io.servicemetrics.ingest;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.schema.BronzeSchema;
import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads one source's landing folder for one delivery day ({@code <landing>/<source>/date=D/}) into
 * bronze rows: one per record, with file, line, raw text and fields, or the reason the record
 * could not be read. Files are read whole by the executors (Spark's binaryFile source), so a
 * quoted field may span lines and no record is split between tasks.
 */
public final class LandingReader {
  private static final Logger LOG = LoggerFactory.getLogger(LandingReader.class);

  static final String DATE_PREFIX = "date=";

  private LandingReader() {}

  /** The day's folder for a source. */
  public static String folder(String landingRoot, Source source, LocalDate deliveryDate) {
    String root = landingRoot.endsWith("/") ? landingRoot.substring(0, landingRoot.length() - 1) : landingRoot;
    return root + "/" + source.sourceName() + "/" + DATE_PREFIX + deliveryDate;
  }

  /** True when the landing zone root exists at all (a missing root is a usage error). */
  public static boolean rootExists(SparkSession spark, String landingRoot) {
    return exists(spark, landingRoot);
  }

  /**
   * Bronze rows of the delivery days in [firstDay, lastDay] whose folder exists for this source;
   * each row's delivery date is its folder's date=. Empty folders and missing days give no rows;
   * {@code missingDays} receives the days without a folder.
   */
  public static Dataset<Row> read(SparkSession spark, String landingRoot, Source source, LocalDate firstDay,
      LocalDate lastDay, String runId, String sourceSystem, List<LocalDate> missingDays) {
    List<String> dirs = new ArrayList<>();
    for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
      String dir = folder(landingRoot, source, day);
      if (exists(spark, dir)) {
        dirs.add(dir);
      } else {
        missingDays.add(day);
      }
    }
    if (dirs.isEmpty()) {
      return spark.createDataFrame(List.of(), BronzeSchema.SCHEMA);
    }
    Dataset<Row> files = spark.read().format("binaryFile")
        .option("pathGlobFilter", "*" + source.format().extension())
        .option("recursiveFileLookup", "false")
        .load(dirs.toArray(String[]::new))
        .select("path", "content");
    FlatMapFunction<Row, Row> split = file -> parseFile(file.getString(0), file.getAs(1), source, runId, sourceSystem);
    return files.flatMap(split, Encoders.row(BronzeSchema.SCHEMA));
  }

  /** The delivery day of a landing file: its folder's date=. */
  static Date deliveryDateOf(String path) {
    String folder = path.substring(0, path.lastIndexOf('/'));
    String name = folder.substring(folder.lastIndexOf('/') + 1);
    return Date.valueOf(LocalDate.parse(name.substring(DATE_PREFIX.length())));
  }

  static Iterator<Row> parseFile(String path, byte[] content, Source source, String runId, String sourceSystem) {
    Date delivery = deliveryDateOf(path);
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    TextDecoding.Decoded decoded = TextDecoding.decode(content);
    if (decoded.latin1Fallback()) {
      LOG.warn("{}: not valid UTF-8; read as ISO-8859-1 (Latin-1)", fileName);
    }
    List<LandingRecord> records;
    if (source.format() == Source.Format.CSV) {
      CsvFileParser.ParsedFile parsed = CsvFileParser.parse(decoded.text(), source.landingColumns(), source.requiredColumns());
      if (!parsed.unknownColumns().isEmpty()) {
        LOG.warn("{}: ignoring column(s) not in the input contract: {}", fileName, parsed.unknownColumns());
      }
      if (!parsed.missingColumns().isEmpty()) {
        LOG.warn("{}: lacks required column(s) {}: all {} records quarantined", fileName,
            parsed.missingColumns(), parsed.records().size());
      }
      if (parsed.header().isEmpty()) {
        LOG.warn("{}: empty file", fileName);
      }
      records = parsed.records();
    } else {
      JsonLinesFileParser.ParsedFile parsed = JsonLinesFileParser.parse(decoded.text(), source.landingColumns());
      if (!parsed.unknownFields().isEmpty()) {
        LOG.warn("{}: ignoring field(s) not in the input contract: {}", fileName, parsed.unknownFields());
      }
      records = parsed.records();
    }
    List<Row> rows = new ArrayList<>(records.size());
    for (LandingRecord r : records) {
      rows.add(RowFactory.create(
          r.rawRecord(),
          CollectionConverters.asScala(r.fields()),
          r.errorCode(),
          r.errorDetail(),
          delivery,
          fileName,
          r.recordNumber(),
          runId,
          sourceSystem));
    }
    return rows.iterator();
  }

  private static boolean exists(SparkSession spark, String dir) {
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(path);
    } catch (IOException e) {
      throw Errors.io("Cannot look up the landing folder " + dir, e);
    }
  }
}
