package io.runnel.state.rocksdb;

import io.runnel.api.state.StateTtlConfig;

/** A state's time-to-live as RocksDB handles need it: the stamp lives in the value bytes. */
final class TtlPolicy {
    private final boolean enabled;
    private final long ttlMillis;
    private final boolean refreshOnRead;
    private final int cleanupSize;
    private final boolean cleanupOnEveryRecord;
    private final boolean fullSnapshotCleanup;

    TtlPolicy(StateTtlConfig config) {
        this.enabled = config.enabled();
        this.ttlMillis = config.ttlMillis();
        this.refreshOnRead = config.updateType() == StateTtlConfig.UpdateType.ON_READ_AND_WRITE;
        this.cleanupSize = config.incrementalCleanupSize();
        this.cleanupOnEveryRecord = config.cleanupOnEveryRecord();
        this.fullSnapshotCleanup = config.fullSnapshotCleanup();
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

    /** Entries the incremental cleanup checks per access; 0 when off. */
    int cleanupSize() {
        return cleanupSize;
    }

    boolean cleanupOnEveryRecord() {
        return cleanupOnEveryRecord;
    }

    boolean fullSnapshotCleanup() {
        return fullSnapshotCleanup;
    }
}
