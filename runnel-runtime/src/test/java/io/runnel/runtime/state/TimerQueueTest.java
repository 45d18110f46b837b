package io.runnel.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The heap backend's timers: order, deduplication, bounded lazy deletion. */
class TimerQueueTest {
    private static HeapKeyedStateBackend backend() {
        return new HeapKeyedStateBackend(new KeyContext(128, 0, 128), () -> 0);
    }

    private static TimerQueue queue() {
        return backend().timers("event");
    }

    @Test
    void timersFireOnceInTimeOrder() {
        TimerQueue q = queue();
        q.add(new TimerEntry(30, "a", "n"));
        q.add(new TimerEntry(10, "b", "n"));
        q.add(new TimerEntry(10, "b", "n"));
        q.add(new TimerEntry(20, "c", "n"));
        List<Long> fired = new ArrayList<>();
        TimerEntry t;
        while ((t = q.pollDue(25)) != null) fired.add(t.time());
        assertThat(fired).containsExactly(10L, 20L);
        assertThat(q.nextTime()).isEqualTo(30);
    }

    @Test
    void deletionsDoNotGrowTheQueueWithoutBound() {
        HeapTimerQueue q = (HeapTimerQueue) queue();
        for (int i = 0; i < 100_000; i++) {
            TimerEntry e = new TimerEntry(1_000_000 + i, "k" + i, "n");
            q.add(e);
            q.delete(e);
        }
        assertThat(q.size()).isZero();
        assertThat(q.queueSize()).isLessThanOrEqualTo(2 * 1024 + 2);
    }

    @Property(tries = 200)
    void pollsEqualASortedModel(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 50) Integer> adds,
                                @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 50) Integer> deletes,
                                @ForAll @IntRange(min = 0, max = 60) int until) {
        TimerQueue q = queue();
        java.util.TreeSet<Integer> model = new java.util.TreeSet<>();
        for (int a : adds) {
            q.add(new TimerEntry(a, "k", "n"));
            model.add(a);
        }
        for (int d : deletes) {
            q.delete(new TimerEntry(d, "k", "n"));
            model.remove(d);
        }
        List<Long> fired = new ArrayList<>();
        TimerEntry t;
        while ((t = q.pollDue(until)) != null) fired.add(t.time());
        List<Long> expected = model.headSet(until, true).stream().map(Integer::longValue).toList();
        assertThat(fired).isEqualTo(expected);
    }

    @Test
    void aSnapshotFreezesTheTimersWithoutCopyingThem() throws Exception {
        HeapKeyedStateBackend b = backend();
        TimerQueue q = b.timers("event");
        for (int i = 0; i < 1000; i++) q.add(new TimerEntry(i, "k" + i, "n"));
        KeyedStateBackend.SnapshotPart part = b.snapshot(1);
        // after the synchronous part: timers fire, are deleted, and new ones come; the snapshot keeps the frozen set
        while (q.pollDue(499) != null) { }
        q.delete(new TimerEntry(700, "k700", "n"));
        q.add(new TimerEntry(5000, "new", "n"));
        java.io.Serializable handle = roundTrip(part.write(null));
        HeapKeyedStateBackend restored = backend();
        TimerQueue r = restored.timers("event");
        restored.restore(null, List.of(handle));
        assertThat(r.size()).isEqualTo(1000);
        assertThat(r.nextTime()).isZero();
        assertThat(q.size()).isEqualTo(500);
    }

    private static java.io.Serializable roundTrip(java.io.Serializable s) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (java.io.Serializable) in.readObject();
        }
    }
}
