package io.runnel.sql.planner;

import com.google.common.collect.ImmutableList;
import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/**
 * {@code VALUES (...), (...)} (also {@code INSERT INTO t VALUES ...}): a bounded insert-only stream of the literal
 * rows, each value in the internal form the operators read (a timestamp's epoch milliseconds, a date's days).
 */
final class ValuesTranslator {
    private final StreamEnvironment env;

    ValuesTranslator(StreamEnvironment env) {
        this.env = env;
    }

    Translated translate(Values values) {
        JavaTypeFactory types = (JavaTypeFactory) values.getCluster().getTypeFactory();
        List<RelDataType> columns = values.getRowType().getFieldList().stream().map(f -> f.getType()).toList();
        List<Row> rows = new ArrayList<>();
        for (ImmutableList<RexLiteral> tuple : values.getTuples()) {
            Object[] f = new Object[tuple.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = internal(tuple.get(i), columns.get(i), types);
            }
            rows.add(Row.insert(f));
        }
        DataStream<Row> out = env.fromCollection(rows).name("Values[" + rows.size() + " rows]");
        return new Translated(out, -1);
    }

    private static Object internal(RexLiteral literal, RelDataType type, JavaTypeFactory types) {
        if (literal.isNull()) {
            return null;
        }
        Class<?> c = boxed((Class<?>) types.getJavaClass(type));
        Object v = literal.getValueAs(c);
        if (v == null) {
            throw new SqlPlanningException("VALUES: cannot read " + literal + " as " + type);
        }
        return v;
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == double.class ? Double.class
                : c == float.class ? Float.class : c == boolean.class ? Boolean.class : c == short.class ? Short.class
                : c == byte.class ? Byte.class : Character.class;
    }
}
