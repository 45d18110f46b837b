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
     * The row type of {@code def}'s physical columns, in DDL order; {@code typeValidator} resolves
     * the type specs. Fails naming the column for metadata columns (not planned yet).
     */
    public static RelDataType rowType(TableDef def, SqlValidator typeValidator) {
        RelDataTypeFactory.Builder b = typeValidator.getTypeFactory().builder();
        for (ColumnDef c : def.columns()) {
            if (c.isMetadata()) {
                throw new SqlPlanningException("table " + def.name() + ": column " + c.name()
                        + " is a metadata column; metadata columns are not supported yet");
            }
            if (c.isComputed()) {
                continue;
            }
            Boolean nullable = c.type().getNullable();
            b.add(c.name(), c.type().deriveType(typeValidator, nullable == null || nullable));
        }
        return b.build();
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
