package io.runnel.sql.exec;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.sql.data.Row;
import java.math.BigDecimal;

/**
 * The aggregate calls of one GROUP BY, accumulated incrementally: per call a count of non-null
 * inputs and a value (sum, min or max). Sums add in long, double or BigDecimal as the input is.
 */
public final class SqlAggregate implements AggregateFunction<Row, SqlAggregate.Acc, SqlAggregate.Acc> {
    private static final long serialVersionUID = 1L;
    private final AggSpec[] calls;

    public SqlAggregate(AggSpec[] calls) {
        this.calls = calls;
    }

    /** Per call: non-null inputs seen and the accumulated value. */
    public static final class Acc implements java.io.Serializable, io.runnel.api.state.StateCopyable<Acc> {
        private static final long serialVersionUID = 1L;
        final long[] counts;
        final Object[] values;

        Acc(int n) {
            counts = new long[n];
            values = new Object[n];
        }

        private Acc(long[] counts, Object[] values) {
            this.counts = counts;
            this.values = values;
        }

        /** The values are immutable (numbers, strings), so copying the arrays copies the accumulator. */
        @Override
        public Acc copyState() {
            return new Acc(counts.clone(), values.clone());
        }
    }

    @Override
    public Acc createAccumulator() {
        return new Acc(calls.length);
    }

    @Override
    public Acc add(Row row, Acc acc) {
        for (int i = 0; i < calls.length; i++) {
            AggSpec c = calls[i];
            Object v = c.arg() < 0 ? Boolean.TRUE : row.field(c.arg());
            if (v != null) {
                acc.counts[i]++;
                if (c.kind() != AggSpec.Kind.COUNT) {
                    acc.values[i] = combine(c.kind(), acc.values[i], v);
                }
            }
        }
        return acc;
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        for (int i = 0; i < calls.length; i++) {
            a.counts[i] += b.counts[i];
            if (b.values[i] != null) {
                a.values[i] = a.values[i] == null ? b.values[i] : combine(calls[i].kind(), a.values[i], b.values[i]);
            }
        }
        return a;
    }

    @Override
    public Acc getResult(Acc acc) {
        return acc;
    }

    /** The result of call {@code i}, in its SQL type. */
    public Object result(Acc acc, int i) {
        AggSpec c = calls[i];
        long n = acc.counts[i];
        return switch (c.kind()) {
            case COUNT -> n;
            case SUM -> n == 0 ? null : c.convert(acc.values[i]);
            case SUM0 -> n == 0 ? c.convert(0L) : c.convert(acc.values[i]);
            case MIN, MAX -> acc.values[i];
            case AVG -> n == 0 ? null : c.convert(average(acc.values[i], n));
        };
    }

    public int arity() {
        return calls.length;
    }

    private static Object average(Object sum, long n) {
        if (sum instanceof Long l) {
            return l / n;
        }
        if (sum instanceof BigDecimal d) {
            return d.divide(BigDecimal.valueOf(n), java.math.MathContext.DECIMAL64);
        }
        return ((Double) sum) / n;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object combine(AggSpec.Kind kind, Object acc, Object v) {
        if (kind == AggSpec.Kind.MIN || kind == AggSpec.Kind.MAX) {
            if (acc == null) {
                return v;
            }
            int cmp = ((Comparable) v).compareTo(acc);
            return (kind == AggSpec.Kind.MIN ? cmp < 0 : cmp > 0) ? v : acc;
        }
        if (v instanceof BigDecimal d) {
            return acc == null ? d : ((BigDecimal) acc).add(d);
        }
        if (v instanceof Double || v instanceof Float) {
            return (acc == null ? 0.0 : (Double) acc) + ((Number) v).doubleValue();
        }
        return (acc == null ? 0L : (Long) acc) + ((Number) v).longValue();
    }
}
