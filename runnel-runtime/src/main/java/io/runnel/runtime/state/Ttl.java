package io.runnel.runtime.state;

import io.runnel.api.state.StateTtlConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The time-to-live of one heap state: how its stored values carry timestamps, when they expire,
 * and the incremental cleanup that walks its {@link StateTable}. A value-shaped state (value,
 * reducing, aggregating) stores one {@link Stamped} per key; a list stores a list of stamped
 * elements and a map a map of stamped values, so each element and entry expires on its own.
 */
final class Ttl {
    /** How the state's values are stored, which decides what expires on its own. */
    enum Shape { VALUE, LIST, MAP }

    /** What {@link #expiry} found in a stored value. */
    static final int NONE_EXPIRED = 0, SOME_EXPIRED = 1, ALL_EXPIRED = 2;

    /**
     * A value with the processing time it was last written (or read). The time changes in place
     * on a refreshing read: only on a stamp the task owns (a table's get copies shared ones).
     */
    static final class Stamped implements StateCopier.Copyable, java.io.Serializable {
        private static final long serialVersionUID = 2L;
        final Object value;
        long time;

        Stamped(Object value, long time) {
            this.value = value;
            this.time = time;
        }

        @Override
        public Object copy() {
            return new Stamped(StateCopier.copy(value), time);
        }
    }

    private final StateTtlConfig config;
    private final LongSupplier clock;
    private final Shape shape;
    private final StateTable table;
    private final boolean refreshOnRead;

    Ttl(StateTtlConfig config, LongSupplier clock, Shape shape, StateTable table) {
        this.config = config;
        this.clock = clock;
        this.shape = shape;
        this.table = table;
        this.refreshOnRead = config.updateType() == StateTtlConfig.UpdateType.ON_READ_AND_WRITE;
    }

    boolean enabled() {
        return config.enabled();
    }

    boolean refreshOnRead() {
        return refreshOnRead;
    }

    long now() {
        return clock.getAsLong();
    }

    /** A value stamped at {@code stamp} is gone from {@code stamp + ttl} on. */
    boolean expired(long stamp, long now) {
        return now - stamp >= config.ttlMillis();
    }

    StateTtlConfig config() {
        return config;
    }

    /** One step of the incremental cleanup, run on each access of the state (when configured). */
    void onAccess() {
        if (config.incrementalCleanupSize() > 0) table.sweep(config.incrementalCleanupSize(), this);
    }

    /** One step of the incremental cleanup, for the operator's every record (when configured). */
    void onRecord() {
        table.sweep(config.incrementalCleanupSize(), this);
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
        if (expired(s.time, now)) {
            table.remove();
            return null;
        }
        if (refreshOnRead) s.time = now; // the table's get made the stamp ours
        return s.value;
    }

    /** Whether none, some or all of a stored value (of this state's shape) has expired; reads only. */
    int expiry(Object raw, long now) {
        switch (shape) {
            case VALUE:
                return expired(((Stamped) raw).time, now) ? ALL_EXPIRED : NONE_EXPIRED;
            case LIST: {
                ArrayList<?> l = (ArrayList<?>) raw;
                int dead = 0;
                for (int i = 0; i < l.size(); i++) if (expired(((Stamped) l.get(i)).time, now)) dead++;
                return dead == 0 ? NONE_EXPIRED : dead == l.size() ? ALL_EXPIRED : SOME_EXPIRED;
            }
            default: {
                Map<?, ?> m = (Map<?, ?>) raw;
                int dead = 0;
                for (Object v : m.values()) if (expired(((Stamped) v).time, now)) dead++;
                return dead == 0 ? NONE_EXPIRED : dead == m.size() ? ALL_EXPIRED : SOME_EXPIRED;
            }
        }
    }

    /** Removes the expired elements or entries of a list or map the task owns, in place. */
    void dropExpired(Object owned, long now) {
        if (shape == Shape.LIST) {
            ((ArrayList<?>) owned).removeIf(s -> expired(((Stamped) s).time, now));
        } else if (shape == Shape.MAP) {
            for (Iterator<?> it = ((Map<?, ?>) owned).values().iterator(); it.hasNext(); ) {
                if (expired(((Stamped) it.next()).time, now)) it.remove();
            }
        }
    }

    /**
     * For a snapshot: the stored value without what has expired at {@code now}, or null if nothing
     * lives. Never changes {@code raw} (a snapshot writer reads it beside the task).
     */
    Object live(Object raw, long now) {
        int e = expiry(raw, now);
        if (e == NONE_EXPIRED) return raw;
        if (e == ALL_EXPIRED) return null;
        if (shape == Shape.LIST) {
            ArrayList<Object> out = new ArrayList<>();
            for (Object s : (ArrayList<?>) raw) if (!expired(((Stamped) s).time, now)) out.add(s);
            return out;
        }
        HashMap<Object, Object> out = new HashMap<>();
        for (Map.Entry<?, ?> en : ((Map<?, ?>) raw).entrySet()) {
            if (!expired(((Stamped) en.getValue()).time, now)) out.put(en.getKey(), en.getValue());
        }
        return out;
    }
}
