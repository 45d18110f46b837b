package io.runnel.sql.planner;

import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;

/** Derives a table's row type from its declared columns. */
public final class TableTypes {
    private TableTypes() {}

    /**
     * The row type of {@code def}'s physical and metadata columns, in DDL order (a table's hidden physical part lists
     * its metadata columns last); {@code typeValidator} resolves the type specs.
     */
    public static RelDataType rowType(TableDef def, SqlValidator typeValidator) {
        RelDataTypeFactory.Builder b = typeValidator.getTypeFactory().builder();
        for (ColumnDef c : def.columns()) {
            if (c.isComputed()) {
                continue;
            }
            Boolean nullable = c.type().getNullable();
            b.add(c.name(), c.type().deriveType(typeValidator, nullable == null || nullable));
        }
        return b.build();
    }

    /** The indexes of {@code def}'s primary key among its physical columns (empty: none). */
    public static int[] physicalPrimaryKey(TableDef def) {
        java.util.List<String> names = def.columns().stream().filter(ColumnDef::isPhysical).map(ColumnDef::name).toList();
        return def.primaryKey().stream().mapToInt(names::indexOf).filter(i -> i >= 0).toArray();
    }

    /** The metadata keys of {@code def}'s metadata columns, in DDL order. */
    public static java.util.List<String> metadataKeys(TableDef def) {
        return def.columns().stream().filter(ColumnDef::isMetadata).map(ColumnDef::metadataKey).toList();
    }

    /** Fails naming the column unless every metadata column of {@code def} names a key {@code connector} has. */
    static void checkMetadata(TableDef def, io.runnel.sql.connect.TableConnector connector) {
        for (ColumnDef c : def.columns()) {
            if (c.isMetadata() && !connector.metadataKeys().contains(c.metadataKey())) {
                throw new SqlPlanningException("table " + def.name() + ": column " + c.name() + " is METADATA"
                        + (c.metadataKey().equals(c.name()) ? "" : " FROM '" + c.metadataKey() + "'") + ", but connector '"
                        + connector.identifier() + "' has " + (connector.metadataKeys().isEmpty() ? "no metadata"
                        : "only " + String.join(", ", new java.util.TreeSet<>(connector.metadataKeys()))));
            }
        }
    }

    /** Fails naming the table and column unless its WATERMARK is on a TIMESTAMP column of {@code type}. */
    static void checkWatermark(TableDef def, RelDataType type) {
        if (def.watermark() != null) {
            var field = type.getField(def.watermark().rowtimeColumn(), true, false);
            if (field == null) {
                throw new SqlPlanningException("table " + def.name() + ": WATERMARK FOR " + def.watermark().rowtimeColumn()
                        + ": no such column");
            }
            SqlTypeName t = field.getType().getSqlTypeName();
            if (t != SqlTypeName.TIMESTAMP && t != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
                throw new SqlPlanningException("table " + def.name() + ": WATERMARK FOR " + field.getName()
                        + ": the column must be a TIMESTAMP, not " + field.getType());
            }
        }
    }
}
