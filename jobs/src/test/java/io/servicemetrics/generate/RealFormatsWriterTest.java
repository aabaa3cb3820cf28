package io.servicemetrics.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.ingest.CsvFileParser;
import io.servicemetrics.ingest.JsonLinesFileParser;
import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.ingest.Source;
import io.servicemetrics.ingest.formats.LandingFormat;
import io.servicemetrics.ingest.formats.LandingFormats;
import io.servicemetrics.ingest.formats.RawLandingFile;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SurveysSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-format days, read back through the adapters, carry the canonical days' records. */
class RealFormatsWriterTest {
  private static final SourceFormats REAL = new SourceFormats(SourceFormats.AMAZON_CONNECT, SourceFormats.QUALTRICS,
      SourceFormats.X_API_V2, FormatOptions.of(Map.of(FormatOptions.QUALTRICS_TIME_ZONE, RealFormatsWriter.SURVEY_ZONE)));

  @Test
  void adaptersReadBackTheCanonicalRecordsFromEveryFileVariant(@TempDir Path tmp) throws IOException {
    Path canonical = tmp.resolve("canonical");
    ContactCenterGenerator.generate(new GeneratorConfig(5, 12, 3, LocalDate.parse("2026-11-02"), canonical));
    RealFormatsWriter.write(canonical, tmp);

    List<String> contactFiles = names(tmp.resolve("amazon-connect/contacts"));
    assertTrue(contactFiles.stream().anyMatch(n -> n.endsWith(".json")) && contactFiles.stream().anyMatch(n -> n.endsWith(".gz"))
        && contactFiles.stream().anyMatch(n -> !n.contains(".")), "one-per-line, gzip and concatenated files: " + contactFiles);

    // contacts: every canonical version (contact_id, updated_at) comes back with the same answered and ended instants,
    // ended derived from interaction + hold even where the CTR's disconnect lingers after a transfer.
    Map<String, List<String>> ctr = index(read(tmp.resolve("amazon-connect/contacts"), Source.CONTACTS),
        ContactsSchema.CONTACT_ID, ContactsSchema.UPDATED_AT, ContactsSchema.ANSWERED_AT, ContactsSchema.ENDED_AT,
        ContactsSchema.HOLD_SECONDS, ContactsSchema.OUTCOME);
    Map<String, List<String>> canon = index(canonicalCsv(canonical.resolve("contacts"), Source.CONTACTS),
        ContactsSchema.CONTACT_ID, ContactsSchema.UPDATED_AT, ContactsSchema.ANSWERED_AT, ContactsSchema.ENDED_AT,
        ContactsSchema.HOLD_SECONDS, ContactsSchema.OUTCOME);
    assertTrue(canon.size() > 50, "enough contacts to mean something: " + canon.size());
    canon.forEach((key, values) -> assertEquals(values, ctr.get(key), "contact version " + key));

    Map<String, List<String>> qualtrics = index(read(tmp.resolve("qualtrics/surveys"), Source.SURVEYS),
        SurveysSchema.SURVEY_ID, SurveysSchema.RESPONDED_AT, SurveysSchema.CSAT, SurveysSchema.NPS,
        SurveysSchema.RESOLVED_REPORTED, SurveysSchema.COMMENT);
    Map<String, List<String>> canonSurveys = index(canonicalCsv(canonical.resolve("surveys"), Source.SURVEYS),
        SurveysSchema.SURVEY_ID, SurveysSchema.RESPONDED_AT, SurveysSchema.CSAT, SurveysSchema.NPS,
        SurveysSchema.RESOLVED_REPORTED, SurveysSchema.COMMENT);
    assertEquals(canonSurveys, qualtrics, "surveys from three-header, German and legacy two-header exports");

    Map<String, List<String>> x = index(read(tmp.resolve("x-api-v2/mentions"), Source.MENTIONS),
        MentionsSchema.MENTION_ID, MentionsSchema.POSTED_AT, MentionsSchema.AUTHOR_HANDLE, MentionsSchema.RESHARES);
    Map<String, List<String>> canonMentions = index(canonicalJsonl(canonical.resolve("mentions")),
        MentionsSchema.MENTION_ID, MentionsSchema.POSTED_AT, MentionsSchema.AUTHOR_HANDLE, MentionsSchema.RESHARES);
    assertEquals(canonMentions.keySet(), x.keySet(), "the same mentions");
  }

  @Test
  void genesysConversationsAndCxoneContactsCarryTheCanonicalLegs(@TempDir Path tmp) throws IOException {
    Path canonical = tmp.resolve("canonical");
    ContactCenterGenerator.generate(new GeneratorConfig(5, 12, 3, LocalDate.parse("2026-11-02"), canonical));
    RealFormatsWriter.write(canonical, tmp);
    FormatOptions options = FormatOptions.of(Map.of(
        FormatOptions.GENESYS_WRAP_UP_OUTCOMES, table(PlatformContactsWriter.WRAP_UP_CODES),
        FormatOptions.CXONE_DISPOSITION_OUTCOMES, table(PlatformContactsWriter.DISPOSITIONS)));
    List<LandingRecord> legs = canonicalCsv(canonical.resolve("contacts"), Source.CONTACTS).stream()
        .filter(r -> r.errorCode() == null && PlatformContactsWriter.convertible(present(r.fields())))
        .toList();

    // CXone: every canonical version comes back under the id's digits, with the same times, hold,
    // outcome and previous leg (through masterContactId).
    Map<String, List<String>> cxone = index(read(tmp.resolve("nice-cxone/contacts"), SourceFormats.NICE_CXONE, options),
        ContactsSchema.CONTACT_ID, ContactsSchema.UPDATED_AT, ContactsSchema.PREVIOUS_CONTACT_ID,
        ContactsSchema.INITIATED_AT, ContactsSchema.ANSWERED_AT, ContactsSchema.ENDED_AT, ContactsSchema.HOLD_SECONDS,
        ContactsSchema.OUTCOME);
    Map<String, List<String>> canon = new HashMap<>();
    index(legs, ContactsSchema.CONTACT_ID, ContactsSchema.UPDATED_AT, ContactsSchema.PREVIOUS_CONTACT_ID,
        ContactsSchema.INITIATED_AT, ContactsSchema.ANSWERED_AT, ContactsSchema.ENDED_AT, ContactsSchema.HOLD_SECONDS,
        ContactsSchema.OUTCOME).forEach((key, values) -> {
          String id = key.substring(0, key.indexOf('@'));
          values.set(0, values.get(0) == null ? null : Long.toString(PlatformContactsWriter.contactNumber(values.get(0))));
          if (values.get(2) == null) {
            values.set(4, null); // an unanswered leg has no outcome
          }
          canon.put(PlatformContactsWriter.contactNumber(id) + key.substring(key.indexOf('@')), values);
        });
    assertTrue(canon.size() > 50, "enough contacts to mean something: " + canon.size());
    assertEquals(canon.keySet(), cxone.keySet(), "CXone versions");
    canon.forEach((key, values) -> assertEquals(values, cxone.get(key), "CXone version " + key));
    assertTrue(cxone.values().stream().anyMatch(v -> v.get(0) != null), "some legs were transferred");

    // Genesys: each conversation's answered legs, latest versions, in answer order, with their answer and end.
    Map<String, List<String>> genesys = new HashMap<>();
    for (LandingRecord r : read(tmp.resolve("genesys-cloud/contacts"), SourceFormats.GENESYS_CLOUD, options)) {
      if (r.fields().get(ContactsSchema.ANSWERED_AT) != null) {
        genesys.put(r.fields().get(ContactsSchema.CONTACT_ID), List.of(r.fields().get(ContactsSchema.ANSWERED_AT),
            r.fields().get(ContactsSchema.ENDED_AT), String.valueOf(r.fields().get(ContactsSchema.OUTCOME))));
      }
    }
    Map<String, LandingRecord> latest = new HashMap<>();
    for (LandingRecord r : legs) {
      LandingRecord known = latest.get(r.fields().get(ContactsSchema.CONTACT_ID));
      if (known == null || !RealFormatsWriter.instant(known.fields().get(ContactsSchema.UPDATED_AT))
          .isAfter(RealFormatsWriter.instant(r.fields().get(ContactsSchema.UPDATED_AT)))) {
        latest.put(r.fields().get(ContactsSchema.CONTACT_ID), r);
      }
    }
    Map<String, List<LandingRecord>> chains = new HashMap<>();
    for (LandingRecord r : latest.values()) {
      String root = r.fields().get(ContactsSchema.CONTACT_ID);
      while (latest.containsKey(latest.get(root).fields().getOrDefault(ContactsSchema.PREVIOUS_CONTACT_ID, ""))) {
        root = latest.get(root).fields().get(ContactsSchema.PREVIOUS_CONTACT_ID);
      }
      if (!r.fields().getOrDefault(ContactsSchema.ANSWERED_AT, "").isBlank()) {
        chains.computeIfAbsent(root, k -> new ArrayList<>()).add(r);
      }
    }
    Map<String, List<String>> expected = new HashMap<>();
    chains.forEach((root, answered) -> {
      answered.sort(java.util.Comparator.comparing(r -> RealFormatsWriter.instant(r.fields().get(ContactsSchema.ANSWERED_AT))));
      String conversation = java.util.UUID.nameUUIDFromBytes(("conversation:" + root).getBytes(
          java.nio.charset.StandardCharsets.UTF_8)).toString();
      for (int i = 0; i < answered.size(); i++) {
        Map<String, String> f = answered.get(i).fields();
        String outcome = f.get(ContactsSchema.OUTCOME);
        expected.put(conversation + "/" + (i + 1), List.of(
            RealFormatsWriter.instant(f.get(ContactsSchema.ANSWERED_AT)).toString(),
            RealFormatsWriter.instant(f.get(ContactsSchema.ENDED_AT)).toString(),
            String.valueOf(outcome == null || outcome.isBlank() ? null : outcome)));
      }
    });
    assertEquals(expected.keySet(), genesys.keySet(), "Genesys answered legs");
    expected.forEach((key, values) -> assertEquals(values, genesys.get(key), "Genesys leg " + key));
  }

  private static Map<String, String> present(Map<String, String> fields) {
    Map<String, String> out = new HashMap<>();
    fields.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        out.put(k, v.strip());
      }
    });
    return out;
  }

  private static String table(Map<String, String> outcomeToCode) {
    List<String> entries = new ArrayList<>();
    outcomeToCode.forEach((outcome, code) -> entries.add(code + ":" + outcome));
    return String.join(",", entries);
  }

  private static List<LandingRecord> read(Path sourceDir, String format, FormatOptions options) throws IOException {
    SourceFormats formats = new SourceFormats(format, SourceFormats.CANONICAL, SourceFormats.CANONICAL, options);
    LandingFormat reader = LandingFormats.forSource(Source.CONTACTS, formats);
    List<LandingRecord> out = new ArrayList<>();
    for (Path f : files(sourceDir)) {
      assertTrue(reader.reads(f.getFileName().toString()), "read as " + format + ": " + f);
      out.addAll(reader.parse(new RawLandingFile(f.getFileName().toString(), Files.readAllBytes(f), null), options));
    }
    return out;
  }

  /** Key = first column + second as an instant; values = the rest, timestamps as instants, handles without '@'. */
  private static Map<String, List<String>> index(List<LandingRecord> records, String... columns) {
    Map<String, List<String>> out = new HashMap<>();
    for (LandingRecord r : records) {
      if (r.errorCode() != null || RealFormatsWriter.instant(r.fields().get(columns[1])) == null
          && !columns[1].equals(MentionsSchema.POSTED_AT)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String c : columns) {
        String v = r.fields().get(c);
        v = v == null || v.isBlank() ? null : v;
        Instant t = RealFormatsWriter.instant(v);
        values.add(t != null ? t.toString() : v != null && c.equals(MentionsSchema.AUTHOR_HANDLE) ? v.replace("@", "") : v);
      }
      String key = values.remove(0) + "@" + values.remove(0);
      out.put(key, values);
    }
    return out;
  }

  private static List<LandingRecord> read(Path sourceDir, Source source) throws IOException {
    LandingFormat format = LandingFormats.forSource(source, REAL);
    List<LandingRecord> out = new ArrayList<>();
    for (Path f : files(sourceDir)) {
      out.addAll(format.parse(new RawLandingFile(f.getFileName().toString(), Files.readAllBytes(f), null), REAL.options()));
    }
    return out;
  }

  private static List<LandingRecord> canonicalCsv(Path sourceDir, Source source) throws IOException {
    List<LandingRecord> out = new ArrayList<>();
    for (Path f : files(sourceDir)) {
      out.addAll(CsvFileParser.parse(Files.readString(f), source.landingColumns(), source.requiredColumns()).records());
    }
    return out;
  }

  private static List<LandingRecord> canonicalJsonl(Path sourceDir) throws IOException {
    List<LandingRecord> out = new ArrayList<>();
    for (Path f : files(sourceDir)) {
      out.addAll(JsonLinesFileParser.parse(Files.readString(f), MentionsSchema.LANDING_COLUMNS).records());
    }
    return out;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<String> names(Path dir) throws IOException {
    return files(dir).stream().map(p -> p.getFileName().toString()).toList();
  }
}
