package io.runnel.sql.planner;

import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.catalog.WatermarkDef;
import io.runnel.sql.connect.TableConnector;
import java.util.List;
import java.util.ServiceLoader;

/** A table declared without columns takes its connector's (Nexmark's tables), and its watermark if it declares none. */
final class ConnectorDefaults {
    private ConnectorDefaults() {}

    static TableDef apply(TableDef def) {
        if (!def.columns().isEmpty()) {
            return def;
        }
        String id = def.connector();
        if (id == null) {
            throw new SqlPlanningException("table " + def.name() + " declares no columns and has no 'connector' option to give them");
        }
        for (TableConnector c : ServiceLoader.load(TableConnector.class)) {
            if (c.identifier().equals(id)) {
                List<ColumnDef> columns;
                WatermarkDef watermark;
                try {
                    columns = c.defaultColumns(def.name(), def.options());
                    watermark = def.watermark() != null ? def.watermark() : c.defaultWatermark(def.name(), def.options());
                } catch (IllegalArgumentException e) {
                    throw new SqlPlanningException(e.getMessage(), e);
                }
                if (columns == null) {
                    throw new SqlPlanningException("table " + def.name() + " declares no columns, and connector '" + id
                            + "' needs them declared");
                }
                return new TableDef(def.name(), columns, watermark, def.primaryKey(), def.options(), def.temporary(), def.comment());
            }
        }
        throw new SqlPlanningException("table " + def.name() + ": no connector '" + id + "' on the classpath");
    }
}
