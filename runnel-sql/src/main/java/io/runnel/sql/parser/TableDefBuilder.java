package io.runnel.sql.parser;

import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.catalog.WatermarkDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * What the generated parser's CREATE TABLE production collects, element by element, and the checks a grammar cannot
 * make (a column declared twice, a second watermark or key, an option given twice). Errors carry the position in the
 * parsed text; {@link RunnelSqlParser} moves them to the script's.
 */
public final class TableDefBuilder {
    /** Set by the grammar: the table's COMMENT, and the COMMENT of the column being read. */
    public String comment;
    public String columnComment;

    private final List<ColumnDef> columns = new ArrayList<>();
    private final List<String> primaryKey = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private WatermarkDef watermark;
    private String columnName;
    private SqlDataTypeSpec type;
    private SqlNode expression;
    private String metadataKey;
    private boolean virtual;

    public void startColumn(SqlParserPos pos, String name) {
        if (columns.stream().anyMatch(c -> c.name().equals(name))) {
            throw error(pos, "column " + name + " is declared twice");
        }
        columnName = name;
        type = null;
        expression = null;
        metadataKey = null;
        virtual = false;
        columnComment = null;
    }

    public void computed(SqlNode expression) {
        this.expression = expression;
    }

    public void typed(SqlDataTypeSpec type, String metadataKey, boolean virtual) {
        this.type = type;
        this.metadataKey = metadataKey;
        this.virtual = virtual;
    }

    public void endColumn() {
        columns.add(new ColumnDef(columnName, type, expression, metadataKey, virtual, columnComment));
    }

    public void watermark(SqlParserPos pos, String rowtimeColumn, SqlNode expression) {
        if (watermark != null) {
            throw error(pos, "a table has at most one WATERMARK");
        }
        watermark = new WatermarkDef(rowtimeColumn, expression);
    }

    public void primaryKey(SqlParserPos pos, List<String> key) {
        if (!primaryKey.isEmpty()) {
            throw error(pos, "a table has at most one PRIMARY KEY");
        }
        primaryKey.addAll(key);
    }

    public void option(SqlParserPos pos, String key, String value) {
        if (options.put(key, value) != null) {
            throw error(pos, "option '" + key + "' is given twice");
        }
    }

    public SqlCreateTable build(String name, boolean temporary, boolean ifNotExists) {
        TableDef table = new TableDef(name, List.copyOf(columns), watermark, List.copyOf(primaryKey),
                Collections.unmodifiableMap(new LinkedHashMap<>(options)), temporary, comment);
        return new SqlCreateTable(table, ifNotExists);
    }

    private static SqlParseError error(SqlParserPos pos, String message) {
        return new SqlParseError(pos.getLineNum(), pos.getColumnNum(), message);
    }
}
