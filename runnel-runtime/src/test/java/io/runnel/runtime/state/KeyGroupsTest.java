package io.runnel.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class KeyGroupsTest {
    /** Every key group belongs to exactly one subtask, and routing agrees with the owned ranges. */
    @Property(tries = 300)
    void rangesPartitionTheKeyGroupsAndRoutingAgrees(@ForAll @IntRange(min = 1, max = 512) int maxParallelism,
                                                     @ForAll @IntRange(min = 1, max = 64) int p, @ForAll int key) {
        int parallelism = Math.min(p, maxParallelism);
        int next = 0;
        for (int s = 0; s < parallelism; s++) {
            int first = KeyGroups.firstKeyGroup(s, maxParallelism, parallelism);
            int end = KeyGroups.endKeyGroup(s, maxParallelism, parallelism);
            assertThat(first).isEqualTo(next);
            for (int g = first; g < end; g++) assertThat(KeyGroups.subtaskOf(g, maxParallelism, parallelism)).isEqualTo(s);
            next = end;
        }
        assertThat(next).isEqualTo(maxParallelism);
        int g = KeyGroups.keyGroupOf(key, maxParallelism);
        assertThat(g).isBetween(0, maxParallelism - 1);
        int owner = KeyGroups.subtaskOfKey(key, maxParallelism, parallelism);
        assertThat(g).isBetween(KeyGroups.firstKeyGroup(owner, maxParallelism, parallelism),
                KeyGroups.endKeyGroup(owner, maxParallelism, parallelism) - 1);
    }
}
