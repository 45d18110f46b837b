package io.runnel.sql.functions;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;

/**
 * What the validator knows of a user-defined {@link TableFunction}: the parameters of its {@code eval} method and its
 * columns. The planner runs it (see the planner's table function translator).
 */
public final class UserTableFunctionDefinition implements org.apache.calcite.schema.TableFunction {
    private final Class<?> type;
    private final Method eval;

    private UserTableFunctionDefinition(Class<?> type, Method eval) {
        this.type = type;
        this.eval = eval;
    }

    /** The definition, when {@code c} is a {@link TableFunction} with a public eval method; null otherwise. */
    static UserTableFunctionDefinition of(Class<?> c) {
        if (!TableFunction.class.isAssignableFrom(c)) {
            return null;
        }
        for (Method m : c.getMethods()) {
            if (m.getName().equals("eval")) {
                return new UserTableFunctionDefinition(c, m);
            }
        }
        return null;
    }

    public String className() {
        return type.getName();
    }

    /** Whether its rows are {@code Object[]} of several columns (else single values). */
    public boolean multiColumn() {
        return type.getAnnotation(TableFunction.Columns.class) != null;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory types, List<?> arguments) {
        RelDataTypeFactory.Builder b = types.builder();
        TableFunction.Columns columns = type.getAnnotation(TableFunction.Columns.class);
        if (columns != null) {
            for (String c : columns.value()) {
                String[] nameType = c.trim().split("\\s+", 2);
                b.add(nameType[0], types.createTypeWithNullability(sqlType(types, nameType[1]), true));
            }
            return b.build();
        }
        return b.add("f0", JavaParameters.sqlType(types, elementClass())).build();
    }

    @Override
    public Type getElementType(List<?> arguments) {
        return Object[].class;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return JavaParameters.of(eval.getParameterTypes(), 0);
    }

    private Class<?> elementClass() {
        for (Type t = type.getGenericSuperclass(); t != null; ) {
            if (t instanceof ParameterizedType p && p.getRawType() == TableFunction.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            t = t instanceof Class<?> c ? c.getGenericSuperclass() : ((Class<?>) ((ParameterizedType) t).getRawType()).getGenericSuperclass();
        }
        throw new IllegalArgumentException("table function " + type.getName() + ": give its row type, TableFunction<String>"
                + " or the like, or name its columns with @TableFunction.Columns");
    }

    /** A column type of {@link TableFunction.Columns}: the common types, as in DDL. */
    private static RelDataType sqlType(RelDataTypeFactory types, String sql) {
        String t = sql.trim().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Z_]+)(?:\\((\\d+)(?:,(\\d+))?\\))?").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("table function column type '" + sql + "' is not a type");
        }
        Integer p = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        return switch (m.group(1)) {
            case "STRING", "VARCHAR" -> types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR, p == null ? 65536 : p);
            case "INT", "INTEGER" -> types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.INTEGER);
            case "BIGINT" -> types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.BIGINT);
            case "DOUBLE" -> types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.DOUBLE);
            case "BOOLEAN" -> types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.BOOLEAN);
            case "DATE" -> types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.DATE);
            case "TIMESTAMP" -> types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP, p == null ? 3 : p);
            case "DECIMAL" -> types.createSqlType(org.apache.calcite.sql.type.SqlTypeName.DECIMAL, p == null ? 10 : p,
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            default -> throw new IllegalArgumentException("table function column type '" + sql + "' is not supported"
                    + " (STRING, INT, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP(p), DECIMAL(p, s) are)");
        };
    }
}
