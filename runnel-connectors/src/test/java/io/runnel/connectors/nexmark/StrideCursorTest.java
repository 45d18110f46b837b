package io.runnel.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StrideCursorTest {
    @Test
    void subtasksTogetherCoverEveryNumberExactlyOnceInOrder() {
        for (int p = 1; p <= 7; p++) {
            for (long n : new long[] {0, 1, 2, 6, 7, 50, 101, 1000}) {
                int[] seen = new int[(int) n];
                for (int k = 0; k < p; k++) {
                    StrideCursor c = new StrideCursor(k, p, n);
                    long expectedCount = StrideCursor.countFor(k, p, n);
                    assertThat(c.remaining()).isEqualTo(expectedCount);
                    long prev = -1;
                    long count = 0;
                    while (c.hasNext()) {
                        long i = c.next();
                        assertThat(i % p).isEqualTo(k);
                        assertThat(i).isGreaterThan(prev);
                        prev = i;
                        seen[(int) i]++;
                        count++;
                    }
                    assertThat(count).isEqualTo(expectedCount);
                    assertThat(c.remaining()).isZero();
                }
                for (int i = 0; i < n; i++) assertThat(seen[i]).as("p=%d n=%d i=%d", p, n, i).isEqualTo(1);
            }
        }
    }

    @Test
    void subtask1Of3() {
        StrideCursor c = new StrideCursor(1, 3, 11);
        List<Long> got = new ArrayList<>();
        while (c.hasNext()) got.add(c.next());
        assertThat(got).containsExactly(1L, 4L, 7L, 10L);
    }

    @Test
    void resumesFromACheckpointedPosition() {
        StrideCursor c = new StrideCursor(2, 4, 30);
        c.next();
        c.next();
        long pos = c.position();
        assertThat(pos).isEqualTo(10);
        StrideCursor r = StrideCursor.resume(2, 4, 30, pos);
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        while (c.hasNext()) a.add(c.next());
        while (r.hasNext()) b.add(r.next());
        assertThat(b).isEqualTo(a).containsExactly(10L, 14L, 18L, 22L, 26L);
        assertThat(StrideCursor.resume(2, 4, 30, r.position()).hasNext()).isFalse();
    }

    @Test
    void doesNotOverflowNearLongMax() {
        long total = Long.MAX_VALUE;
        StrideCursor c = StrideCursor.resume(1, 2, total, total - 2);
        assertThat(c.next()).isEqualTo(total - 2);
        assertThat(c.hasNext()).isFalse();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new StrideCursor(2, 2, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StrideCursor(0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StrideCursor.resume(1, 3, 10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
