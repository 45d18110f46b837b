package io.runnel.runtime.state.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the operator state of an earlier run's instances (any parallelism) to one new instance:
 * split lists evenly, union lists whole, broadcast maps from earlier instance 0.
 */
final class Redistribution {
    private final List<OperatorStateSnapshot> earlier;
    private final int subtask;
    private final int parallelism;

    Redistribution(List<OperatorStateSnapshot> earlier, int subtask, int parallelism) {
        List<OperatorStateSnapshot> sorted = new ArrayList<>(earlier);
        sorted.sort(Comparator.comparingInt(OperatorStateSnapshot::subtask));
        this.earlier = sorted;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    /**
     * This instance's share of list {@code name}: with an unchanged parallelism its own list;
     * otherwise a contiguous, even slice of every earlier instance's elements in instance order
     * (slice sizes differ by at most one).
     */
    List<Object> split(String name) {
        if (sameParallelism()) {
            for (OperatorStateSnapshot s : earlier) if (s.subtask() == subtask) return elements(s, name);
            return List.of();
        }
        List<Object> all = union(name);
        int from = (int) ((long) subtask * all.size() / parallelism);
        int to = (int) ((long) (subtask + 1) * all.size() / parallelism);
        return new ArrayList<>(all.subList(from, to));
    }

    /** Every earlier instance's elements of list {@code name}, in instance order. */
    List<Object> union(String name) {
        List<Object> all = new ArrayList<>();
        for (OperatorStateSnapshot s : earlier) all.addAll(elements(s, name));
        return all;
    }

    /** The broadcast map {@code name} of the lowest earlier instance that has it (instance 0 in a completed checkpoint). */
    Map<Object, Object> broadcast(String name) {
        for (OperatorStateSnapshot s : earlier) {
            HashMap<Object, Object> m = s.broadcast().get(name);
            if (m != null) return m;
        }
        return Map.of();
    }

    private boolean sameParallelism() {
        return !earlier.isEmpty() && earlier.get(0).parallelism() == parallelism;
    }

    private static List<Object> elements(OperatorStateSnapshot s, String name) {
        OperatorStateSnapshot.NamedList l = s.lists().get(name);
        return l == null ? List.of() : l.elements();
    }
}
