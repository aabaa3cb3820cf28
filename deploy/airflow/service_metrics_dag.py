"""Service Metrics nightly run on a Spark cluster, scheduled by Apache Airflow.

One task per night: `nightly --date {{ ds }}` ingests that delivery day, restates gold, computes the
period ending that day and writes its report, in one Spark application (docs/SCHEDULING.md).

Exit codes (the driver's exit code is the task's):
  0  success
  1  any other failure (a Spark or storage error, a concurrent run holding the warehouse): retried
  2  bad arguments or missing inputs (landing zone absent, no PII key): not worth retrying
  3  data-quality threshold breached (--max-quarantine-share); every output was written: not retried,
     someone should look at quarantine_<source>
A rerun of the same date is always safe: it ends in the same tables and the same report.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowFailException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

JAR = "/opt/service-metrics/service-metrics-jobs-0.1.0-SNAPSHOT.jar"
LANDING = "s3a://contact-center-landing"
WAREHOUSE = "s3a://service-metrics/warehouse"
REPORTS = "/mnt/reports/service-metrics"

# Spark on Java 17 needs the module openings Spark's own launcher adds (jobs/conf/jvm-module-options.args).
JAVA17_OPTIONS = " ".join([
    "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false",
    "-Dio.netty.tryReflectionSetAccessible=true",
])


class ServiceMetricsSubmit(SparkSubmitOperator):
    """Fails without retries on the exit codes that a retry cannot fix (2 and 3)."""

    def execute(self, context):
        try:
            return super().execute(context)
        except Exception as error:  # SparkSubmitOperator raises AirflowException with the return code
            message = str(error)
            if "Error code is: 2" in message or "Error code is: 3" in message:
                raise AirflowFailException(message) from error
            raise


with DAG(
    dag_id="service_metrics_nightly",
    description="Service Metrics: ingest, metrics and leadership report for the day that just ended",
    start_date=datetime(2026, 11, 1),
    schedule="30 2 * * *",  # 02:30, after the landing zone's nightly deliveries
    catchup=True,  # missed nights run in date order; each run is idempotent
    max_active_runs=1,  # one writer per warehouse (the job also locks it)
    default_args={
        "retries": 3,
        "retry_delay": timedelta(minutes=10),
        "retry_exponential_backoff": True,
    },
    tags=["service-metrics"],
) as dag:
    ServiceMetricsSubmit(
        task_id="nightly",
        application=JAR,
        java_class="io.servicemetrics.cli.ServiceMetricsCli",
        conn_id="spark_default",
        conf={
            "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
            "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
            "spark.driver.extraJavaOptions": JAVA17_OPTIONS,
            "spark.executor.extraJavaOptions": JAVA17_OPTIONS,
        },
        # The pseudonymization key comes from a secret, never from --conf (Spark redacts only some keys).
        env_vars={"SERVICE_METRICS_PII_KEY": "{{ var.value.service_metrics_pii_key }}"},
        application_args=[
            "nightly",
            "--date", "{{ ds }}",
            "--landing", LANDING,
            "--warehouse", WAREHOUSE,
            "--reports", REPORTS,
            "--timezone", "America/New_York",
            "--wait-for-lock", "600",
        ],
        execution_timeout=timedelta(hours=2),
    )
