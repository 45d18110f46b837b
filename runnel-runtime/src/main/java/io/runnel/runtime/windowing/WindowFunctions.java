package io.runnel.runtime.windowing;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.ReduceFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ways a window folds its elements, as one accumulator interface: an aggregate
 * function, a reduce function (the accumulator is the value), or a list of every element.
 */
final class WindowFunctions {
    private WindowFunctions() {}

    /** Folds elements into an accumulator; {@code merge} must not modify its second argument. */
    interface Folder {
        Object create();

        Object add(Object acc, Object value) throws Exception;

        Object merge(Object a, Object b) throws Exception;

        /** The values the window function sees. */
        Iterable<Object> result(Object acc);

        /** True when the accumulator is the list of elements. */
        default boolean keepsElements() {
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Folder of(ReduceFunction<?> reduce, AggregateFunction<?, ?, ?> aggregate) {
        if (aggregate != null) {
            AggregateFunction agg = aggregate;
            return new Folder() {
                public Object create() {
                    return agg.createAccumulator();
                }

                public Object add(Object acc, Object value) {
                    return agg.add(value, acc);
                }

                public Object merge(Object a, Object b) {
                    return agg.merge(a, b);
                }

                public Iterable<Object> result(Object acc) {
                    return List.of(agg.getResult(acc));
                }
            };
        }
        if (reduce != null) {
            ReduceFunction r = reduce;
            return new Folder() {
                public Object create() {
                    return null;
                }

                public Object add(Object acc, Object value) throws Exception {
                    return acc == null ? value : r.reduce(acc, value);
                }

                public Object merge(Object a, Object b) throws Exception {
                    return a == null ? b : b == null ? a : r.reduce(a, b);
                }

                public Iterable<Object> result(Object acc) {
                    return List.of(acc);
                }
            };
        }
        return new Folder() {
            public Object create() {
                return new ArrayList<>();
            }

            public Object add(Object acc, Object value) {
                ((ArrayList<Object>) acc).add(value);
                return acc;
            }

            public Object merge(Object a, Object b) {
                ((ArrayList<Object>) a).addAll((List<Object>) b);
                return a;
            }

            public Iterable<Object> result(Object acc) {
                return (List<Object>) acc;
            }

            public boolean keepsElements() {
                return true;
            }
        };
    }
}
