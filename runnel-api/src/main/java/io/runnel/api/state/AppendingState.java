package io.runnel.api.state;

/** State that folds added values into one result. */
public interface AppendingState<IN, OUT> extends State {
    /** The folded result, or null when nothing was added. */
    OUT get();

    void add(IN value);
}
