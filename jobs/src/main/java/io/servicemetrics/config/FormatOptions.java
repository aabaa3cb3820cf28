package io.servicemetrics.config;

import io.servicemetrics.errors.Errors;
import io.servicemetrics.schema.ContactsSchema;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Options of the real-format adapters (docs/FORMATS.md), validated once. Keys are the property
 * names of {@code --formats-config}; each default sits beside its key. Serializable because the
 * adapters run on the executors.
 *
 * @param connectTeamLevel which Agent.HierarchyGroups level (1-5) names the team
 * @param connectOutcomeAttribute contact attribute holding the agent's disposition
 * @param connectEscalatedAttribute contact attribute holding true/false escalation
 * @param connectIssueCategoryAttribute contact attribute holding the issue category
 * @param connectCustomerIdAttribute contact attribute holding the CRM customer id
 * @param connectTaskChannel canonical channel for TASK contacts, or null to quarantine them
 * @param qualtricsCsat ImportId of the CSAT question (1-5)
 * @param qualtricsNps ImportId of the NPS question (0-10); its {@code _NPS_GROUP} column is cross-checked
 * @param qualtricsCes ImportId of the CES question (1-7)
 * @param qualtricsResolved ImportId of the "was it resolved" question
 * @param qualtricsPeopleTold ImportId of the "how many people have you told" text entry
 * @param qualtricsComment ImportId of the free-text comment
 * @param qualtricsContactIdField embedded-data field (column name or ImportId) holding the contact id
 * @param qualtricsTimeZone zone of export timestamps whose header states none
 * @param qualtricsResolvedYes recode value of the "yes" answer ("yes" itself is always accepted)
 * @param qualtricsResolvedNo recode value of the "no" answer ("no" itself is always accepted)
 * @param xFetchedAtFallback where fetched_at comes from when a response line carries none
 * @param genesysWrapUpOutcomes Genesys Cloud wrapUpCode to canonical outcome; a code not in it is "not reported"
 * @param genesysIvrQueue queue of a Genesys Cloud conversation that ended in the IVR without reaching a queue
 * @param cxoneDispositionOutcomes NICE CXone primaryDispositionId to canonical outcome; an id not in it is "not reported"
 */
public record FormatOptions(
    int connectTeamLevel,
    String connectOutcomeAttribute,
    String connectEscalatedAttribute,
    String connectIssueCategoryAttribute,
    String connectCustomerIdAttribute,
    String connectTaskChannel,
    String qualtricsCsat,
    String qualtricsNps,
    String qualtricsCes,
    String qualtricsResolved,
    String qualtricsPeopleTold,
    String qualtricsComment,
    String qualtricsContactIdField,
    String qualtricsTimeZone,
    String qualtricsResolvedYes,
    String qualtricsResolvedNo,
    String xFetchedAtFallback,
    Map<String, String> genesysWrapUpOutcomes,
    String genesysIvrQueue,
    Map<String, String> cxoneDispositionOutcomes) implements Serializable {

  public static final String CONNECT_TEAM_LEVEL = "amazon-connect.team-level";
  public static final int DEFAULT_CONNECT_TEAM_LEVEL = 1;
  public static final String CONNECT_OUTCOME_ATTRIBUTE = "amazon-connect.attribute.outcome";
  public static final String DEFAULT_CONNECT_OUTCOME_ATTRIBUTE = "outcome";
  public static final String CONNECT_ESCALATED_ATTRIBUTE = "amazon-connect.attribute.escalated";
  public static final String DEFAULT_CONNECT_ESCALATED_ATTRIBUTE = "escalated";
  public static final String CONNECT_ISSUE_CATEGORY_ATTRIBUTE = "amazon-connect.attribute.issue-category";
  public static final String DEFAULT_CONNECT_ISSUE_CATEGORY_ATTRIBUTE = "issue_category";
  public static final String CONNECT_CUSTOMER_ID_ATTRIBUTE = "amazon-connect.attribute.customer-id";
  public static final String DEFAULT_CONNECT_CUSTOMER_ID_ATTRIBUTE = "customer_id";
  /** Empty by default: a TASK is an agent work item, not a customer contact, so it is quarantined. */
  public static final String CONNECT_TASK_CHANNEL = "amazon-connect.task-channel";
  public static final String DEFAULT_CONNECT_TASK_CHANNEL = "";

  public static final String QUALTRICS_CSAT = "qualtrics.import-id.csat";
  public static final String DEFAULT_QUALTRICS_CSAT = "QID1";
  public static final String QUALTRICS_NPS = "qualtrics.import-id.nps";
  public static final String DEFAULT_QUALTRICS_NPS = "QID2";
  public static final String QUALTRICS_CES = "qualtrics.import-id.ces";
  public static final String DEFAULT_QUALTRICS_CES = "QID3";
  public static final String QUALTRICS_RESOLVED = "qualtrics.import-id.resolved-reported";
  public static final String DEFAULT_QUALTRICS_RESOLVED = "QID4";
  public static final String QUALTRICS_PEOPLE_TOLD = "qualtrics.import-id.people-told";
  public static final String DEFAULT_QUALTRICS_PEOPLE_TOLD = "QID5_TEXT";
  public static final String QUALTRICS_COMMENT = "qualtrics.import-id.comment";
  public static final String DEFAULT_QUALTRICS_COMMENT = "QID6_TEXT";
  public static final String QUALTRICS_CONTACT_ID_FIELD = "qualtrics.contact-id-field";
  public static final String DEFAULT_QUALTRICS_CONTACT_ID_FIELD = "ExternalReference";
  public static final String QUALTRICS_TIME_ZONE = "qualtrics.time-zone";
  public static final String DEFAULT_QUALTRICS_TIME_ZONE = "UTC";
  public static final String QUALTRICS_RESOLVED_YES = "qualtrics.resolved-yes-value";
  public static final String DEFAULT_QUALTRICS_RESOLVED_YES = "1";
  public static final String QUALTRICS_RESOLVED_NO = "qualtrics.resolved-no-value";
  public static final String DEFAULT_QUALTRICS_RESOLVED_NO = "2";

  public static final String X_FETCHED_AT_FALLBACK = "x-api-v2.fetched-at-fallback";
  /** fetched_at = the landing file's modification time (binaryFile's modificationTime). */
  public static final String FALLBACK_FILE_MODIFICATION_TIME = "file-modification-time";
  /** No fallback: a response line without fetched_at quarantines its posts (missing_required). */
  public static final String FALLBACK_NONE = "none";
  public static final String DEFAULT_X_FETCHED_AT_FALLBACK = FALLBACK_FILE_MODIFICATION_TIME;

  /**
   * {@code code:outcome} pairs separated by commas, e.g. {@code Resolved:resolved, Call back:follow_up}
   * (the analytics API gives wrap-up code ids; list the ids, or the names if your export resolves
   * them). Empty by default: no organisation's codes are known, and an unmapped code is an
   * outcome not reported, never a guess.
   */
  public static final String GENESYS_WRAP_UP_OUTCOMES = "genesys-cloud.wrap-up-outcomes";
  public static final String DEFAULT_GENESYS_WRAP_UP_OUTCOMES = "";
  public static final String GENESYS_IVR_QUEUE = "genesys-cloud.ivr-queue";
  public static final String DEFAULT_GENESYS_IVR_QUEUE = "ivr";
  /** {@code id:outcome} pairs separated by commas, e.g. {@code 101:resolved, 102:unresolved}; empty by default. */
  public static final String CXONE_DISPOSITION_OUTCOMES = "nice-cxone.disposition-outcomes";
  public static final String DEFAULT_CXONE_DISPOSITION_OUTCOMES = "";

  /** Every key with its default, in documentation order. */
  public static final Map<String, String> DEFAULT_VALUES = defaults();

  public static final FormatOptions DEFAULTS = of(Map.of());

  public FormatOptions {
    genesysWrapUpOutcomes = Map.copyOf(genesysWrapUpOutcomes);
    cxoneDispositionOutcomes = Map.copyOf(cxoneDispositionOutcomes);
    if (connectTeamLevel < 1 || connectTeamLevel > 5) {
      throw Errors.badArgument(CONNECT_TEAM_LEVEL + " is " + connectTeamLevel,
          "Amazon Connect agent hierarchies have levels 1 to 5", "Set it to 1, 2, 3, 4 or 5");
    }
    if (connectTaskChannel != null && !List.of("phone", "chat", "email", "social").contains(connectTaskChannel)) {
      throw Errors.badArgument(CONNECT_TASK_CHANNEL + " '" + connectTaskChannel + "' is not a contract channel",
          "TASK contacts are mapped to one of the input contract's channels or quarantined",
          "Set it to phone, chat, email or social, or leave it empty to quarantine TASK contacts");
    }
    try {
      ZoneId.of(qualtricsTimeZone);
    } catch (DateTimeException e) {
      throw Errors.badArgument(QUALTRICS_TIME_ZONE + " '" + qualtricsTimeZone + "' is not a time zone",
          "Qualtrics timestamps carry no offset, so they are read in this zone",
          "Use a zone id such as UTC, America/New_York or Europe/Berlin");
    }
    if (!List.of(FALLBACK_FILE_MODIFICATION_TIME, FALLBACK_NONE).contains(xFetchedAtFallback)) {
      throw Errors.badArgument(X_FETCHED_AT_FALLBACK + " '" + xFetchedAtFallback + "' is not recognised",
          "It says where fetched_at comes from when a saved response has none",
          "Use " + FALLBACK_FILE_MODIFICATION_TIME + " or " + FALLBACK_NONE);
    }
  }

  /** Options from key/value pairs (defaults for absent keys); an unknown key is an error naming the known ones. */
  public static FormatOptions of(Map<String, String> values) {
    TreeSet<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(defaults().keySet());
    if (!unknown.isEmpty()) {
      throw Errors.unknownOptions("the format options", unknown, defaults().keySet());
    }
    Map<String, String> v = new LinkedHashMap<>(defaults());
    values.forEach((k, x) -> v.put(k, x.strip()));
    int level;
    try {
      level = Integer.parseInt(v.get(CONNECT_TEAM_LEVEL));
    } catch (NumberFormatException e) {
      throw Errors.badArgument(CONNECT_TEAM_LEVEL + " '" + v.get(CONNECT_TEAM_LEVEL) + "' is not a number",
          "It names the Agent.HierarchyGroups level (Level1..Level5) that holds the team", "Set it to 1..5");
    }
    for (String k : List.of(CONNECT_OUTCOME_ATTRIBUTE, CONNECT_ESCALATED_ATTRIBUTE, CONNECT_ISSUE_CATEGORY_ATTRIBUTE,
        CONNECT_CUSTOMER_ID_ATTRIBUTE, QUALTRICS_CSAT, QUALTRICS_NPS, QUALTRICS_CES, QUALTRICS_RESOLVED,
        QUALTRICS_PEOPLE_TOLD, QUALTRICS_COMMENT, QUALTRICS_CONTACT_ID_FIELD, QUALTRICS_TIME_ZONE)) {
      if (v.get(k).isEmpty()) {
        throw Errors.badArgument(k + " is empty", "The adapter needs it to find the field",
            "Remove the line to use the default (" + defaults().get(k) + ") or give a value");
      }
    }
    if (v.get(GENESYS_IVR_QUEUE).isEmpty()) {
      throw Errors.badArgument(GENESYS_IVR_QUEUE + " is empty", "A contact needs a queue, and a conversation that"
          + " ended in the IVR never reached one", "Remove the line to use the default (" + DEFAULT_GENESYS_IVR_QUEUE
          + ") or give a queue name");
    }
    String task = v.get(CONNECT_TASK_CHANNEL);
    return new FormatOptions(level, v.get(CONNECT_OUTCOME_ATTRIBUTE), v.get(CONNECT_ESCALATED_ATTRIBUTE),
        v.get(CONNECT_ISSUE_CATEGORY_ATTRIBUTE), v.get(CONNECT_CUSTOMER_ID_ATTRIBUTE), task.isEmpty() ? null : task,
        v.get(QUALTRICS_CSAT), v.get(QUALTRICS_NPS), v.get(QUALTRICS_CES), v.get(QUALTRICS_RESOLVED),
        v.get(QUALTRICS_PEOPLE_TOLD), v.get(QUALTRICS_COMMENT), v.get(QUALTRICS_CONTACT_ID_FIELD),
        v.get(QUALTRICS_TIME_ZONE), v.get(QUALTRICS_RESOLVED_YES), v.get(QUALTRICS_RESOLVED_NO),
        v.get(X_FETCHED_AT_FALLBACK), outcomeTable(GENESYS_WRAP_UP_OUTCOMES, v.get(GENESYS_WRAP_UP_OUTCOMES)),
        v.get(GENESYS_IVR_QUEUE), outcomeTable(CXONE_DISPOSITION_OUTCOMES, v.get(CXONE_DISPOSITION_OUTCOMES)));
  }

  /**
   * A {@code code:outcome, code:outcome} table: codes compared as given (trimmed), outcomes one of
   * the contract's. The last colon separates, so a code may itself contain one.
   */
  static Map<String, String> outcomeTable(String key, String text) {
    Map<String, String> table = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.lastIndexOf(':');
      String code = colon < 0 ? "" : entry.substring(0, colon).strip();
      String outcome = colon < 0 ? "" : entry.substring(colon + 1).strip().toLowerCase(java.util.Locale.ROOT);
      if (code.isEmpty() || !ContactsSchema.OUTCOMES.contains(outcome)) {
        throw Errors.badArgument(key + " entry '" + entry.strip() + "' is not code:outcome",
            "Each entry maps one code of the export to an outcome of the input contract " + new TreeSet<>(ContactsSchema.OUTCOMES),
            "Write entries such as 'Resolved:resolved, Call back:follow_up', separated by commas");
      }
      if (table.put(code, outcome) != null) {
        throw Errors.badArgument(key + " maps code '" + code + "' twice", "A code has one outcome",
            "Keep one entry for it");
      }
    }
    return java.util.Collections.unmodifiableMap(table);
  }

  public ZoneId qualtricsZone() {
    return ZoneId.of(qualtricsTimeZone);
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(CONNECT_TEAM_LEVEL, Integer.toString(DEFAULT_CONNECT_TEAM_LEVEL));
    d.put(CONNECT_OUTCOME_ATTRIBUTE, DEFAULT_CONNECT_OUTCOME_ATTRIBUTE);
    d.put(CONNECT_ESCALATED_ATTRIBUTE, DEFAULT_CONNECT_ESCALATED_ATTRIBUTE);
    d.put(CONNECT_ISSUE_CATEGORY_ATTRIBUTE, DEFAULT_CONNECT_ISSUE_CATEGORY_ATTRIBUTE);
    d.put(CONNECT_CUSTOMER_ID_ATTRIBUTE, DEFAULT_CONNECT_CUSTOMER_ID_ATTRIBUTE);
    d.put(CONNECT_TASK_CHANNEL, DEFAULT_CONNECT_TASK_CHANNEL);
    d.put(QUALTRICS_CSAT, DEFAULT_QUALTRICS_CSAT);
    d.put(QUALTRICS_NPS, DEFAULT_QUALTRICS_NPS);
    d.put(QUALTRICS_CES, DEFAULT_QUALTRICS_CES);
    d.put(QUALTRICS_RESOLVED, DEFAULT_QUALTRICS_RESOLVED);
    d.put(QUALTRICS_PEOPLE_TOLD, DEFAULT_QUALTRICS_PEOPLE_TOLD);
    d.put(QUALTRICS_COMMENT, DEFAULT_QUALTRICS_COMMENT);
    d.put(QUALTRICS_CONTACT_ID_FIELD, DEFAULT_QUALTRICS_CONTACT_ID_FIELD);
    d.put(QUALTRICS_TIME_ZONE, DEFAULT_QUALTRICS_TIME_ZONE);
    d.put(QUALTRICS_RESOLVED_YES, DEFAULT_QUALTRICS_RESOLVED_YES);
    d.put(QUALTRICS_RESOLVED_NO, DEFAULT_QUALTRICS_RESOLVED_NO);
    d.put(X_FETCHED_AT_FALLBACK, DEFAULT_X_FETCHED_AT_FALLBACK);
    d.put(GENESYS_WRAP_UP_OUTCOMES, DEFAULT_GENESYS_WRAP_UP_OUTCOMES);
    d.put(GENESYS_IVR_QUEUE, DEFAULT_GENESYS_IVR_QUEUE);
    d.put(CXONE_DISPOSITION_OUTCOMES, DEFAULT_CXONE_DISPOSITION_OUTCOMES);
    return java.util.Collections.unmodifiableMap(d);
  }
}
