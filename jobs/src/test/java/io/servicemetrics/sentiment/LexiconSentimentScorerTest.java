package io.servicemetrics.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LexiconSentimentScorerTest {
  private static final double EPS = 1e-4;
  private final LexiconSentimentScorer scorer = LexiconSentimentScorer.standard();

  private static double compound(double x) {
    return x / Math.sqrt(x * x + 15);
  }

  @Test
  void oneWordScoresItsNormalizedValence() {
    // great = 3 -> 3 / sqrt(9 + 15) = 3 / 4.8990 = 0.6124
    assertEquals(0.6124, scorer.score("great"), EPS, "great");
    // thanks = 2 -> 2 / sqrt(4 + 15) = 0.4588; case-insensitive
    assertEquals(0.4588, scorer.score("Thanks"), EPS, "Thanks");
    // rude = -3 -> -0.6124
    assertEquals(-0.6124, scorer.score("rude"), EPS, "rude");
  }

  @Test
  void negationWithinThreeTokensFlipsAndDampens() {
    // 3 * -0.74 = -2.22 -> -2.22 / sqrt(4.9284 + 15) = -0.4973
    assertEquals(-0.4973, scorer.score("not great"), EPS, "not great");
    assertEquals(-0.4973, scorer.score("I don't love it"), EPS, "contraction don't negates love (3)");
    // never at distance 3, really (booster) at distance 2: (3 + 0.293 * 0.95) * -0.74 = -2.426
    assertEquals(compound(-3.27835 * 0.74), scorer.score("it was never really that great"), EPS,
        "never three tokens back still negates");
    // bad = -2.5 negated -> +1.85; "no problem" reads positive
    assertEquals(compound(1.85), scorer.score("not bad"), EPS, "not bad");
    assertEquals(SentimentLabel.POSITIVE, SentimentLabel.of(scorer.score("no problem at all")), "no problem");
    // four tokens back is out of reach: great stays 3
    assertEquals(0.6124, scorer.score("not that it was great"), EPS, "negator four tokens back");
  }

  @Test
  void negationStopsAtClauseBoundaries() {
    // "Not bad." -> bad negated = +1.85; "Great" is in a new sentence: +3; sum 4.85 -> 0.7814
    assertEquals(0.7814, scorer.score("Not bad. Great"), EPS, "Not bad. Great");
  }

  @Test
  void boostersIncreaseAndDampenersDecreaseMagnitude() {
    // very great: 3 + 0.293 = 3.293 -> 0.6478
    assertEquals(0.6478, scorer.score("very great"), EPS, "very great");
    // extremely rude: -(3 + 0.293) -> -0.6478
    assertEquals(-0.6478, scorer.score("extremely rude"), EPS, "extremely rude");
    // barely helpful: 2.5 - 0.293 = 2.207 -> 0.4951
    assertEquals(0.4951, scorer.score("barely helpful"), EPS, "barely helpful");
    // so very great: very at distance 1 (+0.293), so at distance 2 (+0.293 * 0.95) = 3.57135
    assertEquals(compound(3.57135), scorer.score("so very great"), EPS, "so very great");
    assertTrue(Math.abs(scorer.score("really terrible")) > Math.abs(scorer.score("terrible")),
        "a booster increases the magnitude of a negative word");
  }

  @Test
  void allCapsWordIsEmphasisedOnlyInMixedCaseText() {
    // GREAT in mixed-case text: 3 + 0.733 = 3.733 -> 0.6940
    assertEquals(0.6940, scorer.score("The agent was GREAT"), EPS, "The agent was GREAT");
    // The whole text shouting: no word stands out -> plain 3 -> 0.6124
    assertEquals(0.6124, scorer.score("THE AGENT WAS GREAT"), EPS, "all caps text");
    assertTrue(scorer.score("This is USELESS") < scorer.score("This is useless"), "caps makes negative more negative");
  }

  @Test
  void exclamationMarksPushTowardTheSignUpToFour() {
    // great!! = 3 + 2 * 0.292 = 3.584 -> 0.6792
    assertEquals(0.6792, scorer.score("great!!"), EPS, "great!!");
    // capped at four: 3 + 4 * 0.292 = 4.168
    assertEquals(compound(4.168), scorer.score("great!!!!!!!!"), EPS, "eight marks count as four");
    // terrible!! = -3.5 - 2 * 0.292 = -4.084
    assertEquals(compound(-4.084), scorer.score("terrible!!"), EPS, "marks push a negative sum down");
    assertEquals(0.0, scorer.score("hello!!!"), EPS, "marks alone carry no sentiment");
  }

  @Test
  void butWeighsTheClauseAfterItMore() {
    // slow (-2) * 0.5 + helpful (2.5) * 1.5 = -1 + 3.75 = 2.75 -> 0.5789
    assertEquals(0.5789, scorer.score("slow but helpful"), EPS, "slow but helpful");
    // helpful * 0.5 + slow * 1.5 = 1.25 - 3 = -1.75
    assertEquals(compound(-1.75), scorer.score("helpful but slow"), EPS, "helpful but slow");
  }

  @Test
  void emoticonsAndEmojiCarryValence() {
    // :( = -2 -> -0.4588; :D = 3 -> 0.6124
    assertEquals(-0.4588, scorer.score(":("), EPS, ":(");
    assertEquals(0.6124, scorer.score(":D"), EPS, ":D");
    // angry face -3.5 -> -0.6705, also glued to a word and with a variation selector elsewhere
    assertEquals(-0.6705, scorer.score("😡"), EPS, "pouting face");
    assertEquals(-0.6705, scorer.score("hmm😡"), EPS, "emoji glued to a word");
    assertEquals(compound(-2), scorer.score("☹\uFE0F"), EPS, "frowning face with variation selector");
    assertEquals(compound(2 + 2), scorer.score("👍 thanks"), EPS, "thumbs up (2) + thanks (2)");
    assertEquals(compound(-2), scorer.score("👎🏽"), EPS, "skin tone modifier ignored");
    // not (negator) does not reach emoticons: -2 stays -2
    assertEquals(compound(-2), scorer.score("not :("), EPS, "emoticons take no modifiers");
  }

  @Test
  void handlesAndUrlsAreIgnored() {
    // only thanks (2) counts: the handle and the URL's words do not
    assertEquals(0.4588, scorer.score("@terrible_bank thanks https://example.com/worst-scam"), EPS, "handle and URL");
  }

  @Test
  void emptyAndNullTextScoreZero() {
    assertEquals(0.0, scorer.score(null), "null");
    assertEquals(0.0, scorer.score(""), "empty");
    assertEquals(0.0, scorer.score("   \n\t"), "blank");
    assertEquals(SentimentLabel.NEUTRAL, SentimentLabel.of(scorer.score(null)), "null is neutral");
  }

  @Test
  void labelsRealisticMentions() {
    record Case(String text, SentimentLabel expected) {}
    List<Case> cases = List.of(
        new Case("Thanks @acme, my issue got resolved quickly. Great support!", SentimentLabel.POSITIVE),
        new Case("Sorted in 5 minutes, really helpful agent 🙂", SentimentLabel.POSITIVE),
        new Case("Waited 2 hours on hold, got transferred three times. Useless.", SentimentLabel.NEGATIVE),
        new Case("Worst customer service ever, this is a scam. Cancelling my account", SentimentLabel.NEGATIVE),
        new Case("The agent was polite but nothing was fixed", SentimentLabel.NEGATIVE),
        new Case("I called about my account today", SentimentLabel.NEUTRAL),
        new Case("Isn't working again :(", SentimentLabel.NEGATIVE));
    for (Case c : cases) {
      double score = scorer.score(c.text());
      assertEquals(c.expected(), SentimentLabel.of(score), c.text() + " scored " + score);
    }
  }

  @Test
  void labelThresholdsAreInclusive() {
    assertEquals(SentimentLabel.NEGATIVE, SentimentLabel.of(-0.05), "-0.05");
    assertEquals(SentimentLabel.NEUTRAL, SentimentLabel.of(-0.0499), "-0.0499");
    assertEquals(SentimentLabel.NEUTRAL, SentimentLabel.of(0.0), "0");
    assertEquals(SentimentLabel.NEUTRAL, SentimentLabel.of(0.0499), "0.0499");
    assertEquals(SentimentLabel.POSITIVE, SentimentLabel.of(0.05), "0.05");
    assertEquals("negative", SentimentLabel.NEGATIVE.value(), "stored label");
    assertEquals("vendor", SentimentLabel.SOURCE_VENDOR, "source constant");
    assertEquals("lexicon", SentimentLabel.SOURCE_LEXICON, "source constant");
  }

  @Test
  void aOneMegabyteTextStaysInRange() {
    StringBuilder sb = new StringBuilder(1 << 20);
    String[] pieces = {"terrible ", "NOT great!!! ", "so slow but helpful ", "😡 ", ":( ", "@x ", "https://a.b/c "};
    for (int i = 0; sb.length() < (1 << 20); i++) {
      sb.append(pieces[i % pieces.length]);
    }
    long start = System.nanoTime();
    double score = scorer.score(sb.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(score >= -1.0 && score <= 1.0, "score in [-1,1]: " + score);
    assertEquals(-1.0, score, 1e-6, "an overwhelmingly negative text saturates near -1");
    assertTrue(millis < 5_000, "linear-time scoring of 1 MB took " + millis + " ms");
  }

  @Test
  void compoundSaturatesInsteadOfOverflowing() {
    assertEquals(1.0, LexiconSentimentScorer.compound(1e300), 0.0, "huge positive sum");
    assertEquals(-1.0, LexiconSentimentScorer.compound(-1e300), 0.0, "huge negative sum");
  }

  @Test
  void isSerializableAndThreadSafe() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(scorer);
    }
    LexiconSentimentScorer copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (LexiconSentimentScorer) in.readObject();
    }
    assertEquals(0.6124, copy.score("great"), EPS, "deserialized copy scores the same");

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Double>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String text = i % 2 == 0 ? "very great" : "not great";
        results.add(pool.submit(() -> scorer.score(text)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals(i % 2 == 0 ? 0.6478 : -0.4973, results.get(i).get(), EPS, "concurrent call " + i);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void lexiconIsOurOwnAndSizeable() {
    assertTrue(scorer.wordCount() >= 300, "a few hundred words: " + scorer.wordCount());
  }
}
