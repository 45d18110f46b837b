package io.runnel.sql.parser;

import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.catalog.WatermarkDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;

/** The body of {@code CREATE TABLE}, after {@code TABLE}: name, column list, comment and {@code WITH} options. */
final class CreateTableParser {
    private final TokenCursor in;
    private final List<ColumnDef> columns = new ArrayList<>();
    private final List<String> primaryKey = new ArrayList<>();
    private WatermarkDef watermark;

    CreateTableParser(TokenCursor in) {
        this.in = in;
    }

    SqlCreateTable parse(boolean temporary) {
        boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
        String name = in.expectName("a table name");
        if (in.acceptSymbol("(")) {
            do {
                element();
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
        }
        String comment = in.accept("COMMENT") ? in.expectString("a comment") : null;
        Map<String, String> options = in.peek().is("WITH") ? options(in) : new LinkedHashMap<>();
        in.expectEnd();
        TableDef table = new TableDef(name, List.copyOf(columns), watermark, List.copyOf(primaryKey),
                java.util.Collections.unmodifiableMap(options), temporary, comment);
        return new SqlCreateTable(table, ifNotExists);
    }

    /** {@code WITH ('k' = 'v', ...)}, in the order written; a key given twice is an error. */
    static Map<String, String> options(TokenCursor in) {
        in.expectWord("WITH");
        in.expectSymbol("(");
        Map<String, String> options = new LinkedHashMap<>();
        if (in.acceptSymbol(")")) {
            return options;
        }
        do {
            Token keyToken = in.peek();
            String key = in.expectString("an option key in quotes");
            in.expectSymbol("=");
            String value = in.expectString("an option value in quotes");
            if (options.put(key, value) != null) {
                throw in.error(keyToken, "option '" + key + "' is given twice");
            }
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
        return options;
    }

    private void element() {
        Token start = in.peek();
        if (start.is("WATERMARK")) {
            watermark();
        } else if (start.is("PRIMARY") || start.is("CONSTRAINT")) {
            if (in.accept("CONSTRAINT")) {
                in.expectIdentifier("a constraint name");
            }
            in.expectWord("PRIMARY", "KEY");
            in.expectSymbol("(");
            List<String> key = new ArrayList<>();
            do {
                key.add(in.expectIdentifier("a column name"));
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
            notEnforced();
            setPrimaryKey(start, key);
        } else {
            column();
        }
    }

    private void watermark() {
        Token start = in.next();
        if (watermark != null) {
            throw in.error(start, "a table has at most one WATERMARK");
        }
        in.expectWord("FOR");
        String rowtime = in.expectName("the event-time column");
        in.expectWord("AS");
        watermark = new WatermarkDef(rowtime, expression());
    }

    private void column() {
        Token nameToken = in.peek();
        String name = in.expectIdentifier("a column name, WATERMARK or PRIMARY KEY");
        if (columns.stream().anyMatch(c -> c.name().equals(name))) {
            throw in.error(nameToken, "column " + name + " is declared twice");
        }
        if (in.accept("AS")) {
            SqlNode expression = expression();
            columns.add(new ColumnDef(name, null, expression, null, false, comment()));
            return;
        }
        SqlDataTypeSpec type = new TypeParser(in).type();
        if (in.peek().is("PRIMARY")) {
            Token key = in.peek();
            in.expectWord("PRIMARY", "KEY");
            notEnforced();
            setPrimaryKey(key, List.of(name));
        }
        String metadataKey = null;
        boolean virtual = false;
        if (in.accept("METADATA")) {
            metadataKey = in.accept("FROM") ? in.expectString("a metadata key in quotes") : name;
            virtual = in.accept("VIRTUAL");
        }
        columns.add(new ColumnDef(name, type, null, metadataKey, virtual, comment()));
    }

    private String comment() {
        return in.accept("COMMENT") ? in.expectString("a comment") : null;
    }

    private void notEnforced() {
        if (!in.accept("NOT", "ENFORCED")) {
            throw in.unexpected("NOT ENFORCED (a primary key is never enforced)");
        }
    }

    private void setPrimaryKey(Token at, List<String> key) {
        if (!primaryKey.isEmpty()) {
            throw in.error(at, "a table has at most one PRIMARY KEY");
        }
        primaryKey.addAll(key);
    }

    /** An expression up to the next top-level {@code ,}, {@code )} or {@code COMMENT '..'}, parsed by Calcite. */
    private SqlNode expression() {
        int start = in.peek().start();
        int end = in.skipExpression();
        if (end == start) {
            throw in.unexpected("an expression");
        }
        return CalciteParsing.parseExpression(in.source().at(start, end));
    }
}
