package io.servicemetrics.ingest;

import io.servicemetrics.identity.Pseudonymizer;
import io.servicemetrics.identity.TextRedactor;
import io.servicemetrics.schema.ContactsSchema;
import io.servicemetrics.schema.CustomerHandlesSchema;
import io.servicemetrics.schema.MentionsSchema;
import io.servicemetrics.schema.SurveysSchema;
import io.servicemetrics.sentiment.LexiconSentimentScorer;
import io.servicemetrics.sentiment.SentimentLabel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The input contract's rules per source (docs/INPUTS.md), one record at a time. Each method reads
 * through a {@link FieldReader} and returns the record's silver values in the order of the
 * source's silver schema up to (not including) event_date, or null when a rule is broken (the
 * reader then holds the reason). Identifiers are pseudonymized and free text redacted here, so
 * nothing downstream of validation ever holds raw PII.
 */
final class RecordValidators {
  /** A leg open longer than this (initiated to ended) is a stuck record, not a contact. */
  static final Duration MAX_LEG_SPAN = Duration.ofDays(7);
  static final long MAX_SECONDS = MAX_LEG_SPAN.toSeconds();
  static final long MAX_COUNT = 1_000_000_000_000L;
  static final int MAX_PEOPLE_TOLD = 1_000_000;
  /**
   * A contact's customer id made only of zeros ("0", "000") is the placeholder call logs give an
   * anonymous caller, not a customer: read as no id, or every anonymous call would be one
   * customer calling again and again (repeats, chains). The id in customer_handles is kept.
   */
  static final java.util.regex.Pattern ANONYMOUS_CUSTOMER_ID = java.util.regex.Pattern.compile("0+");

  private RecordValidators() {}

  /** A validated record: silver values and the event time that decides its partition. */
  record Valid(Object[] values, Instant eventTime) {}

  static Valid contact(FieldReader r, Pseudonymizer pseudonyms) {
    String contactId = r.requiredText(ContactsSchema.CONTACT_ID);
    // The event time before the version stamp: old history breaks --valid-from on both, and the
    // reason a user reads should name the contact's own time.
    Instant initiated = r.requiredTimestamp(ContactsSchema.INITIATED_AT);
    Instant updatedAt = r.requiredTimestamp(ContactsSchema.UPDATED_AT);
    String previous = r.optionalText(ContactsSchema.PREVIOUS_CONTACT_ID);
    String customerId = anonymousAsNull(r.optionalText(ContactsSchema.CUSTOMER_ID));
    String phone = r.optionalText(ContactsSchema.CUSTOMER_PHONE);
    String channel = r.requiredEnum(ContactsSchema.CHANNEL, ContactsSchema.CHANNELS);
    String queue = r.requiredText(ContactsSchema.QUEUE);
    String agent = r.optionalText(ContactsSchema.AGENT_ID);
    String team = r.optionalText(ContactsSchema.TEAM);
    Instant answered = r.optionalTimestamp(ContactsSchema.ANSWERED_AT);
    Instant ended = r.requiredTimestamp(ContactsSchema.ENDED_AT);
    // Hold and after-call work a file does not deliver (no column, or a blank value) stay NULL:
    // not reported, never "none" (docs/INPUTS.md). A delivered 0 is a measured 0.
    Long hold = r.optionalLong(ContactsSchema.HOLD_SECONDS, 0, MAX_SECONDS);
    Long acw = r.optionalLong(ContactsSchema.ACW_SECONDS, 0, MAX_SECONDS);
    String outcome = r.optionalEnum(ContactsSchema.OUTCOME, ContactsSchema.OUTCOMES);
    Boolean escalated = r.optionalFlag(ContactsSchema.ESCALATED, "true", "false");
    String category = r.optionalText(ContactsSchema.ISSUE_CATEGORY);
    // Without the column nothing is known about queuing (NULL); with it, a blank means never queued.
    boolean queueDelivered = r.delivered(ContactsSchema.QUEUED_AT);
    Instant queuedAt = r.optionalTimestamp(ContactsSchema.QUEUED_AT);
    if (r.failed()) {
      return null;
    }
    if (answered != null && answered.isBefore(initiated)) {
      r.fail(ReasonCode.INCONSISTENT_TIMES, "answered_at is before initiated_at");
    } else if (answered != null && ended.isBefore(answered)) {
      r.fail(ReasonCode.INCONSISTENT_TIMES, "ended_at is before answered_at");
    } else if (ended.isBefore(initiated)) {
      r.fail(ReasonCode.INCONSISTENT_TIMES, "ended_at is before initiated_at");
    } else if (Duration.between(initiated, ended).compareTo(MAX_LEG_SPAN) > 0) {
      r.fail(ReasonCode.OUT_OF_RANGE, "the leg lasts longer than " + MAX_LEG_SPAN.toDays() + " days");
    } else if (hold != null && hold > 0 && (answered == null
        || hold > Duration.between(answered, ended).toSeconds())) {
      r.fail(ReasonCode.OUT_OF_RANGE, "hold_seconds " + hold + " exceeds the talk span (hold lies inside it)");
    } else if (queuedAt != null && queuedAt.isBefore(initiated)) {
      r.fail(ReasonCode.INCONSISTENT_TIMES, "queued_at is before initiated_at");
    } else if (queuedAt != null && answered != null && answered.isBefore(queuedAt)) {
      r.fail(ReasonCode.INCONSISTENT_TIMES, "answered_at is before queued_at");
    } else if (queuedAt != null && ended.isBefore(queuedAt)) {
      r.fail(ReasonCode.INCONSISTENT_TIMES, "ended_at is before queued_at");
    }
    if (r.failed()) {
      return null;
    }
    return new Valid(new Object[] {
        contactId, ts(updatedAt), previous, pseudonyms.customerId(customerId), pseudonyms.phone(phone),
        channel, queue, agent, team, ts(initiated), ts(answered), ts(ended),
        hold, acw, outcome,
        escalated != null && escalated, category,
        ts(queuedAt), queueDelivered ? Boolean.valueOf(queuedAt != null) : null
    }, initiated);
  }

  static Valid survey(FieldReader r) {
    String surveyId = r.requiredText(SurveysSchema.SURVEY_ID);
    String contactId = r.requiredText(SurveysSchema.CONTACT_ID);
    Instant respondedAt = r.requiredTimestamp(SurveysSchema.RESPONDED_AT);
    Integer csat = r.optionalInt(SurveysSchema.CSAT, SurveysSchema.CSAT_MIN, SurveysSchema.CSAT_MAX);
    Integer nps = r.optionalInt(SurveysSchema.NPS, SurveysSchema.NPS_MIN, SurveysSchema.NPS_MAX);
    Integer ces = r.optionalInt(SurveysSchema.CES, SurveysSchema.CES_MIN, SurveysSchema.CES_MAX);
    Boolean resolved = r.optionalFlag(SurveysSchema.RESOLVED_REPORTED, "yes", "no");
    Integer told = r.optionalInt(SurveysSchema.PEOPLE_TOLD, 0, MAX_PEOPLE_TOLD);
    String comment = r.optionalFreeText(SurveysSchema.COMMENT);
    if (r.failed()) {
      return null;
    }
    if (csat == null && nps == null && ces == null) {
      r.fail(ReasonCode.MISSING_REQUIRED, "at least one of csat, nps, ces is required");
      return null;
    }
    return new Valid(new Object[] {
        surveyId, contactId, ts(respondedAt), csat, nps, ces, resolved, told, TextRedactor.redact(comment)
    }, respondedAt);
  }

  static Valid mention(FieldReader r, Pseudonymizer pseudonyms, LexiconSentimentScorer scorer) {
    String mentionId = r.requiredText(MentionsSchema.MENTION_ID);
    String platform = r.requiredText(MentionsSchema.PLATFORM);
    String handle = r.requiredText(MentionsSchema.AUTHOR_HANDLE);
    Long followers = r.requiredLong(MentionsSchema.AUTHOR_FOLLOWERS, 0, MAX_COUNT);
    Instant posted = r.requiredTimestamp(MentionsSchema.POSTED_AT);
    Instant fetched = r.requiredTimestamp(MentionsSchema.FETCHED_AT);
    String text = r.optionalFreeText(MentionsSchema.TEXT);
    if (text == null && !r.failed()) {
      r.fail(ReasonCode.MISSING_REQUIRED, "text is required but blank");
    }
    Long reshares = r.optionalLong(MentionsSchema.RESHARES, 0, MAX_COUNT);
    Long replies = r.optionalLong(MentionsSchema.REPLIES, 0, MAX_COUNT);
    Long likes = r.optionalLong(MentionsSchema.LIKES, 0, MAX_COUNT);
    Long impressions = r.optionalLong(MentionsSchema.IMPRESSIONS, 0, MAX_COUNT);
    Double vendorSentiment = r.optionalDouble(MentionsSchema.SENTIMENT, -1.0, 1.0);
    String inReplyTo = r.optionalText(MentionsSchema.IN_REPLY_TO);
    if (r.failed()) {
      return null;
    }
    if (fetched.isBefore(posted)) {
      r.fail(ReasonCode.INCONSISTENT_TIMES, "fetched_at is before posted_at");
      return null;
    }
    String redacted = TextRedactor.redact(text);
    double score = vendorSentiment != null ? vendorSentiment : scorer.score(redacted);
    String source = vendorSentiment != null ? SentimentLabel.SOURCE_VENDOR : SentimentLabel.SOURCE_LEXICON;
    String author = pseudonyms.handle(platform, handle);
    if (author == null) {
      r.fail(ReasonCode.INVALID_IDENTIFIER, "author_handle '" + handle + "' is empty after normalization");
      return null;
    }
    return new Valid(new Object[] {
        mentionId, io.servicemetrics.identity.IdentityNormalizer.platform(platform), author, followers,
        ts(posted), ts(fetched), redacted,
        reshares == null ? 0L : reshares, replies == null ? 0L : replies, likes == null ? 0L : likes,
        impressions, vendorSentiment, inReplyTo, score, source, SentimentLabel.of(score).value()
    }, posted);
  }

  static Valid customerHandle(FieldReader r, Pseudonymizer pseudonyms) {
    String customerId = r.requiredText(CustomerHandlesSchema.CUSTOMER_ID);
    String platform = r.requiredText(CustomerHandlesSchema.PLATFORM);
    String handle = r.requiredText(CustomerHandlesSchema.HANDLE);
    if (r.failed()) {
      return null;
    }
    String handlePseudonym = pseudonyms.handleOf(platform, handle);
    if (handlePseudonym == null) {
      r.fail(ReasonCode.INVALID_IDENTIFIER, "handle is not a valid " + platform + " identifier");
      return null;
    }
    return new Valid(new Object[] {
        pseudonyms.customerId(customerId), io.servicemetrics.identity.IdentityNormalizer.platform(platform),
        handlePseudonym
    }, null);
  }

  private static String anonymousAsNull(String customerId) {
    return customerId != null && ANONYMOUS_CUSTOMER_ID.matcher(customerId).matches() ? null : customerId;
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
