package io.servicemetrics.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Writes literal landing files into a temporary landing zone. */
final class LandingFixture {
  static final String CONTACTS_HEADER = String.join(",", io.servicemetrics.schema.ContactsSchema.LANDING_COLUMNS);
  static final String SURVEYS_HEADER = String.join(",", io.servicemetrics.schema.SurveysSchema.LANDING_COLUMNS);
  static final String HANDLES_HEADER = "customer_id,platform,handle";

  private final Path root;

  LandingFixture(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  LandingFixture file(String source, LocalDate day, String name, String content) {
    return file(source, day, name, content.getBytes(StandardCharsets.UTF_8));
  }

  LandingFixture file(String source, LocalDate day, String name, String content, Charset charset) {
    return file(source, day, name, content.getBytes(charset));
  }

  LandingFixture file(String source, LocalDate day, String name, byte[] content) {
    try {
      Path dir = root.resolve(source).resolve("date=" + day);
      Files.createDirectories(dir);
      Files.write(dir.resolve(name), content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
