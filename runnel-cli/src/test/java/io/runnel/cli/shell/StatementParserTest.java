package io.runnel.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** The line reader keeps a statement open until its own {@code ;}, by the rules the statements are lexed with. */
class StatementParserTest {
    @Test
    void aStatementIsCompleteOnlyAfterItsSemicolon() {
        assertThat(StatementParser.isComplete("SELECT 1")).isFalse();
        assertThat(StatementParser.isComplete("SELECT 1\nFROM t")).isFalse();
        assertThat(StatementParser.isComplete("SELECT 1\nFROM t;")).isTrue();
        assertThat(StatementParser.isComplete("SELECT 1;  ")).isTrue();
        assertThat(StatementParser.isComplete("SELECT 1; -- done")).isTrue();
        assertThat(StatementParser.isComplete("SELECT 1; SELECT 2")).as("the second is open").isFalse();
    }

    @Test
    void semicolonsInStringsNamesAndCommentsDoNotEndAStatement() {
        assertThat(StatementParser.isComplete("SELECT ';'")).isFalse();
        assertThat(StatementParser.isComplete("SELECT 'it''s;")).as("an open string").isFalse();
        assertThat(StatementParser.isComplete("SELECT 'it''s;\n';")).as("closed on the next line").isTrue();
        assertThat(StatementParser.isComplete("SELECT `open;")).isFalse();
        assertThat(StatementParser.isComplete("SELECT 1 -- it's;\n;")).as("a quote in a comment").isTrue();
        assertThat(StatementParser.isComplete("SELECT `a;b` FROM t")).isFalse();
        assertThat(StatementParser.isComplete("SELECT 1 -- no;\n")).isFalse();
        assertThat(StatementParser.isComplete("SELECT 1 /* no; */")).isFalse();
        assertThat(StatementParser.isComplete("SELECT 1 /* open ;")).isFalse();
        assertThat(StatementParser.isComplete("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1;")).isFalse();
        assertThat(StatementParser.isComplete("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; END;")).isTrue();
    }

    @Test
    void blankLinesAndBareShellWordsNeedNoSemicolon() {
        assertThat(StatementParser.isComplete("")).isTrue();
        assertThat(StatementParser.isComplete("  -- only a comment")).isTrue();
        assertThat(StatementParser.isComplete("quit")).isTrue();
        assertThat(StatementParser.isComplete("EXIT ")).isTrue();
        assertThat(StatementParser.statements("exit")).containsExactly("EXIT");
    }

    @Test
    void aBufferSplitsIntoItsStatements() {
        assertThat(StatementParser.statements("SET 'a' = ';';\nSELECT 1;  SHOW JOBS;"))
                .containsExactly("SET 'a' = ';'", "SELECT 1", "SHOW JOBS");
    }

    @Test
    void theReaderGetsAnEofErrorWhileTheStatementIsOpen() {
        StatementParser parser = new StatementParser();
        assertThatThrownBy(() -> parser.parse("SELECT 1", 8, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
        assertThat(parser.parse("SELECT 1;", 9, ParseContext.ACCEPT_LINE).line()).isEqualTo("SELECT 1;");
        assertThat(parser.parse("SELECT 'it''s", 13, ParseContext.COMPLETE).words()).isNotEmpty();
    }
}
