package io.runnel.runtime.operators;

import io.runnel.api.OutputTag;

/**
 * Hands records straight to the next operator of the chain: a method call, no queue. A failure
 * of that operator is wrapped once with its name and subtask.
 */
public final class ChainingOutput<T> implements Output<T> {
    private final StreamOperator<?> next;
    private final OneInputOperator<T> input;

    @SuppressWarnings("unchecked")
    public ChainingOutput(StreamOperator<?> next) {
        this.next = next;
        this.input = (OneInputOperator<T>) next;
    }

    @Override
    public void collect(T record, long timestamp) {
        try {
            input.processElement(record, timestamp);
        } catch (OperatorFailure f) {
            throw f;
        } catch (Exception | Error e) {
            throw next.context().failure(e);
        }
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X record, long timestamp) {}

    @Override
    public void emitWatermark(long watermark) {
        try {
            next.processWatermark(watermark);
        } catch (OperatorFailure f) {
            throw f;
        } catch (Exception | Error e) {
            throw next.context().failure(e);
        }
    }

    @Override
    public void emitIdle(boolean idle) {
        next.processIdle(idle);
    }
}
