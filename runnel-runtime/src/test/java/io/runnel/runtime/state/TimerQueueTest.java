package io.runnel.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
    @Test
    void timersFireOnceInTimeOrder() {
        TimerQueue q = new TimerQueue();
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
    void deletionsDoNotGrowTheHeapWithoutBound() {
        TimerQueue q = new TimerQueue();
        for (int i = 0; i < 100_000; i++) {
            TimerEntry e = new TimerEntry(1_000_000 + i, "k" + i, "n");
            q.add(e);
            q.delete(e);
        }
        assertThat(q.size()).isZero();
        assertThat(q.heapSize()).isLessThanOrEqualTo(2 * 1024 + 2);
    }

    @Property(tries = 200)
    void pollsEqualASortedModel(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 50) Integer> adds,
                                @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 50) Integer> deletes,
                                @ForAll @IntRange(min = 0, max = 60) int until) {
        TimerQueue q = new TimerQueue();
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
}
