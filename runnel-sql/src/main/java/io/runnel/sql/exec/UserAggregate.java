package io.runnel.sql.exec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A user-defined aggregate function, as Flink's AggregateFunction by its method names: a public no-argument
 * constructor, {@code createAccumulator()}, {@code accumulate(acc, args...)}, {@code getValue(acc)}, and, when it
 * can take an updating input, {@code retract(acc, args...)}, and for windows that share partial results,
 * {@code merge(acc, Iterable<acc>)}. The class is named, not shipped: each JVM loads it and resolves the methods once.
 * Accumulators live in state, so they must be Serializable; a copy for a snapshot is made by serializing it.
 */
public final class UserAggregate implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private final String className;
    private final int[] args;
    private transient Object function;
    private transient Method create;
    private transient Method accumulate;
    private transient Method retract;
    private transient Method merge;
    private transient Method value;
    private transient Object[] call;

    public UserAggregate(String className, int[] args) {
        this.className = className;
        this.args = args;
    }

    public String className() {
        return className;
    }

    private void resolve() {
        if (function != null) {
            return;
        }
        try {
            Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            function = c.getConstructor().newInstance();
            for (Method m : c.getMethods()) {
                switch (m.getName()) {
                    case "createAccumulator" -> create = m.getParameterCount() == 0 ? m : create;
                    case "accumulate" -> accumulate = m.getParameterCount() == args.length + 1 ? m : accumulate;
                    case "retract" -> retract = m.getParameterCount() == args.length + 1 ? m : retract;
                    case "merge" -> merge = m.getParameterCount() == 2 ? m : merge;
                    case "getValue" -> value = m.getParameterCount() == 1 ? m : value;
                    default -> { }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("aggregate function " + className + ": " + e, e);
        }
        if (create == null || accumulate == null || value == null) {
            throw new IllegalStateException("aggregate function " + className + " needs public createAccumulator(),"
                    + " accumulate(acc, " + args.length + " arguments) and getValue(acc)");
        }
        call = new Object[args.length + 1];
    }

    Object createAccumulator() {
        resolve();
        return invoke(create);
    }

    /** Adds (or, {@code retract}, removes) the row's arguments; returns the accumulator. */
    Object accumulate(Object acc, io.runnel.sql.data.Row row, boolean retract) {
        resolve();
        Method m = retract ? this.retract : accumulate;
        if (m == null) {
            throw new IllegalStateException("aggregate function " + className + " has no retract(acc, ...) method, which"
                    + " an updating input needs");
        }
        Object a = acc == null ? invoke(create) : acc;
        call[0] = a;
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            call[i + 1] = coerce(row.field(args[i]), types[i + 1]);
        }
        invoke(m, call);
        return a;
    }

    /** A column's value as the parameter takes it: SQL widens an INT argument to a BIGINT parameter, so must we. */
    private static Object coerce(Object v, Class<?> type) {
        if (!(v instanceof Number n) || type.isInstance(v)) {
            return v;
        }
        if (type == Long.class || type == long.class) {
            return n.longValue();
        }
        if (type == Integer.class || type == int.class) {
            return n.intValue();
        }
        if (type == Double.class || type == double.class) {
            return n.doubleValue();
        }
        if (type == Float.class || type == float.class) {
            return n.floatValue();
        }
        if (type == java.math.BigDecimal.class) {
            return n instanceof java.math.BigDecimal ? n : new java.math.BigDecimal(n.toString());
        }
        return v;
    }

    Object merge(Object acc, Object other) {
        resolve();
        if (other == null) {
            return acc;
        }
        if (merge == null) {
            throw new IllegalStateException("aggregate function " + className + " has no merge(acc, Iterable<acc>) method,"
                    + " which this window needs");
        }
        Object a = acc == null ? invoke(create) : acc;
        invoke(merge, a, List.of(other));
        return a;
    }

    Object value(Object acc) {
        resolve();
        return invoke(value, acc == null ? invoke(create) : acc);
    }

    /** A deep copy of an accumulator (state copies must not share mutable accumulators). */
    static Object copy(Object acc) {
        if (acc == null) {
            return null;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(acc);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("an aggregate accumulator (" + acc.getClass().getName() + ") cannot be copied;"
                    + " it must be Serializable: " + e, e);
        }
    }

    private Object invoke(Method m, Object... a) {
        try {
            return m.invoke(function, a);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("aggregate function " + className + "." + m.getName() + " failed: "
                    + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("aggregate function " + className + "." + m.getName() + ": " + e, e);
        }
    }
}
