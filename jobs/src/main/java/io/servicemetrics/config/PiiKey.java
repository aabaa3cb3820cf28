package io.servicemetrics.config;

import io.servicemetrics.errors.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The secret key of the PII pseudonyms. A real run takes it from SERVICE_METRICS_PII_KEY or from
 * --pii-key-file and refuses to start without one; only the demo and tests use the public demo
 * key, and they say so.
 */
public final class PiiKey {
  public static final String ENV_VARIABLE = "SERVICE_METRICS_PII_KEY";
  public static final int MIN_LENGTH = 16;
  /** Public, labeled, and therefore worthless as a secret: for the bundled sample data only. */
  static final String DEMO_KEY_TEXT = "service-metrics-DEMO-KEY-not-a-secret";

  private final byte[] bytes;
  private final boolean demo;

  private PiiKey(byte[] bytes, boolean demo) {
    this.bytes = bytes;
    this.demo = demo;
  }

  public static PiiKey demo() {
    return new PiiKey(DEMO_KEY_TEXT.getBytes(StandardCharsets.UTF_8), true);
  }

  /** The key file when given, else the environment variable; an error when neither. */
  public static PiiKey resolve(Path keyFile, Map<String, String> environment) {
    String text;
    if (keyFile != null) {
      try {
        text = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw Errors.unreadablePiiKeyFile(keyFile.toString(), e);
      }
      if (text.isEmpty()) {
        throw Errors.unreadablePiiKeyFile(keyFile.toString(), null);
      }
    } else {
      text = environment.get(ENV_VARIABLE);
      if (text == null || text.isBlank()) {
        throw Errors.missingPiiKey();
      }
      text = text.strip();
    }
    if (text.length() < MIN_LENGTH) {
      throw Errors.piiKeyTooShort(text.length());
    }
    return new PiiKey(text.getBytes(StandardCharsets.UTF_8), false);
  }

  public byte[] bytes() {
    return Arrays.copyOf(bytes, bytes.length);
  }

  public boolean isDemo() {
    return demo;
  }

  @Override
  public String toString() {
    return demo ? "PiiKey[DEMO]" : "PiiKey[secret]";
  }
}
