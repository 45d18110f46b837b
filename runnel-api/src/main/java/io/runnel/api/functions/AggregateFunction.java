package io.runnel.api.functions;

/**
 * Incremental aggregation through an accumulator: a window or aggregating state holds one
 * accumulator, never the elements. {@link #merge} must be implemented for sliding windows
 * (which share slices) and session windows (which merge): it may return or modify {@code a}
 * and must not modify {@code b}.
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}
