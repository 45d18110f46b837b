package io.runnel.sql.parser;

import org.apache.calcite.sql.SqlDataTypeSpec;

/** A column type as text the type parser reads back: Calcite's unparse plus {@code NOT NULL}. */
final class TypeText {
    private TypeText() {}

    static String of(SqlDataTypeSpec type) {
        String text = CalciteParsing.unparse(type, CalciteParsing.DIALECT);
        return Boolean.FALSE.equals(type.getNullable()) && !text.endsWith("NOT NULL") ? text + " NOT NULL" : text;
    }
}
