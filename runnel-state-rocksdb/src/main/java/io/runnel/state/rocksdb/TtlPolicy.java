package io.runnel.state.rocksdb;

import io.runnel.api.state.StateTtlConfig;

/** A state's time-to-live as RocksDB handles need it: the stamp lives in the value bytes. */
final class TtlPolicy {
    private final boolean enabled;
    private final long ttlMillis;
    private final boolean refreshOnRead;

    TtlPolicy(StateTtlConfig config) {
        this.enabled = config.enabled();
        this.ttlMillis = config.ttlMillis();
        this.refreshOnRead = config.updateType() == StateTtlConfig.UpdateType.ON_READ_AND_WRITE;
    }

    boolean enabled() {
        return enabled;
    }

    boolean refreshOnRead() {
        return refreshOnRead;
    }

    /** As on the heap: a value stamped at {@code stamp} is gone from {@code stamp + ttl} on. */
    boolean expired(long stamp, long now) {
        return now - stamp >= ttlMillis;
    }
}
