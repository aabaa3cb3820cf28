package io.servicemetrics.generate;

/**
 * A deliberately malformed landing record, as listed in {@code <out>/_defects.csv}.
 *
 * @param source contacts, surveys, mentions or customer_handles
 * @param file path of the landing file, relative to the landing root
 * @param line 1-based physical line where the record starts (a CSV header is line 1; for a
 *     missing-column file, the header line itself)
 * @param record 1-based data record number within the file (0 for a whole-file defect)
 * @param kind what is wrong, one of the constants in {@link Defects}
 * @param recordId the record's id, or the file name for a whole-file defect
 * @param detail the broken field and value, for humans
 */
public record Defect(String source, String file, long line, long record, String kind, String recordId, String detail) {}
