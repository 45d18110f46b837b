package io.runnel.sql.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Consumer;

/**
 * The base of a user-defined table function, as Flink's TableFunction: public {@code eval(...)} methods that call
 * {@link #collect} once per row they produce, used as {@code LATERAL TABLE(fn(args))}. Its columns are named by
 * {@link Columns} ({@code @Columns({"word STRING", "length INT"})}, rows collected as {@code Object[]} of those values,
 * internal forms: a TIMESTAMP as epoch milliseconds); without it, one column {@code f0} of the type of the values
 * collected, given by {@code T} (String, Long, Integer, Double or Boolean).
 */
public abstract class TableFunction<T> {
    private Consumer<Object> out;

    /** Emits a row of the table this call produces. */
    protected final void collect(T row) {
        out.accept(row);
    }

    /** Where the rows of the next calls go (the planner's, not for user code). */
    public final void collector(Consumer<Object> out) {
        this.out = out;
    }

    /** The output columns, as {@code "name TYPE"}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Columns {
        String[] value();
    }
}
