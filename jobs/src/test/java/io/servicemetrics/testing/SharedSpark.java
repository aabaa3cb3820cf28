package io.servicemetrics.testing;

import io.servicemetrics.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One SparkSession for the whole test JVM, kept in the root extension store so every test class
 * shares it and it stops once, after the last test. Use {@code @ExtendWith(SharedSpark.class)} and
 * take a {@link SparkSession} parameter, or call {@link #session()}.
 */
public final class SharedSpark implements BeforeAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(SharedSpark.class);
  private static volatile SparkSession session;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
        "spark", key -> new Closer(session()), Closer.class);
  }

  /** The shared session, created on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      SparkSession.Builder builder = SparkSession.builder();
      SparkSessions.STORAGE_DEFAULTS.forEach(builder::config);
      // As the product's sessions: no second state scan per replaceWhere for metrics nothing reads,
      // and plans rendered whole.
      builder.config(SparkSessions.DELTA_DML_METRICS_FROM_METADATA, "false")
          .config("spark.sql.debug.maxToStringFields", Integer.toString(SparkSessions.MAX_PLAN_STRING_FIELDS));
      session = builder
          .master("local[2]")
          .appName("service-metrics-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .config("spark.databricks.delta.snapshotPartitions", "2")
          .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
          .config("spark.sql.codegen.wholeStage", "false")
          .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
    }
    return session;
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return session();
  }

  private record Closer(SparkSession spark) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      synchronized (SharedSpark.class) {
        spark.stop();
        session = null;
      }
    }
  }
}
