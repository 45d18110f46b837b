package io.runnel.sql.parser;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/** Calcite's stock parser with Flink's lexical rules, and errors moved to the script's line and column. */
public final class CalciteParsing {
    /** Lex.JAVA: back-tick quoting, identifiers kept as written and matched case-sensitively. */
    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withLex(Lex.JAVA)
            .withConformance(SqlConformanceEnum.LENIENT)
            .withIdentifierMaxLength(256);

    /** Unparses with back-ticks and no case changes, so what it writes parses again to the same names. */
    public static final SqlDialect DIALECT = new SqlDialect(SqlDialect.EMPTY_CONTEXT
            .withIdentifierQuoteString("`")
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true));

    private CalciteParsing() {}

    static SqlNode parseStatement(SourcePosition source) {
        try {
            return SqlParser.create(source.text(), CONFIG).parseStmt();
        } catch (SqlParseException e) {
            throw relocate(source, e);
        }
    }

    static SqlNode parseQuery(SourcePosition source) {
        try {
            return SqlParser.create(source.text(), CONFIG).parseQuery();
        } catch (SqlParseException e) {
            throw relocate(source, e);
        }
    }

    static SqlNode parseExpression(SourcePosition source) {
        try {
            return SqlParser.create(source.text(), CONFIG).parseExpression();
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
        SqlParserPos pos = e.getPos();
        String message = firstLine(e.getMessage());
        if (pos == null || pos.getLineNum() <= 0) {
            return source.errorAt(1, 1, message);
        }
        // Calcite's message repeats its own (statement-relative) position; ours replaces it.
        message = message.replaceFirst(" at line \\d+, column \\d+", "");
        return source.errorAt(pos.getLineNum(), pos.getColumnNum(), message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }
}
