package io.runnel.runtime.state.operator;

import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.OperatorStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator state of one instance: lists and broadcast maps by name, filled on registration
 * from what the earlier run's instances checkpointed. All calls come from the task's thread.
 */
public final class DefaultOperatorStateStore implements OperatorStateStore {
    private final String operator;
    private final int subtask;
    private final int parallelism;
    private final boolean restored;
    private final Redistribution earlier;
    private final Map<String, OperatorListState<?>> lists = new LinkedHashMap<>();
    private final Map<String, HeapBroadcastState<?, ?>> broadcast = new LinkedHashMap<>();

    /** {@code restored} tells whether the job restored this operator; {@code earlier} holds its instances' snapshots. */
    public DefaultOperatorStateStore(String operator, int subtask, int parallelism, boolean restored, List<OperatorStateSnapshot> earlier) {
        this.operator = operator;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.restored = restored;
        this.earlier = new Redistribution(earlier, subtask, parallelism);
    }

    public boolean isRestored() {
        return restored;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> d) {
        return list(d.name(), OperatorStateSnapshot.Mode.SPLIT);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> d) {
        return list(d.name(), OperatorStateSnapshot.Mode.UNION);
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> list(String name, OperatorStateSnapshot.Mode mode) {
        if (broadcast.containsKey(name)) throw clash(name, "broadcast state", mode.name().toLowerCase() + " list state");
        OperatorListState<?> l = lists.get(name);
        if (l == null) {
            List<Object> restoredElements = mode == OperatorStateSnapshot.Mode.SPLIT ? earlier.split(name) : earlier.union(name);
            l = new OperatorListState<>(name, mode, restoredElements);
            lists.put(name, l);
        } else if (l.mode != mode) {
            throw clash(name, l.mode.name().toLowerCase() + " list state", mode.name().toLowerCase() + " list state");
        }
        return (ListState<S>) l;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> HeapBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
        String name = d.name();
        if (lists.containsKey(name)) throw clash(name, "list state", "broadcast state");
        return (HeapBroadcastState<K, V>) broadcast.computeIfAbsent(name, n -> new HeapBroadcastState<>(n, earlier.broadcast(n)));
    }

    private IllegalStateException clash(String name, String was, String now) {
        return new IllegalStateException("operator '" + operator + "' registered operator state '" + name + "' as " + was
                + " and asks for it as " + now + ": use another name");
    }

    public boolean isEmpty() {
        return lists.isEmpty() && broadcast.isEmpty();
    }

    /**
     * The synchronous part of a checkpoint: copies of the containers (element references only,
     * O(elements) and no serialization), so the task may go on changing the lists.
     */
    public OperatorStateSnapshot snapshot() {
        Map<String, OperatorStateSnapshot.NamedList> l = new HashMap<>();
        for (Map.Entry<String, OperatorListState<?>> e : lists.entrySet()) {
            l.put(e.getKey(), new OperatorStateSnapshot.NamedList(e.getValue().mode, new ArrayList<>(e.getValue().elements)));
        }
        Map<String, HashMap<Object, Object>> b = new HashMap<>();
        for (Map.Entry<String, HeapBroadcastState<?, ?>> e : broadcast.entrySet()) b.put(e.getKey(), new HashMap<>(e.getValue().map));
        return new OperatorStateSnapshot(subtask, parallelism, l, b);
    }
}
