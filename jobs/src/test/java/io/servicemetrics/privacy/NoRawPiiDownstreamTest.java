package io.servicemetrics.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.identity.IdentityNormalizer;
import io.servicemetrics.ingest.CsvFileParser;
import io.servicemetrics.ingest.JsonLinesFileParser;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Layer;
import io.servicemetrics.io.Table;
import io.servicemetrics.io.Warehouse;
import io.servicemetrics.io.WarehouseViews;
import io.servicemetrics.notebook.ExecutedNotebook;
import io.servicemetrics.notebook.NotebookFiles;
import io.servicemetrics.notebook.NotebookReader;
import io.servicemetrics.notebook.NotebookRunner;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.testing.GeneratedWarehouse;
import io.servicemetrics.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 "Privacy check": a generated landing zone through the whole pipeline, then every silver
 * and gold table, every report file (PDF text and metadata, chart CSVs, PNG text chunks) and every
 * executed analyst notebook is searched for each raw identifier of the landing files: customer
 * ids, phones (as written and as normalized digits), e-mails and handles. None may appear.
 */
@ExtendWith(SharedSpark.class)
class NoRawPiiDownstreamTest {
  /** HMAC-SHA256 pseudonyms: 64 hex digits. Removed before searching, or a digit run in one could match. */
  private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

  @Test
  void noRawIdentifierReachesSilverGoldReportsOrNotebooks(SparkSession spark, @TempDir Path tmp) throws IOException {
    // The shared generated zone (3 days x 40 contacts) and the pipeline's backfill over it, read only.
    Path landing = GeneratedWarehouse.landing();
    TreeSet<String> pii = rawIdentifiers(landing);
    assertTrue(pii.size() > 300, "the landing zone has identifiers to look for: " + pii.size());

    GeneratedWarehouse.Backfill backfill = GeneratedWarehouse.backfill();
    Warehouse warehouse = backfill.warehouse();
    Path reports = backfill.reports();
    assertEquals(1, backfill.result().reports().size(), "the run wrote its report");

    List<String> scanned = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    DeltaIo delta = new DeltaIo(spark, warehouse);
    for (Table table : Table.values()) {
      if ((table.layer() == Layer.SILVER || table.layer() == Layer.GOLD) && delta.exists(table)) {
        // Tiny tables (3 days x 40 contacts): collecting them is the point of the check.
        search(table.viewName(), String.join("\n", delta.read(table).toJSON().collectAsList()), pii, leaks, scanned);
      }
    }
    try (Stream<Path> files = Files.walk(reports)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".pdf")) {
          search(name, pdfText(f), pii, leaks, scanned);
        } else if (name.endsWith(".png")) {
          search(name, pngText(f), pii, leaks, scanned);
        } else {
          search(name, Files.readString(f, StandardCharsets.UTF_8), pii, leaks, scanned);
        }
      }
    }
    WarehouseViews.register(delta);
    // As `notebook run` does: no sentiment model was trained, so the scorer cells read no rows.
    WarehouseViews.registerEmptyWhenMissing(delta, io.servicemetrics.io.Table.META_SENTIMENT_MODELS,
        io.servicemetrics.schema.SentimentModelsSchema.SCHEMA);
    Path notebooks = Path.of("..", "notebooks-export");
    long notebookCount;
    try (Stream<Path> files = Files.list(notebooks)) {
      notebookCount = files.filter(p -> p.toString().endsWith(".ipynb") || p.toString().endsWith(".sql")).count();
    }
    try (Stream<Path> files = Files.list(notebooks)) {
      for (Path nb : files.filter(p -> p.toString().endsWith(".ipynb") || p.toString().endsWith(".sql")).sorted().toList()) {
        ExecutedNotebook executed = NotebookRunner.run(spark, NotebookReader.read(nb), Map.of(), NotebookRunner.DEFAULT_MAX_ROWS);
        NotebookFiles.Written written = NotebookFiles.write(tmp.resolve("notebooks"), executed);
        search(written.ipynb().getFileName().toString(), Files.readString(written.ipynb()), pii, leaks, scanned);
        search(written.html().getFileName().toString(), Files.readString(written.html()), pii, leaks, scanned);
      }
    }
    // With three days of data the report draws only the charts with enough data; it always has one.
    assertTrue(scanned.containsAll(List.of("silver_contacts", "silver_surveys", "silver_mentions",
            "silver_customer_handles", "gold_contact_chains", "gold_wom_mentions", "service_overview.html"))
            && scanned.stream().filter(s -> s.endsWith(".pdf")).count() == 1
            && scanned.stream().anyMatch(s -> s.endsWith(".png")) && scanned.stream().anyMatch(s -> s.endsWith(".csv"))
            && scanned.stream().filter(s -> s.endsWith(".ipynb")).count() == notebookCount,
        "scanned the tables, the PDF, PNGs, CSVs and all " + notebookCount + " executed notebooks: " + scanned);
    assertEquals(List.of(), leaks, "raw identifiers found downstream of bronze");

    // The search can fail: bronze keeps the raw records, so it must find identifiers there.
    List<String> control = new ArrayList<>();
    search("bronze_contacts", String.join("\n", delta.read(Table.BRONZE_CONTACTS).toJSON().collectAsList()), pii, control,
        new ArrayList<>());
    assertTrue(control.size() > 50, "bronze holds raw identifiers and the search sees them: " + control.size());
  }

  /** Every identifier in the landing files, lower-cased, in each form it could take downstream. */
  private static TreeSet<String> rawIdentifiers(Path landing) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    for (Map<String, String> r : records(landing.resolve("contacts"), ContactsSchema.LANDING_COLUMNS)) {
      add(out, r.get(ContactsSchema.CUSTOMER_ID));
      addPhone(out, r.get(ContactsSchema.CUSTOMER_PHONE));
    }
    for (Map<String, String> r : records(landing.resolve("customer_handles"), CustomerHandlesSchema.LANDING_COLUMNS)) {
      add(out, r.get(CustomerHandlesSchema.CUSTOMER_ID));
      String handle = r.get(CustomerHandlesSchema.HANDLE);
      switch (String.valueOf(r.get(CustomerHandlesSchema.PLATFORM))) {
        case "phone" -> addPhone(out, handle);
        case "email" -> {
          add(out, handle);
          add(out, IdentityNormalizer.email(handle));
        }
        default -> addHandle(out, handle);
      }
    }
    for (Map<String, String> r : records(landing.resolve("mentions"), MentionsSchema.LANDING_COLUMNS)) {
      addHandle(out, r.get(MentionsSchema.AUTHOR_HANDLE));
    }
    return out;
  }

  private static List<Map<String, String>> records(Path sourceDir, List<String> columns) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sourceDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        List<LandingRecord> records = f.toString().endsWith(".jsonl")
            ? JsonLinesFileParser.parse(text, columns).records()
            : CsvFileParser.parse(text, columns, List.of()).records();
        records.forEach(r -> out.add(r.fields()));
      }
    }
    return out;
  }

  private static void add(TreeSet<String> out, String value) {
    if (value != null && value.strip().length() >= 4) {
      out.add(value.strip().toLowerCase(Locale.ROOT));
    }
  }

  private static void addPhone(TreeSet<String> out, String phone) {
    add(out, phone);
    String digits = IdentityNormalizer.phone(phone);
    add(out, digits);
    if (digits != null && digits.startsWith("1") && digits.length() == 11) {
      add(out, digits.substring(1));
    }
  }

  private static void addHandle(TreeSet<String> out, String handle) {
    add(out, handle);
    add(out, IdentityNormalizer.handle(handle));
  }

  private static void search(String where, String text, TreeSet<String> pii, List<String> leaks, List<String> scanned) {
    scanned.add(where);
    String haystack = PSEUDONYM.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("#");
    for (String needle : pii) {
      if (haystack.contains(needle)) {
        leaks.add(where + ": " + needle);
      }
    }
  }

  private static String pdfText(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDDocumentInformation info = doc.getDocumentInformation();
      return new PDFTextStripper().getText(doc) + "\n" + info.getTitle() + "\n" + info.getSubject() + "\n"
          + info.getKeywords() + "\n" + info.getAuthor() + "\n" + info.getCreator() + "\n" + info.getProducer();
    }
  }

  /** The text of every tEXt, zTXt and iTXt chunk of a PNG (keyword and text), decompressed. */
  private static String pngText(Path png) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(png));
    b.position(8);
    StringBuilder text = new StringBuilder();
    while (b.remaining() >= 12) {
      int length = b.getInt();
      byte[] type = new byte[4];
      b.get(type);
      byte[] data = new byte[length];
      b.get(data);
      b.getInt();
      String kind = new String(type, StandardCharsets.ISO_8859_1);
      switch (kind) {
        case "tEXt" -> text.append(new String(data, StandardCharsets.ISO_8859_1)).append('\n');
        case "zTXt" -> {
          int nul = indexOf(data, 0);
          text.append(new String(data, 0, nul, StandardCharsets.ISO_8859_1)).append(' ')
              .append(new String(inflate(data, nul + 2), StandardCharsets.ISO_8859_1)).append('\n');
        }
        case "iTXt" -> {
          int nul = indexOf(data, 0);
          boolean compressed = data[nul + 1] != 0;
          int langEnd = indexOf(data, nul + 3);
          int keyEnd = indexOf(data, langEnd + 1);
          byte[] body = compressed ? inflate(data, keyEnd + 1)
              : java.util.Arrays.copyOfRange(data, keyEnd + 1, data.length);
          text.append(new String(data, 0, nul, StandardCharsets.ISO_8859_1)).append(' ')
              .append(new String(body, StandardCharsets.UTF_8)).append('\n');
        }
        default -> { }
      }
    }
    return text.toString();
  }

  private static int indexOf(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == 0) {
        return i;
      }
    }
    return data.length;
  }

  private static byte[] inflate(byte[] data, int offset) {
    Inflater inflater = new Inflater();
    inflater.setInput(data, offset, data.length - offset);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    try {
      while (!inflater.finished() && !inflater.needsInput()) {
        out.write(buf, 0, inflater.inflate(buf));
      }
    } catch (DataFormatException e) {
      throw new UncheckedIOException(new IOException("bad compressed PNG text", e));
    } finally {
      inflater.end();
    }
    return out.toByteArray();
  }
}
