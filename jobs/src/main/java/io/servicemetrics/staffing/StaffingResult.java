package io.servicemetrics.staffing;

/**
 * A staffing level and what it achieves.
 *
 * @param agents agents on the phones, N
 * @param positions agents to schedule after shrinkage, ceil(N / (1 - shrinkage))
 * @param trafficErlangs offered traffic a = lambda x AHT
 * @param serviceLevel share of callers answered within the target
 * @param asaSeconds average speed of answer over all callers (infinite when Erlang C is overloaded)
 * @param occupancy share of agent time spent handling
 * @param waitProbability share of callers who find every agent busy
 * @param abandonProbability share of callers who hang up first (0 under Erlang C)
 * @param abandonment whether the model was Erlang A (a finite patience) rather than Erlang C
 */
public record StaffingResult(
    int agents,
    int positions,
    double trafficErlangs,
    double serviceLevel,
    double asaSeconds,
    double occupancy,
    double waitProbability,
    double abandonProbability,
    boolean abandonment) {}
