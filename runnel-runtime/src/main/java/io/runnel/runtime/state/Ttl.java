package io.runnel.runtime.state;

import io.runnel.api.state.StateTtlConfig;
import java.util.function.LongSupplier;

/** Wraps and unwraps state values with their last-access time when a TTL is set. */
final class Ttl {
    /** A value with the processing time it was last written (or read). */
    record Stamped(Object value, long time) implements StateCopier.Copyable, java.io.Serializable {
        @Override
        public Object copy() {
            return new Stamped(StateCopier.copy(value), time);
        }
    }

    private final StateTtlConfig config;
    private final LongSupplier clock;

    Ttl(StateTtlConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    boolean enabled() {
        return config.enabled();
    }

    Object wrap(Object value) {
        return config.enabled() && value != null ? new Stamped(value, clock.getAsLong()) : value;
    }

    /** The live value in {@code table}'s current slot, or null when absent or expired (then removed). */
    Object read(StateTable table) {
        Object raw = table.get();
        if (!config.enabled() || raw == null) return raw;
        Stamped s = (Stamped) raw;
        long now = clock.getAsLong();
        if (now - s.time() >= config.ttlMillis()) {
            table.remove();
            return null;
        }
        if (config.updateType() == StateTtlConfig.UpdateType.ON_READ_AND_WRITE) table.put(new Stamped(s.value(), now));
        return s.value();
    }
}
