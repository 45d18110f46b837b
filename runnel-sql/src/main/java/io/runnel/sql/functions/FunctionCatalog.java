package io.runnel.sql.functions;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

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
    }

    private static void add(SchemaPlus schema, String name, String method) {
        for (Method m : FlinkFunctions.class.getMethods()) {
            if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers())) {
                register(schema, name, ScalarFunctionImpl.create(m));
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
        boolean found = false;
        for (Method m : c.getMethods()) {
            if (m.getName().equals("eval")) {
                register(schema, name, ScalarFunctionImpl.create(m));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("CREATE FUNCTION " + name + ": " + className
                    + " has no public eval method (scalar functions are supported; table and aggregate functions not yet)");
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
