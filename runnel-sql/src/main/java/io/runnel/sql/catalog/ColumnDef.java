package io.runnel.sql.catalog;

import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;

/**
 * One column of a {@code CREATE TABLE}: physical ({@code type} only), computed ({@code expression},
 * no type: it is derived), or metadata ({@code metadataKey} set: the connector's key, the column's
 * name when the DDL says only {@code METADATA}; {@code virtual} ones are read but never written).
 */
public record ColumnDef(String name, SqlDataTypeSpec type, SqlNode expression, String metadataKey, boolean virtual,
                        String comment) {
    public static ColumnDef physical(String name, SqlDataTypeSpec type) {
        return new ColumnDef(name, type, null, null, false, null);
    }

    public boolean isPhysical() {
        return expression == null && metadataKey == null;
    }

    public boolean isComputed() {
        return expression != null;
    }

    public boolean isMetadata() {
        return metadataKey != null;
    }
}
