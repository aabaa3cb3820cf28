package io.servicemetrics.identity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed HMAC-SHA256 pseudonyms of normalized identifiers. Each kind of identifier has its own
 * namespace prefix, so that equal pseudonyms always mean the same kind and value: the pseudonym of
 * a customer id is the customer_key, and a phone's pseudonym in contacts equals the same phone's
 * pseudonym in customer_handles. Unsalted hashes of phones or e-mails are reversible by
 * dictionary; a secret key is not.
 *
 * <p>Serializable so Spark can ship it to executors; the key travels inside the task closure,
 * never in the Spark configuration, where it would be shown in the UI and logs.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] key;
  // One Mac per thread: Mac is stateful and not thread-safe.
  private transient ThreadLocal<Mac> mac;

  public Pseudonymizer(byte[] key) {
    this.key = Arrays.copyOf(key, key.length);
  }

  /** Pseudonym of a CRM customer id: the customer_key. */
  public String customerId(String raw) {
    return hmac("customer_id", IdentityNormalizer.customerId(raw));
  }

  public String phone(String raw) {
    return hmac("phone", IdentityNormalizer.phone(raw));
  }

  public String email(String raw) {
    return hmac("email", IdentityNormalizer.email(raw));
  }

  /** A social handle on a platform ("x", "instagram", ...): the same name on two platforms differs. */
  public String handle(String platform, String raw) {
    String p = IdentityNormalizer.platform(platform);
    String h = IdentityNormalizer.handle(raw);
    return p == null || h == null ? null : hmac("handle:" + p, h);
  }

  /**
   * The identity in a customer_handles row, by its platform: phone, email, or a social platform.
   */
  public String handleOf(String platform, String raw) {
    String p = IdentityNormalizer.platform(platform);
    if ("phone".equals(p)) {
      return phone(raw);
    }
    if ("email".equals(p)) {
      return email(raw);
    }
    return handle(p, raw);
  }

  private String hmac(String namespace, String normalized) {
    if (normalized == null) {
      return null;
    }
    if (mac == null) {
      mac = ThreadLocal.withInitial(this::newMac);
    }
    Mac m = mac.get();
    byte[] digest = m.doFinal((namespace + ":" + normalized).getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(digest);
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance(ALGORITHM);
      m.init(new SecretKeySpec(key, ALGORITHM));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
    }
  }
}
