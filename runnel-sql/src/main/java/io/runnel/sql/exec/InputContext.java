package io.runnel.sql.exec;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The one DataContext a compiled expression reads its input from: Calcite's generated code takes
 * the row's fields as {@code "inputRecord"}. Reused for every record.
 */
final class InputContext implements DataContext {
    Object[] fields;

    @Override
    public Object get(String name) {
        return "inputRecord".equals(name) ? fields : null;
    }

    @Override
    public SchemaPlus getRootSchema() {
        return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return null;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }
}
