package io.servicemetrics.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lexicon on customer-service mentions written for this test in the way such mentions run:
 * complaints mostly without an emotion word, some sarcastic, 60 % negative like real airline
 * mentions. Calling everything negative scores 60 %; the lexicon must do better.
 */
class LexiconCustomerServiceTest {
  record Case(String text, String truth, String expected) {}

  static final List<Case> CASES = List.of(
      new Case("flight delayed 3 hours, still no bag", "negative", "negative"),
      new Case("Cancelled my flight and no rebooking offered", "negative", "negative"),
      new Case("been on hold for 2 hours", "negative", "negative"),
      // Sarcasm: nice +2 and nothing else. No word list can catch it.
      new Case("Nice customer service.", "negative", "positive"),
      new Case("still waiting for my refund from March", "negative", "negative"),
      new Case("lost my luggage, nobody answers the phone", "negative", "negative"),
      // stuck and tarmac carry this complaint; before they were listed it scored neutral.
      new Case("stuck on the tarmac for 90 minutes", "negative", "negative"),
      new Case("missed my connection because of your delay", "negative", "negative"),
      // misplaced alone carries it.
      new Case("third time my bag has been misplaced", "negative", "negative"),
      new Case("why is there no one at the counter?", "negative", "neutral"),
      new Case("overbooked again. stranded in Denver", "negative", "negative"),
      // thanks +2, hour -0.5, delay -1.5: the sum is 0.
      new Case("thanks for the 5 hour delay", "negative", "neutral"),
      new Case("what is the baggage allowance on international flights?", "neutral", "neutral"),
      // leave -1 is for customers leaving a company, not flights leaving a terminal.
      new Case("Does flight 212 leave from terminal B?", "neutral", "negative"),
      new Case("can I change my seat online", "neutral", "neutral"),
      new Case("DM sent with my booking reference", "neutral", "neutral"),
      new Case("thank you for the upgrade, amazing crew", "positive", "positive"),
      new Case("great flight, landed early", "positive", "positive"),
      new Case("the agent sorted my rebooking in minutes, thanks", "positive", "positive"),
      new Case("love the new app", "positive", "positive"));

  @Test
  void labelsEachMentionAsWorkedOutByHand() {
    LexiconSentimentScorer scorer = LexiconSentimentScorer.standard();
    List<String> mismatches = new ArrayList<>();
    for (Case c : CASES) {
      String got = SentimentLabel.of(scorer.score(c.text())).value();
      if (!got.equals(c.expected())) {
        mismatches.add(c.text() + " -> " + got + " (expected " + c.expected() + ")");
      }
    }
    assertEquals(List.of(), mismatches);
  }

  @Test
  void beatsCallingEverythingNegative() {
    LexiconSentimentScorer scorer = LexiconSentimentScorer.standard();
    long negative = CASES.stream().filter(c -> c.truth().equals("negative")).count();
    long correct = CASES.stream()
        .filter(c -> SentimentLabel.of(scorer.score(c.text())).value().equals(c.truth())).count();
    assertEquals(12, negative, "the majority class: 12 of 20");
    assertEquals(16, correct, "9 of 12 negative, 3 of 4 neutral, 4 of 4 positive");
    assertTrue(correct > negative, "16/20 = 80 % against 60 % for the majority class");
  }
}
