package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.DataStream;
import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.time.WatermarkStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint directory belongs to one running job (a lock held for the job's life), and a
 * restore refuses state of operators the job no longer has unless told to drop it.
 */
class CheckpointDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aSecondJobOnTheSameDirectoryRefusesToStartUntilTheFirstEnds() throws Exception {
        Path ck = dir.resolve("shared-ck");
        CommittingCollectSink<Long> a = new CommittingCollectSink<>();
        JobClient first = longJob(ck, a, true).executeAsync("same-name");
        CommittingCollectSink<Long> b = new CommittingCollectSink<>();
        try {
            CheckpointsAfterTasksFinishTest.awaitWhileRunning(first, () -> !a.committed().isEmpty(), "a checkpoint of the first job");
            JobClient second = longJob(ck, b, true).executeAsync("same-name");
            assertThatThrownBy(() -> second.result().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("cannot use checkpoint directory " + ck).hasMessageContaining(".lock");
            assertThat(first.result().isDone()).as("the first job is untouched").isFalse();
            CheckpointsAfterTasksFinishTest.cancel(first);
            int before = a.committed().size();

            // released at the end: the same directory serves the next job (which restores from it)
            JobClient third = longJob(ck, b, true).restoreFrom("latest").executeAsync("same-name");
            CheckpointsAfterTasksFinishTest.awaitWhileRunning(third, () -> !b.committed().isEmpty(), "a checkpoint of the third job");
            CheckpointsAfterTasksFinishTest.cancel(third);
            assertThat(before).isPositive();
        } finally {
            a.clear();
            b.clear();
        }
    }

    @Test
    void stateOfAnOperatorTheJobNoLongerHasFailsTheRestoreUnlessAllowed() throws Exception {
        Path ck = dir.resolve("ck");
        CommittingCollectSink<Long> a = new CommittingCollectSink<>();
        JobClient first = longJob(ck, a, true).executeAsync("first");
        String savepoint;
        try {
            CheckpointsAfterTasksFinishTest.awaitWhileRunning(first, () -> !a.committed().isEmpty(), "a checkpoint");
            savepoint = first.triggerSavepoint(dir.resolve("savepoints").toString()).get();
            CheckpointsAfterTasksFinishTest.cancel(first);
        } finally {
            a.clear();
        }
        CommittingCollectSink<Long> b = new CommittingCollectSink<>();
        try {
            JobClient refused = longJob(dir.resolve("ck2"), b, false).restoreFrom(savepoint).executeAsync("without-the-reduce");
            assertThatThrownBy(() -> refused.result().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("cannot restore " + savepoint).hasMessageContaining("[running-max]")
                    .hasMessageContaining("allowNonRestoredState");

            JobClient allowed = longJob(dir.resolve("ck3"), b, false).restoreFrom(savepoint).allowNonRestoredState(true)
                    .executeAsync("without-the-reduce");
            CheckpointsAfterTasksFinishTest.awaitWhileRunning(allowed, () -> !b.committed().isEmpty(), "a checkpoint of the restored job");
            CheckpointsAfterTasksFinishTest.cancel(allowed);
        } finally {
            b.clear();
        }
    }

    /** A job that runs until cancelled; with {@code withReduce}, keyed state under uid "running-max". */
    private static StreamEnvironment longJob(Path ck, CommittingCollectSink<Long> sink, boolean withReduce) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2).enableCheckpointing(Duration.ofMillis(30))
                .setRestartStrategy(RestartStrategy.none());
        env.getCheckpointConfig().setDirectory(ck.toString());
        DataStream<Long> numbers = env.fromSource(new SequenceSource(10_000_000, 2, 2), WatermarkStrategy.forMonotonousTimestamps(), "numbers")
                .uid("numbers");
        if (withReduce) numbers = numbers.keyBy(v -> v % 7).reduce(Math::max).uid("running-max");
        numbers.map(v -> v).uid("identity").sinkTo(sink).uid("sink");
        return env;
    }
}
