package io.runnel.sql.parser;

import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlKind;

/** {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name [(columns, watermark, key)] [COMMENT ..] [WITH (..)]}. */
public final class SqlCreateTable extends RunnelSqlStatement {
    private final TableDef table;
    private final boolean ifNotExists;

    public SqlCreateTable(TableDef table, boolean ifNotExists) {
        super("CREATE TABLE", SqlKind.CREATE_TABLE);
        this.table = table;
        this.ifNotExists = ifNotExists;
    }

    public TableDef toTableDef() {
        return table;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("CREATE ");
        if (table.temporary()) {
            sb.append("TEMPORARY ");
        }
        sb.append("TABLE ");
        if (ifNotExists) {
            sb.append("IF NOT EXISTS ");
        }
        sb.append(CalciteParsing.quoteName(table.name()));
        List<String> elements = new ArrayList<>();
        table.columns().forEach(c -> elements.add(column(c)));
        if (table.watermark() != null) {
            elements.add("WATERMARK FOR " + CalciteParsing.quote(table.watermark().rowtimeColumn()) + " AS "
                    + CalciteParsing.unparse(table.watermark().expression(), CalciteParsing.DIALECT));
        }
        if (!table.primaryKey().isEmpty()) {
            elements.add("PRIMARY KEY (" + String.join(", ", table.primaryKey().stream()
                    .map(CalciteParsing::quote).toList()) + ") NOT ENFORCED");
        }
        if (!elements.isEmpty()) {
            sb.append(" (\n  ").append(String.join(",\n  ", elements)).append("\n)");
        }
        if (table.comment() != null) {
            sb.append(" COMMENT ").append(CalciteParsing.literal(table.comment()));
        }
        if (!table.options().isEmpty()) {
            sb.append(" WITH (").append(options(table.options())).append(")");
        }
        return sb.toString();
    }

    static String options(Map<String, String> options) {
        List<String> pairs = new ArrayList<>();
        options.forEach((k, v) -> pairs.add(CalciteParsing.literal(k) + " = " + CalciteParsing.literal(v)));
        return String.join(", ", pairs);
    }

    private static String column(ColumnDef c) {
        StringBuilder sb = new StringBuilder(CalciteParsing.quote(c.name()));
        if (c.isComputed()) {
            sb.append(" AS ").append(CalciteParsing.unparse(c.expression(), CalciteParsing.DIALECT));
        } else {
            sb.append(' ').append(TypeText.of(c.type()));
            if (c.isMetadata()) {
                sb.append(" METADATA");
                if (!c.metadataKey().equals(c.name())) {
                    sb.append(" FROM ").append(CalciteParsing.literal(c.metadataKey()));
                }
                if (c.virtual()) {
                    sb.append(" VIRTUAL");
                }
            }
        }
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(CalciteParsing.literal(c.comment()));
        }
        return sb.toString();
    }
}
