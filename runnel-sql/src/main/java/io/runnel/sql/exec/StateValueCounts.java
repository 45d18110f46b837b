package io.runnel.sql.exec;

import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;

/** {@link ValueCounts} in map state, one map per call that keeps counts: a row reads and writes one entry per call. */
final class StateValueCounts implements ValueCounts {
    private final MapState<Object, Long>[] maps;

    @SuppressWarnings("unchecked")
    StateValueCounts(RuntimeContext context, boolean[] counted, io.runnel.api.state.StateTtlConfig ttl) {
        maps = new MapState[counted.length];
        for (int i = 0; i < counted.length; i++) {
            if (counted[i]) {
                MapStateDescriptor<Object, Long> d = new MapStateDescriptor<>("group-aggregate-values-" + i);
                if (ttl.enabled()) {
                    d.enableTimeToLive(ttl);
                }
                maps[i] = context.getMapState(d);
            }
        }
    }

    @Override
    public long add(int call, Object value, long delta) {
        Long old = maps[call].get(value);
        long n = (old == null ? 0 : old) + delta;
        if (n == 0) {
            maps[call].remove(value);
        } else {
            maps[call].put(value, n);
        }
        return n;
    }

    @Override
    public Iterable<Object> values(int call) {
        return maps[call].keys();
    }

    /** Clears the current key's counts. */
    void clear() {
        for (MapState<Object, Long> m : maps) {
            if (m != null) {
                m.clear();
            }
        }
    }
}
