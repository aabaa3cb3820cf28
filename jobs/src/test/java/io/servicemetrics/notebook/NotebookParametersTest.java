package io.servicemetrics.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebookParametersTest {
  private static final String CELL = """
      -- Parameters for the period
      -- period_end = DATE'2026-10-01'
      period_days = 28
      -- share = 0.25   -- a fraction
      -- label = 'it''s'
      -- since = NULL
      -- big = 3000000000
      -- note: a = b is prose, not a parameter
      """;

  @Test
  void readsTypedDefaultsFromCommentOrPlainLines() {
    Map<String, Object> d = NotebookParameters.parseDefaults(CELL);
    assertEquals(List.of("period_end", "period_days", "share", "label", "since", "big"),
        List.copyOf(d.keySet()), "declaration order");
    assertEquals(LocalDate.of(2026, 10, 1), d.get("period_end"), "DATE literal -> LocalDate");
    assertEquals(28, d.get("period_days"), "integer -> Integer (INT)");
    assertEquals(new BigDecimal("0.25"), d.get("share"), "decimal -> BigDecimal, trailing comment ignored");
    assertEquals("it's", d.get("label"), "string with '' escape");
    assertNull(d.get("since"), "NULL");
    assertEquals(3_000_000_000L, d.get("big"), "beyond int -> Long");
  }

  @Test
  void overridesAreTypedLikeTheirDefaults() {
    Map<String, Object> d = NotebookParameters.parseDefaults(CELL);
    Map<String, String> o = new LinkedHashMap<>();
    o.put("period_end", "2026-11-30");
    o.put("period_days", "7");
    o.put("label", "billing");
    o.put("since", "DATE'2026-01-01'");
    Map<String, Object> r = NotebookParameters.resolve(d, o);
    assertEquals(LocalDate.of(2026, 11, 30), r.get("period_end"), "bare date for a DATE default");
    assertEquals(7, r.get("period_days"), "number");
    assertEquals("billing", r.get("label"), "bare text for a string default");
    assertEquals(LocalDate.of(2026, 1, 1), r.get("since"), "any literal for a NULL default");
    assertEquals(new BigDecimal("0.25"), r.get("share"), "untouched default");
    assertEquals(LocalDate.of(2026, 2, 3),
        NotebookParameters.coerce("since", "2026-02-03", null), "bare date for a NULL default");
  }

  @Test
  void unknownOrMistypedOverridesAreBadArguments() {
    Map<String, Object> d = NotebookParameters.parseDefaults(CELL);
    ServiceMetricsException unknown = assertThrows(ServiceMetricsException.class,
        () -> NotebookParameters.resolve(d, Map.of("period_dayz", "7")));
    assertEquals(ExitCode.BAD_INPUT, unknown.exitCode(), "exit code 2");
    assertTrue(unknown.getMessage().contains("period_dayz") && unknown.getMessage().contains("period_days"),
        "names the unknown and the declared parameters: " + unknown.getMessage());
    ServiceMetricsException mistyped = assertThrows(ServiceMetricsException.class,
        () -> NotebookParameters.resolve(d, Map.of("period_days", "soon")));
    assertTrue(mistyped.getMessage().contains("period_days"), mistyped.getMessage());
    assertThrows(ServiceMetricsException.class,
        () -> NotebookParameters.resolve(d, Map.of("period_end", "yesterday")), "not a date");
    assertThrows(ServiceMetricsException.class,
        () -> NotebookParameters.parseDefaults("SELECT 1"), "a statement in the parameters cell");
    assertThrows(ServiceMetricsException.class,
        () -> NotebookParameters.parseDefaults("a = 1\na = 2"), "declared twice");
  }

  @Test
  void eachStatementGetsOnlyTheParametersItReferences() {
    Map<String, Object> params = Map.of("a", 1, "b", 2, "c", 3);
    assertEquals(Map.of("a", 1, "c", 3),
        NotebookParameters.argsFor("SELECT :a + :c, ':b' AS literal", params), "b appears only in a string");
    assertEquals(Map.of(), NotebookParameters.argsFor("SELECT 1", params), "none");
  }

  @Test
  void literalsRoundTripForDisplay() {
    assertEquals("DATE '2026-10-01'", SqlLiteral.format(LocalDate.of(2026, 10, 1)), "date");
    assertEquals("'it\\'s'", SqlLiteral.format("it's"), "string");
    assertEquals("it's", SqlLiteral.parse(SqlLiteral.format("it's")), "string round trip");
    assertEquals(1.5e3, SqlLiteral.parse("1.5e3"), "double with exponent");
    assertEquals(2.0, SqlLiteral.parse("2D"), "double suffix");
    assertEquals(5L, SqlLiteral.parse("5L"), "long suffix");
    assertEquals(Boolean.TRUE, SqlLiteral.parse("TRUE"), "boolean");
  }
}
