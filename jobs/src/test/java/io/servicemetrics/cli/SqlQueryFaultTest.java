package io.servicemetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import io.servicemetrics.testing.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A mistake in the user's own query is bad input (exit 2), told in one line; other failures are not. */
@ExtendWith(SharedSpark.class)
class SqlQueryFaultTest {
  @Test
  void anUnknownColumnIsBadInputNamedWithoutThePlan(SparkSession spark) {
    Exception failure = assertThrows(Exception.class, () -> spark.sql("select nope from range(3)"));

    ServiceMetricsException fault = SqlCommand.queryFault(failure).orElseThrow();

    assertEquals(ExitCode.BAD_INPUT, fault.exitCode());
    assertTrue(fault.getMessage().startsWith("The SQL query cannot run. Spark says: [UNRESOLVED_COLUMN"),
        fault.getMessage());
    assertTrue(fault.getMessage().contains("`nope`"), fault.getMessage());
    assertEquals(1, fault.getMessage().lines().count(), "one line, without Spark's plan: " + fault.getMessage());
    assertTrue(fault.getMessage().contains("line 1 pos 7. Correct the query"), fault.getMessage());
  }

  @Test
  void aSyntaxErrorIsBadInput(SparkSession spark) {
    Exception failure = assertThrows(Exception.class, () -> spark.sql("selec 1"));

    ServiceMetricsException fault = SqlCommand.queryFault(failure).orElseThrow();

    assertEquals(ExitCode.BAD_INPUT, fault.exitCode());
    // Spark's parse errors start with a blank line; the message is the first line with text.
    assertTrue(fault.getMessage().startsWith("The SQL query cannot run. Spark says: [PARSE_SYNTAX_ERROR]"),
        fault.getMessage());
  }

  @Test
  void anOverflowWhileTheQueryRunsIsBadInput(SparkSession spark) {
    // ANSI mode (Spark 4's default): the sum overflows inside a task and the job fails.
    Exception failure = assertThrows(Exception.class,
        () -> spark.sql("select sum(id + 9223372036854775806) from range(3)").collectAsList());

    ServiceMetricsException fault = SqlCommand.queryFault(failure).orElseThrow();

    assertEquals(ExitCode.BAD_INPUT, fault.exitCode());
    assertTrue(fault.getMessage().contains("ARITHMETIC_OVERFLOW"), fault.getMessage());
  }

  @Test
  void aFailureThatIsNotTheQuerysStaysAFailure() {
    assertFalse(SqlCommand.queryFault(new IllegalStateException("disk full", new RuntimeException("io"))).isPresent());
  }
}
