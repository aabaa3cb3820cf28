package io.servicemetrics.ingest;

/** Why a record was quarantined; the codes are a public contract documented in docs/INPUTS.md. */
public enum ReasonCode {
  /** A required field is blank or absent. */
  MISSING_REQUIRED("missing_required"),
  /** The file lacks a required column: every record of the file is quarantined. */
  MISSING_COLUMN("missing_column"),
  /** A timestamp is not ISO-8601. */
  INVALID_TIMESTAMP("invalid_timestamp"),
  /** A number does not parse (including NaN and Infinity) or is not an integer where one is required. */
  INVALID_NUMBER("invalid_number"),
  /** A value parses but lies outside its allowed range (negative counts, csat 9, a timestamp before --valid-from or in the future). */
  OUT_OF_RANGE("out_of_range"),
  /** A value is not one of the allowed values (channel "fax"). */
  UNKNOWN_ENUM("unknown_enum"),
  /** Times contradict each other: ended before answered, answered before initiated, fetched before posted. */
  INCONSISTENT_TIMES("inconsistent_times"),
  /** A JSON Lines record is not a JSON object. */
  MALFORMED_JSON("malformed_json"),
  /** A CSV record has the wrong number of fields or an unterminated quote (a truncated file). */
  MALFORMED_ROW("malformed_row"),
  /** A phone, e-mail or handle in the identity map that normalizes to nothing. */
  INVALID_IDENTIFIER("invalid_identifier"),
  /**
   * A real-format record the adapter cannot map to the input contract (docs/FORMATS.md): an X post
   * whose author is missing from includes.users, an API error response, an Amazon Connect TASK
   * without a configured channel, a Qualtrics preview/test/spam response or an NPS score that
   * contradicts its NPS group.
   */
  UNMAPPABLE_RECORD("unmappable_record"),
  /**
   * A record that is valid JSON but not shaped like its file's format (docs/FORMATS.md): a value in
   * a contact-record stream that is not a JSON object, an X response line with neither data, meta
   * nor errors. A whole file in the wrong format fails the run instead.
   */
  FORMAT_MISMATCH("format_mismatch");

  private final String code;

  ReasonCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
