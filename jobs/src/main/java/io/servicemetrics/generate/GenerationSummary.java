package io.servicemetrics.generate;

import java.util.List;
import java.util.Map;

/**
 * What a generator run wrote.
 *
 * @param rowsPerSource data records written per source (defects and duplicates included), in
 *     contract order: contacts, surveys, mentions, customer_handles
 * @param files landing files written
 * @param bytes total size of the landing files
 * @param story counts of what was simulated (chains, abandons, transfers, late legs, ...)
 * @param defects every deliberate defect, in the order written
 */
public record GenerationSummary(Map<String, Long> rowsPerSource, long files, long bytes, Map<String, Long> story, List<Defect> defects) {}
