package io.runnel.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Snapshots of a state table keep the entries as they were when taken while the task goes on
 * writing, removing, growing the table and changing mutable values in place; once written, the
 * table stops copying and stays equal to a plain map.
 */
class StateTableCopyOnWriteTest {
    private static Map<Object, Object> contents(KeyGroupedSnapshot s) {
        Map<Object, Object> all = new HashMap<>();
        for (Map<Object, Object> g : s.groups().values()) {
            for (Map.Entry<Object, Object> e : g.entrySet()) all.put(e.getKey(), e.getValue() instanceof ArrayList<?> l ? new ArrayList<>(l) : e.getValue());
        }
        return all;
    }

    private static Map<Object, Object> deepCopy(Map<Object, Object> m) {
        Map<Object, Object> c = new HashMap<>();
        m.forEach((k, v) -> c.put(k, v instanceof ArrayList<?> l ? new ArrayList<>(l) : v));
        return c;
    }

    @Property(tries = 60)
    void snapshotsSeeTheEntriesOfTheirMoment(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4000) int keySpace) {
        Random rnd = new Random(seed);
        KeyContext keys = new KeyContext(8, 0, 8);
        StateTable table = new StateTable(keys);
        Map<Object, Object> model = new HashMap<>();
        List<KeyGroupedSnapshot> pending = new ArrayList<>();
        List<Map<Object, Object>> expected = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            long k = rnd.nextInt(keySpace);
            keys.setCurrentKey(k);
            int op = rnd.nextInt(100);
            if (op < 40) {
                Object v = rnd.nextBoolean() ? (Object) (long) step : new ArrayList<>(List.of(step));
                table.put(v);
                model.put(k, v instanceof ArrayList<?> l ? new ArrayList<>(l) : v);
            } else if (op < 70) {
                Object v = table.get();
                assertThat(v instanceof ArrayList<?> l ? new ArrayList<>(l) : v).isEqualTo(model.get(k));
                if (v instanceof ArrayList<?> l) {
                    @SuppressWarnings("unchecked") ArrayList<Object> list = (ArrayList<Object>) l;
                    list.add(step); // in place, as list state does
                    ((ArrayList<Object>) model.get(k)).add(step);
                }
            } else if (op < 85) {
                table.remove();
                model.remove(k);
            } else if (op < 86) {
                pending.add(table.snapshot());
                expected.add(deepCopy(model));
            } else if (op < 88 && !pending.isEmpty()) {
                // the I/O thread writes the oldest snapshot: it must still show its moment
                KeyGroupedSnapshot s = pending.remove(0);
                assertThat(contents(s)).isEqualTo(expected.remove(0));
                s.markWritten();
            }
        }
        for (int i = 0; i < pending.size(); i++) assertThat(contents(pending.get(i))).isEqualTo(expected.get(i));
        assertThat(table.size()).isEqualTo(model.size());
        assertThat(contents(table.snapshot())).isEqualTo(deepCopy(model));
    }
}
