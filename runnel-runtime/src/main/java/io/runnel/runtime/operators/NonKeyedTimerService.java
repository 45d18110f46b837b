package io.runnel.runtime.operators;

import io.runnel.api.functions.TimerService;
import java.util.function.LongSupplier;

/** The timer service of a non-keyed function: tells the time, refuses timers with a clear message. */
final class NonKeyedTimerService implements TimerService {
    private final OperatorContext ctx;
    private final LongSupplier watermark;

    private NonKeyedTimerService(OperatorContext ctx, LongSupplier watermark) {
        this.ctx = ctx;
        this.watermark = watermark;
    }

    static TimerService of(OperatorContext ctx, LongSupplier watermark) {
        return new NonKeyedTimerService(ctx, watermark);
    }

    @Override
    public long currentProcessingTime() {
        return ctx.clock().now();
    }

    @Override
    public long currentWatermark() {
        return watermark.getAsLong();
    }

    private UnsupportedOperationException refuse() {
        return new UnsupportedOperationException("operator '" + ctx.name() + "': timers need a keyed stream; use keyBy() and a KeyedProcessFunction");
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw refuse();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw refuse();
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw refuse();
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw refuse();
    }
}
