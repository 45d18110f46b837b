package io.runnel.sql.planner;

import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A registered table as Calcite sees it: its declared columns with their types. The planner finds
 * the definition again on the scan to read the table through its connector.
 */
public final class DefTable extends AbstractTable {
    private final TableDef def;
    private final RelDataType rowType;
    private final int rowtimeIndex;

    DefTable(TableDef def, RelDataType rowType) {
        this.def = def;
        this.rowType = rowType;
        this.rowtimeIndex = def.watermark() == null ? -1 : rowType.getFieldNames().indexOf(def.watermark().rowtimeColumn());
    }

    public TableDef def() {
        return def;
    }

    /** The event-time attribute's index in the row, -1 if the table has no WATERMARK. */
    public int rowtimeIndex() {
        return rowtimeIndex;
    }

    /** Whether every column is physical (computed and metadata columns are not planned yet). */
    boolean physicalOnly() {
        return def.columns().stream().allMatch(ColumnDef::isPhysical);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType;
    }
}
