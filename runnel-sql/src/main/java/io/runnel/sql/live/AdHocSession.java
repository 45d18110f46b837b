package io.runnel.sql.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Ad-hoc SELECTs over a catalog's materialized views, run by Calcite's batch executor on one connection per session.
 * A query pins one snapshot per view it reads, the first time it reads it, so sums over a view equal the sum of its
 * rows within one query. Identifiers follow PostgreSQL: unquoted ones match any case, double quotes quote.
 * A session runs one query at a time.
 */
public final class AdHocSession implements AutoCloseable {
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    private final LiveViews views;
    /** The catalog's tables, which queries read whole; null: views only. */
    private final CatalogTables catalog;
    private final Map<String, List<Object[]>> readTables = new HashMap<>();
    private final Connection connection;
    private final Map<LiveView, ViewSnapshot> pins = new HashMap<>();
    /** Plans by SQL text, for clients that run the same statements again (a driver's describe, then execute). */
    private final Map<String, PreparedStatement> plans = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= 64) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };
    private long plansOfViews = -1;
    private volatile PreparedStatement running;

    public AdHocSession(LiveViews views) {
        this(views, null);
    }

    /**
     * Ad-hoc queries over {@code views} and, read whole as they are now (once per query that scans them), the
     * catalog's {@code tables}: a file of reference data, a Kafka topic up to its end.
     */
    public AdHocSession(LiveViews views, CatalogTables tables) {
        this.views = views;
        this.catalog = tables;
        Properties p = new Properties();
        p.setProperty("quoting", "DOUBLE_QUOTE");
        p.setProperty("unquotedCasing", "UNCHANGED");
        p.setProperty("quotedCasing", "UNCHANGED");
        p.setProperty("caseSensitive", "false");
        p.setProperty("timeZone", "UTC");
        p.setProperty("fun", "standard,postgresql");
        try {
            connection = DriverManager.getConnection("jdbc:calcite:", p);
            SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
            SchemaPlus schema = root.add("runnel", new ViewsSchema());
            schema.setCacheEnabled(false);
            root.add("information_schema", new InformationSchema(this::catalogEntries)).setCacheEnabled(false);
            connection.setSchema("runnel");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open Calcite's executor: " + e.getMessage(), e);
        }
    }

    /** The catalog's views as a schema, read afresh by each query: views created or dropped meanwhile count. */
    private final class ViewsSchema extends AbstractSchema {
        @Override
        protected Map<String, Table> getTableMap() {
            Map<String, Table> tables = new HashMap<>();
            if (catalog != null) {
                for (String name : catalog.names()) {
                    if (views.get(name) == null) {
                        tables.put(name, new CatalogTable(name));
                    }
                }
            }
            for (LiveView v : views.all()) {
                tables.put(v.name(), new LiveViewTable(v, this::pin));
            }
            return tables;
        }

        private ViewSnapshot pin(LiveView v) {
            return pins.computeIfAbsent(v, x -> x.table().snapshot());
        }
    }

    private PreparedStatement plan(String sql) throws SQLException {
        if (plansOfViews != views.version()) {
            plans.values().forEach(AdHocSession::closeQuietly);
            plans.clear();
            columnsBySql.clear();
            plansOfViews = views.version();
        }
        PreparedStatement st = plans.get(sql);
        if (st == null) {
            try {
                st = connection.prepareStatement(sql);
            } catch (SQLException e) {
                throw clear(e);
            }
            plans.put(sql, st);
        }
        return st;
    }

    private static void closeQuietly(PreparedStatement st) {
        try {
            st.close();
        } catch (SQLException ignored) {
            // a plan no longer used
        }
    }

    /** The catalog's tables and views (or only the views), for information_schema. */
    private List<InformationSchema.Entry> catalogEntries() {
        List<InformationSchema.Entry> out = new ArrayList<>();
        if (catalog != null) {
            for (String name : catalog.names()) {
                try {
                    out.add(new InformationSchema.Entry(name, "BASE TABLE", catalog.rowType(name)));
                } catch (RuntimeException e) {
                    // a table whose declaration does not plan (an unknown connector) has no columns to list
                }
            }
        }
        views.all().forEach(v -> out.add(new InformationSchema.Entry(v.name(), "VIEW", v.rowType())));
        out.sort(java.util.Comparator.comparing(InformationSchema.Entry::name));
        return out;
    }

    /** A catalog table for Calcite: its rows read whole once per query, the first time the query scans it. */
    private final class CatalogTable extends org.apache.calcite.schema.impl.AbstractTable implements org.apache.calcite.schema.ScannableTable {
        private final String name;
        private org.apache.calcite.rel.type.RelDataType rowType;

        CatalogTable(String name) {
            this.name = name;
        }

        @Override
        public org.apache.calcite.rel.type.RelDataType getRowType(org.apache.calcite.rel.type.RelDataTypeFactory typeFactory) {
            if (rowType == null) {
                rowType = catalog.rowType(name);
            }
            return typeFactory.copyType(rowType);
        }

        @Override
        public org.apache.calcite.linq4j.Enumerable<Object[]> scan(org.apache.calcite.DataContext root) {
            List<Object[]> rows = readTables.computeIfAbsent(name, n -> {
                try {
                    return catalog.rows(n);
                } catch (Exception e) {
                    throw new IllegalStateException("table " + n + " cannot be read ad hoc: " + e.getMessage(), e);
                }
            });
            return org.apache.calcite.linq4j.Linq4j.asEnumerable(rows);
        }
    }

    /** The result columns of {@code sql} without running it; {@code sql} may hold {@code ?} parameters. */
    public List<AdHocColumn> describe(String sql) throws SQLException {
        return columns(sql, plan(sql).getMetaData());
    }

    /** The JDBC type ({@link Types}) of each {@code ?} parameter of {@code sql}, as the planner infers it. */
    public int[] parameterTypes(String sql) throws SQLException {
        var md = plan(sql).getParameterMetaData();
        int[] types = new int[md.getParameterCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = md.getParameterType(i + 1);
        }
        return types;
    }

    /** Stops the query running now, if any (a client's cancel request). */
    public void cancel() {
        PreparedStatement st = running;
        if (st != null) {
            try {
                st.cancel();
            } catch (SQLException ignored) {
                // it ended meanwhile
            }
        }
    }

    /** Runs {@code sql} with {@code params} bound to its {@code ?}s, handing the rows to {@code out}; returns how many it handed. */
    public long query(String sql, List<Object> params, AdHocRows out) throws Exception {
        unpin();
        PreparedStatement st = plan(sql);
        running = st;
        try {
            st.clearParameters();
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                List<AdHocColumn> columns = columns(sql, rs.getMetaData());
                out.columns(columns);
                long n = 0;
                while (rs.next()) {
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = value(rs, i + 1, columns.get(i).jdbcType());
                    }
                    n++;
                    if (!out.row(values)) {
                        break;
                    }
                }
                return n;
            }
        } catch (SQLException e) {
            throw clear(e);
        } finally {
            running = null;
            unpin();
        }
    }

    private final Map<String, List<AdHocColumn>> columnsBySql = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<AdHocColumn>> eldest) {
            return size() > 64;
        }
    };

    private List<AdHocColumn> columns(String sql, ResultSetMetaData md) throws SQLException {
        List<AdHocColumn> known = columnsBySql.get(sql);
        if (known != null) {
            return known;
        }
        List<AdHocColumn> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(new AdHocColumn(ColumnNames.of(sql, i - 1, md.getColumnLabel(i)), md.getColumnType(i), md.getPrecision(i), md.getScale(i)));
        }
        columnsBySql.put(sql, out);
        return out;
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        switch (type) {
            case Types.TIMESTAMP -> {
                java.sql.Timestamp t = rs.getTimestamp(i, UTC);
                return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                java.sql.Timestamp t = rs.getTimestamp(i, UTC);
                return t == null ? null : t.toInstant();
            }
            case Types.DATE -> {
                java.sql.Date d = rs.getDate(i, UTC);
                return d == null ? null : java.time.LocalDate.ofEpochDay(Math.floorDiv(d.getTime(), 86_400_000L));
            }
            case Types.TIME -> {
                java.sql.Time t = rs.getTime(i, UTC);
                return t == null ? null : java.time.LocalTime.ofNanoOfDay(Math.floorMod(t.getTime(), 86_400_000L) * 1_000_000L);
            }
            case Types.ARRAY, Types.STRUCT, Types.JAVA_OBJECT, Types.OTHER -> {
                Object o = rs.getObject(i);
                return o == null ? null : o instanceof java.sql.Array a ? java.util.Arrays.deepToString((Object[]) a.getArray()) : o.toString();
            }
            default -> {
                return rs.getObject(i);
            }
        }
    }

    private void unpin() {
        pins.values().forEach(ViewSnapshot::close);
        pins.clear();
        readTables.clear();
    }

    /** Calcite's message without its wrapping ("Error while executing SQL ...: From line 1, column 15 to ...: ..."). */
    private SQLException clear(SQLException e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        if (message != null && message.contains("Object '") && message.contains("not found")) {
            message += catalog == null ? " (ad-hoc queries read materialized views; create one with CREATE MATERIALIZED VIEW name AS SELECT ...)"
                    : " (ad-hoc queries read materialized views and the catalog's tables; SHOW TABLES lists them)";
        }
        return new SQLException(message, e.getSQLState(), e);
    }

    @Override
    public void close() throws SQLException {
        plans.values().forEach(AdHocSession::closeQuietly);
        connection.close();
    }
}
