package io.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RunningStatsTest {
    /** After every added value, the statistics equal those computed by sorting what came so far. */
    @Property(tries = 200)
    void matchesSortingAfterEveryValue(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = -1000, max = 1000) Integer> values) {
        RunningStats stats = new RunningStats();
        List<Long> seen = new ArrayList<>();
        for (int v : values) {
            stats.add(v);
            seen.add((long) v);
            assertThat(stats.snapshot()).isEqualTo(bySorting(seen));
        }
    }

    @Test
    void medianOfOddAndEvenCounts() {
        RunningStats s = new RunningStats();
        for (long v : new long[] {5, 1, 9}) s.add(v);
        assertThat(s.median()).isEqualTo(5.0);
        s.add(2);
        assertThat(s.median()).isEqualTo(3.5);
        assertThat(s.snapshot()).isEqualTo(new Stats(4, 17, 1, 9, 4.25, 3.5));
    }

    @Test
    void emptyStatsAreRefusedNotInvented() {
        assertThatThrownBy(() -> new RunningStats().snapshot()).isInstanceOf(IllegalStateException.class).hasMessageContaining("no values");
    }

    /** The oracle: sort and pick the middle. */
    static Stats bySorting(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        long sum = sorted.stream().mapToLong(Long::longValue).sum();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + (double) sorted.get(n / 2)) / 2;
        return new Stats(n, sum, sorted.get(0), sorted.get(n - 1), (double) sum / n, median);
    }
}
