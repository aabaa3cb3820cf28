package io.servicemetrics.metrics;

import io.servicemetrics.schema.ContactChainsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.MentionsSchema;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Literal rows of the input tables, with defaults for columns a test does not care about. */
final class Fixtures {
  /** Period of most tests: 2024-03-04 .. 2024-03-31 (28 days), as_of 2024-04-01T00:00Z. */
  static final LocalDate PERIOD_END = LocalDate.of(2024, 3, 31);
  static final PeriodWindow WINDOW = new PeriodWindow(PERIOD_END, 28, ZoneOffset.UTC);
  static final GoldStamp STAMP = GoldStamp.of(WINDOW);

  private Fixtures() {}

  /** A chain builder; defaults: answered, resolved, 1 leg, wait 60 s, handle 300 s, ended 10 min after start. */
  static final class Chain {
    String id;
    String customer;
    String agent = "a1";
    String team = "t1";
    Instant started = Instant.parse("2024-03-10T10:00:00Z");
    Instant ended;
    int transfers = 0;
    boolean answered = true;
    Double wait = 60.0;
    Double handle = 300.0;
    Boolean resolved = true;
    Boolean fcr = true;
    Integer csat;
    Integer peopleTold;

    Chain(String id) {
      this.id = id;
    }

    Chain customer(String v) { customer = v; return this; }
    Chain agent(String v) { agent = v; return this; }
    Chain team(String v) { team = v; return this; }
    Chain started(String v) { started = Instant.parse(v); return this; }
    Chain ended(String v) { ended = Instant.parse(v); return this; }
    Chain transfers(int v) { transfers = v; return this; }
    Chain abandoned() { answered = false; wait = null; handle = null; fcr = null; agent = null; team = null; return this; }
    Chain waitSeconds(double v) { wait = v; return this; }
    Chain handleSeconds(double v) { handle = v; return this; }
    Chain resolved(Boolean v) { resolved = v; return this; }
    Chain fcr(Boolean v) { fcr = v; return this; }
    Chain csat(Integer v) { csat = v; return this; }
    Chain peopleTold(Integer v) { peopleTold = v; return this; }

    Row row() {
      Instant end = ended != null ? ended : started.plusSeconds(600);
      LocalDate contactDate = started.atZone(ZoneOffset.UTC).toLocalDate();
      return RowFactory.create(id, customer, "voice", "billing", "invoice", agent, team,
          Timestamp.from(started), Timestamp.from(end), Date.valueOf(contactDate), transfers + 1, transfers,
          answered, !answered, wait, handle, answered ? 0.0 : null, false, resolved,
          null, fcr == null ? null : !fcr, null, fcr,
          fcr == null ? null : resolved == null ? "no_repeat" : "disposition",
          csat == null ? null : "s-" + id, csat, null, null, peopleTold, null, null, null, null,
          Timestamp.from(STAMP.asOf()), "1");
    }
  }

  static Chain chain(String id) {
    return new Chain(id);
  }

  static Dataset<Row> chains(SparkSession spark, Chain... chains) {
    return spark.createDataFrame(java.util.Arrays.stream(chains).map(Chain::row).toList(), ContactChainsSchema.SCHEMA);
  }

  /** A silver mention; impressions may be null (reach falls back to followers). */
  static Row mention(String id, String platform, String author, String postedAt, String label,
      Long impressions, long followers) {
    Instant posted = Instant.parse(postedAt);
    double score = label.equals(MentionsSchema.LABEL_NEGATIVE) ? -0.6 : label.equals(MentionsSchema.LABEL_POSITIVE) ? 0.6 : 0.0;
    return RowFactory.create(id, platform, author, followers, Timestamp.from(posted), Timestamp.from(posted),
        "text", 0L, 0L, 0L, impressions, score, null, score, "vendor", label,
        Date.valueOf(posted.atZone(ZoneOffset.UTC).toLocalDate()),
        Date.valueOf(posted.atZone(ZoneOffset.UTC).toLocalDate()), "mentions.jsonl", 1L, "run-1", "canonical");
  }

  static Dataset<Row> mentions(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), MentionsSchema.SILVER);
  }

  static Row handle(String customerKey, String platform, String handlePseudonym) {
    return RowFactory.create(customerKey, platform, handlePseudonym,
        Date.valueOf("2024-01-01"), "handles.csv", 1L, "run-1", "canonical");
  }

  static Dataset<Row> handles(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), CustomerHandlesSchema.SILVER);
  }
}
