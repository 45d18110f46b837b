package io.runnel.sql.frame;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The kit's tables run by Calcite's own batch executor (Enumerable): what a query over the finite input must give,
 * independent of Runnel's planner and operators. Types come from the catalog the streaming side declares.
 */
final class BatchOracle {
    private static final Pattern ORDER = Pattern.compile(
            "\\{\"id\":(\\d+),\"product\":\"(\\w+)\",\"amount\":(\\d+),\"ts\":\"([^\"]+)\"}");
    private static final Pattern SHIPMENT = Pattern.compile("\\{\"order_id\":(\\d+),\"carrier\":\"(\\w+)\",\"ts\":\"([^\"]+)\"}");

    private BatchOracle() {}

    static List<Row> rows(FrameTestKit kit, String query) throws Exception {
        SqlEnvironment types = SqlEnvironment.create(StreamEnvironment.create());
        kit.declare(types);
        Properties p = new Properties();
        p.setProperty("lex", "JAVA");
        try (Connection c = DriverManager.getConnection("jdbc:calcite:", p)) {
            SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
            root.add("orders", new RowsTable(types.rowType("SELECT * FROM orders"), orders()));
            root.add("shipments", new RowsTable(types.rowType("SELECT * FROM shipments"), shipments()));
            root.add("products", new RowsTable(types.rowType("SELECT * FROM products"), products()));
            try (ResultSet rs = c.createStatement().executeQuery(query)) {
                return read(rs);
            }
        }
    }

    private static List<Object[]> orders() {
        List<Object[]> out = new ArrayList<>();
        for (String line : FrameTestKit.ORDERS) {
            Matcher m = matched(ORDER, line);
            out.add(new Object[] {Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)), millis(m.group(4))});
        }
        return out;
    }

    private static List<Object[]> shipments() {
        List<Object[]> out = new ArrayList<>();
        for (String line : FrameTestKit.SHIPMENTS) {
            Matcher m = matched(SHIPMENT, line);
            out.add(new Object[] {Integer.parseInt(m.group(1)), m.group(2), millis(m.group(3))});
        }
        return out;
    }

    private static List<Object[]> products() {
        List<Object[]> out = new ArrayList<>();
        for (String line : FrameTestKit.PRODUCTS) {
            String[] f = line.split(",");
            out.add(new Object[] {f[0], f[1], Double.parseDouble(f[2])});
        }
        return out;
    }

    private static Matcher matched(Pattern p, String line) {
        Matcher m = p.matcher(line);
        if (!m.matches()) {
            throw new IllegalStateException("the oracle cannot read " + line);
        }
        return m;
    }

    private static long millis(String ts) {
        return FrameTestKit.ts(ts.substring("2026-12-05 ".length()));
    }

    private static List<Row> read(ResultSet rs) throws Exception {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        int n = rs.getMetaData().getColumnCount();
        List<Row> out = new ArrayList<>();
        while (rs.next()) {
            Object[] f = new Object[n];
            for (int i = 0; i < n; i++) {
                if (rs.getMetaData().getColumnType(i + 1) == Types.TIMESTAMP) {
                    var t = rs.getTimestamp(i + 1, utc);
                    f[i] = t == null ? null : t.getTime();
                } else {
                    f[i] = rs.getObject(i + 1);
                }
            }
            out.add(Row.insert(f));
        }
        return out;
    }

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
