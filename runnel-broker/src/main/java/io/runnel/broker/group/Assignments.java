package io.runnel.broker.group;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.Uuid;

/** Small set algebra over assignments (topic id to partitions); results are fresh maps. */
final class Assignments {
    private Assignments() {
    }

    static Map<Uuid, Set<Integer>> intersect(Map<Uuid, Set<Integer>> a, Map<Uuid, Set<Integer>> b) {
        Map<Uuid, Set<Integer>> out = new HashMap<>();
        a.forEach((t, ps) -> {
            Set<Integer> other = b.get(t);
            if (other != null) {
                Set<Integer> both = new TreeSet<>(ps);
                both.retainAll(other);
                if (!both.isEmpty()) {
                    out.put(t, both);
                }
            }
        });
        return out;
    }

    static Map<Uuid, Set<Integer>> minus(Map<Uuid, Set<Integer>> a, Map<Uuid, Set<Integer>> b) {
        Map<Uuid, Set<Integer>> out = new HashMap<>();
        a.forEach((t, ps) -> {
            Set<Integer> rest = new TreeSet<>(ps);
            Set<Integer> other = b.get(t);
            if (other != null) {
                rest.removeAll(other);
            }
            if (!rest.isEmpty()) {
                out.put(t, rest);
            }
        });
        return out;
    }

    static Map<Uuid, Set<Integer>> union(Map<Uuid, Set<Integer>> a, Map<Uuid, Set<Integer>> b) {
        Map<Uuid, Set<Integer>> out = new HashMap<>();
        a.forEach((t, ps) -> out.computeIfAbsent(t, k -> new TreeSet<>()).addAll(ps));
        b.forEach((t, ps) -> out.computeIfAbsent(t, k -> new TreeSet<>()).addAll(ps));
        return out;
    }

    static boolean isEmpty(Map<Uuid, Set<Integer>> a) {
        for (Set<Integer> ps : a.values()) {
            if (!ps.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Equal as sets of partitions (empty topic entries ignored). */
    static boolean same(Map<Uuid, Set<Integer>> a, Map<Uuid, Set<Integer>> b) {
        return isEmpty(minus(a, b)) && isEmpty(minus(b, a));
    }

    static Set<Uuid> topics(Map<Uuid, Set<Integer>> a) {
        return new HashSet<>(a.keySet());
    }
}
