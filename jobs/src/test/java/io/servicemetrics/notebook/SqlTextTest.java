package io.servicemetrics.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlTextTest {
  @Test
  void splitsStatementsAtSemicolonsThatEndALine() {
    String cell = """
        -- set up
        CREATE OR REPLACE TEMP VIEW v AS SELECT 'a;b' AS s;
        SELECT s,
               1 AS n -- a comment; not an end
        FROM v;   -- trailing comment
        -- only a comment;
        SELECT 2""";
    assertEquals(List.of(
            "-- set up\nCREATE OR REPLACE TEMP VIEW v AS SELECT 'a;b' AS s",
            "SELECT s,\n       1 AS n -- a comment; not an end\nFROM v",
            "-- only a comment;\nSELECT 2"),
        SqlText.statements(cell), "a ; inside a comment ends nothing");
    assertEquals(List.of("SELECT 1"), SqlText.statements("SELECT 1;\n-- trailing note\n"), "comment-only tail dropped");
    assertEquals(List.of(), SqlText.statements("-- nothing here\n\n/* nor here */"), "comments only");
  }

  @Test
  void findsNamedMarkersOutsideStringsCommentsAndCasts() {
    String sql = "SELECT :a, ':b', `:c`, x::int, \"\\\":d\" -- :e\n/* :f */ FROM t WHERE y = :g AND z > :a";
    assertEquals(Set.of("a", "g"), SqlText.parameterMarkers(sql), "only real markers");
  }

  @Test
  void stripsOnlySqlMagics() {
    assertEquals("SELECT 1", SqlText.stripSqlMagic("\n%%sql --some-option\nSELECT 1"), "%%sql line removed");
    assertEquals("SELECT 1", SqlText.stripSqlMagic("%sql\nSELECT 1"), "%sql line removed");
    assertEquals("SELECT 1", SqlText.stripSqlMagic("SELECT 1"), "no magic");
    assertEquals("%python", SqlText.leadingMagic("  %python\nprint(1)"), "other magic detected");
  }
}
