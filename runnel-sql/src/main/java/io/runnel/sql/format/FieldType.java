package io.runnel.sql.format;

import java.io.Serializable;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column's SQL type as a format needs it at run time, taken once from Calcite's (not
 * serializable) {@link RelDataType}: the type name, precision and scale, and the children of ROW
 * (named), ARRAY and MULTISET (the element) and MAP (key, value).
 */
public record FieldType(SqlTypeName name, int precision, int scale, boolean nullable, List<String> names,
                        List<FieldType> children) implements Serializable {

    public static FieldType of(RelDataType type) {
        SqlTypeName n = type.getSqlTypeName();
        return switch (n) {
            case ROW -> new FieldType(n, 0, 0, type.isNullable(), List.copyOf(type.getFieldNames()),
                    type.getFieldList().stream().map(RelDataTypeField::getType).map(FieldType::of).toList());
            case ARRAY, MULTISET -> new FieldType(n, 0, 0, type.isNullable(), List.of(), List.of(of(type.getComponentType())));
            case MAP -> new FieldType(n, 0, 0, type.isNullable(), List.of(), List.of(of(type.getKeyType()), of(type.getValueType())));
            default -> new FieldType(n, type.getPrecision(), Math.max(0, type.getScale()), type.isNullable(), List.of(), List.of());
        };
    }

    /** The columns of a row type. */
    public static List<FieldType> columns(RelDataType rowType) {
        return rowType.getFieldList().stream().map(f -> of(f.getType())).toList();
    }

    public boolean isComposite() {
        return name == SqlTypeName.ROW || name == SqlTypeName.ARRAY || name == SqlTypeName.MULTISET || name == SqlTypeName.MAP;
    }

    /** The type as SQL writes it, for error messages. */
    @Override
    public String toString() {
        return switch (name) {
            case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
            case CHAR, VARCHAR, BINARY, VARBINARY -> precision > 0 && precision < Integer.MAX_VALUE / 2
                    ? name + "(" + precision + ")" : name.toString();
            case ROW -> "ROW<...>";
            case ARRAY -> "ARRAY<" + children.get(0) + ">";
            case MULTISET -> "MULTISET<" + children.get(0) + ">";
            case MAP -> "MAP<" + children.get(0) + ", " + children.get(1) + ">";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP_LTZ";
            default -> name.toString();
        };
    }
}
