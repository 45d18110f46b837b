package io.runnel.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state, in processing time. Value, reducing and aggregating state expire
 * as a whole; each element of a list and each entry of a map carries its own timestamp and
 * expires on its own. An expired value is never returned (Flink's {@code NeverReturnExpired}).
 *
 * <p>Expired values are removed when read, and also without being read:
 * <ul>
 *   <li>{@link #cleanupIncrementally} (on by default, 5 entries): each access of the state checks
 *       a few stored entries and removes the expired ones, walking the whole state over time;
 *       optionally also on every record the operator processes, so state that is no longer
 *       accessed still shrinks.</li>
 *   <li>{@link #cleanupFullSnapshot} (off by default): a checkpoint does not contain expired
 *       values. On the heap the snapshot skips them as it is written; on RocksDB the checkpoint
 *       first removes them from the whole state, which costs a full scan on the task's thread.</li>
 * </ul>
 * Configs are immutable: the cleanup methods return a changed copy.
 */
public final class StateTtlConfig implements Serializable {
    private static final long serialVersionUID = 2L;

    /** When the expiry clock restarts. */
    public enum UpdateType { ON_CREATE_AND_WRITE, ON_READ_AND_WRITE }

    /** Flink's default incremental cleanup size: entries checked per state access. */
    public static final int DEFAULT_CLEANUP_SIZE = 5;

    public static final StateTtlConfig DISABLED = new StateTtlConfig(Duration.ZERO, UpdateType.ON_CREATE_AND_WRITE, 0, false, false);

    private final Duration ttl;
    private final UpdateType updateType;
    private final int incrementalCleanupSize;
    private final boolean cleanupOnEveryRecord;
    private final boolean fullSnapshotCleanup;

    private StateTtlConfig(Duration ttl, UpdateType updateType, int incrementalCleanupSize, boolean cleanupOnEveryRecord,
                           boolean fullSnapshotCleanup) {
        this.ttl = ttl;
        this.updateType = updateType;
        this.incrementalCleanupSize = incrementalCleanupSize;
        this.cleanupOnEveryRecord = cleanupOnEveryRecord;
        this.fullSnapshotCleanup = fullSnapshotCleanup;
    }

    public static StateTtlConfig of(Duration ttl) {
        return of(ttl, UpdateType.ON_CREATE_AND_WRITE);
    }

    public static StateTtlConfig of(Duration ttl, UpdateType updateType) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("state TTL must be positive, got " + ttl);
        }
        return new StateTtlConfig(ttl, Objects.requireNonNull(updateType), DEFAULT_CLEANUP_SIZE, false, false);
    }

    /**
     * Checks {@code cleanupSize} stored entries for expiry on every access of the state, and with
     * {@code runCleanupForEveryRecord} also on every record (and timer) of the operator.
     */
    public StateTtlConfig cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
        requireEnabled("cleanupIncrementally");
        if (cleanupSize <= 0) throw new IllegalArgumentException("cleanupIncrementally: cleanupSize must be positive, got " + cleanupSize);
        return new StateTtlConfig(ttl, updateType, cleanupSize, runCleanupForEveryRecord, fullSnapshotCleanup);
    }

    /** Checkpoints leave expired values out (see the class comment for the cost on RocksDB). */
    public StateTtlConfig cleanupFullSnapshot() {
        requireEnabled("cleanupFullSnapshot");
        return new StateTtlConfig(ttl, updateType, incrementalCleanupSize, cleanupOnEveryRecord, true);
    }

    /** Expired values are removed only when read (and by {@link #cleanupFullSnapshot} if set). */
    public StateTtlConfig disableCleanupInBackground() {
        requireEnabled("disableCleanupInBackground");
        return new StateTtlConfig(ttl, updateType, 0, false, fullSnapshotCleanup);
    }

    private void requireEnabled(String what) {
        if (!enabled()) throw new IllegalStateException(what + " on a disabled state TTL: create one with StateTtlConfig.of(duration)");
    }

    public boolean enabled() {
        return !ttl.isZero();
    }

    public long ttlMillis() {
        return ttl.toMillis();
    }

    public UpdateType updateType() {
        return updateType;
    }

    /** Entries checked per access by the incremental cleanup; 0 when it is off. */
    public int incrementalCleanupSize() {
        return incrementalCleanupSize;
    }

    /** Whether the incremental cleanup also runs on every record of the operator. */
    public boolean cleanupOnEveryRecord() {
        return cleanupOnEveryRecord;
    }

    public boolean fullSnapshotCleanup() {
        return fullSnapshotCleanup;
    }

    @Override
    public String toString() {
        return enabled() ? "StateTtlConfig{" + ttl + ", " + updateType + ", incremental cleanup " + incrementalCleanupSize
                + (cleanupOnEveryRecord ? " (every record)" : "") + (fullSnapshotCleanup ? ", full snapshot cleanup" : "") + "}"
                : "StateTtlConfig{disabled}";
    }
}
