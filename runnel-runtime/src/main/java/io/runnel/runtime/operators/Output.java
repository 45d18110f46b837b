package io.runnel.runtime.operators;

import io.runnel.api.OutputTag;

/** Where an operator emits records, side-output records, watermarks and idle status. */
public interface Output<T> {
    /** {@code timestamp} is {@link Long#MIN_VALUE} for records without one. */
    void collect(T record, long timestamp);

    <X> void collect(OutputTag<X> tag, X record, long timestamp);

    void emitWatermark(long watermark);

    void emitIdle(boolean idle);

    /** An output that drops everything (the end of a chain whose operator emits nothing). */
    static <T> Output<T> discarding() {
        return new Output<>() {
            @Override
            public void collect(T record, long timestamp) {}

            @Override
            public <X> void collect(OutputTag<X> tag, X record, long timestamp) {}

            @Override
            public void emitWatermark(long watermark) {}

            @Override
            public void emitIdle(boolean idle) {}
        };
    }
}
