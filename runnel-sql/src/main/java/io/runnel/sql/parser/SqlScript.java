package io.runnel.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlInsert;

/**
 * A SQL script: statements separated by {@code ;} (one inside a string, a quoted identifier or a comment does not
 * count), each parsed with its position. {@code EXECUTE STATEMENT SET BEGIN ...; END} is one statement, and the SQL
 * client's {@code BEGIN STATEMENT SET;} ... {@code END;} becomes the same statement set.
 */
public final class SqlScript {
    private SqlScript() {}

    /** Splits and parses every statement; the first that does not parse throws a {@link SqlParseError}. */
    public static List<ParsedStatement> parse(String text) {
        List<ScriptStatement> statements = split(SourcePosition.of(text));
        List<ParsedStatement> parsed = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            ScriptStatement s = statements.get(i);
            if (!startsStatementSet(s)) {
                parsed.add(new ParsedStatement(s.parse(), s.text(), s.line()));
                continue;
            }
            List<SqlInsert> inserts = new ArrayList<>();
            int j = i + 1;
            for (; j < statements.size() && !isWord(statements.get(j), "END"); j++) {
                inserts.add(RunnelSqlParser.asInsert(statements.get(j)));
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
        String text = source.text();
        List<ScriptStatement> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = skipQuoted(text, i, c);
            } else if (text.startsWith("--", i)) {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? text.length() : eol + 1;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? text.length() : close + 2;
            } else if (c == ';') {
                if (!insideStatementSet(source.at(start, i))) {
                    add(out, source.at(start, i));
                    start = i + 1;
                }
                i++;
            } else {
                i++;
            }
        }
        add(out, source.at(start, text.length()));
        return out;
    }

    private static int skipQuoted(String text, int i, char quote) {
        int j = i + 1;
        while (j < text.length()) {
            if (text.charAt(j) == quote) {
                if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return text.length(); // unterminated: the lexer reports it with its position
    }

    private static void add(List<ScriptStatement> out, SourcePosition piece) {
        List<Token> tokens = SqlLexer.tokenize(piece.text(), piece);
        if (tokens.get(0).kind() == Token.Kind.EOF) {
            return; // blank or comments only
        }
        int[] lc = piece.lineColumn(tokens.get(0).start());
        out.add(new ScriptStatement(piece.text().strip(), lc[0], lc[1], piece));
    }

    /** Inside {@code EXECUTE STATEMENT SET BEGIN ...} before its {@code END}: a {@code ;} there is the set's. */
    private static boolean insideStatementSet(SourcePosition piece) {
        List<Token> t = SqlLexer.tokenize(piece.text(), piece);
        return t.size() > 4 && t.get(0).is("EXECUTE") && t.get(1).is("STATEMENT") && t.get(2).is("SET")
                && t.get(3).is("BEGIN") && !t.get(t.size() - 2).is("END");
    }

    private static boolean startsStatementSet(ScriptStatement s) {
        List<Token> t = SqlLexer.tokenize(s.source().text(), s.source());
        return t.size() == 4 && t.get(0).is("BEGIN") && t.get(1).is("STATEMENT") && t.get(2).is("SET");
    }

    private static boolean isWord(ScriptStatement s, String word) {
        List<Token> t = SqlLexer.tokenize(s.source().text(), s.source());
        return t.size() == 2 && t.get(0).is(word);
    }
}
