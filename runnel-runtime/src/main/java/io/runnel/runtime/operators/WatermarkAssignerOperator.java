package io.runnel.runtime.operators;

import io.runnel.api.time.TimestampAssigner;
import io.runnel.api.time.WatermarkGenerator;
import io.runnel.api.time.WatermarkOutput;
import io.runnel.api.time.WatermarkStrategy;

/**
 * Assigns timestamps and generates watermarks mid-stream. Upstream watermarks are dropped
 * (except the final one at end of input); this operator's own are emitted after each input batch.
 */
public final class WatermarkAssignerOperator<T> extends StreamOperator<T> implements OneInputOperator<T>, BatchEndListener {
    private final WatermarkStrategy<T> strategy;
    private TimestampAssigner<T> assigner;
    private WatermarkGenerator<T> generator;
    private long emitted = Long.MIN_VALUE;
    private final WatermarkOutput wmOut = new WatermarkOutput() {
        @Override
        public void emitWatermark(long timestamp) {
            if (timestamp > emitted) {
                emitted = timestamp;
                output.emitWatermark(timestamp);
            }
        }

        @Override
        public void markIdle() {
            output.emitIdle(true);
        }

        @Override
        public void markActive() {
            output.emitIdle(false);
        }
    };

    public WatermarkAssignerOperator(WatermarkStrategy<T> strategy) {
        this.strategy = strategy;
    }

    @Override
    public void open() {
        assigner = strategy.timestampAssigner();
        generator = strategy.createGenerator();
    }

    @Override
    public void processElement(T value, long timestamp) {
        long ts = assigner == null ? timestamp : assigner.extractTimestamp(value, timestamp);
        generator.onEvent(value, ts, wmOut);
        output.collect(value, ts);
    }

    @Override
    public void onBatchEnd() {
        generator.onPeriodicEmit(wmOut);
    }

    @Override
    public void processWatermark(long watermark) {
        if (watermark == Long.MAX_VALUE) wmOut.emitWatermark(watermark);
    }
}
