package io.servicemetrics.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentityTest {
  private final Pseudonymizer pseudonyms = new Pseudonymizer("a-test-key-of-some-length".getBytes(StandardCharsets.UTF_8));

  @Test
  void phoneFormatsNormalizeToDigitsWithCountryCode() {
    assertEquals("14155550134", IdentityNormalizer.phone("+1 (415) 555-0134"));
    assertEquals("14155550134", IdentityNormalizer.phone("415.555.0134"), "10-digit NANP numbers get a leading 1");
    assertEquals("14155550134", IdentityNormalizer.phone("4155550134"));
    assertEquals("442079460958", IdentityNormalizer.phone("+44 20 7946 0958"));
    assertEquals("442079460958", IdentityNormalizer.phone("0044 20 7946 0958"), "00 is the international prefix");
    assertNull(IdentityNormalizer.phone("12"), "too short to be a phone");
    assertNull(IdentityNormalizer.phone("n/a"));
    assertNull(IdentityNormalizer.phone(null));
  }

  @Test
  void handlesAndEmailsMatchCaseInsensitively() {
    assertEquals("jo_doe", IdentityNormalizer.handle(" @Jo_Doe "));
    assertEquals("jo_doe", IdentityNormalizer.handle("jo_doe"));
    assertEquals("jo@example.com", IdentityNormalizer.email("  Jo@Example.COM "));
    assertNull(IdentityNormalizer.handle("@"));
  }

  @Test
  void pseudonymsAreKeyedStableAndNamespaced() {
    assertEquals(pseudonyms.phone("+1 (415) 555-0134"), pseudonyms.phone("4155550134"));
    assertEquals(pseudonyms.handle("x", "@Jo_Doe"), pseudonyms.handle("X", "jo_doe"));
    assertEquals(pseudonyms.handleOf("phone", "415.555.0134"), pseudonyms.phone("4155550134"),
        "a phone in the identity map pseudonymizes like a phone in contacts");
    assertEquals(pseudonyms.handleOf("email", "JO@example.com"), pseudonyms.email("jo@example.com"));
    assertNotEquals(pseudonyms.handle("x", "jo"), pseudonyms.handle("instagram", "jo"), "platforms are separate");
    assertNotEquals(pseudonyms.customerId("14155550134"), pseudonyms.phone("14155550134"), "kinds never collide");
    Pseudonymizer otherKey = new Pseudonymizer("another-key-entirely".getBytes(StandardCharsets.UTF_8));
    assertNotEquals(pseudonyms.customerId("CUST-1"), otherKey.customerId("CUST-1"), "the key matters");
    assertEquals(64, pseudonyms.customerId("CUST-1").length(), "hex of a 256-bit HMAC");
    assertNull(pseudonyms.customerId("  "));
  }

  @Test
  void redactionRemovesEmailsPhonesAndHandlesFromFreeText() {
    assertEquals("write to [email] or call [phone] now", TextRedactor.redact("write to jo.doe+x@mail.example.org or call +1 (415) 555-0134 now"));
    assertEquals("@[handle] thanks, ticket 12345 fixed", TextRedactor.redact("@acme_help thanks, ticket 12345 fixed"),
        "short numbers such as ticket ids stay");
    assertEquals("waited 45 minutes!", TextRedactor.redact("waited 45 minutes!"));
    assertNull(TextRedactor.redact(null));
  }
}
