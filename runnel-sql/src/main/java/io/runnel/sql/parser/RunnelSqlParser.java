package io.runnel.sql.parser;

import io.runnel.sql.parser.SqlDropObject.ObjectKind;
import io.runnel.sql.parser.SqlShowObjects.Listing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

/**
 * Parses one statement of Flink's dialect. The leading keywords decide: Flink's DDL and client statements are read
 * here into this package's nodes; anything else (queries, INSERT, Calcite's EXPLAIN PLAN FOR) goes to Calcite.
 */
public final class RunnelSqlParser {
    private final TokenCursor in;

    private RunnelSqlParser(SourcePosition source) {
        this.in = new TokenCursor(source);
    }

    /** One statement (no trailing {@code ;}); errors give line and column within {@code sql}. */
    public static SqlNode parse(String sql) {
        return parse(SourcePosition.of(sql));
    }

    static SqlNode parse(SourcePosition source) {
        return new RunnelSqlParser(source).statement();
    }

    private SqlNode statement() {
        Token first = in.peek();
        if (first.kind() == Token.Kind.EOF) {
            throw in.unexpected("a statement");
        }
        String keyword = first.kind() == Token.Kind.WORD ? first.text().toUpperCase(Locale.ROOT) : "";
        switch (keyword) {
            case "CREATE":
                return create();
            case "DROP":
                return drop();
            case "SET":
                return set();
            case "RESET":
                in.next();
                return end(new SqlResetStatement(in.peek().kind() == Token.Kind.STRING ? in.next().text() : null));
            case "SHOW":
                return show();
            case "DESCRIBE":
            case "DESC":
                in.next();
                return end(new SqlDescribeTable(in.expectName("a table name")));
            case "EXECUTE":
                in.next();
                return in.peek().is("STATEMENT") ? statementSet() : rest();
            case "EXPLAIN":
                in.next();
                in.accept("PLAN", "FOR");
                return new SqlExplainStatement(rest());
            default:
                return CalciteParsing.parseStatement(in.source());
        }
    }

    /** The rest of the statement from the current token, parsed as a statement of its own. */
    private SqlNode rest() {
        int start = in.peek().start();
        return parse(in.source().at(start, in.source().text().length()));
    }

    private SqlNode create() {
        in.next();
        boolean temporary = in.accept("TEMPORARY");
        boolean system = temporary && in.accept("SYSTEM");
        if (in.accept("TABLE")) {
            return new CreateTableParser(in).parse(temporary);
        }
        if (in.accept("VIEW")) {
            return createView(temporary);
        }
        if (in.accept("FUNCTION")) {
            boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
            String name = in.expectName("a function name");
            in.expectWord("AS");
            String className = in.expectString("the function's class name in quotes");
            String language = in.accept("LANGUAGE") ? in.expectWord("a language").toUpperCase(Locale.ROOT) : "JAVA";
            return end(new SqlCreateFunction(name, className, language, temporary, system, ifNotExists));
        }
        throw in.unexpected("TABLE, VIEW or FUNCTION");
    }

    private SqlNode createView(boolean temporary) {
        boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
        String name = in.expectName("a view name");
        List<String> columns = new ArrayList<>();
        if (in.acceptSymbol("(")) {
            do {
                columns.add(in.expectIdentifier("a column name"));
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
        }
        String comment = in.accept("COMMENT") ? in.expectString("a comment") : null;
        in.expectWord("AS");
        int start = in.peek().start();
        SqlNode query = CalciteParsing.parseQuery(in.source().at(start, in.source().text().length()));
        return new SqlCreateView(name, columns, query, temporary, ifNotExists, comment);
    }

    private SqlNode drop() {
        in.next();
        boolean temporary = in.accept("TEMPORARY");
        in.accept("SYSTEM");
        ObjectKind kind;
        if (in.accept("TABLE")) {
            kind = ObjectKind.TABLE;
        } else if (in.accept("VIEW")) {
            kind = ObjectKind.VIEW;
        } else if (in.accept("FUNCTION")) {
            kind = ObjectKind.FUNCTION;
        } else {
            throw in.unexpected("TABLE, VIEW or FUNCTION");
        }
        boolean ifExists = in.accept("IF", "EXISTS");
        return end(new SqlDropObject(kind, in.expectName("a name"), ifExists, temporary));
    }

    private SqlNode set() {
        in.next();
        if (in.peek().kind() == Token.Kind.EOF) {
            return new SqlSetStatement(null, null);
        }
        String key = in.expectString("a key in quotes");
        in.expectSymbol("=");
        return end(new SqlSetStatement(key, in.expectString("a value in quotes")));
    }

    private SqlNode show() {
        in.next();
        for (Listing listing : Listing.values()) {
            if (in.accept(listing.name())) {
                return end(new SqlShowObjects(listing));
            }
        }
        throw in.unexpected("TABLES, VIEWS or FUNCTIONS");
    }

    /** After {@code EXECUTE}: {@code STATEMENT SET BEGIN insert; ...; END}. */
    private SqlNode statementSet() {
        in.expectWord("STATEMENT", "SET", "BEGIN");
        int bodyStart = in.peek().start();
        String text = in.source().text();
        int endWord = text.length();
        Token last = in.peek();
        while (in.peek().kind() != Token.Kind.EOF) {
            last = in.next();
        }
        if (!last.is("END")) {
            throw in.error(last, "a statement set ends with END");
        }
        endWord = last.start();
        List<SqlInsert> inserts = new ArrayList<>();
        for (ScriptStatement s : SqlScript.split(in.source().at(bodyStart, endWord))) {
            inserts.add(asInsert(s));
        }
        return new SqlStatementSet(inserts);
    }

    static SqlInsert asInsert(ScriptStatement s) {
        SqlNode node = s.parse();
        if (!(node instanceof SqlInsert insert)) {
            throw new SqlParseError(s.line(), s.column(), "a statement set holds only INSERT statements");
        }
        return insert;
    }

    private SqlNode end(SqlNode node) {
        in.expectEnd();
        return node;
    }
}
