package io.runnel.runtime.execution;

import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.time.TimestampAssigner;
import io.runnel.api.time.WatermarkGenerator;
import io.runnel.api.time.WatermarkOutput;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.ProcessingClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a source reader emits into: assigns timestamps, runs one watermark generator per split,
 * and emits the reader's watermark (the minimum over its active splits) after a poll, at most
 * once per watermark interval, so the record batches between two watermarks fill. Splits with no
 * records for the idleness timeout do not hold the watermark back.
 */
final class SourceOutput<T> implements ReaderOutput<T> {
    private final Output<T> out;
    private final WatermarkStrategy<T> strategy;
    private final TimestampAssigner<T> assigner;
    private final ProcessingClock clock;
    private final long idleAfter;
    private final long intervalMillis;
    private long lastEmitAt = Long.MIN_VALUE;
    private final SplitOutput main;
    private final Map<String, SplitOutput> splits = new HashMap<>();
    private final List<SplitOutput> all = new ArrayList<>();
    private long emittedWatermark = Long.MIN_VALUE;
    private boolean idle;
    long records;

    SourceOutput(Output<T> out, WatermarkStrategy<T> strategy, ProcessingClock clock, long intervalMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
        this.strategy = strategy;
        this.assigner = strategy.timestampAssigner();
        this.clock = clock;
        this.idleAfter = strategy.idleness() == null ? Long.MAX_VALUE : strategy.idleness().toMillis();
        this.main = new SplitOutput();
        main.lastRecordAt = idleAfter == Long.MAX_VALUE ? 0 : clock.now();
        all.add(main);
    }

    @Override
    public void collect(T record) {
        main.collect(record, Long.MIN_VALUE);
    }

    @Override
    public void collect(T record, long timestamp) {
        main.collect(record, timestamp);
    }

    @Override
    public ReaderOutput<T> forSplit(String splitId) {
        return splits.computeIfAbsent(splitId, id -> {
            SplitOutput s = new SplitOutput();
            s.used = true; // a known split holds the watermark back until it has data or is released
            s.lastRecordAt = idleAfter == Long.MAX_VALUE ? 0 : clock.now();
            all.add(s);
            return s;
        });
    }

    @Override
    public void releaseSplit(String splitId) {
        SplitOutput s = splits.remove(splitId);
        if (s != null) all.remove(s);
    }

    /**
     * After a poll: once the interval has passed since the last emission (or at once when
     * {@code force}, the reader having nothing more to read), let generators emit, then forward
     * the minimum if it advanced.
     */
    void emitPeriodic(boolean force) {
        if (intervalMillis > 0 && !force) {
            long t = clock.now();
            if (lastEmitAt != Long.MIN_VALUE && t - lastEmitAt < intervalMillis) return;
            lastEmitAt = t;
        }
        long now = idleAfter == Long.MAX_VALUE ? 0 : clock.now();
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        boolean anyUsed = idleAfter != Long.MAX_VALUE;
        for (int i = 0; i < all.size(); i++) {
            SplitOutput s = all.get(i);
            // with idleness, a reader that never emitted still holds the watermark until it times out
            if (!s.used && idleAfter == Long.MAX_VALUE) continue;
            s.generator.onPeriodicEmit(s);
            anyUsed |= s.used;
            if (s.markedIdle || (idleAfter != Long.MAX_VALUE && now - s.lastRecordAt >= idleAfter)) continue;
            anyActive = true;
            min = Math.min(min, s.watermark);
        }
        boolean nowIdle = anyUsed && !anyActive;
        if (nowIdle != idle) {
            idle = nowIdle;
            out.emitIdle(idle);
        }
        if (anyActive && min > emittedWatermark && min != Long.MAX_VALUE) {
            emittedWatermark = min;
            out.emitWatermark(min);
        }
    }

    /** One split's generator and watermark. */
    private final class SplitOutput implements ReaderOutput<T>, WatermarkOutput {
        final WatermarkGenerator<T> generator = strategy.createGenerator();
        long watermark = Long.MIN_VALUE;
        long lastRecordAt;
        boolean used;
        boolean markedIdle;

        @Override
        public void collect(T record) {
            collect(record, Long.MIN_VALUE);
        }

        @Override
        public void collect(T record, long timestamp) {
            long ts = assigner == null ? timestamp : assigner.extractTimestamp(record, timestamp);
            if (!used) used = true;
            if (idleAfter != Long.MAX_VALUE) lastRecordAt = clock.now();
            markedIdle = false;
            generator.onEvent(record, ts, this);
            records++;
            out.collect(record, ts);
        }

        @Override
        public ReaderOutput<T> forSplit(String splitId) {
            return SourceOutput.this.forSplit(splitId);
        }

        @Override
        public void releaseSplit(String splitId) {
            SourceOutput.this.releaseSplit(splitId);
        }

        @Override
        public void emitWatermark(long timestamp) {
            used = true;
            if (timestamp > watermark) watermark = timestamp;
        }

        @Override
        public void markIdle() {
            markedIdle = true;
        }

        @Override
        public void markActive() {
            markedIdle = false;
        }
    }
}
