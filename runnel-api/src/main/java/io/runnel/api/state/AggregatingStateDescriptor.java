package io.runnel.api.state;

import io.runnel.api.functions.AggregateFunction;
import java.util.Objects;

/** Describes an {@link AggregatingState} with its aggregate function. */
public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction<IN, ACC, OUT> aggregate;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregate) {
        super(name);
        this.aggregate = Objects.requireNonNull(aggregate, "aggregate");
    }

    public AggregateFunction<IN, ACC, OUT> aggregate() {
        return aggregate;
    }
}
