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
     * the type specs. Fails naming the column for computed and metadata columns (not planned yet)
     * and for a WATERMARK on a column that is missing or not a TIMESTAMP.
     */
    public static RelDataType rowType(TableDef def, SqlValidator typeValidator) {
        RelDataTypeFactory.Builder b = typeValidator.getTypeFactory().builder();
        for (ColumnDef c : def.columns()) {
            if (!c.isPhysical()) {
                throw new SqlPlanningException("table " + def.name() + ": column " + c.name() + " is "
                        + (c.isComputed() ? "computed" : "a metadata column") + "; only physical columns are supported yet");
            }
            Boolean nullable = c.type().getNullable();
            b.add(c.name(), c.type().deriveType(typeValidator, nullable == null || nullable));
        }
        RelDataType type = b.build();
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
        return type;
    }
}
