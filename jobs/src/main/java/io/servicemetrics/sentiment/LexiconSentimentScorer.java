package io.servicemetrics.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fallback sentiment scorer for mentions that arrive without a vendor score: a rule-based
 * lexicon scorer over the project's own word list ({@code lexicon.tsv}, {@code emoticons.tsv} in
 * this package's resources). The rules are documented, with worked examples, in docs/SENTIMENT.md.
 *
 * <p>Contract: {@link #score(String)} returns a compound score in [-1, 1]; null, blank or
 * sentiment-free text scores exactly 0. Instances are immutable, so one instance is safe to share
 * across threads and to serialize into Spark closures. Cost is linear in the text length.
 */
public final class LexiconSentimentScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Normalization constant of the compound score x / sqrt(x^2 + alpha). */
  static final double ALPHA = 15.0;
  /** A negated valence is multiplied by this: it flips and loses about a quarter of its weight. */
  static final double NEGATION_SCALAR = -0.74;
  /** Added to (booster) or taken from (dampener) a valence's magnitude, at distance 1. */
  static final double BOOSTER_INCREMENT = 0.293;
  /** Added to the magnitude of an ALL-CAPS sentiment word in text that is not all caps. */
  static final double CAPS_INCREMENT = 0.733;
  /** Added to the magnitude of the sum for each exclamation mark, up to {@link #MAX_EXCLAMATIONS}. */
  static final double EXCLAMATION_INCREMENT = 0.292;
  static final int MAX_EXCLAMATIONS = 4;
  /** Negators, boosters and dampeners act on a sentiment token up to this many tokens later. */
  static final int LOOKBACK = 3;
  /** Weight of a booster or dampener by distance 1, 2, 3 from the word it modifies. */
  private static final double[] LOOKBACK_DECAY = {1.0, 0.95, 0.9};
  /** Weights of tokens before and after the first "but". */
  static final double BEFORE_BUT = 0.5;
  static final double AFTER_BUT = 1.5;
  static final double MAX_VALENCE = 4.0;

  private static final String LEXICON_RESOURCE = "lexicon.tsv";
  private static final String EMOTICONS_RESOURCE = "emoticons.tsv";

  private static final Set<String> NEGATORS = Set.of(
      "not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot",
      "without", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt",
      "wouldnt", "shouldnt", "wont", "havent", "hasnt", "hadnt", "aint");
  private static final Set<String> BOOSTERS = Set.of(
      "very", "extremely", "so", "really", "super", "incredibly", "absolutely", "totally",
      "completely", "utterly", "truly", "especially", "exceptionally", "highly", "hugely", "most",
      "too", "such", "seriously", "ridiculously", "insanely", "massively");
  private static final Set<String> DAMPENERS = Set.of(
      "barely", "slightly", "somewhat", "kinda", "sorta", "hardly", "marginally", "partly",
      "partially", "mildly", "fairly", "almost");
  private static final String BUT = "but";

  private final Map<String, Double> words;
  private final Map<String, Double> emoticons;
  private final Map<Integer, Double> emoji;

  private LexiconSentimentScorer(
      Map<String, Double> words, Map<String, Double> emoticons, Map<Integer, Double> emoji) {
    this.words = Map.copyOf(words);
    this.emoticons = Map.copyOf(emoticons);
    this.emoji = Map.copyOf(emoji);
  }

  /** The scorer over the project's bundled lexicon, loaded once per JVM. */
  public static LexiconSentimentScorer standard() {
    return Standard.INSTANCE;
  }

  private static final class Standard {
    static final LexiconSentimentScorer INSTANCE = load();
  }

  /** Number of words in the lexicon (for documentation and tests). */
  public int wordCount() {
    return words.size();
  }

  /**
   * Scores a text.
   *
   * @return the compound score in [-1, 1]; 0 for null, blank or sentiment-free text
   */
  public double score(String text) {
    if (text == null || text.isBlank()) {
      return 0.0;
    }
    List<Token> tokens = tokenize(text);
    boolean mixedCase = hasMixedCase(tokens);
    int firstBut = -1;
    for (int i = 0; i < tokens.size() && firstBut < 0; i++) {
      if (BUT.equals(tokens.get(i).lower)) {
        firstBut = i;
      }
    }

    double sum = 0.0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.valence == 0.0) {
        continue;
      }
      double sign = Math.signum(token.valence);
      double magnitude = Math.abs(token.valence);
      if (token.caps && mixedCase) {
        magnitude += CAPS_INCREMENT;
      }
      boolean negated = false;
      // Emoticons and emoji state the writer's mood directly: "isn't working :(" is not a
      // negated frown, so only words take modifiers.
      for (int d = 1; token.word && d <= LOOKBACK; d++) {
        int j = i - d;
        // Modifiers act within their clause only: "Not bad. Great" must not negate "Great".
        if (j < 0 || tokens.get(j).clause != token.clause) {
          break;
        }
        String before = tokens.get(j).lower;
        if (BOOSTERS.contains(before)) {
          magnitude += BOOSTER_INCREMENT * LOOKBACK_DECAY[d - 1];
        } else if (DAMPENERS.contains(before)) {
          // A dampener weakens a word but never turns it around.
          magnitude = Math.max(0.0, magnitude - BOOSTER_INCREMENT * LOOKBACK_DECAY[d - 1]);
        } else if (isNegator(before)) {
          negated = true;
        }
      }
      double valence = sign * magnitude;
      if (negated) {
        valence *= NEGATION_SCALAR;
      }
      if (firstBut >= 0) {
        valence *= i < firstBut ? BEFORE_BUT : AFTER_BUT;
      }
      sum += valence;
    }

    if (sum != 0.0) {
      int exclamations = Math.min(MAX_EXCLAMATIONS, countExclamations(text));
      sum += Math.signum(sum) * exclamations * EXCLAMATION_INCREMENT;
    }
    return compound(sum);
  }

  /** x / sqrt(x^2 + alpha), clamped to [-1, 1]. */
  static double compound(double sum) {
    if (sum == 0.0) {
      return 0.0;
    }
    double c = sum / Math.sqrt(sum * sum + ALPHA);
    // Huge sums overflow sum*sum to infinity and give 0 or NaN; the limit is the sign.
    if (Double.isNaN(c) || (c == 0.0)) {
      return Math.signum(sum);
    }
    return Math.max(-1.0, Math.min(1.0, c));
  }

  private static boolean isNegator(String lower) {
    return NEGATORS.contains(lower) || lower.endsWith("n't");
  }

  private static int countExclamations(String text) {
    int n = 0;
    for (int i = 0; i < text.length() && n < MAX_EXCLAMATIONS; i++) {
      if (text.charAt(i) == '!') {
        n++;
      }
    }
    return n;
  }

  /** True when at least one cased word is not all caps: only then does shouting stand out. */
  private static boolean hasMixedCase(List<Token> tokens) {
    for (Token t : tokens) {
      if (t.word && !t.caps && t.hasLowerCase) {
        return true;
      }
    }
    return false;
  }

  /** One token: a word, an emoticon or an emoji, with its clause number. */
  private record Token(
      String lower, double valence, boolean word, boolean caps, boolean hasLowerCase, int clause) {}

  private List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int clause = 0;
    int n = text.length();
    int i = 0;
    StringBuilder word = new StringBuilder();
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      String chunk = text.substring(start, i);
      if (isHandleOrUrl(chunk)) {
        continue;
      }
      Double emoticon = emoticons.get(chunk);
      if (emoticon != null) {
        tokens.add(new Token(chunk, emoticon, false, false, false, clause));
        continue;
      }
      word.setLength(0);
      for (int k = 0; k < chunk.length(); ) {
        int cp = chunk.codePointAt(k);
        k += Character.charCount(cp);
        if (cp == '\u2019' || cp == '\u2018') {
          cp = '\'';
        }
        if (Character.isLetterOrDigit(cp) || cp == '\'') {
          word.appendCodePoint(cp);
          continue;
        }
        clause = flushWord(word, tokens, clause);
        Double emojiValence = emoji.get(cp);
        if (emojiValence != null) {
          tokens.add(new Token(new String(Character.toChars(cp)), emojiValence, false, false, false, clause));
        } else if (isClauseBreak(cp)) {
          clause++;
        }
      }
      clause = flushWord(word, tokens, clause);
    }
    return tokens;
  }

  /** Adds the buffered word, if any, and returns the clause the next token belongs to. */
  private int flushWord(StringBuilder buffer, List<Token> tokens, int clause) {
    int from = 0;
    int to = buffer.length();
    while (from < to && buffer.charAt(from) == '\'') {
      from++;
    }
    while (to > from && buffer.charAt(to - 1) == '\'') {
      to--;
    }
    if (from == to) {
      buffer.setLength(0);
      return clause;
    }
    String original = buffer.substring(from, to);
    buffer.setLength(0);
    String lower = original.toLowerCase(Locale.ROOT);
    String upper = original.toUpperCase(Locale.ROOT);
    int letters = 0;
    for (int k = 0; k < original.length(); k++) {
      if (Character.isLetter(original.charAt(k))) {
        letters++;
      }
    }
    boolean cased = !lower.equals(upper);
    boolean caps = cased && letters >= 2 && original.equals(upper);
    boolean hasLower = cased && !original.equals(upper);
    tokens.add(new Token(lower, words.getOrDefault(lower, 0.0), true, caps, hasLower, clause));
    // "but" closes a clause: modifiers before it do not reach across it.
    return BUT.equals(lower) ? clause + 1 : clause;
  }

  private static boolean isHandleOrUrl(String chunk) {
    if (chunk.startsWith("@")) {
      return true;
    }
    String lower = chunk.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.");
  }

  private static boolean isClauseBreak(int cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ':' || cp == ',';
  }

  private static LexiconSentimentScorer load() {
    Map<String, Double> words = new HashMap<>();
    for (Map.Entry<String, Double> e : readTsv(LEXICON_RESOURCE).entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (words.put(key, e.getValue()) != null) {
        throw new IllegalStateException(LEXICON_RESOURCE + " lists '" + key + "' twice (case-insensitive)");
      }
    }
    Map<String, Double> emoticons = new HashMap<>();
    Map<Integer, Double> emoji = new HashMap<>();
    for (Map.Entry<String, Double> e : readTsv(EMOTICONS_RESOURCE).entrySet()) {
      String symbol = e.getKey();
      int first = symbol.codePointAt(0);
      if (symbol.codePointCount(0, symbol.length()) == 1 && !Character.isLetterOrDigit(first) && first > 0x7F) {
        emoji.put(first, e.getValue());
      } else {
        emoticons.put(symbol, e.getValue());
      }
    }
    return new LexiconSentimentScorer(words, emoticons, emoji);
  }

  /** Reads symbol<TAB>score lines; a malformed bundled resource is a packaging bug, so it throws. */
  private static Map<String, Double> readTsv(String resource) {
    Map<String, Double> entries = new HashMap<>();
    try (InputStream in = LexiconSentimentScorer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Sentiment resource " + resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        double score;
        try {
          score = parts.length == 2 ? Double.parseDouble(parts[1].trim()) : Double.NaN;
        } catch (NumberFormatException e) {
          score = Double.NaN;
        }
        if (parts[0].isEmpty() || !(Math.abs(score) <= MAX_VALENCE)) {
          throw new IllegalStateException(
              resource + " line " + lineNumber + " is not symbol<TAB>score with score in -4..4: " + line);
        }
        if (entries.put(parts[0], score) != null) {
          throw new IllegalStateException(resource + " lists '" + parts[0] + "' twice");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read sentiment resource " + resource, e);
    }
    return entries;
  }
}
