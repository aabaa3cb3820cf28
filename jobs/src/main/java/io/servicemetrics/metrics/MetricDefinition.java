package io.servicemetrics.metrics;

/**
 * One row of meta/metric_definitions and one entry of docs/METRICS.md: a metric's name as it
 * appears in gold columns, the definitions version it belongs to, its exact definition, and its
 * parameters (e.g. "window_days=7").
 */
public record MetricDefinition(String name, String version, String definition, String parameters) {}
