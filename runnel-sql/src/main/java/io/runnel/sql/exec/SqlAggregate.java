package io.runnel.sql.exec;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.sql.data.Row;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The aggregate calls of one GROUP BY, accumulated incrementally: per call a count of the inputs that count and a value
 * (sum, min, max or a sketch). Sums add in long, double or BigDecimal as the input is. Over an updating input
 * ({@code retracting}) a removed row subtracts from counts and sums, and a MIN/MAX whose extreme is removed takes the
 * next one from the call's {@link ValueCounts}; DISTINCT calls count a value only when its count goes from 0 to 1.
 */
public final class SqlAggregate implements AggregateFunction<Row, SqlAggregate.Acc, SqlAggregate.Acc> {
    private static final long serialVersionUID = 1L;
    private final AggSpec[] calls;
    private final boolean retracting;

    public SqlAggregate(AggSpec[] calls) {
        this(calls, false);
    }

    public SqlAggregate(AggSpec[] calls, boolean retracting) {
        this.calls = calls;
        this.retracting = retracting;
        for (AggSpec c : calls) {
            if (retracting && c.kind() == AggSpec.Kind.APPROX_COUNT_DISTINCT) {
                throw new IllegalArgumentException("APPROX_COUNT_DISTINCT cannot take an updating input");
            }
        }
    }

    /** Per call: inputs counted and the accumulated value; the group's net row count; value counts when kept here. */
    public static final class Acc implements ValueCounts, java.io.Serializable, io.runnel.api.state.StateCopyable<Acc> {
        private static final long serialVersionUID = 1L;
        final long[] counts;
        final Object[] values;
        final HashMap<Object, Long>[] valueCounts;
        long rows;

        @SuppressWarnings("unchecked")
        Acc(int n) {
            counts = new long[n];
            values = new Object[n];
            valueCounts = new HashMap[n];
        }

        /** The rows in the group: inserts less removals. */
        public long rows() {
            return rows;
        }

        @Override
        public long add(int call, Object value, long delta) {
            long n = valueCounts[call].merge(value, delta, Long::sum);
            if (n == 0) {
                valueCounts[call].remove(value);
            }
            return n;
        }

        @Override
        public Iterable<Object> values(int call) {
            return valueCounts[call].keySet();
        }

        private static boolean isImmutable(Object v) {
            return v == null || v instanceof Number || v instanceof String || v instanceof Boolean;
        }

        /** Values are immutable (numbers, strings) except sketches and user accumulators, copied with the arrays and value maps. */
        @Override
        @SuppressWarnings("unchecked")
        public Acc copyState() {
            Acc c = new Acc(counts.length);
            System.arraycopy(counts, 0, c.counts, 0, counts.length);
            for (int i = 0; i < values.length; i++) {
                c.values[i] = values[i] instanceof HllAccumulator h ? h.copy() // sketches are mutable
                        : isImmutable(values[i]) ? values[i] : UserAggregate.copy(values[i]); // so are user accumulators
            }
            for (int i = 0; i < valueCounts.length; i++) {
                c.valueCounts[i] = valueCounts[i] == null ? null : new HashMap<>(valueCounts[i]);
            }
            c.rows = rows;
            return c;
        }
    }

    /** An accumulator that keeps value counts itself (windows); else they are the caller's (map state). */
    public Acc createAccumulator(boolean ownValueCounts) {
        Acc acc = new Acc(calls.length);
        for (int i = 0; ownValueCounts && i < calls.length; i++) {
            if (calls[i].countsValues(retracting)) {
                acc.valueCounts[i] = new HashMap<>();
            }
        }
        return acc;
    }

    @Override
    public Acc createAccumulator() {
        return createAccumulator(true);
    }

    @Override
    public Acc add(Row row, Acc acc) {
        accumulate(row, acc, false, acc);
        return acc;
    }

    /** Adds {@code row} to or, {@code retract}, removes it from the group. */
    public void accumulate(Row row, Acc acc, boolean retract, ValueCounts counts) {
        acc.rows += retract ? -1 : 1;
        for (int i = 0; i < calls.length; i++) {
            AggSpec c = calls[i];
            if (c.filterArg() >= 0 && !Boolean.TRUE.equals(row.field(c.filterArg()))) {
                continue;
            }
            if (c.kind() == AggSpec.Kind.USER) {
                acc.values[i] = c.user().accumulate(acc.values[i], row, retract);
                acc.counts[i] += retract ? -1 : 1;
                continue;
            }
            Object v = c.arg() < 0 ? Boolean.TRUE : row.field(c.arg());
            if (v == null) {
                continue;
            }
            long n = c.countsValues(retracting) ? counts.add(i, v, retract ? -1 : 1) : -1;
            if (c.distinct() && !c.isExtreme() && n >= 0 && n != (retract ? 0 : 1)) {
                continue; // the value was, or still is, in the group
            }
            if (retract) {
                retract(i, c, acc, v, n == 0, counts);
            } else {
                acc.counts[i]++;
                if (c.kind() == AggSpec.Kind.APPROX_COUNT_DISTINCT) {
                    acc.values[i] = HllAccumulator.add(acc.values[i], v);
                } else if (c.kind() != AggSpec.Kind.COUNT) {
                    acc.values[i] = combine(c.kind(), acc.values[i], v);
                }
            }
        }
    }

    private static void retract(int i, AggSpec c, Acc acc, Object v, boolean gone, ValueCounts counts) {
        acc.counts[i]--;
        if (acc.counts[i] == 0 || c.kind() == AggSpec.Kind.COUNT) {
            acc.values[i] = null; // no residue of a sum of doubles
        } else if (c.isExtreme()) {
            if (gone && compare(v, acc.values[i]) == 0) {
                acc.values[i] = extreme(c.kind(), counts.values(i));
            }
        } else {
            acc.values[i] = combine(c.kind(), acc.values[i], negate(v));
        }
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        a.rows += b.rows;
        for (int i = 0; i < calls.length; i++) {
            if (a.valueCounts[i] != null) {
                mergeCounted(i, a, b);
                continue;
            }
            if (calls[i].kind() == AggSpec.Kind.USER) {
                a.values[i] = calls[i].user().merge(a.values[i], b.values[i]);
                a.counts[i] += b.counts[i];
                continue;
            }
            a.counts[i] += b.counts[i];
            if (calls[i].kind() == AggSpec.Kind.APPROX_COUNT_DISTINCT) {
                a.values[i] = HllAccumulator.merge(a.values[i], b.values[i]);
            } else if (b.values[i] != null) {
                a.values[i] = a.values[i] == null ? b.values[i] : combine(calls[i].kind(), a.values[i], b.values[i]);
            }
        }
        return a;
    }

    /** A distinct call: b's values that are new to a add to a's aggregate. */
    private void mergeCounted(int i, Acc a, Acc b) {
        for (Map.Entry<Object, Long> e : b.valueCounts[i].entrySet()) {
            if (a.add(i, e.getKey(), e.getValue()) == e.getValue()) {
                a.counts[i]++;
                if (calls[i].kind() != AggSpec.Kind.COUNT) {
                    a.values[i] = combine(calls[i].kind(), a.values[i], e.getKey());
                }
            }
        }
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
            case APPROX_COUNT_DISTINCT -> HllAccumulator.estimate(acc.values[i]);
            case USER -> c.user().value(acc.values[i]);
        };
    }

    public int arity() {
        return calls.length;
    }

    boolean retracting() {
        return retracting;
    }

    /** The calls that keep value counts, by index (false: none). */
    boolean[] countedCalls() {
        boolean[] out = new boolean[calls.length];
        for (int i = 0; i < calls.length; i++) {
            out[i] = calls[i].countsValues(retracting);
        }
        return out;
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

    private static Object extreme(AggSpec.Kind kind, Iterable<Object> values) {
        Object best = null;
        for (Object v : values) {
            best = combine(kind, best, v);
        }
        return best;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static Object negate(Object v) {
        if (v instanceof BigDecimal d) {
            return d.negate();
        }
        if (v instanceof Double || v instanceof Float) {
            return -((Number) v).doubleValue();
        }
        return -((Number) v).longValue();
    }

    private static Object combine(AggSpec.Kind kind, Object acc, Object v) {
        if (kind == AggSpec.Kind.MIN || kind == AggSpec.Kind.MAX) {
            if (acc == null) {
                return v;
            }
            int cmp = compare(v, acc);
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
