package io.runnel.sql.parser;

import static io.runnel.sql.parser.impl.RunnelSqlParserImplConstants.BEGIN;
import static io.runnel.sql.parser.impl.RunnelSqlParserImplConstants.CASE;
import static io.runnel.sql.parser.impl.RunnelSqlParserImplConstants.END;
import static io.runnel.sql.parser.impl.RunnelSqlParserImplConstants.EXECUTE;
import static io.runnel.sql.parser.impl.RunnelSqlParserImplConstants.SEMICOLON;
import static io.runnel.sql.parser.impl.RunnelSqlParserImplConstants.SET;
import static io.runnel.sql.parser.impl.RunnelSqlParserImplConstants.STATEMENT;

import io.runnel.sql.parser.ScriptTokens.Tok;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

/**
 * A SQL script: statements separated by {@code ;} (one inside a string, a quoted identifier or a comment does not
 * count: the generated parser's lexer reads the script), each parsed with its position. {@code EXECUTE STATEMENT SET
 * BEGIN ...; END} is one statement, and the SQL client's {@code BEGIN STATEMENT SET;} ... {@code END;} becomes the
 * same statement set.
 */
public final class SqlScript {
    private SqlScript() {}

    /** Splits and parses every statement; the first that does not parse throws a {@link SqlParseError}. */
    public static List<ParsedStatement> parse(String text) {
        List<ScriptStatement> statements = split(SourcePosition.of(text));
        List<ParsedStatement> parsed = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            ScriptStatement s = statements.get(i);
            if (!isExactly(s, BEGIN, STATEMENT, SET)) {
                parsed.add(new ParsedStatement(s.parse(), s.text(), s.line()));
                continue;
            }
            List<SqlInsert> inserts = new ArrayList<>();
            int j = i + 1;
            for (; j < statements.size() && !isExactly(statements.get(j), END); j++) {
                inserts.add(asInsert(statements.get(j)));
            }
            if (j == statements.size()) {
                throw new SqlParseError(s.line(), s.column(), "BEGIN STATEMENT SET has no END");
            }
            parsed.add(new ParsedStatement(new SqlStatementSet(inserts), s.text(), s.line()));
            i = j;
        }
        return parsed;
    }

    /** The statements' text, unparsed. */
    public static List<ScriptStatement> split(String text) {
        return split(SourcePosition.of(text));
    }

    static List<ScriptStatement> split(SourcePosition source) {
        List<Tok> tokens = ScriptTokens.of(source.text());
        List<ScriptStatement> out = new ArrayList<>();
        int first = 0; // index of the current statement's first token
        int start = 0; // offset just after the previous ';'
        int caseDepth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Tok t = tokens.get(i);
            if (t.is(CASE)) {
                caseDepth++;
            } else if (t.is(END) && caseDepth > 0) {
                caseDepth--;
            } else if (t.is(SEMICOLON) && !insideStatementSet(tokens, first, i, caseDepth)) {
                add(out, source, tokens, first, i, start, t.start());
                first = i + 1;
                start = t.end();
            }
        }
        add(out, source, tokens, first, tokens.size(), start, source.text().length());
        return out;
    }

    /** Inside {@code EXECUTE STATEMENT SET BEGIN ...} before its {@code END}: a {@code ;} there is the set's. */
    private static boolean insideStatementSet(List<Tok> tokens, int first, int semicolon, int caseDepth) {
        boolean set = semicolon - first > 4 && tokens.get(first).is(EXECUTE) && tokens.get(first + 1).is(STATEMENT)
                && tokens.get(first + 2).is(SET) && tokens.get(first + 3).is(BEGIN);
        return set && (caseDepth > 0 || !tokens.get(semicolon - 1).is(END));
    }

    private static void add(List<ScriptStatement> out, SourcePosition source, List<Tok> tokens, int first, int last,
                            int start, int end) {
        if (first >= last) {
            return; // blank or comments only
        }
        SourcePosition piece = source.at(start, end);
        int[] lc = source.lineColumn(tokens.get(first).start());
        out.add(new ScriptStatement(piece.text().strip(), lc[0], lc[1], piece));
    }

    /** Whether the statement is exactly these tokens (as in {@code BEGIN STATEMENT SET} or {@code END}). */
    private static boolean isExactly(ScriptStatement s, int... kinds) {
        List<Tok> t = ScriptTokens.of(s.source().text());
        if (t.size() != kinds.length) {
            return false;
        }
        for (int i = 0; i < kinds.length; i++) {
            if (!t.get(i).is(kinds[i])) {
                return false;
            }
        }
        return true;
    }

    private static SqlInsert asInsert(ScriptStatement s) {
        SqlNode node = s.parse();
        if (!(node instanceof SqlInsert insert)) {
            throw new SqlParseError(s.line(), s.column(), "a statement set holds only INSERT statements");
        }
        return insert;
    }
}
