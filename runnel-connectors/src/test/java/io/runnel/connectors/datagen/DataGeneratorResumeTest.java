package io.runnel.connectors.datagen;

import static io.runnel.connectors.ReaderResume.allUninterrupted;
import static io.runnel.connectors.ReaderResume.rescaled;
import static io.runnel.connectors.ReaderResume.uninterrupted;
import static io.runnel.connectors.ReaderResume.withRestores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.api.connector.InputStatus;
import io.runnel.connectors.ReaderResume;
import io.runnel.testing.CollectingReaderOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A restored reader continues with exactly the remaining indices, at the same or another parallelism. */
class DataGeneratorResumeTest {
    static final long COUNT = 5_003; // not a multiple of the batch or of the parallelism
    static final DataGeneratorSource<String> SOURCE = DataGeneratorSource.bounded(i -> "r" + i, COUNT);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void aRestoredReaderContinuesRecordForRecord(int pollsPerAttempt) throws Exception {
        List<String> expected = uninterrupted(SOURCE, 1, 3);
        assertThat(expected).hasSize(1_668).startsWith("r1@" + Long.MIN_VALUE, "r4@" + Long.MIN_VALUE);
        assertThat(withRestores(SOURCE, SOURCE.createSplits(3).subList(1, 2), 1, 3, pollsPerAttempt)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "5"})
    void aRestoreWithAnotherParallelismYieldsEveryIndexOnce(int newParallelism) throws Exception {
        List<String> expected = new ArrayList<>();
        LongStream.range(0, COUNT).forEach(i -> expected.add("r" + i + "@" + Long.MIN_VALUE));
        assertThat(allUninterrupted(SOURCE, 3)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rescaled(SOURCE, new int[] {0, 1, 3}, newParallelism)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rescaled(SOURCE, new int[] {100, 2, 1}, newParallelism)).containsExactlyInAnyOrderElementsOf(expected); // one already done
    }

    @Test
    void aReaderGivenSeveralSplitsAnnouncesThemAllAndMergesThemInIndexOrder() throws Exception {
        List<IndexSplit> restored = List.of(new IndexSplit(0, 300, COUNT, 3), new IndexSplit(1, 1, COUNT, 3), new IndexSplit(2, 902, COUNT, 3));
        var reader = SOURCE.createReader(ReaderResume.context(0, 1));
        reader.addSplits(restored);
        CollectingReaderOutput<String> out = new CollectingReaderOutput<>();
        reader.pollNext(out);
        assertThat(out.announced).containsExactlyInAnyOrder("datagen-0", "datagen-1", "datagen-2"); // all hold the watermark back
        while (reader.pollNext(out) != InputStatus.END_OF_INPUT) { }
        List<String> expected = new ArrayList<>();
        for (long i = 1; i < COUNT; i++) {
            if (i >= restored.get((int) (i % 3)).next()) expected.add("r" + i);
        }
        assertThat(out.records).containsExactlyElementsOf(expected);
        assertThat(out.released).containsExactlyInAnyOrder("datagen-0", "datagen-1", "datagen-2");
    }

    @Test
    void resumingFarIntoAnUnboundedRangeStartsThereAtOnce() {
        DataGeneratorSource<Long> source = DataGeneratorSource.unbounded(i -> i);
        long far = 4_000_000_000_000_000_001L; // on split 1's stride of 2
        List<String> emitted = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            var reader = source.createReader(ReaderResume.context(0, 1));
            reader.addSplits(List.of(new IndexSplit(1, far, Long.MAX_VALUE, 2)));
            ReaderResume.poll(reader, 1, emitted);
        });
        assertThat(emitted).startsWith(far + "@" + Long.MIN_VALUE, (far + 2) + "@" + Long.MIN_VALUE);
    }
}
