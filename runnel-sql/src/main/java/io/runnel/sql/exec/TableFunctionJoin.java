package io.runnel.sql.exec;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.RichFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.sql.data.Row;
import io.runnel.sql.functions.TableFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code s, LATERAL TABLE(fn(args))} and {@code s LEFT JOIN LATERAL TABLE(fn(args)) ON TRUE}: each row of the stream
 * joined with the rows a user-defined {@link TableFunction} produces for its arguments (none: dropped, or with a LEFT
 * join padded with nulls). Stateless, so a change of the stream is the same change of each joined row.
 */
public final class TableFunctionJoin implements FlatMapFunction<Row, Row>, RichFunction {
    private static final long serialVersionUID = 1L;
    private final String className;
    private final CompiledCalc arguments;
    private final int columns;
    private final boolean multiColumn;
    private final boolean leftJoin;
    private transient TableFunction<?> function;
    private transient Method eval;
    private transient List<Object> produced;

    /** {@code arguments}: the call's arguments over the stream's row; {@code columns}: the function's columns. */
    public TableFunctionJoin(String className, CompiledCalc arguments, int columns, boolean multiColumn, boolean leftJoin) {
        this.className = className;
        this.arguments = arguments;
        this.columns = columns;
        this.multiColumn = multiColumn;
        this.leftJoin = leftJoin;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        arguments.open(context);
        Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        function = (TableFunction<?>) c.getConstructor().newInstance();
        produced = new ArrayList<>();
        function.collector(produced::add);
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) throws Exception {
        Object[] args = arguments.project(row.fields());
        produced.clear();
        try {
            evalFor(args).invoke(function, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("table function " + className + ".eval failed on " + row + ": " + e.getCause(),
                    e.getCause());
        }
        Object[] left = row.fields();
        if (produced.isEmpty() && leftJoin) {
            out.collect(new Row(row.kind(), java.util.Arrays.copyOf(left, left.length + columns)));
        }
        for (Object p : produced) {
            Object[] joined = java.util.Arrays.copyOf(left, left.length + columns);
            if (multiColumn) {
                Object[] r = (Object[]) p;
                if (r.length != columns) {
                    throw new IllegalStateException("table function " + className + " collected " + r.length
                            + " values where its @Columns name " + columns);
                }
                System.arraycopy(r, 0, joined, left.length, columns);
            } else {
                joined[left.length] = p;
            }
            out.collect(new Row(row.kind(), joined));
        }
    }

    /** The eval method taking these arguments (resolved once: the call's arity is fixed). */
    private Method evalFor(Object[] args) {
        if (eval == null) {
            for (Method m : function.getClass().getMethods()) {
                if (m.getName().equals("eval") && m.getParameterCount() == args.length) {
                    eval = m;
                }
            }
            if (eval == null) {
                throw new IllegalStateException("table function " + className + " has no eval of " + args.length + " arguments");
            }
        }
        return eval;
    }
}
