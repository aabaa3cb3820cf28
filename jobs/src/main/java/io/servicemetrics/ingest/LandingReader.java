package io.servicemetrics.ingest;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.errors.Errors;
import io.servicemetrics.ingest.formats.LandingFormat;
import io.servicemetrics.ingest.formats.LandingFormats;
import io.servicemetrics.ingest.formats.RawLandingFile;
import io.servicemetrics.schema.BronzeSchema;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
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
   * Bronze rows of the delivery days in [firstDay, lastDay] whose folder exists for this source,
   * read in {@code format} (its name becomes source_system); each row's delivery date is its
   * folder's date=. Empty folders and missing days give no rows; {@code missingDays} receives the
   * days without a folder. A folder whose files are obviously in another format fails here, on the
   * driver, before any Spark job (see {@link #checkFolder}); every file is checked again as it is read.
   */
  public static Dataset<Row> read(SparkSession spark, String landingRoot, Source source, LocalDate firstDay,
      LocalDate lastDay, String runId, LandingFormat format, FormatOptions options, List<LocalDate> missingDays) {
    List<String> dirs = new ArrayList<>();
    for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
      String dir = folder(landingRoot, source, day);
      if (exists(spark, dir)) {
        dirs.add(dir);
        checkFolder(spark, dir, source, format);
      } else {
        missingDays.add(day);
      }
    }
    if (dirs.isEmpty()) {
      return spark.createDataFrame(List.of(), BronzeSchema.SCHEMA);
    }
    Dataset<Row> files = spark.read().format("binaryFile")
        .option("pathGlobFilter", format.pathGlobFilter())
        .option("recursiveFileLookup", "false")
        .load(dirs.toArray(String[]::new))
        .select("path", "modificationTime", "content");
    FlatMapFunction<Row, Row> split = file -> parseFile(file.getString(0), file.<Timestamp>getAs(1), file.getAs(2),
        source, runId, format, options);
    return files.flatMap(split, Encoders.row(BronzeSchema.SCHEMA));
  }

  /**
   * Driver-side format check of one day folder, cheap enough for every run: sniffs the first bytes
   * of the first file the format reads, and of the first file it ignores (a CTR {@code .json}
   * among canonical {@code *.csv} would otherwise vanish silently); warns about ignored files.
   */
  static void checkFolder(SparkSession spark, String dir, Source source, LandingFormat format) {
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      GlobFilter glob = new GlobFilter(format.pathGlobFilter());
      FileStatus[] listing = fs.listStatus(path);
      Arrays.sort(listing, Comparator.comparing((FileStatus f) -> f.getPath().getName()));
      boolean checkedRead = false;
      List<String> ignored = new ArrayList<>();
      for (FileStatus f : listing) {
        String name = f.getPath().getName();
        if (!f.isFile() || name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        boolean read = glob.accept(f.getPath()) && format.reads(name);
        if (read && checkedRead || !read && !ignored.isEmpty()) {
          if (!read) {
            ignored.add(name);
          }
          continue;
        }
        LandingFormats.requireFormat(source, format, where(dir, name), head(fs, f.getPath()));
        if (read) {
          checkedRead = true;
        } else {
          ignored.add(name);
        }
      }
      if (!ignored.isEmpty()) {
        LOG.warn("{}: ignoring {} file(s) that {} does not read ({}): {}", dir, ignored.size(), format.name(),
            format.filesDescription(), ignored.size() <= 5 ? ignored : ignored.subList(0, 5) + "...");
      }
    } catch (IOException e) {
      throw Errors.io("Cannot list the landing folder " + dir, e);
    }
  }

  private static byte[] head(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return in.readNBytes(64 * 1024);
    }
  }

  /** A landing file as users know it: source folder, date folder, name. */
  private static String where(String dir, String fileName) {
    int cut = dir.lastIndexOf('/', dir.lastIndexOf('/') - 1);
    return dir.substring(cut + 1) + "/" + fileName;
  }

  /** The delivery day of a landing file: its folder's date=. */
  static Date deliveryDateOf(String path) {
    String folder = path.substring(0, path.lastIndexOf('/'));
    String name = folder.substring(folder.lastIndexOf('/') + 1);
    return Date.valueOf(LocalDate.parse(name.substring(DATE_PREFIX.length())));
  }

  /**
   * One landing file's bronze rows. Throws the format-mismatch error (a {@code
   * ServiceMetricsException}) when the file is obviously in another format: the Spark job fails
   * and the ingest surfaces that error.
   */
  static Iterator<Row> parseFile(String path, Timestamp modificationTime, byte[] content, Source source, String runId,
      LandingFormat format, FormatOptions options) {
    Date delivery = deliveryDateOf(path);
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    if (!format.reads(fileName)) {
      return java.util.Collections.emptyIterator();
    }
    LandingFormats.requireFormat(source, format, where(path.substring(0, path.lastIndexOf('/')), fileName), content);
    List<LandingRecord> records = format.parse(
        new RawLandingFile(fileName, content, modificationTime == null ? null : modificationTime.toInstant()), options);
    String sourceSystem = format.name();
    List<Row> rows = new ArrayList<>(records.size());
    for (LandingRecord r : records) {
      // Rows carry their schema: when Spark hands them straight to the next typed map (no cache
      // in between, serialization elided), validation still reads fields by name.
      rows.add(new GenericRowWithSchema(new Object[] {
          r.rawRecord(),
          CollectionConverters.asScala(r.fields()),
          r.errorCode(),
          r.errorDetail(),
          delivery,
          fileName,
          r.recordNumber(),
          runId,
          sourceSystem}, BronzeSchema.SCHEMA));
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
