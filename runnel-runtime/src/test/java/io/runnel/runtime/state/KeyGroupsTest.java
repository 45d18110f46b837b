package io.runnel.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {
    /**
     * Flink's assignment: murmur3-32 (seed 0) of the one 4-byte block hashCode(), non-negative,
     * modulo max parallelism. The values were worked out from that algorithm by hand, not by this code.
     */
    @Test
    void keyGroupsAreFlinksForTheSameHashCode() {
        assertThat(KeyGroups.murmur(0)).isEqualTo(593689054);
        assertThat(KeyGroups.murmur(42)).isEqualTo(1134849565);
        assertThat(KeyGroups.murmur(Integer.MIN_VALUE)).isEqualTo(1718298732);
        assertThat(KeyGroups.keyGroupOf(0, 128)).isEqualTo(94);
        assertThat(KeyGroups.keyGroupOf(1, 128)).isEqualTo(86);
        assertThat(KeyGroups.keyGroupOf(42, 128)).isEqualTo(29);
        assertThat(KeyGroups.keyGroupOf("a", 128)).as("\"a\".hashCode() is 97").isEqualTo(81);
        assertThat(KeyGroups.keyGroupOf(-1, 128)).isEqualTo(80);
        assertThat(KeyGroups.keyGroupOf(Integer.MAX_VALUE, 128)).isEqualTo(62);
        assertThat(KeyGroups.keyGroupOf(0, 32768)).isEqualTo(31198);
        assertThat(KeyGroups.keyGroupOf(42, 32768)).isEqualTo(28189);
        assertThat(KeyGroups.keyGroupOfHash("user-7".hashCode(), 128)).isEqualTo(KeyGroups.keyGroupOf("user-7", 128));
        // Flink's operator index for a key group, and its key-group ranges
        assertThat(KeyGroups.subtaskOf(94, 128, 3)).isEqualTo(2);
        assertThat(KeyGroups.firstKeyGroup(1, 128, 3)).isEqualTo(43);
        assertThat(KeyGroups.endKeyGroup(1, 128, 3)).isEqualTo(86);
    }

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
