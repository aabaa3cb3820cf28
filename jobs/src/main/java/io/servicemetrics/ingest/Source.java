package io.servicemetrics.ingest;

import io.servicemetrics.io.Table;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SurveysSchema;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The four landing sources of input contract v1: where their files are, how they are read, what
 * identifies a record, and which of two versions of a record is the later one.
 */
public enum Source {
  CONTACTS("contacts", Format.CSV, ContactsSchema.KNOWN_LANDING_COLUMNS, ContactsSchema.REQUIRED_LANDING_COLUMNS,
      Table.BRONZE_CONTACTS, Table.QUARANTINE_CONTACTS, Table.SILVER_CONTACTS, ContactsSchema.SILVER,
      List.of(ContactsSchema.CONTACT_ID), ContactsSchema.UPDATED_AT, true),
  SURVEYS("surveys", Format.CSV, SurveysSchema.LANDING_COLUMNS, SurveysSchema.REQUIRED_LANDING_COLUMNS,
      Table.BRONZE_SURVEYS, Table.QUARANTINE_SURVEYS, Table.SILVER_SURVEYS, SurveysSchema.SILVER,
      List.of(SurveysSchema.SURVEY_ID), SurveysSchema.RESPONDED_AT, true),
  MENTIONS("mentions", Format.JSONL, MentionsSchema.LANDING_COLUMNS, MentionsSchema.REQUIRED_LANDING_COLUMNS,
      Table.BRONZE_MENTIONS, Table.QUARANTINE_MENTIONS, Table.SILVER_MENTIONS, MentionsSchema.SILVER,
      List.of(MentionsSchema.MENTION_ID), MentionsSchema.FETCHED_AT, true),
  /** The identity map has no version: a record is its content, and re-deliveries are duplicates. */
  CUSTOMER_HANDLES("customer_handles", Format.CSV, CustomerHandlesSchema.LANDING_COLUMNS,
      CustomerHandlesSchema.REQUIRED_LANDING_COLUMNS, Table.BRONZE_CUSTOMER_HANDLES,
      Table.QUARANTINE_CUSTOMER_HANDLES, Table.SILVER_CUSTOMER_HANDLES, CustomerHandlesSchema.SILVER,
      List.of(CustomerHandlesSchema.CUSTOMER_KEY, CustomerHandlesSchema.PLATFORM, CustomerHandlesSchema.HANDLE_PSEUDONYM),
      null, false);

  /** How a landing file is split into records. */
  public enum Format {
    CSV(".csv"),
    JSONL(".jsonl");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  private final String sourceName;
  private final Format format;
  private final List<String> landingColumns;
  private final List<String> requiredColumns;
  private final Table bronze;
  private final Table quarantine;
  private final Table silver;
  private final StructType silverSchema;
  private final List<String> keyColumns;
  private final String versionColumn;
  private final boolean partitionedByEventDate;

  Source(String sourceName, Format format, List<String> landingColumns, List<String> requiredColumns,
      Table bronze, Table quarantine, Table silver, StructType silverSchema, List<String> keyColumns,
      String versionColumn, boolean partitionedByEventDate) {
    this.sourceName = sourceName;
    this.format = format;
    this.landingColumns = landingColumns;
    this.requiredColumns = requiredColumns;
    this.bronze = bronze;
    this.quarantine = quarantine;
    this.silver = silver;
    this.silverSchema = silverSchema;
    this.keyColumns = keyColumns;
    this.versionColumn = versionColumn;
    this.partitionedByEventDate = partitionedByEventDate;
  }

  /** Folder name under the landing zone and the warehouse layers. */
  public String sourceName() {
    return sourceName;
  }

  public Format format() {
    return format;
  }

  public List<String> landingColumns() {
    return landingColumns;
  }

  public List<String> requiredColumns() {
    return requiredColumns;
  }

  public Table bronze() {
    return bronze;
  }

  public Table quarantine() {
    return quarantine;
  }

  public Table silver() {
    return silver;
  }

  public StructType silverSchema() {
    return silverSchema;
  }

  /** Columns of the silver schema that identify a record across versions. */
  public List<String> keyColumns() {
    return keyColumns;
  }

  /** The silver column whose larger value is the later version, or null when records have none. */
  public String versionColumn() {
    return versionColumn;
  }

  public boolean partitionedByEventDate() {
    return partitionedByEventDate;
  }
}
