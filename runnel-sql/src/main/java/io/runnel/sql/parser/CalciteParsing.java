package io.runnel.sql.parser;

import io.runnel.sql.parser.impl.ParseException;
import io.runnel.sql.parser.impl.RunnelSqlParserImpl;
import io.runnel.sql.parser.impl.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/** The generated parser with Flink's lexical rules, and its errors moved to the script's line and column. */
public final class CalciteParsing {
    /** Lex.JAVA: back-tick quoting, identifiers kept as written and matched case-sensitively. */
    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withLex(Lex.JAVA)
            .withConformance(SqlConformanceEnum.LENIENT)
            .withIdentifierMaxLength(256)
            .withParserFactory(RunnelSqlParserImpl.FACTORY);

    /** Unparses with back-ticks and no case changes, so what it writes parses again to the same names. */
    public static final SqlDialect DIALECT = new SqlDialect(SqlDialect.EMPTY_CONTEXT
            .withIdentifierQuoteString("`")
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true));

    private static final int MAX_EXPECTED = 12;

    private CalciteParsing() {}

    static SqlNode parseStatement(SourcePosition source) {
        try {
            return SqlParser.create(source.text(), CONFIG).parseStmt();
        } catch (SqlParseException e) {
            throw relocate(source, e);
        }
    }

    static String unparse(SqlNode node, SqlDialect dialect) {
        return node.toSqlString(c -> c.withDialect(dialect).withQuoteAllIdentifiers(true)).getSql();
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** Quotes each part of a dotted name ({@code cat.db.t}). */
    static String quoteName(String name) {
        return String.join(".", java.util.Arrays.stream(name.split("\\.")).map(CalciteParsing::quote).toList());
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static SqlParseError relocate(SourcePosition source, SqlParseException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SqlParseError own) { // a check of a production, positioned in this text
                return source.errorAt(own.line(), own.column(), own.reason());
            }
        }
        if (e.getCause() instanceof ParseException syntax && syntax.currentToken != null
                && syntax.currentToken.next != null) {
            // Name the token that does not fit (Calcite names the one before it when that is a reserved word).
            Token at = syntax.currentToken.next;
            String found = at.kind == 0 ? "the end of the statement" : "\"" + at.image + "\"";
            return source.errorAt(at.beginLine, at.beginColumn,
                    "Encountered " + found + expected(e.getExpectedTokenNames()));
        }
        SqlParserPos pos = e.getPos();
        // Calcite's first line repeats its own (statement-relative) position; ours replaces it.
        String message = firstLine(e.getMessage()).replaceFirst(" at line \\d+, column \\d+\\.?", "")
                + expected(e.getExpectedTokenNames());
        if (pos == null || pos.getLineNum() <= 0) {
            return source.errorAt(1, 1, message);
        }
        return source.errorAt(pos.getLineNum(), pos.getColumnNum(), message);
    }

    /** What the parser would have taken instead, the first few of them. */
    private static String expected(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return "";
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        int shown = Math.min(sorted.size(), MAX_EXPECTED);
        String list = String.join(", ", sorted.subList(0, shown)) + (shown < sorted.size() ? ", ..." : "");
        return (sorted.size() == 1 ? "; expected " : "; expected one of ") + list;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }
}
