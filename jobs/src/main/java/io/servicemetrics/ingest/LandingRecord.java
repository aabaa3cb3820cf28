package io.servicemetrics.ingest;

import java.util.Map;

/**
 * One record as read from a landing file, before validation: its position, its exact raw text
 * and its fields by column name, or the reason it could not be read as a record at all.
 *
 * @param recordNumber 1-based line on which the record starts
 * @param rawRecord the record's text as delivered (without its line end)
 * @param fields column name to raw value; empty when the record could not be split into fields
 * @param errorCode a {@link ReasonCode} name when the record is unreadable, else null
 * @param errorDetail what exactly is wrong, for the quarantine row
 */
public record LandingRecord(
    long recordNumber, String rawRecord, Map<String, String> fields, String errorCode, String errorDetail) {

  public static LandingRecord ok(long recordNumber, String raw, Map<String, String> fields) {
    return new LandingRecord(recordNumber, raw, fields, null, null);
  }

  public static LandingRecord error(long recordNumber, String raw, ReasonCode code, String detail) {
    return new LandingRecord(recordNumber, raw, Map.of(), code.code(), detail);
  }
}
