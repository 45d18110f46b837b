package io.runnel.api.state;

/** Folds added values into an accumulator with an aggregate function; holds one accumulator per key. */
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {}
