package io.servicemetrics.ingest;

import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** The delivery dates present in a landing zone, over all sources. */
public final class LandingDates {
  private static final String PREFIX = "date=";

  private LandingDates() {}

  public static SortedSet<LocalDate> list(SparkSession spark, String landingRoot) {
    SortedSet<LocalDate> dates = new TreeSet<>();
    try {
      Path root = new Path(landingRoot);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        throw Errors.landingMissing(landingRoot);
      }
      for (Source source : Source.values()) {
        Path dir = new Path(root, source.sourceName());
        if (!fs.exists(dir)) {
          continue;
        }
        for (FileStatus st : fs.listStatus(dir)) {
          String name = st.getPath().getName();
          if (st.isDirectory() && name.startsWith(PREFIX)) {
            try {
              dates.add(LocalDate.parse(name.substring(PREFIX.length())));
            } catch (DateTimeParseException ignored) {
              // A folder that is not a delivery day (e.g. date=latest) is not ours to read.
            }
          }
        }
      }
    } catch (IOException e) {
      throw Errors.io("Cannot list the landing zone " + landingRoot, e);
    }
    return dates;
  }
}
