package io.runnel.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state, in processing time. An expired value reads as absent and is
 * removed when touched (and by a background sweep at checkpoints, later).
 */
public final class StateTtlConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** When the expiry clock restarts. */
    public enum UpdateType { ON_CREATE_AND_WRITE, ON_READ_AND_WRITE }

    public static final StateTtlConfig DISABLED = new StateTtlConfig(Duration.ZERO, UpdateType.ON_CREATE_AND_WRITE);

    private final Duration ttl;
    private final UpdateType updateType;

    private StateTtlConfig(Duration ttl, UpdateType updateType) {
        this.ttl = ttl;
        this.updateType = updateType;
    }

    public static StateTtlConfig of(Duration ttl) {
        return of(ttl, UpdateType.ON_CREATE_AND_WRITE);
    }

    public static StateTtlConfig of(Duration ttl, UpdateType updateType) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("state TTL must be positive, got " + ttl);
        }
        return new StateTtlConfig(ttl, Objects.requireNonNull(updateType));
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
}
