package io.servicemetrics.ingest.formats;

import io.servicemetrics.ingest.LandingRecord;
import io.servicemetrics.ingest.ReasonCode;
import io.servicemetrics.ingest.TextDecoding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Bytes to text for the adapters: transparent gzip, then the project's UTF-8/Latin-1 decoding. */
final class Content {
  private Content() {}

  static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
  }

  /** The whole content, decompressed when it starts with the gzip magic number. */
  static byte[] decompressed(byte[] bytes) throws IOException {
    if (!isGzip(bytes)) {
      return bytes;
    }
    return readUpTo(new GZIPInputStream(new ByteArrayInputStream(bytes)), Integer.MAX_VALUE - 16);
  }

  /**
   * What a JSON file whose gzip data cannot be decompressed becomes: one malformed_json record
   * standing for the whole file (its records cannot be told apart).
   */
  static List<LandingRecord> undecompressable(RawLandingFile file, IOException e) {
    return List.of(LandingRecord.error(1, "(" + file.content().length + " bytes of gzip data)",
        ReasonCode.MALFORMED_JSON, "the gzip data cannot be decompressed: " + e.getMessage()));
  }

  /** At most {@code limit} bytes of the (decompressed) content, which may itself be a truncated head. */
  static byte[] head(byte[] bytes, int limit) {
    if (!isGzip(bytes)) {
      return bytes.length <= limit ? bytes : java.util.Arrays.copyOf(bytes, limit);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // The head of a gzip file decompresses until its bytes run out: keep what came before.
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] buffer = new byte[8192];
      int n;
      while (out.size() < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) > 0) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // a truncated head: what was decompressed is enough to look at
    }
    return out.toByteArray();
  }

  static String text(byte[] bytes) {
    return TextDecoding.decode(bytes).text();
  }

  private static byte[] readUpTo(InputStream in, int limit) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while (out.size() < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) > 0) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
