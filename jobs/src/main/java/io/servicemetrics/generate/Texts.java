package io.servicemetrics.generate;

import java.util.List;

/** Free text: survey comments and social posts, worded so that a lexicon scorer can score them. */
final class Texts {
  private Texts() {}

  static final String BRAND_HANDLE = "@acme_help";

  static final List<String> COMMENT_UNHAPPY = List.of(
      "Still not fixed.",
      "Transferred twice and nobody could help.",
      "Agent said \"it's fixed\", it wasn't.",
      "Too long on hold, and the issue is still open.",
      "I had to contact you three times. Very frustrating",
      "Useless. Nobody knows what they are doing",
      "Problem not solved, again");
  static final List<String> COMMENT_NEUTRAL = List.of(
      "OK in the end, took a while.",
      "Fine, but the wait was long.",
      "Agent was polite, problem partly solved.",
      "Average experience");
  static final List<String> COMMENT_HAPPY = List.of(
      "Quick and helpful, thanks!",
      "Sorted first time. Great agent.",
      "Very good, resolved in one call.",
      "Friendly, efficient, problem solved",
      "Excellent service, thank you");
  /** Multi-line comments exercise RFC 4180 quoting of line breaks. */
  static final String COMMENT_MULTILINE = "Fixed in the end.\nBut why did it take so long?";

  static final List<String> POST_NEGATIVE = List.of(
      "Waited an hour and still not fixed. Terrible service!",
      "{brand} third time contacting you about my {issue} and nobody can help. Awful.",
      "Worst customer service ever. Transferred twice, then cut off \uD83D\uDE21",
      "Still waiting on {brand} to sort out my {issue}. Useless and frustrating.",
      "Hung up after ages on hold. Never again, {brand}",
      "Told my {issue} was resolved. It was not. Really bad experience with Acme support.",
      "{brand} you charged me twice and your agents are clueless. Disappointed.");
  static final List<String> POST_POSITIVE = List.of(
      "Thanks {brand}, sorted in minutes, great support :)",
      "Shout-out to Acme support, fixed my {issue} on the first call. Excellent!",
      "Quick, friendly and helpful. Love {brand} \uD83D\uDC4D",
      "Impressed: {brand} solved my {issue} in one go. Thank you!");
  static final List<String> POST_CHATTER = List.of(
      "Anyone else seeing the Acme app slow today?",
      "Acme's new pricing page is up, looks fine I guess.",
      "Switching my phone plan to Acme next month, any tips?",
      "Is {brand} open on Sundays?",
      "Acme ad during the game again lol",
      "Acme store downtown has a new layout");
  static final List<String> POST_REPLY = List.of(
      "Same here, support is a joke lately.",
      "Had the same problem last week, took ages.",
      "Hope they sort it for you!",
      "Ugh, same. Awful.");
  /** Sign of each reply's tone, in the order of {@link #POST_REPLY}. */
  static final int[] REPLY_POLARITY = {-1, -1, 1, -1};

  private static final List<String> CHATTER_ADJ = List.of("quiet", "lucky", "rapid", "blue", "urban", "solar", "tiny", "happy");
  private static final List<String> CHATTER_NOUN = List.of("fox", "otter", "pixel", "maple", "comet", "river", "tiger", "cloud");

  /** Fills the {brand} and {issue} slots of a template. */
  static String fill(String template, String issuePhrase) {
    return template.replace("{brand}", BRAND_HANDLE).replace("{issue}", issuePhrase);
  }

  static String chatterHandle(Rng rng) {
    return "@" + rng.pick(CHATTER_ADJ) + rng.pick(CHATTER_NOUN) + rng.between(10, 9999);
  }
}
