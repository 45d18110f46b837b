package io.runnel.connectors.nexmark;

import static io.runnel.connectors.ReaderResume.rescaled;
import static io.runnel.connectors.ReaderResume.uninterrupted;
import static io.runnel.connectors.ReaderResume.withRestores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.connectors.ReaderResume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restored reader continues with exactly the remaining events, content and timestamps equal to
 * the generator's, at the same or another parallelism, and resumes without replaying.
 */
class NexmarkSourceResumeTest {
    static final long EVENTS = 20_011;
    static final NexmarkSource SOURCE = new NexmarkSource(EVENTS, 0);

    /** Event i as the generator makes it, stamped with its event time. */
    static String expected(long i) {
        Event e = new NexmarkGenerator().event(i);
        return e + "@" + e.eventTime();
    }

    static List<String> expectedStride(int subtask, int parallelism) {
        List<String> events = new ArrayList<>();
        for (long i = subtask; i < EVENTS; i += parallelism) events.add(expected(i));
        return events;
    }

    static List<String> sorted(List<String> events) {
        List<String> copy = new ArrayList<>(events);
        Collections.sort(copy);
        return copy;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void aRestoredReaderContinuesRecordForRecord(int pollsPerAttempt) throws Exception {
        assertThat(uninterrupted(SOURCE, 2, 3)).containsExactlyElementsOf(expectedStride(2, 3));
        assertThat(withRestores(SOURCE, SOURCE.createSplits(3).subList(2, 3), 2, 3, pollsPerAttempt))
                .containsExactlyElementsOf(expectedStride(2, 3));
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "4"})
    void aRestoreWithAnotherParallelismYieldsEveryEventOnce(int newParallelism) throws Exception {
        List<String> all = new ArrayList<>();
        for (long i = 0; i < EVENTS; i++) all.add(expected(i));
        Collections.sort(all);
        assertThat(sorted(rescaled(SOURCE, new int[] {0, 1, 7}, newParallelism))).isEqualTo(all); // the same multiset
        assertThat(sorted(rescaled(SOURCE, new int[] {1000, 2, 3}, newParallelism))).isEqualTo(all); // one already done
    }

    @Test
    void aReaderGivenSeveralStridesMergesThemInEventTimeOrder() throws Exception {
        List<NexmarkSource.Split> union = new ArrayList<>();
        int[] polls = {0, 2, 5};
        for (int k = 0; k < 3; k++) {
            var reader = SOURCE.createReader(ReaderResume.context(k, 3));
            reader.addSplits(List.of(SOURCE.createSplits(3).get(k)));
            ReaderResume.poll(reader, polls[k], new ArrayList<>());
            union.addAll(reader.snapshotState(1));
        }
        long first = union.stream().mapToLong(NexmarkSource.Split::position).min().orElseThrow();
        List<String> merged = new ArrayList<>();
        for (long i = first; i < EVENTS; i++) {
            if (i >= union.get((int) (i % 3)).position()) merged.add(expected(i)); // not emitted before the snapshot
        }
        // One reader (a restore at parallelism 1) emits the remaining events of all three strides in event-number order.
        assertThat(withRestores(SOURCE, union, 0, 1, 3)).containsExactlyElementsOf(merged);
    }

    @Test
    void resumingNearTheEndOfAHugeStreamDoesNotReplay() {
        long total = 1_000_000_000_000_000L;
        long position = 1 + 3 * ((total - 3_000) / 3); // on split 1's stride of 3, 1,000 events before the end
        NexmarkSource huge = new NexmarkSource(total, 0);
        List<String> emitted = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            var reader = huge.createReader(ReaderResume.context(0, 1));
            reader.addSplits(List.of(new NexmarkSource.Split(1, 3, total, position)));
            ReaderResume.poll(reader, 10, emitted);
        });
        assertThat(emitted).hasSize(1_000).startsWith(expected(position), expected(position + 3)).endsWith(expected(position + 3 * 999));
    }
}
