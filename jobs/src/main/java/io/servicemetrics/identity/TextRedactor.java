package io.servicemetrics.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes identifiers from free text (survey comments, mention texts) before it reaches silver:
 * customers write their e-mail, phone number or another person's @handle into comments.
 */
public final class TextRedactor {
  public static final String EMAIL_TOKEN = "[email]";
  public static final String PHONE_TOKEN = "[phone]";
  public static final String HANDLE_TOKEN = "@[handle]";

  // A match starts only at the beginning of a run of local-part characters, and the local part is
  // matched possessively (it cannot contain '@'): without both, a long run without '@' (a 1 MB
  // base64 blob in a comment) is retried from every position, quadratic time, hours per record.
  private static final Pattern EMAIL =
      Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  // 7+ digits, optionally grouped by spaces, dots, dashes or parentheses, optional leading +.
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w])\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){6,14}(?![\\w])");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@[A-Za-z0-9_]{1,50}");

  private TextRedactor() {}

  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String t = EMAIL.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL_TOKEN));
    t = HANDLE.matcher(t).replaceAll(Matcher.quoteReplacement(HANDLE_TOKEN));
    return PHONE.matcher(t).replaceAll(Matcher.quoteReplacement(PHONE_TOKEN));
  }
}
