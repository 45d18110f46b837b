package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlMapTypeNameSpec;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A column type as text the type parser reads back. Nested types are written here rather than by Calcite's
 * unparse, whose convention (a field is NOT NULL unless marked NULL) is the opposite of Flink's.
 */
final class TypeText {
    private TypeText() {}

    static String of(SqlDataTypeSpec type) {
        String text = name(type.getTypeNameSpec());
        return Boolean.FALSE.equals(type.getNullable()) ? text + " NOT NULL" : text;
    }

    private static String name(SqlTypeNameSpec spec) {
        if (spec instanceof SqlRowTypeNameSpec row) {
            StringBuilder sb = new StringBuilder("ROW(");
            for (int i = 0; i < row.getFieldNames().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('`').append(row.getFieldNames().get(i).getSimple().replace("`", "``"))
                        .append("` ").append(of(row.getFieldTypes().get(i)));
            }
            return sb.append(')').toString();
        }
        if (spec instanceof SqlMapTypeNameSpec map) {
            return "MAP< " + of(map.getKeyType()) + ", " + of(map.getValType()) + " >";
        }
        if (spec instanceof SqlCollectionTypeNameSpec c) {
            return name(c.getElementTypeName()) + " " + c.getTypeName().getSimple();
        }
        return CalciteParsing.unparse(new SqlDataTypeSpec(spec, SqlParserPos.ZERO), CalciteParsing.DIALECT);
    }
}
