package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job stopped mid-stream and started again with restore "latest" (its newest retained
 * checkpoint, not a savepoint) at another parallelism each time, 2 -> 4 -> 1, commits exactly the
 * output of an uninterrupted run: source splits, keyed state and timers, and sink output carry over.
 * At 4 the 2-split source has subtasks without a split, which must not stop the checkpoints.
 */
class RestoreLatestRescaleTest {
    private static final long COUNT = 6000;

    @TempDir
    Path dir;

    @Test
    void restoreLatestAtTwoThenFourThenOne() throws Exception {
        CommittingCollectSink<String> cleanSink = new CommittingCollectSink<>();
        CommittingCollectSink<String> sink = new CommittingCollectSink<>(); // one sink over all runs: re-commits count once
        try {
            job(2, dir.resolve("clean"), cleanSink, null, 20).executeAsync("rescale").await(Duration.ofMinutes(1));
            List<String> expected = sorted(cleanSink.committed());
            assertThat(expected).isNotEmpty();

            Path ck = dir.resolve("ck");
            int before = 0;
            for (int parallelism : new int[] {2, 4}) {
                JobClient c = job(parallelism, ck, sink, parallelism == 2 ? null : "latest", 2).executeAsync("rescale");
                CheckpointsAfterTasksFinishTest.awaitWhileRunning(c, () -> completed(c) >= 2, "two checkpoints at parallelism " + parallelism);
                CheckpointsAfterTasksFinishTest.cancel(c);
                assertThat(sink.committed().size()).as("progress at parallelism " + parallelism).isGreaterThan(before);
                before = sink.committed().size();
            }
            assertThat(before).as("the job was cut mid-stream").isLessThan(expected.size());
            job(1, ck, sink, "latest", 20).executeAsync("rescale").await(Duration.ofMinutes(1));
            assertThat(sorted(sink.committed())).isEqualTo(expected);
        } finally {
            cleanSink.clear();
            sink.clear();
        }
    }

    private static long completed(JobClient c) {
        return c.checkpoints().stream().filter(s -> s.status() == CheckpointStats.Status.COMPLETED && !s.savepoint()).count();
    }

    private static StreamEnvironment job(int parallelism, Path ck, CommittingCollectSink<String> sink, String restore, int perMilli) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).enableCheckpointing(Duration.ofMillis(40))
                .setRestartStrategy(RestartStrategy.none());
        env.getCheckpointConfig().setDirectory(ck.toString()).setRetained(2);
        if (restore != null) env.restoreFrom(restore);
        DataStream<Long> numbers = env.fromSource(new SequenceSource(COUNT, 2, perMilli), WatermarkStrategy.forMonotonousTimestamps(), "numbers")
                .uid("numbers");
        numbers.keyBy(v -> v % 13 * 1_000_000 + v / 50).process(new ExactlyOnceJobs.CountPerBucket()).uid("count-per-bucket")
                .sinkTo(sink).uid("timers-sink");
        numbers.keyBy(v -> v % 7).window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).reduce(Long::sum).uid("tumbling")
                .map(v -> "tumbling " + v).uid("tumbling-format").sinkTo(sink).uid("windows-sink");
        return env;
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        Collections.sort(out);
        return out;
    }
}
