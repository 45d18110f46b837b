package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.connector.SourceSplit;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An input without data must not hold event time back forever once it is marked idle. */
class IdlenessTest implements Serializable {

    /** Emits timestamps 0..count-1 (one per ms of event time), then stays open with nothing to read. */
    static final class QuietAfter implements Source<Long, SourceSplit> {
        private final long count;

        QuietAfter(long count) {
            this.count = count;
        }

        public Boundedness boundedness() {
            return Boundedness.CONTINUOUS_UNBOUNDED;
        }

        public List<SourceSplit> createSplits(int parallelism) {
            return List.of(() -> "quiet");
        }

        public SourceReader<Long, SourceSplit> createReader(SourceReaderContext context) {
            return new SourceReader<>() {
                long next;
                boolean mine;

                public void addSplits(List<SourceSplit> splits) {
                    mine = !splits.isEmpty();
                }

                public InputStatus pollNext(ReaderOutput<Long> out) {
                    if (!mine) return InputStatus.END_OF_INPUT;
                    for (int i = 0; i < 100 && next < count; i++, next++) out.collect(next, next);
                    return next < count ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
                }

                public List<SourceSplit> snapshotState(long checkpointId) {
                    return List.of();
                }
            };
        }
    }

    @Test
    void idleInputsAreExcludedFromTheWatermark() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        WatermarkStrategy<Long> wm = WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ofMillis(100));
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(new QuietAfter(1000), wm, "busy-then-quiet")
                .union(env.fromSource(new QuietAfter(0), wm, "never-emits"))
                .keyBy(x -> 0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).reduce(Long::sum)
                .sinkTo(sink);
        JobClient job = env.executeAsync("idleness");
        for (int i = 0; i < 250 && sink.results().size() < 9; i++) Thread.sleep(20);
        job.cancel();
        // windows [0,100) .. [800,900) close at watermark 998; [900,1000) waits for more data
        assertThat(sink.results()).hasSize(9).contains(4950L, 84950L);
        sink.clear();
    }
}
