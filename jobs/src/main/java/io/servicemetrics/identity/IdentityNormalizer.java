package io.servicemetrics.identity;

import java.util.Locale;

/**
 * Canonical forms of the identifiers customers are matched on (docs/INPUTS.md, "Customer key"):
 * phones as digits with a country code, e-mails trimmed and lower-cased, social handles
 * lower-cased without a leading '@'. Returns null for input that carries no identity.
 */
public final class IdentityNormalizer {
  /** Fewer digits than this cannot be a phone number (extensions, typos). */
  public static final int MIN_PHONE_DIGITS = 7;
  /** E.164 allows at most 15 digits. */
  public static final int MAX_PHONE_DIGITS = 15;
  private static final int NANP_DIGITS = 10;

  private IdentityNormalizer() {}

  /**
   * Digits only, keeping a leading country code; a 10-digit North American number gets "1".
   * "+1 (415) 555-0134", "415.555.0134" and "4155550134" all become "14155550134"; a leading
   * international "00" prefix is dropped ("0044 20..." and "+44 20..." agree).
   */
  public static String phone(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    String d = digits.toString();
    if (d.startsWith("00")) {
      d = d.substring(2);
    }
    if (d.length() == NANP_DIGITS && !raw.trim().startsWith("+")) {
      d = "1" + d;
    }
    return d.length() < MIN_PHONE_DIGITS || d.length() > MAX_PHONE_DIGITS ? null : d;
  }

  public static String email(String raw) {
    if (raw == null) {
      return null;
    }
    String e = raw.trim().toLowerCase(Locale.ROOT);
    return e.isEmpty() ? null : e;
  }

  public static String handle(String raw) {
    if (raw == null) {
      return null;
    }
    String h = raw.trim();
    if (h.startsWith("@")) {
      h = h.substring(1);
    }
    h = h.toLowerCase(Locale.ROOT);
    return h.isEmpty() ? null : h;
  }

  public static String platform(String raw) {
    return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
  }

  public static String customerId(String raw) {
    if (raw == null) {
      return null;
    }
    String id = raw.trim();
    return id.isEmpty() ? null : id;
  }
}
