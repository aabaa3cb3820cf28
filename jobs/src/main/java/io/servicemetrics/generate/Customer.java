package io.servicemetrics.generate;

import java.util.List;
import java.util.Locale;

/**
 * One member of the fixed customer base. Derived on demand from (seed, index), so the base costs
 * no memory however large it is, and a customer looks the same every time they are drawn.
 *
 * @param index position in the base, 0-based
 * @param customerId the CRM id
 * @param phoneDigits the phone in digits with country code (e.g. 14155550134)
 * @param email the e-mail address as the CRM holds it (sometimes mixed case)
 * @param xHandle the X handle as the CRM holds it (with @), or null when the customer has none
 * @param phoneMapDay day index on which customer_handles first maps the phone, or -1 if never
 * @param emailMapDay day index on which customer_handles first maps the e-mail, or -1 if never
 * @param xMapDay day index on which customer_handles first maps the X handle, or -1 if never
 * @param preferredChannel index into {@link Catalog#CHANNELS}
 * @param followers followers on X (heavy-tailed), meaningful only with an X handle
 */
record Customer(
    long index,
    String customerId,
    String phoneDigits,
    String email,
    String xHandle,
    int phoneMapDay,
    int emailMapDay,
    int xMapDay,
    int preferredChannel,
    long followers) {

  private static final long SALT = 0x0C05_7011_E2L;

  static final double SHARE_WITH_X_HANDLE = 0.40;
  static final double SHARE_UK = 0.10;
  /** Share of mapped handles that only enter the map on a later update day. */
  static final double SHARE_MAPPED_LATE = 0.04;
  static final double SHARE_PHONE_UNMAPPED = 0.08;
  /** customer_handles updates land on every 7th day after day 0. */
  static final int MAP_UPDATE_EVERY = 7;

  private static final List<String> FIRST = List.of(
      "Dana", "Lee", "Priya", "Marco", "Aisha", "Tom", "Sofia", "Kenji", "Olivia", "Mateo", "Chloe",
      "Ravi", "Emma", "Noah", "Fatima", "Lucas", "Mia", "Omar", "Zoe", "Ethan", "Hana", "Liam",
      "Nora", "Diego", "Ines", "Jonas", "Amara", "Felix", "Yara", "Sam");
  private static final List<String> LAST = List.of(
      "Smith", "Garcia", "Nguyen", "Okafor", "Rossi", "Patel", "Kim", "Muller", "Silva", "Brown",
      "Novak", "Haddad", "Jensen", "Lopez", "Tanaka", "Cohen", "Dubois", "Walker", "Ivanova", "Mensah");
  private static final List<String> US_AREA_CODES = List.of(
      "415", "212", "312", "617", "206", "512", "303", "404", "702", "919", "503", "612");

  static Customer of(long seed, long index, int days) {
    Rng rng = Rng.of(seed, SALT, index);
    String first = rng.pick(FIRST);
    String last = rng.pick(LAST);
    String phone = rng.chance(SHARE_UK) ? ukPhone(index) : usPhone(index);
    String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + index + "@example.com";
    if (rng.chance(0.2)) {
      email = first + "." + last + index + "@Example.com";
    }
    String handle = null;
    if (rng.chance(SHARE_WITH_X_HANDLE)) {
      handle = switch (rng.between(0, 2)) {
        case 0 -> "@" + first + "_" + last + (index % 1000);
        case 1 -> "@" + first.toLowerCase(Locale.ROOT) + last + index;
        default -> "@" + first.toUpperCase(Locale.ROOT).charAt(0) + last + "_" + index;
      };
    }
    int phoneDay = rng.chance(SHARE_PHONE_UNMAPPED) ? -1 : mapDay(rng, days);
    int emailDay = rng.chance(0.05) ? -1 : mapDay(rng, days);
    int xDay = handle == null ? -1 : mapDay(rng, days);
    int channel = rng.weighted(Catalog.CHANNEL_WEIGHTS);
    long followers = Math.round(rng.lognormal(5.0, 1.6));
    return new Customer(index, String.format(Locale.ROOT, "C%07d", index), phone, email, handle, phoneDay, emailDay, xDay, channel, followers);
  }

  /** Day 0 for most; for a few, one of the later update days (when the run has any). */
  private static int mapDay(Rng rng, int days) {
    int updates = (days - 1) / MAP_UPDATE_EVERY;
    return rng.chance(SHARE_MAPPED_LATE) && updates > 0 ? MAP_UPDATE_EVERY * rng.between(1, updates) : 0;
  }

  /** Distinct per index: area code from the index, then exchange 555 (fictional) while it lasts. */
  private static String usPhone(long index) {
    long rest = index / US_AREA_CODES.size();
    long exchange = rest < 10_000 ? 555 : 200 + (rest / 10_000) % 800;
    return String.format(Locale.ROOT, "1%s%03d%04d", US_AREA_CODES.get((int) (index % US_AREA_CODES.size())), exchange, rest % 10_000);
  }

  /** London numbers in the 020 7946 range reserved for drama, widened past 10,000 customers. */
  private static String ukPhone(long index) {
    return String.format(Locale.ROOT, "44207%03d%04d", (946 + index / 10_000) % 1000, index % 10_000);
  }

  /** The phone written the way one of many source systems would write it. */
  String formattedPhone(Rng rng) {
    String d = phoneDigits;
    if (d.startsWith("44")) {
      return switch (rng.between(0, 2)) {
        case 0 -> "+44 " + d.substring(2, 4) + " " + d.substring(4, 8) + " " + d.substring(8);
        case 1 -> "+" + d;
        default -> "+44-" + d.substring(2, 4) + "-" + d.substring(4, 8) + "-" + d.substring(8);
      };
    }
    String area = d.substring(1, 4);
    String exchange = d.substring(4, 7);
    String line = d.substring(7);
    return switch (rng.between(0, 5)) {
      case 0 -> "+1 (" + area + ") " + exchange + "-" + line;
      case 1 -> area + "." + exchange + "." + line;
      case 2 -> area + exchange + line;
      case 3 -> "(" + area + ") " + exchange + "-" + line;
      case 4 -> "1-" + area + "-" + exchange + "-" + line;
      default -> "+" + d;
    };
  }

  /** The X handle as a poster writes it: case and the leading @ vary, the name does not. */
  String postedHandle(Rng rng) {
    return switch (rng.weighted(6, 2, 2)) {
      case 0 -> xHandle;
      case 1 -> xHandle.toLowerCase(Locale.ROOT);
      default -> xHandle.substring(1);
    };
  }
}
