package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.windowing.TimeWindow;
import io.runnel.runtime.state.HeapKeyedStateBackend;
import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.KeyGroups;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.TimerEntry;
import io.runnel.runtime.state.TimerQueue;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timers in the backend, heap and RocksDB: random adds, deletes and polls against a sorted model
 * (enough timers per key group that RocksDB's per-group cache spills and refills), and a
 * snapshot restored at other parallelisms, each timer in the instance owning its key.
 */
class TimerQueueBackendsTest {
    private static final int MAX_P = 128;
    @TempDir
    Path dir;
    private int instances;
    private final ManualClock clock = new ManualClock();

    private KeyedStateBackend backend(String kind, int subtask, int parallelism) throws Exception {
        KeyContext keys = CheckpointStorage.keyContext(subtask, MAX_P, parallelism);
        return kind.equals("heap") ? new HeapKeyedStateBackend(keys, clock) : new RocksDBKeyedStateBackend(keys, clock, dir.resolve("b" + instances++));
    }

    /** Total order of the model: time, then a unique id. */
    private static String order(TimerEntry t) {
        return String.format("%012d/%s/%s", t.time(), t.key(), t.namespace());
    }

    private static TimerEntry timer(Random r) {
        int k = r.nextInt(40);
        Object key = k % 2 == 0 ? "k" + k : (Object) (long) k;
        Object ns = r.nextBoolean() ? new TimeWindow(k, k + 10) : (Object) (long) r.nextInt(3);
        return new TimerEntry(r.nextInt(2000), key, ns);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void addsDeletesAndPollsMatchASortedModel(String kind) throws Exception {
        try (KeyedStateBackend b = backend(kind, 0, 1)) {
            TimerQueue q = b.timers("event");
            TreeSet<String> model = new TreeSet<>();
            Random r = new Random(7);
            List<TimerEntry> added = new ArrayList<>();
            long watermark = 0;
            for (int step = 0; step < 20_000; step++) {
                int op = r.nextInt(10);
                if (op < 6) {
                    TimerEntry t = timer(r);
                    if (t.time() <= watermark) continue;
                    q.add(t);
                    added.add(t);
                    model.add(order(t));
                } else if (op < 8 && !added.isEmpty()) {
                    TimerEntry t = added.get(r.nextInt(added.size()));
                    q.delete(t);
                    model.remove(order(t));
                } else if (op == 9) {
                    watermark += r.nextInt(30);
                    TimerEntry t;
                    List<String> fired = new ArrayList<>();
                    while ((t = q.pollDue(watermark)) != null) fired.add(order(t));
                    List<String> expected = new ArrayList<>();
                    while (!model.isEmpty() && Long.parseLong(model.first().substring(0, 12)) <= watermark) expected.add(model.pollFirst());
                    // equal times fire in any order
                    assertThat(fired).as("fired at watermark %d", watermark).containsExactlyInAnyOrderElementsOf(expected);
                    for (int i = 1; i < fired.size(); i++) assertThat(fired.get(i).substring(0, 12)).isGreaterThanOrEqualTo(fired.get(i - 1).substring(0, 12));
                }
            }
            assertThat(q.size()).isEqualTo(model.size());
            assertThat(q.nextTime()).isEqualTo(model.isEmpty() ? Long.MAX_VALUE : Long.parseLong(model.first().substring(0, 12)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void timersRestoreIntoTheInstanceOwningTheirKey(String kind) throws Exception {
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("storage"));
        List<Serializable> handles = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            try (KeyedStateBackend b = backend(kind, subtask, 2)) {
                TimerQueue q = b.timers("processing");
                for (int i = 0; i < 3000; i++) {
                    TimerEntry t = new TimerEntry(i % 500, "key" + (i % 300), (long) (i % 7));
                    if (KeyGroups.subtaskOfKey(t.key(), MAX_P, 2) != subtask) continue;
                    q.add(t);
                    all.add(order(t));
                }
                handles.add(storage.checkpoint(b, 1, "op-" + subtask));
                while (q.pollDue(Long.MAX_VALUE) != null) { } // after the snapshot: the snapshot keeps them
            }
        }
        for (int p : new int[] {1, 3}) {
            TreeSet<String> restored = new TreeSet<>();
            for (int subtask = 0; subtask < p; subtask++) {
                try (KeyedStateBackend b = backend(kind, subtask, p)) {
                    TimerQueue q = b.timers("processing");
                    b.restore(storage.checkpointDir(1), handles);
                    TimerEntry t;
                    long last = Long.MIN_VALUE;
                    while ((t = q.pollDue(Long.MAX_VALUE)) != null) {
                        assertThat(KeyGroups.subtaskOfKey(t.key(), MAX_P, p)).isEqualTo(subtask);
                        assertThat(t.time()).isGreaterThanOrEqualTo(last);
                        last = t.time();
                        assertThat(restored.add(order(t))).as("fired once: %s", t).isTrue();
                    }
                }
            }
            assertThat(restored).as("timers at parallelism %d", p).isEqualTo(all);
        }
    }
}
