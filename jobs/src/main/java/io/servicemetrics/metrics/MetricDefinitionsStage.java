package io.servicemetrics.metrics;

import io.servicemetrics.io.DeltaIo;
import io.servicemetrics.io.Table;
import io.servicemetrics.schema.MetricDefinitionsSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * meta/metric_definitions: every definition of {@link MetricCatalog} and {@link PeriodMetricCatalog},
 * the catalogue the gold rows' definitions_version refers to.
 */
final class MetricDefinitionsStage extends MetricsStage {
  private static final Logger LOG = LoggerFactory.getLogger(MetricDefinitionsStage.class);

  private final DeltaIo delta;

  MetricDefinitionsStage(DeltaIo delta) {
    super(MetricsJob.STAGE_DEFINITIONS, Table.META_METRIC_DEFINITIONS.viewName(), "Metric definitions");
    this.delta = delta;
  }

  @Override
  Counts run(StageRunner runner) {
    List<MetricDefinition> catalog = catalog();
    List<Row> definitions = new ArrayList<>();
    for (MetricDefinition d : catalog) {
      definitions.add(RowFactory.create(d.name(), d.version(), d.definition(), d.parameters()));
    }
    // The catalogue is small and whole: replace the table, so removed metrics disappear too. It
    // changes only with a release, so most nights it is already there: the commit that wrote it
    // carries its fingerprint, and a table whose latest commit has this catalogue's is left alone
    // (no commit, and none of the queries a replace runs).
    String fingerprint = fingerprint(catalog);
    boolean current = delta.lastCommit(Table.META_METRIC_DEFINITIONS)
        .flatMap(DeltaIo.Commit::note).filter(fingerprint::equals).isPresent();
    if (current) {
      LOG.info("metric_definitions: the {} definitions are already written", definitions.size());
    } else {
      delta.replaceSliceNoting(Table.META_METRIC_DEFINITIONS,
          delta.spark().createDataFrame(definitions, MetricDefinitionsSchema.SCHEMA), "true", fingerprint);
      LOG.info("metric_definitions: {} definitions written", definitions.size());
    }
    return Counts.written(definitions.size());
  }

  /** Every definition written, in the table's order: the chain and daily metrics, then the period ones. */
  static List<MetricDefinition> catalog() {
    List<MetricDefinition> catalog = new ArrayList<>(MetricCatalog.DEFINITIONS);
    catalog.addAll(PeriodMetricCatalog.DEFINITIONS);
    return catalog;
  }

  /**
   * What identifies the rows written to meta/metric_definitions: a SHA-256 over its schema and
   * every definition's fields, in order. Recorded with the commit that writes them.
   */
  static String fingerprint(List<MetricDefinition> catalog) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    List<String> fields = new ArrayList<>(List.of(MetricDefinitionsSchema.SCHEMA.toDDL()));
    for (MetricDefinition d : catalog) {
      fields.addAll(Arrays.asList(d.name(), d.version(), d.definition(), d.parameters()));
    }
    for (String field : fields) {
      // Length-prefixed (-1 for NULL), so no two different catalogues give the same bytes.
      byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
      digest.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
      digest.update(bytes);
    }
    return "metric_definitions sha256=" + HexFormat.of().formatHex(digest.digest());
  }
}
