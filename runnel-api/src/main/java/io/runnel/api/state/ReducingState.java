package io.runnel.api.state;

/** Folds added values with a reduce function; holds one value per key. */
public interface ReducingState<T> extends AppendingState<T, T> {}
