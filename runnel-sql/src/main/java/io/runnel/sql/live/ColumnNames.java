package io.runnel.sql.live;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Names for result columns the query left unnamed, as PostgreSQL gives them: a function call is named after the
 * function ({@code count}, {@code sum}), anything else {@code ?column?}; Calcite would say {@code EXPR$0}.
 */
final class ColumnNames {
    private static final SqlParser.Config PARSER = SqlParser.config().withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED).withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(false);

    private ColumnNames() {}

    /** The PostgreSQL name of column {@code i} of {@code sql}'s result, or {@code calcite} when it has one. */
    static String of(String sql, int i, String calcite) {
        if (!calcite.matches("EXPR\\$\\d+")) {
            return calcite;
        }
        try {
            SqlNode q = SqlParser.create(sql, PARSER).parseQuery();
            if (q instanceof SqlOrderBy o) {
                q = o.query;
            }
            if (q instanceof SqlSelect s && i < s.getSelectList().size()) {
                SqlNode item = s.getSelectList().get(i);
                if (item instanceof SqlCall call && call.getOperator() instanceof org.apache.calcite.sql.SqlFunction) {
                    List<String> names = call.getOperator().getNameAsId().names;
                    return names.get(names.size() - 1).toLowerCase(Locale.ROOT);
                }
                if (item instanceof SqlIdentifier id) {
                    return id.names.get(id.names.size() - 1);
                }
            }
        } catch (Exception e) {
            // a text Calcite's parser does not take as a query: keep its name
        }
        return "?column?";
    }
}
