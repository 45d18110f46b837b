package io.runnel.state.rocksdb;

import java.util.function.LongSupplier;

/** A processing-time clock that tests move by hand. */
final class ManualClock implements LongSupplier {
    private long now;

    @Override
    public long getAsLong() {
        return now;
    }

    void set(long time) {
        now = time;
    }

    void advance(long millis) {
        now += millis;
    }
}
