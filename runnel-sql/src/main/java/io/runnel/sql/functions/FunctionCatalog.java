package io.runnel.sql.functions;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Puts functions into the planner's schema, where the validator finds them: Flink's built-ins of
 * {@link FlinkFunctions} and user-defined scalar functions (a class with public {@code eval} methods and a public
 * no-argument constructor, as Flink's ScalarFunction). Names are registered as written, upper- and lower-case.
 */
public final class FunctionCatalog {
    private FunctionCatalog() {}

    public static void addBuiltIns(SchemaPlus schema) {
        add(schema, "DATE_FORMAT", "dateFormat");
        add(schema, "SPLIT_INDEX", "splitIndex");
        add(schema, "REGEXP_EXTRACT", "regexpExtract");
        add(schema, "UNIX_TIMESTAMP", "unixTimestamp", 1, 2); // UNIX_TIMESTAMP() reads the clock: RunnelOperators
        add(schema, "FROM_UNIXTIME", "fromUnixtime");
        addTyped(schema, "TO_TIMESTAMP", "toTimestamp", t -> t.createSqlType(SqlTypeName.TIMESTAMP, 3));
        addTyped(schema, "TO_TIMESTAMP_LTZ", "toTimestampLtz",
                t -> t.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3));
        addTyped(schema, "TO_DATE", "toDate", t -> t.createSqlType(SqlTypeName.DATE));
    }

    private static void add(SchemaPlus schema, String name, String method) {
        add(schema, name, method, 0, Integer.MAX_VALUE);
    }

    /** The overloads of {@code method} taking {@code minArgs} to {@code maxArgs} arguments. */
    private static void add(SchemaPlus schema, String name, String method, int minArgs, int maxArgs) {
        for (Method m : FlinkFunctions.class.getMethods()) {
            if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() >= minArgs
                    && m.getParameterCount() <= maxArgs) {
                register(schema, name, ScalarFunctionImpl.create(m));
            }
        }
    }

    private static void addTyped(SchemaPlus schema, String name, String method,
                                 java.util.function.Function<RelDataTypeFactory, RelDataType> type) {
        for (Method m : FlinkFunctions.class.getMethods()) {
            if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers())) {
                register(schema, name, new TypedScalarFunction(m, type));
            }
        }
    }

    /** {@code CREATE FUNCTION name AS 'className'}: fails naming the class when it cannot be a scalar function. */
    public static void addUserFunction(SchemaPlus schema, String name, String className) {
        Class<?> c;
        try {
            c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("CREATE FUNCTION " + name + ": no class " + className + " on the classpath", e);
        }
        UserTableFunctionDefinition table = UserTableFunctionDefinition.of(c);
        if (table != null) {
            register(schema, name, table);
            return;
        }
        UserAggregateDefinition aggregate = UserAggregateDefinition.of(c);
        if (aggregate != null) {
            register(schema, name, aggregate);
            return;
        }
        boolean found = false;
        for (Method m : c.getMethods()) {
            if (m.getName().equals("eval")) {
                register(schema, name, ScalarFunctionImpl.create(m));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("CREATE FUNCTION " + name + ": " + className
                    + " has no public eval method (a scalar function) nor createAccumulator, accumulate and getValue (an"
                    + " aggregate function), nor extends io.runnel.sql.functions.TableFunction");
        }
    }

    private static void register(SchemaPlus schema, String name, Function fn) {
        schema.add(name, fn);
        if (!name.toUpperCase(Locale.ROOT).equals(name)) {
            schema.add(name.toUpperCase(Locale.ROOT), fn);
        }
        if (!name.toLowerCase(Locale.ROOT).equals(name)) {
            schema.add(name.toLowerCase(Locale.ROOT), fn);
        }
    }
}
