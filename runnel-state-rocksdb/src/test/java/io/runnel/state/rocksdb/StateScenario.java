package io.runnel.state.rocksdb;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A random but seeded script over all five state kinds, with the clock moving between steps.
 * Every read is written to a transcript; two backends given the same seed must produce the same
 * transcript. Random choices never depend on what was read, so the scripts stay in lockstep.
 * Besides plain reads and writes: mutable values read, changed and written back, a list read
 * kept across a write, and maps changed while iterated (state returns what it read as copies).
 */
final class StateScenario {
    static final Object[] KEYS = {"a", "b", "c", 1, 2, 3L, "a long key with spaces and ünïcödé"};

    /** Sum and count; the result is "sum/count". */
    static final class SumCount implements AggregateFunction<Integer, long[], String> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Integer value, long[] acc) {
            acc[0] += value;
            acc[1]++;
            return acc;
        }

        @Override
        public String getResult(long[] acc) {
            return acc[0] + "/" + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    private final KeyedStateBackend backend;
    private final ManualClock clock;
    private final ValueState<String> value;
    private final ListState<Integer> list;
    private final MapState<String, Integer> map;
    private final ReducingState<Long> reducing;
    private final AggregatingState<Integer, String> aggregating;
    /** Mutable values read, changed and written back (the interval join's pattern). */
    private final MapState<String, ArrayList<Integer>> mapOfLists;
    private final ValueState<ArrayList<Integer>> mutableValue;
    private List<String> transcript = new ArrayList<>();

    StateScenario(KeyedStateBackend backend, ManualClock clock, StateTtlConfig ttl) {
        this.backend = backend;
        this.clock = clock;
        this.value = backend.value(withTtl(new ValueStateDescriptor<>("value", "unset"), ttl));
        this.list = backend.list(withTtl(new ListStateDescriptor<>("list"), ttl));
        this.map = backend.map(withTtl(new MapStateDescriptor<>("map"), ttl));
        this.reducing = backend.reducing(withTtl(new ReducingStateDescriptor<Long>("reducing", Long::sum), ttl));
        this.aggregating = backend.aggregating(withTtl(new AggregatingStateDescriptor<>("aggregating", new SumCount()), ttl));
        this.mapOfLists = backend.map(withTtl(new MapStateDescriptor<>("mapOfLists"), ttl));
        this.mutableValue = backend.value(withTtl(new ValueStateDescriptor<>("mutableValue"), ttl));
    }

    private static <D extends StateDescriptor> D withTtl(D d, StateTtlConfig ttl) {
        if (ttl.enabled()) d.enableTimeToLive(ttl);
        return d;
    }

    /**
     * Runs {@code steps} random operations, moving the clock up to {@code maxTick} ms before each,
     * then reads everything; returns this run's transcript.
     */
    List<String> run(long seed, int steps, int maxTick) {
        transcript = new ArrayList<>();
        Random r = new Random(seed);
        for (int i = 0; i < steps; i++) {
            clock.advance(r.nextInt(maxTick + 1));
            Object key = KEYS[r.nextInt(KEYS.length)];
            backend.keys().setCurrentKey(key);
            int op = r.nextInt(32);
            String result = apply(op, r);
            if (result != null) transcript.add(i + " t=" + clock.getAsLong() + " key=" + key + " op=" + op + " -> " + result);
        }
        readAll();
        return transcript;
    }

    /** Reads every state of every key, into the transcript. */
    void readAll() {
        for (Object key : KEYS) {
            backend.keys().setCurrentKey(key);
            transcript.add("final key=" + key + " value=" + value.value() + " list=" + list.get() + " map=" + sorted(map.entries())
                    + " reducing=" + reducing.get() + " aggregating=" + aggregating.get() + " mapEmpty=" + map.isEmpty()
                    + " mapOfLists=" + new TreeMap<>(toMap(mapOfLists.entries())) + " mutableValue=" + mutableValue.value());
        }
    }

    private String apply(int op, Random r) {
        int n = r.nextInt(100);
        String userKey = "u" + r.nextInt(5);
        switch (op) {
            case 0: value.update("v" + n); return null;
            case 1: value.update(n < 10 ? null : "w" + n); return null;
            case 2: return String.valueOf(value.value());
            case 3: value.clear(); return null;
            case 4: list.add(n); return null;
            case 5: list.addAll(List.of(n, n + 1, n + 2)); return null;
            case 6: list.update(n < 20 ? List.of() : List.of(n, -n)); return null;
            case 7: case 8: return String.valueOf(list.get());
            case 9: list.clear(); return null;
            case 10: map.put(userKey, n); return null;
            case 11: map.putAll(Map.of(userKey, n, "x" + n, -n)); return null;
            case 12: map.remove(userKey); return null;
            case 13: return String.valueOf(map.get(userKey));
            case 14: return String.valueOf(map.contains(userKey));
            case 15: return sorted(map.entries());
            case 16: return sortedValues(map.keys()) + " " + sortedValues(map.values());
            case 17: return String.valueOf(map.isEmpty());
            case 18: map.clear(); return null;
            case 19: reducing.add((long) n); return null;
            case 20: return String.valueOf(reducing.get());
            case 21: reducing.clear(); return null;
            case 22: aggregating.add(n); return null;
            case 23: return String.valueOf(aggregating.get());
            case 24: aggregating.clear(); return null;
            case 25: { // read, change, write back
                ArrayList<Integer> l = mapOfLists.get(userKey);
                if (l == null) l = new ArrayList<>();
                l.add(n);
                mapOfLists.put(userKey, l);
                return null;
            }
            case 26: return String.valueOf(mapOfLists.get(userKey));
            case 27: { // read, change, write back a mutable value
                ArrayList<Integer> v = mutableValue.value();
                if (v == null) v = new ArrayList<>();
                v.add(n);
                if (v.size() > 5) v.remove(0);
                mutableValue.update(v);
                return String.valueOf(mutableValue.value());
            }
            case 28: { // a list read before a write still shows what it read; changing it changes no state
                Iterable<Integer> before = list.get();
                list.add(n);
                String seen = String.valueOf(before);
                if (before instanceof List<Integer> l && !(l.isEmpty())) l.add(-1);
                return seen + " then " + list.get();
            }
            case 29: { // iterate a map's entries while removing them
                StringBuilder seen = new StringBuilder();
                for (Map.Entry<String, Integer> e : map.entries()) {
                    if (e.getValue() % 2 == 0) map.remove(e.getKey());
                    else seen.append(e.getKey());
                }
                return sorted(map.entries()) + " kept " + seen.length();
            }
            case 30: { // write every entry while iterating the keys
                for (String k : map.keys()) map.put(k, map.get(k) + 1);
                return sorted(map.entries());
            }
            default: mapOfLists.remove(userKey); return null;
        }
    }

    private static <K, V> Map<K, V> toMap(Iterable<Map.Entry<K, V>> entries) {
        Map<K, V> m = new java.util.HashMap<>();
        for (Map.Entry<K, V> e : entries) m.put(e.getKey(), e.getValue());
        return m;
    }

    /** Iteration order of maps differs between backends; compare sorted. */
    static String sorted(Iterable<Map.Entry<String, Integer>> entries) {
        TreeMap<String, Integer> m = new TreeMap<>();
        for (Map.Entry<String, Integer> e : entries) m.put(e.getKey(), e.getValue());
        return m.toString();
    }

    private static String sortedValues(Iterable<?> values) {
        List<String> l = new ArrayList<>();
        for (Object v : values) l.add(String.valueOf(v));
        l.sort(null);
        return l.toString();
    }
}
