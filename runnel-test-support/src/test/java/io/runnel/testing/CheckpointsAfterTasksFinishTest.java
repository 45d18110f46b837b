package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.time.WatermarkStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks that have finished (a source subtask without a split, a bounded side input and what it
 * feeds) keep acknowledging checkpoints, so checkpoints and savepoints go on while other tasks run
 * and exactly-once sinks publish before the job ends (Flink's FLIP-147).
 */
class CheckpointsAfterTasksFinishTest {
    @TempDir
    Path dir;

    @Test
    void sourceSubtasksWithoutSplitsDoNotStopCheckpoints() throws Exception {
        CommittingCollectSink<Long> sink = new CommittingCollectSink<>();
        StreamEnvironment env = env(4, "no-split");
        // 2 splits at parallelism 4: two source subtasks have nothing to read and finish at once
        env.fromSource(new SequenceSource(1_000_000, 2, 2), WatermarkStrategy.forMonotonousTimestamps(), "numbers")
                .map(v -> v).uid("identity").sinkTo(sink).uid("sink");
        JobClient client = env.executeAsync("no-split");
        try {
            awaitWhileRunning(client, () -> !sink.committed().isEmpty(), "output committed by a periodic checkpoint");
            String savepoint = client.triggerSavepoint(dir.resolve("savepoints").toString()).get();
            assertThat(Path.of(savepoint).resolve("_metadata")).exists();
        } finally {
            cancel(client);
            sink.clear();
        }
    }

    @Test
    void aFinishedSideInputKeepsAcknowledgingAndItsOutputIsCommitted() throws Exception {
        CommittingCollectSink<Long> main = new CommittingCollectSink<>();
        CommittingCollectSink<Long> side = new CommittingCollectSink<>();
        StreamEnvironment env = env(2, "side-input");
        env.fromSource(new SequenceSource(1_000_000, 2, 2), WatermarkStrategy.forMonotonousTimestamps(), "main")
                .keyBy(v -> v % 3).map(v -> v).uid("main-map").sinkTo(main).uid("main-sink");
        // a bounded side input, through a network edge so that a non-source task finishes too
        env.fromSource(new SequenceSource(100, 2, 1000), WatermarkStrategy.forMonotonousTimestamps(), "side")
                .keyBy(v -> v % 2).map(v -> v).uid("side-map").sinkTo(side).uid("side-sink");
        JobClient client = env.executeAsync("side-input");
        try {
            awaitWhileRunning(client, () -> side.committed().size() == 100, "the finished side input's output committed");
            awaitWhileRunning(client, () -> !main.committed().isEmpty(), "the main output committed");
            String savepoint = client.triggerSavepoint(dir.resolve("savepoints").toString()).get();
            assertThat(Path.of(savepoint).resolve("_metadata")).exists();
            List<Long> expected = new ArrayList<>(LongStream.range(0, 100).boxed().toList());
            List<Long> got = new ArrayList<>(side.committed());
            got.sort(null);
            assertThat(got).isEqualTo(expected);
        } finally {
            cancel(client);
            main.clear();
            side.clear();
        }
    }

    private StreamEnvironment env(int parallelism, String name) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).enableCheckpointing(Duration.ofMillis(30))
                .setRestartStrategy(RestartStrategy.none());
        env.getCheckpointConfig().setDirectory(dir.resolve(name).toString());
        return env;
    }

    /** Waits (bounded) for the condition, which must come true while the job still runs. */
    static void awaitWhileRunning(JobClient client, BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (client.result().isDone()) {
                client.result().get(); // surfaces a failure
                throw new AssertionError("the job ended before: " + what);
            }
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what + "; " + client.checkpoints());
            Thread.sleep(10);
        }
        assertThat(client.result().isDone()).as("job still running after " + what).isFalse();
    }

    static void cancel(JobClient client) throws Exception {
        client.cancel();
        try {
            client.await(Duration.ofSeconds(30));
        } catch (CancellationException expected) {
            // cancelled
        }
    }
}
