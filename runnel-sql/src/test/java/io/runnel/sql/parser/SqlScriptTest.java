package io.runnel.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlScriptTest {
    @Test
    void splitsAtSemicolonsOutsideStringsNamesAndComments() {
        List<ScriptStatement> s = SqlScript.split("""
                -- a comment; not a statement
                SET 'a;b' = 'c';
                /* ; */ SELECT `x;y` FROM t;

                SHOW TABLES
                """);
        assertThat(s).extracting(ScriptStatement::text).containsExactly(
                "-- a comment; not a statement\nSET 'a;b' = 'c'", "/* ; */ SELECT `x;y` FROM t", "SHOW TABLES");
        assertThat(s).extracting(ScriptStatement::line).containsExactly(2, 3, 5);
        assertThat(s.get(1).column()).isEqualTo(9);
    }

    @Test
    void bothFormsOfStatementSet() {
        List<ParsedStatement> p = SqlScript.parse("""
                SET 'k' = 'v';
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO a SELECT x FROM t;
                  INSERT INTO b SELECT CASE WHEN x > 0 THEN x END FROM t;
                END;
                BEGIN STATEMENT SET;
                INSERT INTO a SELECT x FROM t;
                INSERT INTO b SELECT x FROM t;
                INSERT INTO c SELECT x FROM t;
                END;
                SELECT 1
                """);
        assertThat(p).extracting(ParsedStatement::line).containsExactly(1, 2, 6, 11);
        assertThat(((SqlStatementSet) p.get(1).node()).inserts()).hasSize(2);
        assertThat(((SqlStatementSet) p.get(2).node()).inserts()).hasSize(3)
                .allSatisfy(i -> assertThat(i).isInstanceOf(SqlInsert.class));
        assertThat(p.get(3).node()).isInstanceOf(SqlSelect.class);
    }

    @Test
    void errorsGiveTheScriptsLineAndColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> SqlScript.parse("SHOW TABLES;\n\nCREATE VIEW v AS SELECT a FORM t"))
                .isInstanceOf(SqlParseError.class)
                .hasMessageStartingWith("line 3, column 32: Encountered \"t\"")
                .hasMessageContaining("expected one of");
        assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\n  CREATE TABLE t (a INT) WITH ('k' = 'v'"))
                .isInstanceOf(SqlParseError.class)
                .satisfies(e -> assertThat(((SqlParseError) e).line()).isEqualTo(2))
                .hasMessageContaining("expected");
        assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\nSHOW TABLE"))
                .hasMessageStartingWith("line 2, column 1: ") // no statement starts SHOW TABLE
                .hasMessageContaining("expected one of \"FUNCTIONS\", \"TABLES\", \"VIEWS\"");
        assertThatThrownBy(() -> SqlScript.parse("SET 'a' = 'b';\n\n  SELECT * FORM t"))
                .hasMessageStartingWith("line 3, column 17: Encountered \"t\"") // FORM reads as the alias of *
                .hasMessageContaining("\"FROM\"");
        assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\nSELECT a FROM t GROUP a"))
                .hasMessage("line 2, column 23: Encountered \"a\"; expected \"BY\"");
        assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\nBEGIN STATEMENT SET;\nSELECT 2;"))
                .hasMessage("line 3, column 1: a statement set holds only INSERT statements");
        assertThatThrownBy(() -> SqlScript.parse("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;"))
                .hasMessage("line 1, column 1: BEGIN STATEMENT SET has no END");
    }

    @Test
    void anUnterminatedStringIsReportedWhereItStarts() {
        assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\nSELECT 'abc"))
                .isInstanceOf(SqlParseError.class)
                .satisfies(e -> assertThat(((SqlParseError) e).line()).isEqualTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "q9", "q11", "q18", "q18_tiebreak"})
    void everyAnchorQueryParses(String name) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("anchor/" + name + ".sql")) {
            assertThat(in).as(name).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<ParsedStatement> statements = SqlScript.parse(text);
        assertThat(statements).isNotEmpty();
        for (ParsedStatement s : statements) {
            assertThat(RunnelSqlParser.parse(s.node().toString()).toString()).isEqualTo(s.node().toString());
        }
    }
}
