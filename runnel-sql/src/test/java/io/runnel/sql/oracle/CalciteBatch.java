package io.runnel.sql.oracle;

import io.runnel.sql.data.Row;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A query run by Calcite's Enumerable executor over finite tables of rows in Calcite's internal representation (the
 * same the streaming rows hold), its result read back in that representation: TIMESTAMP as epoch milliseconds, DATE
 * as days.
 */
public final class CalciteBatch {
    private CalciteBatch() {}

    /** A finite table: its row type (as the planner gives it) and rows. */
    public record Table(RelDataType rowType, List<Object[]> rows) {}

    /** The rows of {@code query} over {@code tables} (Flink's lexical rules: back-quotes, case kept). */
    public static List<Row> run(Map<String, Table> tables, String query) throws Exception {
        return run(tables, query, root -> { });
    }

    /** As {@link #run(Map, String)}, with more for the schema (views over the tables). */
    public static List<Row> run(Map<String, Table> tables, String query, java.util.function.Consumer<SchemaPlus> more) throws Exception {
        Properties p = new Properties();
        p.setProperty("lex", "JAVA");
        try (Connection c = DriverManager.getConnection("jdbc:calcite:", p)) {
            SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
            tables.forEach((name, t) -> root.add(name, new RowsTable(t.rowType(), t.rows())));
            more.accept(root);
            try (ResultSet rs = c.createStatement().executeQuery(query)) {
                return read(rs);
            }
        }
    }

    private static List<Row> read(ResultSet rs) throws Exception {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        int n = rs.getMetaData().getColumnCount();
        List<Row> out = new ArrayList<>();
        while (rs.next()) {
            Object[] f = new Object[n];
            for (int i = 0; i < n; i++) {
                int type = rs.getMetaData().getColumnType(i + 1);
                if (type == Types.TIMESTAMP) {
                    var ts = rs.getTimestamp(i + 1, utc);
                    f[i] = ts == null ? null : ts.getTime();
                } else if (type == Types.DATE) {
                    var d = rs.getDate(i + 1, utc);
                    f[i] = d == null ? null : (int) Math.floorDiv(d.getTime(), 86_400_000L); // days, as rows hold dates
                } else {
                    f[i] = rs.getObject(i + 1);
                }
            }
            out.add(Row.insert(f));
        }
        return out;
    }

    /** Rows for Calcite's executor, copied per scan (the executor may keep them). */
    private static final class RowsTable extends AbstractTable implements ScannableTable {
        private final RelDataType rowType;
        private final List<Object[]> rows;

        RowsTable(RelDataType rowType, List<Object[]> rows) {
            this.rowType = rowType;
            this.rows = rows;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return typeFactory.copyType(rowType);
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return Linq4j.asEnumerable(rows.stream().map(Object[]::clone).toList());
        }
    }
}
