package io.runnel.sql.result;

import java.io.Serializable;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * How a column of a SQL type is written in JSON, derived once from the row type so writing a row needs no type
 * lookups: numbers as JSON numbers, TIMESTAMP as epoch milliseconds (UTC), DATE and TIME as ISO text, BYTES base64,
 * ROW as an object named by its fields, ARRAY as an array, MAP as an object keyed by the key's text.
 */
record JsonShape(Kind kind, List<String> names, List<JsonShape> children) implements Serializable {
    enum Kind { PLAIN, DATE, TIME, BYTES, ROW, ARRAY, MAP }

    static JsonShape of(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case DATE -> leaf(Kind.DATE);
            case TIME, TIME_WITH_LOCAL_TIME_ZONE -> leaf(Kind.TIME);
            case BINARY, VARBINARY -> leaf(Kind.BYTES);
            case ROW -> new JsonShape(Kind.ROW, List.copyOf(type.getFieldNames()),
                    type.getFieldList().stream().map(RelDataTypeField::getType).map(JsonShape::of).toList());
            case ARRAY, MULTISET -> new JsonShape(Kind.ARRAY, List.of(), List.of(of(type.getComponentType())));
            case MAP -> new JsonShape(Kind.MAP, List.of(), List.of(of(type.getValueType())));
            default -> leaf(Kind.PLAIN);
        };
    }

    private static JsonShape leaf(Kind kind) {
        return new JsonShape(kind, List.of(), List.of());
    }
}
