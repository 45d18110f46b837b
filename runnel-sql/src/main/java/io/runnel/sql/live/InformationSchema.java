package io.runnel.sql.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL standard's {@code information_schema.tables} and {@code columns} for ad-hoc queries: what a client can
 * ask about the catalog's tables and views without PostgreSQL's own system catalogs. Columns are typed as
 * PostgreSQL names them ({@code bigint}, {@code character varying}, {@code timestamp without time zone}, ...).
 */
final class InformationSchema extends AbstractSchema {
    /** A table or view: its name, kind ({@code BASE TABLE}, {@code VIEW}) and row type. */
    record Entry(String name, String type, RelDataType rowType) {}

    private final Supplier<List<Entry>> entries;

    InformationSchema(Supplier<List<Entry>> entries) {
        this.entries = entries;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return Map.of("tables", new Listing(true), "columns", new Listing(false));
    }

    private final class Listing extends AbstractTable implements ScannableTable {
        private final boolean tables;

        Listing(boolean tables) {
            this.tables = tables;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            RelDataType text = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), false);
            RelDataTypeFactory.Builder b = f.builder().add("table_catalog", text).add("table_schema", text).add("table_name", text);
            if (tables) {
                return b.add("table_type", text).build();
            }
            return b.add("column_name", text).add("ordinal_position", f.createSqlType(SqlTypeName.INTEGER)).add("data_type", text)
                    .add("is_nullable", text).build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            List<Object[]> rows = new ArrayList<>();
            for (Entry e : entries.get()) {
                if (tables) {
                    rows.add(new Object[] {"runnel", "runnel", e.name(), e.type()});
                    continue;
                }
                for (RelDataTypeField c : e.rowType().getFieldList()) {
                    rows.add(new Object[] {"runnel", "runnel", e.name(), c.getName(), c.getIndex() + 1, typeName(c.getType()),
                            c.getType().isNullable() ? "YES" : "NO"});
                }
            }
            return Linq4j.asEnumerable(rows);
        }
    }

    static String typeName(RelDataType t) {
        return switch (t.getSqlTypeName()) {
            case BOOLEAN -> "boolean";
            case TINYINT, SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case FLOAT, REAL -> "real";
            case DOUBLE -> "double precision";
            case DECIMAL -> "numeric";
            case CHAR -> "character";
            case VARCHAR -> "character varying";
            case BINARY, VARBINARY -> "bytea";
            case DATE -> "date";
            case TIME -> "time without time zone";
            case TIMESTAMP -> "timestamp without time zone";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "timestamp with time zone";
            default -> t.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
        };
    }
}
