package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.late.LateRowCounter;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Where a query's late rows go: to the table {@code table.exec.late-rows.sink} names, which must be an insert-only
 * table of the columns {@code (operator STRING, row STRING, rowtime TIMESTAMP(3))} (names free), or, when none is
 * set, to a counter that logs them (the job's result counts them as the records of its "late rows dropped" sink).
 */
final class LateRowsSink {
    private LateRowsSink() {}

    @SuppressWarnings("unchecked")
    static void attach(QueryPlanner queries, List<DataStream<Row>> late, String table) {
        if (late.isEmpty()) {
            return;
        }
        DataStream<Row> all = late.size() == 1 ? late.get(0)
                : late.get(0).union(late.subList(1, late.size()).toArray(DataStream[]::new));
        if (table == null) {
            all.sinkTo(new LateRowCounter()).name(LateRowCounter.SINK_NAME);
            return;
        }
        DefTable target = queries.planner().table(table);
        String where = "'" + PlannerOptions.LATE_ROWS_SINK + "' = '" + table + "': ";
        if (target == null || target.isView()) {
            throw new SqlPlanningException(where + "no such table");
        }
        TableDef def = target.def();
        RelDataType type = target.getRowType(null);
        List<RelDataTypeField> f = type.getFieldList();
        boolean fits = f.size() == 3 && def.columns().stream().allMatch(ColumnDef::isPhysical)
                && f.get(0).getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER
                && f.get(1).getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER
                && f.get(2).getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
        if (!fits) {
            throw new SqlPlanningException(where + "a late-rows table has the columns (operator STRING, row STRING,"
                    + " rowtime TIMESTAMP(3)), but " + table + " has " + type.getFullTypeString());
        }
        TableConnector connector = SinkPlanner.sinkConnector(def);
        connector.sink(all, new TableConnector.SinkRequest(def.name(), type, List.of(),
                TableTypes.physicalPrimaryKey(def), def.options(), false));
    }
}
