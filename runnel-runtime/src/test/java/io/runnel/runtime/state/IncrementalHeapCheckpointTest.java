package io.runnel.runtime.state;

import static io.runnel.runtime.state.HeapCheckpointChains.LIST;
import static io.runnel.runtime.state.HeapCheckpointChains.VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.state.ListState;
import io.runnel.api.state.ValueState;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Incremental heap checkpoints restore exactly what the state held at each checkpoint, whatever
 * mix of puts, removals, in-place list appends and timers came between, with snapshots written
 * while the task goes on, savepoints in between, writes that never happen (an aborted
 * checkpoint), restarts from the latest checkpoint that continue its chains, and at
 * parallelism 1 or 2.
 */
class IncrementalHeapCheckpointTest {
    private record Taken(Serializable handle, Path dir, HeapCheckpointChains.Contents expected) {}

    /** What the state should hold, kept beside it: reading the backend would itself mark entries changed. */
    private static final class Model {
        final Map<Long, List<Long>> lists = new TreeMap<>();
        final Map<Long, String> values = new TreeMap<>();
        final TreeSet<String> timers = new TreeSet<>();

        static Model of(HeapCheckpointChains.Contents c) {
            Model m = new Model();
            c.lists().forEach((k, v) -> m.lists.put(k, new ArrayList<>(v)));
            m.values.putAll(c.values());
            m.timers.addAll(c.timers());
            return m;
        }

        HeapCheckpointChains.Contents copy() {
            Map<Long, List<Long>> l = new TreeMap<>();
            lists.forEach((k, v) -> l.put(k, new ArrayList<>(v)));
            return new HeapCheckpointChains.Contents(l, new TreeMap<>(values), new TreeSet<>(timers));
        }
    }

    @Property(tries = 25)
    void everyCheckpointRestoresItsMoment(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2000) int keySpace,
                                          @ForAll @IntRange(min = 1, max = 6) int maxDeltas) throws Exception {
        Path root = Files.createTempDirectory("heap-incr");
        Random rnd = new Random(seed);
        HeapKeyedStateBackend b = HeapCheckpointChains.backend(0, 128, maxDeltas);
        ListState<Long> list = b.list(LIST);
        ValueState<String> value = b.value(VALUE);
        TimerQueue timers = b.timers("event");
        List<Taken> taken = new ArrayList<>();
        Model model = new Model();
        for (int id = 1; id <= 30; id++) {
            for (int i = rnd.nextInt(300); i > 0; i--) step(b, list, value, timers, rnd, keySpace, model);
            boolean savepoint = rnd.nextInt(8) == 0;
            KeyedStateBackend.SnapshotPart part = b.snapshot(id, savepoint);
            HeapCheckpointChains.Contents expected = model.copy();
            for (int i = rnd.nextInt(100); i > 0; i--) step(b, list, value, timers, rnd, keySpace, model); // while it is written
            if (!savepoint && rnd.nextInt(10) == 0) continue; // aborted before its write: never written
            SnapshotTarget target = savepoint ? HeapCheckpointChains.savepoint(root, id) : HeapCheckpointChains.checkpoint(root, id);
            taken.add(new Taken(HeapCheckpointChains.write(part, target), target.dir(), expected));
            if (!savepoint && rnd.nextInt(6) == 0) { // a restart from this checkpoint: chains go on from it
                Taken t = taken.get(taken.size() - 1);
                b = HeapCheckpointChains.backend(0, 128, maxDeltas);
                b.restore(t.dir(), List.of(t.handle()));
                list = b.list(LIST);
                value = b.value(VALUE);
                timers = b.timers("event");
                model = Model.of(t.expected());
            }
        }
        for (int i = 0; i < taken.size(); i++) {
            Taken t = taken.get(i);
            if (i % 2 == 0) {
                HeapKeyedStateBackend r = HeapCheckpointChains.backend(0, 128, maxDeltas);
                r.restore(t.dir(), List.of(t.handle()));
                assertThat(HeapCheckpointChains.contents(r, keySpace)).as("checkpoint %d", i).isEqualTo(t.expected());
            } else {
                HeapKeyedStateBackend low = HeapCheckpointChains.backend(0, 50, maxDeltas);
                HeapKeyedStateBackend high = HeapCheckpointChains.backend(50, 128, maxDeltas);
                low.restore(t.dir(), List.of(t.handle()));
                high.restore(t.dir(), List.of(t.handle()));
                HeapCheckpointChains.Contents both = HeapCheckpointChains.union(
                        HeapCheckpointChains.contents(low, keySpace), HeapCheckpointChains.contents(high, keySpace));
                assertThat(both).as("checkpoint %d at parallelism 2", i).isEqualTo(t.expected());
            }
        }
    }

    private static void step(HeapKeyedStateBackend b, ListState<Long> list, ValueState<String> value, TimerQueue timers,
                             Random rnd, int keySpace, Model m) {
        long k = rnd.nextInt(keySpace);
        b.keys().setCurrentKey(k);
        int op = rnd.nextInt(100);
        long x = rnd.nextInt(1000);
        TimerEntry t = new TimerEntry(x % 50, k, VoidNamespace.INSTANCE);
        if (op < 35) {
            list.add(x); // appends in place to the stored list
            m.lists.computeIfAbsent(k, y -> new ArrayList<>()).add(x);
        } else if (op < 45) {
            list.update(List.of(x, x + 1));
            m.lists.put(k, new ArrayList<>(List.of(x, x + 1)));
        } else if (op < 55) {
            list.clear();
            m.lists.remove(k);
        } else if (op < 75) {
            value.update("v" + x);
            m.values.put(k, "v" + x);
        } else if (op < 85) {
            value.clear();
            m.values.remove(k);
        } else if (op < 93) {
            timers.add(t);
            m.timers.add(t.toString());
        } else {
            timers.delete(t);
            m.timers.remove(t.toString());
        }
    }
}
