package io.runnel.sql.frame;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** A frame's columns as the planner types them: names in order, SQL types in Flink's spelling, nullability. */
public record FrameSchema(List<Field> fields) {
    public record Field(String name, String type, boolean nullable) {
        @Override
        public String toString() {
            return Names.quote(name) + " " + type + (nullable ? "" : " NOT NULL");
        }
    }

    private static final int LONGEST = 65536;

    static FrameSchema of(List<RelDataTypeField> fields) {
        return new FrameSchema(fields.stream().map(FrameSchema::field).toList());
    }

    private static Field field(RelDataTypeField f) {
        RelDataType t = f.getType();
        // Flink's STRING and BYTES are the type system's longest VARCHAR and VARBINARY
        boolean longest = t.getPrecision() >= LONGEST;
        String type = t.getSqlTypeName() == SqlTypeName.VARCHAR && longest ? "STRING"
                : t.getSqlTypeName() == SqlTypeName.VARBINARY && longest ? "BYTES"
                : t.getFullTypeString().replace(" NOT NULL", "");
        return new Field(f.getName(), type, t.isNullable());
    }

    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    /** The column list of a CREATE TABLE: {@code `a` INT, `b` STRING}. */
    @Override
    public String toString() {
        return fields.stream().map(Field::toString).collect(Collectors.joining(", "));
    }
}
