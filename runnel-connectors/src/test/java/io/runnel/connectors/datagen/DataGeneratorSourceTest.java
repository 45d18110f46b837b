package io.runnel.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.testing.CollectSink;
import io.runnel.testing.CollectingReaderOutput;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataGeneratorSourceTest {
    static SourceReaderContext context(int subtask, int parallelism) {
        return new SourceReaderContext() {
            @Override
            public int subtaskIndex() {
                return subtask;
            }

            @Override
            public int parallelism() {
                return parallelism;
            }
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void generatesEveryIndexExactlyOnceAtEveryParallelism(int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(DataGeneratorSource.bounded(i -> i, 10_001), WatermarkStrategy.noWatermarks(), "gen").sinkTo(sink);
        env.execute("datagen");
        List<Long> expected = LongStream.range(0, 10_001).boxed().collect(Collectors.toList());
        assertThat(sink.results()).hasSize(10_001).containsExactlyInAnyOrderElementsOf(expected);
        sink.clear();
    }

    @Test
    void fewerRecordsThanReadersStillEnds() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(4);
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(DataGeneratorSource.bounded(i -> "r" + i, 2), WatermarkStrategy.noWatermarks(), "gen").sinkTo(sink);
        env.execute("tiny");
        assertThat(sink.results()).containsExactlyInAnyOrder("r0", "r1");
        sink.clear();
    }

    @Test
    void rateLimitHoldsTheJobBack() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(DataGeneratorSource.bounded(i -> i, 200).withRateLimit(1000), WatermarkStrategy.noWatermarks(), "gen")
                .sinkTo(sink);
        long start = System.nanoTime();
        env.execute("rated");
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Only a lower bound: a loaded machine may always be slower.
        assertThat(millis).isGreaterThanOrEqualTo(150);
        assertThat(sink.results()).hasSize(200);
        sink.clear();
    }

    @Test
    void rateLimitedReaderReturnsInsteadOfWaiting() throws Exception {
        SourceReader<Long, IndexSplit> reader =
                DataGeneratorSource.bounded(i -> i, 1_000).withRateLimit(0.5).createReader(context(0, 1));
        reader.addSplits(DataGeneratorSource.bounded(i -> i, 1_000).createSplits(1));
        CollectingReaderOutput<Long> out = new CollectingReaderOutput<>();
        InputStatus first = reader.pollNext(out);
        InputStatus second = reader.pollNext(out);
        assertThat(first).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(second).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out.records).containsExactly(0L);
    }

    @Test
    void snapshotResumesAtTheNextIndex() throws Exception {
        DataGeneratorSource<Long> source = DataGeneratorSource.bounded(i -> i, 1_000);
        List<IndexSplit> splits = source.createSplits(2);
        SourceReader<Long, IndexSplit> first = source.createReader(context(1, 2));
        first.addSplits(List.of(splits.get(1)));
        CollectingReaderOutput<Long> out = new CollectingReaderOutput<>();
        first.pollNext(out);
        List<IndexSplit> snapshot = first.snapshotState(1);
        assertThat(snapshot).containsExactly(new IndexSplit(1, 1 + 2L * DataGeneratorReader.BATCH, 1_000, 2));

        SourceReader<Long, IndexSplit> restored = source.createReader(context(1, 2));
        restored.addSplits(snapshot);
        while (restored.pollNext(out) != InputStatus.END_OF_INPUT) { }
        List<Long> odd = LongStream.range(0, 1_000).filter(i -> i % 2 == 1).boxed().collect(Collectors.toList());
        assertThat(out.records).containsExactlyElementsOf(odd);
        assertThat(out.released).containsExactly("datagen-1");
    }

    @Test
    void oneReaderCanTakeOverSeveralSplitsAsAfterRescaling() throws Exception {
        DataGeneratorSource<Long> source = DataGeneratorSource.bounded(i -> i, 1_001);
        SourceReader<Long, IndexSplit> reader = source.createReader(context(0, 1));
        reader.addSplits(source.createSplits(3));
        CollectingReaderOutput<Long> out = new CollectingReaderOutput<>();
        while (reader.pollNext(out) != InputStatus.END_OF_INPUT) { }
        assertThat(out.records).hasSize(1_001).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 1_001).boxed().toList());
        assertThat(out.released).containsExactly("datagen-0", "datagen-1", "datagen-2");
        assertThat(reader.snapshotState(1)).isEmpty();
    }

    @Test
    void unboundedKeepsGoing() throws Exception {
        DataGeneratorSource<Long> source = DataGeneratorSource.unbounded(i -> i);
        SourceReader<Long, IndexSplit> reader = source.createReader(context(0, 3));
        reader.addSplits(List.of(source.createSplits(3).get(2)));
        CollectingReaderOutput<Long> out = new CollectingReaderOutput<>();
        for (int i = 0; i < 10; i++) assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(out.records).hasSize(10 * DataGeneratorReader.BATCH).startsWith(2L, 5L, 8L);
    }
}
