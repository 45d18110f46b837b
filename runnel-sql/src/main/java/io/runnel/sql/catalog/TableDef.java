package io.runnel.sql.catalog;

import java.util.List;
import java.util.Map;

/**
 * A table as {@code CREATE TABLE} declares it: columns in order, the watermark (null if none), the
 * primary key (empty if none; always NOT ENFORCED, as Flink's) and the {@code WITH} options in
 * the order written. {@code columns} may be empty when the connector supplies them (Nexmark).
 */
public record TableDef(String name, List<ColumnDef> columns, WatermarkDef watermark, List<String> primaryKey,
                       Map<String, String> options, boolean temporary, String comment) {
    public String connector() {
        return options.get("connector");
    }
}
