package io.servicemetrics.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.servicemetrics.config.IngestConfig;
import io.servicemetrics.identity.Pseudonymizer;
import io.servicemetrics.schema.BronzeSchema;
import io.servicemetrics.schema.Provenance;
import io.servicemetrics.schema.QuarantineSchema;
import io.servicemetrics.sentiment.LexiconSentimentScorer;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Ingest as pure transforms: bronze records to validated rows, validated rows to quarantine and
 * silver candidates, and candidates to their outcome against the current silver table.
 */
public final class IngestTransforms {
  /** Outcome of a record that passed validation. */
  public static final String OUTCOME = "ingest_outcome";
  /** New, newer or corrected: merged into silver. */
  public static final String WRITTEN = "written";
  /** The same record from the same delivery day is already in silver (a rerun): counted as accepted. */
  public static final String UNCHANGED = "unchanged";
  /** An exact duplicate or an older version of a record whose newer version exists. */
  public static final String SUPERSEDED = "superseded";
  /**
   * True when the record's key already has a row among the silver rows it was compared with (so a
   * written record replaces that row), false when the key is new to them.
   */
  public static final String MATCHES_SILVER = "matches_silver";
  /** The event_date of the silver row a key matches, null when none (sources partitioned by event_date only). */
  public static final String MATCHED_EVENT_DATE = "matched_event_date";

  static final String RECORD_HASH = "record_hash";
  private static final String RANK = "version_rank";
  private static final String DUPLICATE_RANK = "duplicate_rank";
  private static final String CURRENT = "current_";

  private IngestTransforms() {}

  /** Schema of {@link #validate}: silver columns (nullable) plus the verdict and the raw record. */
  public static StructType validatedSchema(Source source) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : source.silverSchema().fields()) {
      fields.add(new StructField(f.name(), f.dataType(), true, f.metadata()));
    }
    fields.add(DataTypes.createStructField(QuarantineSchema.REASON_CODE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(QuarantineSchema.REASON_DETAIL, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(QuarantineSchema.RAW_RECORD, DataTypes.StringType, false));
    return new StructType(fields.toArray(StructField[]::new));
  }

  /**
   * Applies the input contract to each bronze record: a valid record becomes typed, pseudonymized
   * silver values with a null reason; an invalid one keeps only its provenance, raw text and reason.
   */
  public static Dataset<Row> validate(
      Dataset<Row> bronze, Source source, ZoneId businessZone, Pseudonymizer pseudonyms) {
    return validate(bronze, source, businessZone, IngestConfig.DEFAULT_VALID_FROM, pseudonyms);
  }

  /** As {@link #validate(Dataset, Source, ZoneId, Pseudonymizer)}, events before {@code validFrom} out of range. */
  public static Dataset<Row> validate(
      Dataset<Row> bronze, Source source, ZoneId businessZone, LocalDate validFrom, Pseudonymizer pseudonyms) {
    StructType schema = validatedSchema(source);
    String zoneId = businessZone.getId();
    LexiconSentimentScorer scorer = source == Source.MENTIONS ? LexiconSentimentScorer.standard() : null;
    MapFunction<Row, Row> check =
        bronzeRow -> validateOne(bronzeRow, source, ZoneId.of(zoneId), validFrom, pseudonyms, scorer);
    return bronze.map(check, Encoders.row(schema));
  }

  static Row validateOne(Row bronzeRow, Source source, ZoneId zone, Pseudonymizer pseudonyms,
      LexiconSentimentScorer scorer) {
    return validateOne(bronzeRow, source, zone, IngestConfig.DEFAULT_VALID_FROM, pseudonyms, scorer);
  }

  static Row validateOne(Row bronzeRow, Source source, ZoneId zone, LocalDate validFrom, Pseudonymizer pseudonyms,
      LexiconSentimentScorer scorer) {
    int silverWidth = source.silverSchema().fields().length;
    Object[] out = new Object[silverWidth + 3];
    LocalDate delivery = bronzeRow.<Date>getAs(Provenance.DELIVERY_DATE).toLocalDate();
    // Provenance sits at the end of every silver schema, in Provenance.FIELDS order.
    int provenanceStart = silverWidth - Provenance.FIELDS.size();
    for (int i = 0; i < Provenance.FIELDS.size(); i++) {
      out[provenanceStart + i] = bronzeRow.getAs(Provenance.FIELDS.get(i).name());
    }
    out[silverWidth + 2] = bronzeRow.getAs(BronzeSchema.RAW_RECORD);
    String parseError = bronzeRow.getAs(BronzeSchema.PARSE_ERROR);
    if (parseError != null) {
      out[silverWidth] = parseError;
      out[silverWidth + 1] = bronzeRow.getAs(BronzeSchema.PARSE_DETAIL);
      return RowFactory.create(out);
    }
    Map<String, String> fields = CollectionConverters.asJava(
        bronzeRow.<scala.collection.Map<String, String>>getAs(BronzeSchema.FIELDS));
    FieldReader reader = new FieldReader(fields, zone, delivery, validFrom);
    RecordValidators.Valid valid = switch (source) {
      case CONTACTS -> RecordValidators.contact(reader, pseudonyms);
      case SURVEYS -> RecordValidators.survey(reader);
      case MENTIONS -> RecordValidators.mention(reader, pseudonyms, scorer);
      case CUSTOMER_HANDLES -> RecordValidators.customerHandle(reader, pseudonyms);
    };
    if (valid == null) {
      out[silverWidth] = reader.reason().code();
      out[silverWidth + 1] = reader.detail();
      return RowFactory.create(out);
    }
    System.arraycopy(valid.values(), 0, out, 0, valid.values().length);
    if (source.partitionedByEventDate()) {
      out[valid.values().length] = Date.valueOf(LocalDate.ofInstant(valid.eventTime(), ZoneOffset.UTC));
    }
    return RowFactory.create(out);
  }

  /** The rejected records, in quarantine's schema. */
  public static Dataset<Row> quarantined(Dataset<Row> validated) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : QuarantineSchema.SCHEMA.fields()) {
      cols.add(col(f.name()));
    }
    return validated.where(col(QuarantineSchema.REASON_CODE).isNotNull()).select(cols.toArray(Column[]::new));
  }

  /** The records that passed validation, in the silver schema. */
  public static Dataset<Row> accepted(Dataset<Row> validated, Source source) {
    return validated.where(col(QuarantineSchema.REASON_CODE).isNull()).select(silverColumns(source));
  }

  /**
   * Decides each valid record's fate against the silver table. Within the delivered records, an
   * exact duplicate of an earlier record (same key, version and content; earlier = earlier
   * delivery day, then file, then line) is superseded; then the latest version of each key wins,
   * ties at one version going to the later delivered content. The winner is written when its key
   * is new to silver, its version newer, or its content differs at an equal version; it is
   * unchanged when silver already holds the same record from one of these delivery days (a
   * rerun); it is superseded otherwise. Delivering days one at a time or all at once ends in the
   * same silver rows. Each row also says whether its key {@link #MATCHES_SILVER matches} a silver row,
   * and for sources partitioned by event_date, that row's {@link #MATCHED_EVENT_DATE}.
   *
   * @param currentSilver silver rows that may share keys with the candidates (pruned by the caller)
   * @param firstDay first delivery day of the candidates
   * @param lastDay last delivery day of the candidates
   */
  public static Dataset<Row> classify(
      Dataset<Row> candidates, Dataset<Row> currentSilver, Source source, LocalDate firstDay, LocalDate lastDay) {
    Column[] keys = keyColumns(source);
    List<Column> sameContent = new ArrayList<>(Arrays.asList(keys));
    sameContent.add(col(RECORD_HASH));
    WindowSpec firstOccurrence = Window.partitionBy(sameContent.toArray(Column[]::new))
        .orderBy(col(Provenance.DELIVERY_DATE), col(Provenance.SOURCE_FILE), col(Provenance.RECORD_NUMBER));
    List<Column> latest = new ArrayList<>();
    if (source.versionColumn() != null) {
      latest.add(col(source.versionColumn()).desc());
    }
    latest.add(col(DUPLICATE_RANK).asc());
    latest.add(col(Provenance.DELIVERY_DATE).desc());
    latest.add(col(Provenance.SOURCE_FILE).desc());
    latest.add(col(Provenance.RECORD_NUMBER).desc());
    WindowSpec byKey = Window.partitionBy(keys).orderBy(latest.toArray(Column[]::new));
    // One shuffle by key serves both windows and the join below: (key, hash) and key partitions
    // are both satisfied by hash partitioning on the key, so Spark only sorts after it.
    Dataset<Row> ranked = withHash(candidates, source).repartition(keys)
        .withColumn(DUPLICATE_RANK, row_number().over(firstOccurrence))
        .withColumn(RANK, row_number().over(byKey));

    List<Column> currentCols = new ArrayList<>();
    for (String k : source.keyColumns()) {
      currentCols.add(col(k).as(CURRENT + k));
    }
    currentCols.add(col(RECORD_HASH).as(CURRENT + RECORD_HASH));
    currentCols.add(col(Provenance.DELIVERY_DATE).as(CURRENT + Provenance.DELIVERY_DATE));
    if (source.partitionedByEventDate()) {
      currentCols.add(col(Provenance.EVENT_DATE).as(MATCHED_EVENT_DATE));
    }
    if (source.versionColumn() != null) {
      currentCols.add(col(source.versionColumn()).as(CURRENT + source.versionColumn()));
    }
    Dataset<Row> current = withHash(currentSilver, source).select(currentCols.toArray(Column[]::new));

    Column joinOn = lit(true);
    for (String k : source.keyColumns()) {
      joinOn = joinOn.and(col(k).equalTo(col(CURRENT + k)));
    }
    Column sameHash = col(RECORD_HASH).equalTo(col(CURRENT + RECORD_HASH));
    Column rerun = col(CURRENT + Provenance.DELIVERY_DATE)
        .between(lit(Date.valueOf(firstDay)), lit(Date.valueOf(lastDay))).and(sameHash);
    Column newer = source.versionColumn() == null
        ? lit(false)
        : col(source.versionColumn()).gt(col(CURRENT + source.versionColumn()));
    Column sameVersion = source.versionColumn() == null
        ? lit(true)
        : col(source.versionColumn()).equalTo(col(CURRENT + source.versionColumn()));

    // Only the winner of each key meets silver: the losers' fate is decided within the delivery.
    Column outcome = when(col(DUPLICATE_RANK).gt(1).or(col(RANK).gt(1)), lit(SUPERSEDED))
        .when(col(CURRENT + RECORD_HASH).isNull(), lit(WRITTEN))
        .when(rerun, lit(UNCHANGED))
        .when(newer, lit(WRITTEN))
        .when(sameVersion.and(not(sameHash)), lit(WRITTEN))
        .otherwise(lit(SUPERSEDED));

    List<Column> out = new ArrayList<>(Arrays.asList(silverColumns(source)));
    out.add(outcome.as(OUTCOME));
    out.add(col(CURRENT + RECORD_HASH).isNotNull().as(MATCHES_SILVER));
    if (source.partitionedByEventDate()) {
      out.add(col(MATCHED_EVENT_DATE));
    }
    return ranked.join(current, joinOn, "left").select(out.toArray(Column[]::new));
  }

  /** A digest of the record's content: every silver column except provenance and partition. */
  static Dataset<Row> withHash(Dataset<Row> rows, Source source) {
    List<Column> content = new ArrayList<>();
    for (StructField f : source.silverSchema().fields()) {
      if (!isProvenance(f.name())) {
        content.add(col(f.name()));
      }
    }
    return rows.withColumn(RECORD_HASH, sha2(to_json(struct(content.toArray(Column[]::new))), 256));
  }

  static Column[] silverColumns(Source source) {
    return Arrays.stream(source.silverSchema().fieldNames()).map(n -> col(n)).toArray(Column[]::new);
  }

  private static Column[] keyColumns(Source source) {
    return source.keyColumns().stream().map(k -> col(k)).toArray(Column[]::new);
  }

  private static boolean isProvenance(String name) {
    return name.equals(Provenance.EVENT_DATE)
        || Provenance.FIELDS.stream().anyMatch(f -> f.name().equals(name));
  }
}
