package io.runnel.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlMapTypeNameSpec;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's data types into Calcite type specs: {@code STRING} is {@code VARCHAR} of the largest length, {@code BYTES}
 * {@code VARBINARY} likewise, {@code TIMESTAMP_LTZ(p)} {@code TIMESTAMP(p) WITH LOCAL TIME ZONE}, {@code ROW<..>},
 * {@code ARRAY<..>}, {@code MAP<..>} and {@code MULTISET<..>} the structured specs; Calcite's own spellings
 * ({@code ROW(..)}, {@code INT ARRAY}) are read too, since that is how the specs unparse.
 */
final class TypeParser {
    private static final SqlParserPos POS = SqlParserPos.ZERO;
    private final TokenCursor in;

    TypeParser(TokenCursor in) {
        this.in = in;
    }

    /** A type with its nullability ({@code NOT NULL} / {@code NULL}; nullable when neither is written). */
    SqlDataTypeSpec type() {
        SqlTypeNameSpec spec = nameSpec();
        while (in.peek().is("ARRAY") || in.peek().is("MULTISET")) {
            SqlTypeName collection = in.next().is("ARRAY") ? SqlTypeName.ARRAY : SqlTypeName.MULTISET;
            spec = new SqlCollectionTypeNameSpec(spec, collection, POS);
        }
        Boolean nullable = true;
        if (in.peek().is("NOT") && in.peek(1).is("NULL")) {
            in.next();
            in.next();
            nullable = false;
        } else if (in.peek().is("NULL")) {
            in.next();
        }
        return new SqlDataTypeSpec(spec, null, nullable, POS);
    }

    private SqlTypeNameSpec nameSpec() {
        Token start = in.peek();
        String name = in.expectWord("a data type").toUpperCase(Locale.ROOT);
        switch (name) {
            case "ROW":
                return row();
            case "ARRAY":
            case "MULTISET":
                return collection(name);
            case "MAP":
                return map();
            default:
                return basic(name, start);
        }
    }

    private SqlTypeNameSpec row() {
        boolean angle = in.peek().isSymbol("<");
        in.expectSymbol(angle ? "<" : "(");
        List<SqlIdentifier> names = new ArrayList<>();
        List<SqlDataTypeSpec> types = new ArrayList<>();
        do {
            names.add(new SqlIdentifier(in.expectIdentifier("a field name"), POS));
            types.add(type());
            if (in.peek().is("COMMENT")) {
                in.next();
                in.expectString("a comment");
            }
        } while (in.acceptSymbol(","));
        in.expectSymbol(angle ? ">" : ")");
        return new SqlRowTypeNameSpec(POS, names, types);
    }

    private SqlTypeNameSpec collection(String name) {
        in.expectSymbol("<");
        SqlDataTypeSpec element = type();
        in.expectSymbol(">");
        SqlTypeName kind = name.equals("ARRAY") ? SqlTypeName.ARRAY : SqlTypeName.MULTISET;
        // Calcite's collection spec keeps only the element's name: a NOT NULL element is nullable there.
        return new SqlCollectionTypeNameSpec(element.getTypeNameSpec(), kind, POS);
    }

    private SqlTypeNameSpec map() {
        in.expectSymbol("<");
        SqlDataTypeSpec key = type();
        in.expectSymbol(",");
        SqlDataTypeSpec value = type();
        in.expectSymbol(">");
        return new SqlMapTypeNameSpec(key, value, POS);
    }

    private SqlTypeNameSpec basic(String name, Token start) {
        switch (name) {
            case "STRING":
                return new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, Integer.MAX_VALUE, POS);
            case "BYTES":
                return new SqlBasicTypeNameSpec(SqlTypeName.VARBINARY, Integer.MAX_VALUE, POS);
            case "TIMESTAMP_LTZ": {
                int p = precision(-1);
                if (p >= 0) {
                    in.expectSymbol(")");
                }
                return new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, p, POS);
            }
            case "DOUBLE":
                if (in.peek().is("PRECISION")) {
                    in.next();
                }
                return new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, POS);
            case "INT":
                return new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, POS);
            case "DEC":
            case "NUMERIC":
                return decimal();
            case "CHARACTER":
                return basic("CHAR", start);
            default:
                break;
        }
        SqlTypeName typeName = SqlTypeName.get(name);
        if (typeName == null || name.equals("DECIMAL")) {
            if (name.equals("DECIMAL")) {
                return decimal();
            }
            throw in.error(start, "unknown data type " + start.text());
        }
        int precision = precision(-1);
        int scale = -1;
        if (precision >= 0 && in.acceptSymbol(",")) {
            scale = in.expectInt("a scale");
            in.expectSymbol(")");
        } else if (precision >= 0) {
            in.expectSymbol(")");
        }
        SqlTypeName zoned = withTimeZone(typeName);
        // Without a scale, as Calcite's own parser builds it (its "scale not specified"), so specs compare equal.
        return scale < 0 ? new SqlBasicTypeNameSpec(zoned, precision, POS) : new SqlBasicTypeNameSpec(zoned, precision, scale, POS);
    }

    private SqlTypeNameSpec decimal() {
        int precision = precision(-1);
        int scale = 0;
        if (precision >= 0) {
            if (in.acceptSymbol(",")) {
                scale = in.expectInt("a scale");
            }
            in.expectSymbol(")");
        } else {
            precision = 10;
        }
        return new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, precision, scale, POS);
    }

    /** {@code (p} when written (the caller reads the scale, if any, and the {@code )}); else {@code dflt}. */
    private int precision(int dflt) {
        return in.acceptSymbol("(") ? in.expectInt("a precision") : dflt;
    }

    private SqlTypeName withTimeZone(SqlTypeName typeName) {
        if (in.peek().is("WITHOUT")) {
            in.next();
            in.expectWord("TIME", "ZONE");
            return typeName;
        }
        if (!in.peek().is("WITH")) {
            return typeName;
        }
        in.next();
        boolean local = in.peek().is("LOCAL");
        if (local) {
            in.next();
        }
        in.expectWord("TIME", "ZONE");
        if (typeName == SqlTypeName.TIMESTAMP) {
            return local ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE : SqlTypeName.TIMESTAMP_TZ;
        }
        return local ? SqlTypeName.TIME_WITH_LOCAL_TIME_ZONE : SqlTypeName.TIME_TZ;
    }
}
