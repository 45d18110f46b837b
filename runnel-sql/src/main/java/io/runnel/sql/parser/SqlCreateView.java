package io.runnel.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code CREATE [TEMPORARY] [MATERIALIZED] VIEW [IF NOT EXISTS] name [(columns)] [COMMENT ..] AS query}. A materialized
 * view's result is kept up to date by a job and served to ad-hoc queries; a plain view is only a named query.
 */
public final class SqlCreateView extends RunnelSqlStatement {
    private final String name;
    private final List<String> columnNames;
    private final SqlNode query;
    private final boolean temporary;
    private final boolean ifNotExists;
    private final String comment;
    private final boolean materialized;

    public SqlCreateView(String name, List<String> columnNames, SqlNode query, boolean temporary, boolean ifNotExists,
                         String comment, boolean materialized) {
        super(materialized ? "CREATE MATERIALIZED VIEW" : "CREATE VIEW", materialized ? SqlKind.CREATE_MATERIALIZED_VIEW : SqlKind.CREATE_VIEW);
        this.materialized = materialized;
        this.name = name;
        this.columnNames = List.copyOf(columnNames);
        this.query = query;
        this.temporary = temporary;
        this.ifNotExists = ifNotExists;
        this.comment = comment;
    }

    public String name() {
        return name;
    }

    /** The names the view gives its columns; empty when it keeps the query's. */
    public List<String> columnNames() {
        return columnNames;
    }

    public SqlNode query() {
        return query;
    }

    public boolean temporary() {
        return temporary;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    public String comment() {
        return comment;
    }

    public boolean materialized() {
        return materialized;
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("CREATE ").append(temporary ? "TEMPORARY " : "").append(materialized ? "MATERIALIZED " : "").append("VIEW ")
                .append(ifNotExists ? "IF NOT EXISTS " : "").append(CalciteParsing.quoteName(name));
        if (!columnNames.isEmpty()) {
            sb.append(" (").append(String.join(", ", columnNames.stream().map(CalciteParsing::quote).toList()))
                    .append(')');
        }
        if (comment != null) {
            sb.append(" COMMENT ").append(CalciteParsing.literal(comment));
        }
        return sb.append(" AS\n").append(CalciteParsing.unparse(query, CalciteParsing.DIALECT)).toString();
    }
}
