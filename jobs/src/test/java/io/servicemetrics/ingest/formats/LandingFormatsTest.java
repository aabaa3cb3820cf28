package io.servicemetrics.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.config.FormatOptions;
import io.servicemetrics.config.SourceFormats;
import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.ingest.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingFormatsTest {
  private static final SourceFormats REAL = new SourceFormats(SourceFormats.AMAZON_CONNECT, SourceFormats.QUALTRICS,
      SourceFormats.X_API_V2, FormatOptions.DEFAULTS);
  private static final String CANONICAL_CONTACTS = String.join(",", io.servicemetrics.schema.ContactsSchema.LANDING_COLUMNS)
      + "\nc1,2026-11-02T10:00:00Z,,,,phone,billing,,,2026-11-02T09:00:00Z,,2026-11-02T09:05:00Z,,,,,\n";

  private static ServiceMetricsException mismatch(Source source, SourceFormats formats, String content) {
    return assertThrows(ServiceMetricsException.class, () -> LandingFormats.requireFormat(source,
        LandingFormats.forSource(source, formats), source.sourceName() + "/date=2026-11-02/f",
        content.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aContactRecordFileReadAsCanonicalFailsNamingTheFileWhatItIsAndTheFlag() {
    ServiceMetricsException e = mismatch(Source.CONTACTS, SourceFormats.ALL_CANONICAL, AmazonConnectFormatTest.ANSWERED);
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("contacts/date=2026-11-02/f"), e.getMessage());
    assertTrue(e.getMessage().contains("Amazon Connect contact records"), e.getMessage());
    assertTrue(e.getMessage().contains("--contacts-format amazon-connect"), e.getMessage());
  }

  @Test
  void genesysAndCxoneFilesReadAsAnotherContactsFormatFailNamingTheirFlag() {
    String genesys = "{\"totalHits\":1,\"conversations\":[" + GenesysCloudFormatTest.BLIND_TRANSFER + "]}";
    assertTrue(mismatch(Source.CONTACTS, REAL, genesys).getMessage().contains("--contacts-format genesys-cloud"));
    String cxone = "{\"totalRecords\":1,\"completedContacts\":[" + NiceCxoneFormatTest.ANSWERED + "]}";
    assertTrue(mismatch(Source.CONTACTS, SourceFormats.ALL_CANONICAL, cxone).getMessage()
        .contains("--contacts-format nice-cxone"));
    SourceFormats asCxone = new SourceFormats(SourceFormats.NICE_CXONE, SourceFormats.CANONICAL, SourceFormats.CANONICAL,
        FormatOptions.DEFAULTS);
    assertDoesNotThrow(() -> LandingFormats.requireFormat(Source.CONTACTS, LandingFormats.forSource(Source.CONTACTS, asCxone),
        "f", NiceCxoneFormatTest.ANSWERED.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aQualtricsExportReadAsCanonicalAndACanonicalCsvReadAsAmazonConnectFail() {
    String qualtrics = QualtricsFormatTest.TAGS + "\n" + QualtricsFormatTest.QUESTIONS + "\n" + QualtricsFormatTest.IMPORT_IDS + "\n";
    assertTrue(mismatch(Source.SURVEYS, SourceFormats.ALL_CANONICAL, qualtrics).getMessage()
        .contains("--surveys-format qualtrics"));
    ServiceMetricsException e = mismatch(Source.CONTACTS, REAL, CANONICAL_CONTACTS);
    assertTrue(e.getMessage().contains("a canonical contacts CSV"), e.getMessage());
    assertTrue(e.getMessage().contains("--contacts-format canonical"), e.getMessage());
    assertTrue(mismatch(Source.MENTIONS, SourceFormats.ALL_CANONICAL, XApiV2FormatTest.RESPONSE).getMessage()
        .contains("--mentions-format x-api-v2"));
    assertTrue(mismatch(Source.CONTACTS, REAL, qualtrics).getMessage().contains("Move it to the folder"),
        "a survey export among contacts is in the wrong folder");
  }

  @Test
  void filesInTheirOwnFormatOrUnrecognizableContentPass() {
    assertDoesNotThrow(() -> LandingFormats.requireFormat(Source.CONTACTS, LandingFormats.forSource(Source.CONTACTS, REAL),
        "f", AmazonConnectFormatTest.ANSWERED.getBytes(StandardCharsets.UTF_8)));
    assertDoesNotThrow(() -> LandingFormats.requireFormat(Source.CONTACTS,
        LandingFormats.forSource(Source.CONTACTS, SourceFormats.ALL_CANONICAL), "f", CANONICAL_CONTACTS.getBytes(StandardCharsets.UTF_8)));
    assertDoesNotThrow(() -> LandingFormats.requireFormat(Source.CONTACTS,
        LandingFormats.forSource(Source.CONTACTS, SourceFormats.ALL_CANONICAL), "f", "id,when\n1,2\n".getBytes(StandardCharsets.UTF_8)),
        "content like no known format is left to the parser (missing_column)");
  }

  @Test
  void flagsWinOverTheConfigFileWhoseOptionsAreTyped(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("formats.properties");
    Files.writeString(file, "contacts.format=amazon-connect\nsurveys.format=qualtrics\n"
        + "qualtrics.time-zone=America/Chicago\namazon-connect.team-level=2\n");
    Map<String, String> flags = new HashMap<>();
    flags.put(SourceFormats.CONTACTS, "canonical");
    flags.put(SourceFormats.MENTIONS, "x-api-v2");
    SourceFormats f = SourceFormats.resolve(file, flags);
    assertEquals(new SourceFormats("canonical", "qualtrics", "x-api-v2", f.options()), f);
    assertEquals("America/Chicago", f.options().qualtricsTimeZone());
    assertEquals(2, f.options().connectTeamLevel());
    assertEquals(FormatOptions.DEFAULT_QUALTRICS_CSAT, f.options().qualtricsCsat(), "absent keys keep their default");
  }

  @Test
  void unknownKeysAndFormatNamesAreErrorsListingTheValidOnes(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("formats.properties");
    Files.writeString(file, "qualtrics.timezone=UTC\n");
    ServiceMetricsException key = assertThrows(ServiceMetricsException.class, () -> SourceFormats.resolve(file, Map.of()));
    assertTrue(key.getMessage().contains("qualtrics.timezone") && key.getMessage().contains(FormatOptions.QUALTRICS_TIME_ZONE),
        key.getMessage());
    ServiceMetricsException name = assertThrows(ServiceMetricsException.class,
        () -> SourceFormats.resolve(null, Map.of(SourceFormats.CONTACTS, "genesys")));
    assertTrue(name.getMessage().contains("[canonical, amazon-connect, genesys-cloud, nice-cxone]"), name.getMessage());
    assertEquals(ExitCode.BAD_INPUT, name.exitCode());
  }
}
