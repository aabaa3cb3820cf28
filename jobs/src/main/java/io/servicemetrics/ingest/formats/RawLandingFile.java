package io.servicemetrics.ingest.formats;

import java.time.Instant;

/**
 * One landing file as Spark's binaryFile source delivers it.
 *
 * @param fileName the name inside its date= folder
 * @param content the file's bytes (possibly gzip-compressed)
 * @param modificationTime the file's modification time on its filesystem
 */
public record RawLandingFile(String fileName, byte[] content, Instant modificationTime) {}
