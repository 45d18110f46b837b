package io.runnel.api.state;

import io.runnel.api.functions.ReduceFunction;
import java.util.Objects;

/** Describes a {@link ReducingState} with the function that folds its values. */
public final class ReducingStateDescriptor<T> extends StateDescriptor {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<T> reducer;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reducer) {
        super(name);
        this.reducer = Objects.requireNonNull(reducer, "reducer");
    }

    public ReduceFunction<T> reducer() {
        return reducer;
    }
}
