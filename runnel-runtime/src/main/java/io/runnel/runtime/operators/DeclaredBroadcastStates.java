package io.runnel.runtime.operators;

import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.runtime.state.operator.DefaultOperatorStateStore;
import io.runnel.runtime.state.operator.HeapBroadcastState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states a broadcast-connected operator declared (in {@code broadcast(descriptors)}),
 * looked up by name in the operator's state store: writable for the broadcast side, read-only for
 * the other. Lookups after the first are one map access.
 */
final class DeclaredBroadcastStates {
    private final String operator;
    private final List<MapStateDescriptor<?, ?>> declared;
    private final Map<String, HeapBroadcastState<?, ?>> open = new HashMap<>();
    private DefaultOperatorStateStore store;

    DeclaredBroadcastStates(String operator, List<MapStateDescriptor<?, ?>> declared) {
        this.operator = operator;
        this.declared = declared;
    }

    /** Opens every declared state from {@code store} (restored ones come back with their entries). */
    void open(DefaultOperatorStateStore store) {
        this.store = store;
        for (MapStateDescriptor<?, ?> d : declared) open.put(d.name(), store.getBroadcastState(d));
    }

    @SuppressWarnings("unchecked")
    <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> d, boolean writable) {
        HeapBroadcastState<K, V> s = (HeapBroadcastState<K, V>) open.get(d.name());
        if (s == null) {
            throw new IllegalArgumentException("operator '" + operator + "' asked for broadcast state '" + d.name()
                    + "', which was not declared: pass its descriptor to broadcast(...) (declared: " + names() + ")");
        }
        return writable ? s : s.readOnly();
    }

    private List<String> names() {
        return declared.stream().map(MapStateDescriptor::name).toList();
    }
}
