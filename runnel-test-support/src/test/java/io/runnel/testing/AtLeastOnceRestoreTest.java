package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointingMode;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.Evictor;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At-least-once restores lose nothing: each operator restarts from its own watermark (or the least
 * of the subtasks it takes over), never the greatest over all subtasks, which in at-least-once mode
 * (each subtask snapshots at its own moment) would drop replayed records as late.
 */
class AtLeastOnceRestoreTest {
    private static final long COUNT = 12_000;

    @TempDir
    Path dir;

    @Test
    void everyWindowOfTheFailureFreeRunIsInTheOutputOfARunWithFailures() throws Exception {
        List<String> clean = run(dir.resolve("clean"), 0);
        assertThat(clean).hasSizeGreaterThan(100);
        for (int round = 0; round < 3; round++) {
            List<String> failed = run(dir.resolve("failed-" + round), 1500 + 2500L * round);
            List<String> missing = new ArrayList<>(new TreeSet<>(clean));
            missing.removeAll(failed);
            assertThat(missing).as("window results missing after a restore (round %d)", round).isEmpty();
        }
    }

    /** Window results (key, window, its distinct elements), committed; failures at records {@code failAt} and twice that. */
    private List<String> run(Path ck, long failAt) throws Exception {
        CommittingCollectSink<String> sink = new CommittingCollectSink<>();
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2).enableCheckpointing(Duration.ofMillis(15))
                .setRestartStrategy(RestartStrategy.fixedDelay(10, Duration.ofMillis(5)));
        env.getCheckpointConfig().setDirectory(ck.toString()).setMode(CheckpointingMode.AT_LEAST_ONCE);
        DataStream<Long> numbers = env.fromSource(new SequenceSource(COUNT, 4, 6), WatermarkStrategy.forMonotonousTimestamps(), "numbers");
        if (failAt > 0) numbers = numbers.map(new FailOnce<>(failAt)).name("fail-1").map(new FailOnce<>(2 * failAt)).name("fail-2");
        // an evictor that keeps everything makes this the general window operator: the slicing one
        // restores its next window end as the greatest over all subtasks, which loses windows the
        // same way (a windowing change of its own)
        numbers.keyBy(v -> v % 7).window(TumblingEventTimeWindows.of(Duration.ofMillis(40))).evictor(new KeepAll())
                .aggregate(new Distinct()).uid("windows")
                .map(s -> s.first() % 7 + " " + s.first() / 40 + " " + s).uid("format").sinkTo(sink).uid("sink");
        JobClient client = env.executeAsync("at-least-once");
        try {
            client.await(Duration.ofMinutes(1));
            if (failAt > 0) assertThat(client.restarts()).isPositive();
            return sink.committed();
        } finally {
            sink.clear();
        }
    }

    /** Evicts nothing. */
    static final class KeepAll implements Evictor<Long, TimeWindow> {
        @Override
        public void evictBefore(List<Evictor.Timestamped<Long>> elements, TimeWindow window, long watermark) {}
    }

    /** The distinct elements of a window: duplicates (at-least-once replays) do not change it. */
    static final class Distinct implements AggregateFunction<Long, TreeSet<Long>, TreeSet<Long>> {
        @Override
        public TreeSet<Long> createAccumulator() {
            return new TreeSet<>();
        }

        @Override
        public TreeSet<Long> add(Long v, TreeSet<Long> acc) {
            acc.add(v);
            return acc;
        }

        @Override
        public TreeSet<Long> getResult(TreeSet<Long> acc) {
            return new TreeSet<>(acc);
        }

        @Override
        public TreeSet<Long> merge(TreeSet<Long> a, TreeSet<Long> b) {
            a.addAll(b);
            return a;
        }
    }
}
