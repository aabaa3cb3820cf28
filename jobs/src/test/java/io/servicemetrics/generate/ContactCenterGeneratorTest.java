package io.servicemetrics.generate;

import static io.servicemetrics.generate.ContactCenterGenerator.CONTACTS;
import static io.servicemetrics.generate.ContactCenterGenerator.CUSTOMER_HANDLES;
import static io.servicemetrics.generate.ContactCenterGenerator.MENTIONS;
import static io.servicemetrics.generate.ContactCenterGenerator.SURVEYS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SurveysSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactCenterGeneratorTest {
  private static final LocalDate START = LocalDate.of(2026, 10, 1);
  private static final Set<String> SPEED_TRAPS = Set.of("AG04", "AG09", "AG15", "AG22");

  @TempDir Path tmp;

  private GenerationSummary generate(String name, int days, int perDay, long seed) {
    return ContactCenterGenerator.generate(new GeneratorConfig(days, perDay, seed, START, tmp.resolve(name)));
  }

  @Test
  void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() {
    generate("a", 3, 40, 7);
    generate("b", 3, 40, 7);
    generate("c", 3, 40, 8);
    Map<String, byte[]> a = LandingZoneReader.allFiles(tmp.resolve("a"));
    Map<String, byte[]> b = LandingZoneReader.allFiles(tmp.resolve("b"));
    Map<String, byte[]> c = LandingZoneReader.allFiles(tmp.resolve("c"));
    assertEquals(a.keySet(), b.keySet(), "same seed, same file names");
    for (String file : a.keySet()) {
      assertArrayEquals(a.get(file), b.get(file), "same seed, same bytes in " + file);
    }
    String contacts = "contacts/date=2026-10-01/contacts-2026-10-01.csv";
    assertFalse(new String(a.get(contacts)).equals(new String(c.get(contacts))), "another seed, other contacts");
  }

  @Test
  void everyFileHasTheContractHeaderAndWellFormedRecords() throws IOException {
    GenerationSummary summary = generate("z", 3, 40, 1);
    Path root = tmp.resolve("z");
    Map<String, List<String>> headers = Map.of(
        CONTACTS, ContactsSchema.KNOWN_LANDING_COLUMNS,
        SURVEYS, SurveysSchema.LANDING_COLUMNS,
        CUSTOMER_HANDLES, CustomerHandlesSchema.LANDING_COLUMNS);
    Set<String> missingColumnFiles = new HashSet<>();
    summary.defects().stream().filter(d -> d.kind().equals(Defects.MISSING_REQUIRED_COLUMN)).forEach(d -> missingColumnFiles.add(d.file()));
    assertEquals(1, missingColumnFiles.size(), "exactly one file lacks a required column");
    for (String source : headers.keySet()) {
      List<Path> files = LandingZoneReader.filesOf(root, source);
      assertFalse(files.isEmpty(), source + " has files");
      for (Path f : files) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        assertTrue(rel.matches(source + "/date=\\d{4}-\\d{2}-\\d{2}/[^/]+\\.csv"), "layout of " + rel);
        LandingZoneReader.Csv csv = LandingZoneReader.readCsv(f);
        List<String> expected = missingColumnFiles.contains(rel)
            ? Defects.columnsWithout(ContactsSchema.LANDING_COLUMNS, ContactsSchema.QUEUE)
            : headers.get(source);
        assertEquals(expected, csv.header(), "header of " + rel);
        for (List<String> record : csv.records()) {
          assertEquals(expected.size(), record.size(), "cells per record in " + rel + ": " + record);
        }
      }
    }
    Set<String> defectiveJson = new HashSet<>();
    summary.defects().stream().filter(d -> d.kind().equals(Defects.MALFORMED_JSON)).forEach(d -> defectiveJson.add(d.recordId()));
    int malformed = 0;
    for (Path f : LandingZoneReader.filesOf(root, MENTIONS)) {
      assertTrue(f.toString().endsWith(".jsonl"), "mentions are JSON Lines: " + f);
      for (JsonNode node : LandingZoneReader.readJsonl(f)) {
        if (node == null) {
          malformed++;
          continue;
        }
        node.fieldNames().forEachRemaining(k -> assertTrue(MentionsSchema.LANDING_COLUMNS.contains(k), "known key " + k));
      }
    }
    assertEquals(defectiveJson.size(), malformed, "the only unparseable JSON lines are the planted ones");
    assertTrue(Files.exists(root.resolve(ContactCenterGenerator.DEFECTS_FILE)), "defect manifest written");
  }

  @Test
  void rowCountsScaleWithContactsPerDay() {
    long small = generate("s", 3, 40, 3).rowsPerSource().get(CONTACTS);
    long large = generate("l", 3, 120, 3).rowsPerSource().get(CONTACTS);
    double ratio = (double) large / small;
    assertTrue(ratio > 2.4 && ratio < 3.6, "3x the contacts per day gives about 3x the contact rows, got " + small + " vs " + large);
    assertTrue(small >= 3 * 40 && small <= 3 * 40 * 2, "about 40 chains a day of 1-3 legs each, got " + small);
  }

  @Test
  void transferLegsReferenceAnEarlierLegOfTheSameCustomer() {
    generate("t", 3, 60, 4);
    Map<String, Map<String, String>> byId = new HashMap<>();
    List<Map<String, String>> legs = LandingZoneReader.csvRows(tmp.resolve("t"), CONTACTS);
    legs.forEach(r -> byId.putIfAbsent(r.get(ContactsSchema.CONTACT_ID), r));
    int transfers = 0;
    for (Map<String, String> leg : legs) {
      String previous = leg.get(ContactsSchema.PREVIOUS_CONTACT_ID);
      if (previous == null || previous.isEmpty()) {
        continue;
      }
      transfers++;
      Map<String, String> from = byId.get(previous);
      assertNotNull(from, "transfer " + leg.get(ContactsSchema.CONTACT_ID) + " points at an existing leg " + previous);
      assertFalse(instant(leg.get(ContactsSchema.INITIATED_AT)).isBefore(instant(from.get(ContactsSchema.ENDED_AT))),
          "a transfer starts when its previous leg ends: " + previous + " -> " + leg.get(ContactsSchema.CONTACT_ID));
      assertFalse(from.get(ContactsSchema.AGENT_ID).equals(leg.get(ContactsSchema.AGENT_ID)), "a transfer goes to another agent");
      assertEquals(from.get(ContactsSchema.CUSTOMER_ID), leg.get(ContactsSchema.CUSTOMER_ID), "same caller on both legs");
    }
    assertTrue(transfers > 5, "some transfers exist, got " + transfers);
  }

  @Test
  void phoneAndChatLegsQueueAfterTheirMenuAndEmailAndSocialOnArrival() {
    generate("q", 3, 60, 4);
    int phoneMenus = 0, ivrAbandons = 0;
    for (Map<String, String> leg : LandingZoneReader.csvRows(tmp.resolve("q"), CONTACTS)) {
      String id = leg.get(ContactsSchema.CONTACT_ID);
      if (id.contains("-D") || !leg.containsKey(ContactsSchema.QUEUED_AT)) {
        continue;   // planted defects, and the partner file without queue columns
      }
      String channel = leg.get(ContactsSchema.CHANNEL);
      boolean first = leg.get(ContactsSchema.PREVIOUS_CONTACT_ID).isEmpty();
      boolean answered = !leg.get(ContactsSchema.ANSWERED_AT).isEmpty();
      if (leg.get(ContactsSchema.QUEUED_AT).isEmpty()) {
        assertTrue(first && !answered && (channel.equals("phone") || channel.equals("chat")),
            "only a first phone or chat leg gives up in the menu: " + leg);
        ivrAbandons++;
        continue;
      }
      long menu = instant(leg.get(ContactsSchema.QUEUED_AT)).toEpochSecond()
          - instant(leg.get(ContactsSchema.INITIATED_AT)).toEpochSecond();
      if (first && channel.equals("phone")) {
        assertTrue(menu >= 15 && menu <= 74, "phone menu 15-74 s: " + menu + " in " + leg);
        phoneMenus++;
      } else if (first && channel.equals("chat")) {
        assertTrue(menu >= 5 && menu <= 34, "chat bot 5-34 s: " + menu + " in " + leg);
      } else {
        assertEquals(0, menu, "transfers, e-mail and social queue on arrival: " + leg);
      }
      if (answered) {
        assertFalse(instant(leg.get(ContactsSchema.ANSWERED_AT)).isBefore(instant(leg.get(ContactsSchema.QUEUED_AT))),
            "answered after queuing: " + leg);
      }
    }
    assertTrue(phoneMenus > 50, "phone calls with menu time: " + phoneMenus);
    assertTrue(ivrAbandons > 0, "some callers hang up in the menu");
  }

  @Test
  void everyDefectKindIsPlantedWhereTheManifestSays() {
    GenerationSummary summary = generate("d", 3, 40, 5);
    Path root = tmp.resolve("d");
    Set<String> kinds = new TreeSet<>();
    for (Defect d : summary.defects()) {
      kinds.add(d.source() + ":" + d.kind());
      String[] lines = LandingZoneReader.read(root.resolve(d.file())).split("\n", -1);
      String line = lines[(int) d.line() - 1];
      if (d.record() == 0) {
        assertFalse(line.contains(ContactsSchema.QUEUE), "the whole-file defect's header lacks queue: " + line);
      } else {
        assertTrue(line.contains(d.recordId()), d.kind() + " at " + d.file() + ":" + d.line() + " holds " + d.recordId() + ": " + line);
      }
    }
    assertEquals(new TreeSet<>(List.of(
        "contacts:ENDED_BEFORE_ANSWERED", "contacts:MISSING_REQUIRED_COLUMN", "contacts:MISSING_REQUIRED_FIELD",
        "contacts:OUT_OF_RANGE", "contacts:UNKNOWN_ENUM", "contacts:UNPARSEABLE_NUMBER", "contacts:UNPARSEABLE_TIMESTAMP",
        "customer_handles:MISSING_REQUIRED_FIELD",
        "mentions:MALFORMED_JSON", "mentions:MISSING_REQUIRED_FIELD", "mentions:OUT_OF_RANGE",
        "mentions:UNPARSEABLE_NUMBER", "mentions:UNPARSEABLE_TIMESTAMP",
        "surveys:MISSING_REQUIRED_FIELD", "surveys:OUT_OF_RANGE", "surveys:UNKNOWN_ENUM",
        "surveys:UNPARSEABLE_NUMBER", "surveys:UNPARSEABLE_TIMESTAMP")), kinds, "every requested defect kind");
    List<Map<String, String>> bad = LandingZoneReader.csvRows(root, CONTACTS).stream()
        .filter(r -> r.get(ContactsSchema.CONTACT_ID).contains("-D")).toList();
    assertTrue(bad.stream().anyMatch(r -> "fax".equals(r.get(ContactsSchema.CHANNEL))), "a fax contact is planted");
    assertTrue(bad.stream().anyMatch(r -> "-30".equals(r.get(ContactsSchema.HOLD_SECONDS))), "a negative hold is planted");
  }

  @Test
  void defectsAreRareOnARealisticRun() {
    GenerationSummary summary = generate("r", 14, 150, 6);
    long rows = summary.rowsPerSource().values().stream().mapToLong(Long::longValue).sum();
    assertTrue(summary.defects().size() < rows / 100, summary.defects().size() + " defects in " + rows + " rows is under 1%");
  }

  @Test
  void theDataCarriesTheRealWorldMessiness() {
    generate("m", 10, 100, 9);
    Path root = tmp.resolve("m");
    List<Map<String, String>> legs = LandingZoneReader.csvRows(root, CONTACTS);

    Set<String> offsets = new TreeSet<>();
    int withoutOffset = 0;
    for (Map<String, String> leg : legs) {
      String t = leg.get(ContactsSchema.INITIATED_AT);
      if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
        withoutOffset++;
      } else if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})")) {
        offsets.add(t.substring(19));
      }
    }
    assertTrue(offsets.containsAll(List.of("Z", "-05:00", "+01:00")), "mixed offsets: " + offsets);
    assertTrue(withoutOffset > 0, "some timestamps carry no offset");

    Set<String> phoneShapes = new TreeSet<>();
    for (Map<String, String> leg : legs) {
      String phone = leg.get(ContactsSchema.CUSTOMER_PHONE);
      if (phone != null && !phone.isEmpty()) {
        phoneShapes.add(phone.replaceAll("\\d", "9"));
      }
    }
    assertTrue(phoneShapes.containsAll(List.of("+9 (999) 999-9999", "999.999.9999", "9999999999", "+99 99 9999 9999")), "phone formats: " + phoneShapes);
    assertTrue(legs.stream().anyMatch(l -> l.get(ContactsSchema.CUSTOMER_ID).isEmpty() && l.get(ContactsSchema.CUSTOMER_PHONE).isEmpty()),
        "some contacts are anonymous");
    assertTrue(legs.stream().anyMatch(l -> l.get(ContactsSchema.ANSWERED_AT).isEmpty() && l.get(ContactsSchema.AGENT_ID).isEmpty()
        && l.get(ContactsSchema.OUTCOME).isEmpty()), "some contacts are abandoned");

    // Late: delivered in a later folder than the day in the id; re-delivered: same id, newer version, new outcome.
    assertTrue(legs.stream().anyMatch(l -> idDay(l.get(ContactsSchema.CONTACT_ID)).compareTo(l.get("_delivered").replace("-", "")) < 0
        && !l.get(ContactsSchema.CONTACT_ID).contains("-D")), "some legs arrive late");
    Map<String, List<Map<String, String>>> versions = new HashMap<>();
    legs.forEach(l -> versions.computeIfAbsent(l.get(ContactsSchema.CONTACT_ID), k -> new ArrayList<>()).add(l));
    boolean redelivered = versions.values().stream().anyMatch(v -> v.size() == 2
        && v.get(0).get(ContactsSchema.OUTCOME).equals("follow_up") && v.get(1).get(ContactsSchema.OUTCOME).equals("resolved")
        && instant(v.get(1).get(ContactsSchema.UPDATED_AT)).isAfter(instant(v.get(0).get(ContactsSchema.UPDATED_AT))));
    assertTrue(redelivered, "some follow_up legs are re-delivered as resolved with a newer updated_at");

    List<JsonNode> mentions = new ArrayList<>();
    LandingZoneReader.filesOf(root, MENTIONS).forEach(f -> mentions.addAll(LandingZoneReader.readJsonl(f)));
    mentions.removeIf(m -> m == null || !m.has(MentionsSchema.TEXT) || m.get(MentionsSchema.MENTION_ID).asText().contains("-D"));
    assertTrue(mentions.stream().anyMatch(m -> !m.has(MentionsSchema.SENTIMENT) || m.get(MentionsSchema.SENTIMENT).isNull()), "some lack vendor sentiment");
    assertTrue(mentions.stream().filter(m -> m.hasNonNull(MentionsSchema.SENTIMENT)).count() > mentions.size() / 2, "most carry vendor sentiment");
    Map<String, JsonNode> firstFetch = new HashMap<>();
    boolean grown = false;
    for (JsonNode m : mentions) {
      JsonNode earlier = firstFetch.putIfAbsent(m.get(MentionsSchema.MENTION_ID).asText(), m);
      if (earlier != null && instant(m.get(MentionsSchema.FETCHED_AT).asText()).isAfter(instant(earlier.get(MentionsSchema.FETCHED_AT).asText()))) {
        assertTrue(m.get(MentionsSchema.LIKES).asLong() >= earlier.get(MentionsSchema.LIKES).asLong(), "counts never shrink on re-fetch");
        grown = true;
      }
    }
    assertTrue(grown, "some mentions are re-fetched later");
  }

  @Test
  void speedTrapsResolveLessAndUnresolvedContactsComeBackMore() {
    generate("story", 14, 150, 42);
    Path root = tmp.resolve("story");
    Map<String, Map<String, String>> latest = new HashMap<>();
    for (Map<String, String> leg : LandingZoneReader.csvRows(root, CONTACTS)) {
      if (leg.get(ContactsSchema.CONTACT_ID).contains("-D") || leg.get(ContactsSchema.CONTACT_ID).startsWith("P")) {
        continue;
      }
      latest.merge(leg.get(ContactsSchema.CONTACT_ID), leg, (a, b) ->
          instant(b.get(ContactsSchema.UPDATED_AT)).isAfter(instant(a.get(ContactsSchema.UPDATED_AT))) ? b : a);
    }
    long[] trap = new long[2], other = new long[2];
    for (Map<String, String> leg : latest.values()) {
      String agent = leg.get(ContactsSchema.AGENT_ID);
      if (agent.isEmpty()) {
        continue;
      }
      long[] bucket = SPEED_TRAPS.contains(agent) ? trap : other;
      bucket[0]++;
      bucket[1] += leg.get(ContactsSchema.OUTCOME).equals("resolved") ? 1 : 0;
    }
    double trapShare = (double) trap[1] / trap[0], otherShare = (double) other[1] / other[0];
    assertTrue(trapShare + 0.15 < otherShare, "speed traps resolve " + trapShare + " of legs, others " + otherShare);

    // Repeat within 7 days: the same customer_id starts a new chain after this one ended.
    Set<String> transferredOut = new HashSet<>();
    latest.values().forEach(l -> transferredOut.add(l.get(ContactsSchema.PREVIOUS_CONTACT_ID)));
    Map<String, List<Map<String, String>>> byCustomer = new HashMap<>();
    latest.values().stream().filter(l -> !l.get(ContactsSchema.CUSTOMER_ID).isEmpty())
        .forEach(l -> byCustomer.computeIfAbsent(l.get(ContactsSchema.CUSTOMER_ID), k -> new ArrayList<>()).add(l));
    long[] resolved = new long[2], unresolved = new long[2];
    for (List<Map<String, String>> legs : byCustomer.values()) {
      for (Map<String, String> leg : legs) {
        String outcome = leg.get(ContactsSchema.OUTCOME);
        if (transferredOut.contains(leg.get(ContactsSchema.CONTACT_ID)) || outcome.isEmpty() || outcome.equals("follow_up")) {
          continue;
        }
        OffsetDateTime ended = instant(leg.get(ContactsSchema.ENDED_AT));
        boolean repeat = legs.stream().anyMatch(o -> o.get(ContactsSchema.PREVIOUS_CONTACT_ID).isEmpty()
            && instant(o.get(ContactsSchema.INITIATED_AT)).isAfter(ended)
            && instant(o.get(ContactsSchema.INITIATED_AT)).isBefore(ended.plusDays(7)));
        long[] bucket = outcome.equals("resolved") ? resolved : unresolved;
        bucket[0]++;
        bucket[1] += repeat ? 1 : 0;
      }
    }
    double afterResolved = (double) resolved[1] / resolved[0], afterUnresolved = (double) unresolved[1] / unresolved[0];
    assertTrue(afterUnresolved > afterResolved + 0.2, "repeat within 7 days: unresolved " + afterUnresolved + ", resolved " + afterResolved);
  }

  @Test
  void surveysScoreResolutionAndUnhappyCustomersTellMorePeople() {
    generate("sv", 14, 150, 42);
    List<Map<String, String>> surveys = LandingZoneReader.csvRows(tmp.resolve("sv"), SURVEYS).stream()
        .filter(s -> !s.get(SurveysSchema.SURVEY_ID).contains("-D")).toList();
    double[] yes = new double[2], no = new double[2], unhappy = new double[2], happy = new double[2];
    for (Map<String, String> s : surveys) {
      String csat = s.get(SurveysSchema.CSAT);
      if (csat.isEmpty()) {
        continue;
      }
      int score = Integer.parseInt(csat);
      assertTrue(score >= SurveysSchema.CSAT_MIN && score <= SurveysSchema.CSAT_MAX, "csat in range: " + score);
      double[] r = "yes".equals(s.get(SurveysSchema.RESOLVED_REPORTED)) ? yes : "no".equals(s.get(SurveysSchema.RESOLVED_REPORTED)) ? no : null;
      if (r != null) {
        r[0]++;
        r[1] += score;
      }
      String told = s.get(SurveysSchema.PEOPLE_TOLD);
      double[] t = score <= 2 ? unhappy : score >= 4 ? happy : null;
      if (t != null && !told.isEmpty()) {
        t[0]++;
        t[1] += Integer.parseInt(told);
      }
    }
    assertTrue(yes[1] / yes[0] > no[1] / no[0] + 0.8, "csat resolved " + yes[1] / yes[0] + " vs not " + no[1] / no[0]);
    assertTrue(unhappy[1] / unhappy[0] > 1.8 * happy[1] / happy[0], "people told: unhappy " + unhappy[1] / unhappy[0] + " vs happy " + happy[1] / happy[0]);
  }

  @Test
  void refusesANonEmptyOutputAndBadArguments() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(out.resolve("keep.txt"), "x");
    ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
        () -> ContactCenterGenerator.generate(new GeneratorConfig(1, 10, 1, START, out)));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode(), "a non-empty --out is a bad argument");
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertThrows(ServiceMetricsException.class, () -> new GeneratorConfig(0, 10, 1, START, out), "zero days");
    assertThrows(ServiceMetricsException.class, () -> new GeneratorConfig(1, 0, 1, START, out), "zero contacts");
  }

  @Test
  void aOneDayRunStillPlantsItsDefects() {
    GenerationSummary summary = generate("one", 1, 5, 2);
    assertEquals(4, summary.rowsPerSource().size(), "all four sources written");
    assertTrue(summary.defects().stream().anyMatch(d -> d.kind().equals(Defects.MISSING_REQUIRED_COLUMN)), "defect day 0 in a 1-day run");
    assertNull(summary.rowsPerSource().get("unknown"), "no other source");
  }

  private static OffsetDateTime instant(String text) {
    return text.length() == 19 ? OffsetDateTime.parse(text + "Z") : OffsetDateTime.parse(text);
  }

  private static String idDay(String contactId) {
    return contactId.substring(1, 9);
  }
}
