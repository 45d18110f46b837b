package io.runnel.sql;

import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.planner.DefTable;
import io.runnel.sql.planner.SqlPlanner;
import io.runnel.sql.planner.SqlPlanningException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeField;

/** {@code DESCRIBE t}: one line per column with its type, nullability, key and event-time attribute, as Flink's. */
final class TableDescription {
    private TableDescription() {}

    static List<String> of(SqlPlanner planner, String name) {
        DefTable table = planner.table(name);
        if (table == null) {
            throw new SqlPlanningException("DESCRIBE " + name + ": no such table or view");
        }
        TableDef def = table.def();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "type", "null", "key", "extras"});
        for (RelDataTypeField f : table.getRowType(null).getFieldList()) {
            String type = f.getType().getSqlTypeName().getName()
                    + (f.getType().getPrecision() > 0 && f.getType().getSqlTypeName().allowsPrec() ? "(" + precision(f) + ")" : "");
            boolean rowtime = def.watermark() != null && def.watermark().rowtimeColumn().equals(f.getName());
            rows.add(new String[] {f.getName(), type + (rowtime ? " *ROWTIME*" : ""), f.getType().isNullable() ? "TRUE" : "FALSE",
                    def.primaryKey().contains(f.getName()) ? "PRI" : "", extras(def, f.getName())});
        }
        return align(rows);
    }

    private static String precision(RelDataTypeField f) {
        int p = f.getType().getPrecision();
        String text = p == Integer.MAX_VALUE ? "2147483647" : String.valueOf(p);
        return f.getType().getSqlTypeName().allowsScale() ? text + ", " + f.getType().getScale() : text;
    }

    private static String extras(TableDef def, String column) {
        return def.columns().stream().filter(c -> c.name().equals(column)).findFirst()
                .map(c -> c.isComputed() ? "AS " + c.expression() : c.isMetadata() ? "METADATA FROM '" + c.metadataKey() + "'" : "")
                .orElse("");
    }

    private static List<String> align(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", r[i]));
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }
}
