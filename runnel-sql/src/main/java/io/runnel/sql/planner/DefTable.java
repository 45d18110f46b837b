package io.runnel.sql.planner;

import io.runnel.sql.catalog.TableDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A registered table as Calcite sees it: its declared columns with their types. The planner finds
 * the definition again on the scan to read the table through its connector.
 */
public final class DefTable extends AbstractTable implements org.apache.calcite.schema.TemporalTable {
    private final TableDef def;
    private final RelDataType rowType;
    private final int rowtimeIndex;
    private final RelNode computed;
    private final boolean view;

    /** {@code computed}: the plan computing the table's columns from its physical part, null if all are physical. */
    DefTable(TableDef def, RelDataType rowType, RelNode computed) {
        this(def, rowType, computed, false);
    }

    /** {@code view}: the table is a view, {@code computed} its query; its event-time attribute is the query's. */
    DefTable(TableDef def, RelDataType rowType, RelNode computed, boolean view) {
        this.view = view;
        this.def = def;
        this.rowType = rowType;
        this.computed = computed;
        this.rowtimeIndex = def.watermark() == null ? -1 : rowType.getFieldNames().indexOf(def.watermark().rowtimeColumn());
    }

    public TableDef def() {
        return def;
    }

    /** The event-time attribute's index in the row, -1 if the table has no WATERMARK. */
    public int rowtimeIndex() {
        return rowtimeIndex;
    }

    /** Whether this is a view: its rows are those of {@link #computed()}, read by no connector. */
    public boolean isView() {
        return view;
    }

    /** The plan computing the columns from the physical part; null when every column is physical. */
    RelNode computed() {
        return computed;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType;
    }

    /**
     * Every table can be read {@code FOR SYSTEM_TIME AS OF} a time attribute (a lookup or temporal join); the
     * planner decides by the connector and the attribute whether it can run, so these names are never read.
     */
    @Override
    public String getSysStartFieldName() {
        return "$sys_start";
    }

    @Override
    public String getSysEndFieldName() {
        return "$sys_end";
    }
}
