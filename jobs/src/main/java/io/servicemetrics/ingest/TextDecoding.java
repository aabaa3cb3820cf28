package io.servicemetrics.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Landing files are UTF-8 by contract. Real exports also come with a byte-order mark or in Latin-1
 * (old Windows tools): the mark is dropped, and a file that is not valid UTF-8 is read as
 * ISO-8859-1, which maps every byte to a character, so no record is lost; the caller logs it.
 */
public final class TextDecoding {
  private TextDecoding() {}

  public record Decoded(String text, boolean latin1Fallback) {}

  public static Decoded decode(byte[] bytes) {
    int offset = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      offset = 3;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
      return new Decoded(text, false);
    } catch (CharacterCodingException e) {
      return new Decoded(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1), true);
    }
  }
}
