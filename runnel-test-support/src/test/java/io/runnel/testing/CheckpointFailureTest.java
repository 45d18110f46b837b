package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.connector.Committer;
import io.runnel.api.connector.CommittingSinkWriter;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.TwoPhaseCommitSink;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.time.WatermarkStrategy;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints that cannot complete are visible and bounded: the final checkpoint of a bounded job
 * fails the job or is cancelled rather than hanging it, failures past the tolerated number fail the
 * job, and output carried over failed checkpoints may not outlive its sink's transaction timeout.
 */
class CheckpointFailureTest {
    @TempDir
    Path dir;

    @Test
    void aDeclinedFinalCheckpointFailsTheJobWithItsCause() {
        StreamEnvironment env = env("declined-final", Duration.ofHours(1));
        CommittingCollectSink<Long> sink = new CommittingCollectSink<>();
        keepStateValue(env, 200, 1000, false).sinkTo(sink);
        JobClient client = env.executeAsync("declined-final");
        try {
            assertThatThrownBy(() -> client.result().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .rootCause().hasMessageContaining("injected: cannot write this state");
            assertThatThrownBy(() -> client.result().get()).hasMessageContaining("final checkpoint");
        } finally {
            sink.clear();
        }
    }

    @Test
    void cancelEndsAJobWaitingForItsFinalCheckpoint() throws Exception {
        StreamEnvironment env = env("hanging-final", Duration.ofHours(1));
        CommittingCollectSink<Long> sink = new CommittingCollectSink<>();
        keepStateValue(env, 200, 1000, true).sinkTo(sink);
        JobClient client = env.executeAsync("hanging-final");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (client.checkpoints().stream().noneMatch(c -> c.status() == CheckpointStats.Status.IN_PROGRESS)) {
                assertThat(System.nanoTime()).as("the final checkpoint started").isLessThan(deadline);
                Thread.sleep(5);
            }
            Thread.sleep(100); // the tasks have finished and wait for it
            client.cancel();
            assertThatThrownBy(() -> client.result().get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(CancellationException.class);
        } finally {
            sink.clear();
        }
    }

    @Test
    void moreFailedCheckpointsInARowThanToleratedFailTheJobNamingThem() {
        StreamEnvironment env = env("tolerable", Duration.ofMillis(20));
        env.getCheckpointConfig().setTimeout(Duration.ofMillis(1)).setTolerableFailures(2);
        CommittingCollectSink<Long> sink = new CommittingCollectSink<>();
        env.fromSource(new SequenceSource(10_000_000, 2, 2), WatermarkStrategy.forMonotonousTimestamps(), "numbers")
                .keyBy(v -> v % 5).map(v -> v).sinkTo(sink);
        JobClient client = env.executeAsync("tolerable");
        try {
            assertThatThrownBy(() -> client.result().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("3 checkpoint(s) failed in a row, more than the 2 tolerated")
                    .hasMessageContaining("timed out after 1 ms");
            assertThat(client.checkpoints()).filteredOn(c -> c.status() == CheckpointStats.Status.FAILED)
                    .hasSizeGreaterThanOrEqualTo(3).allMatch(c -> c.failure().contains("timed out"));
        } finally {
            sink.clear();
        }
    }

    @Test
    void carriedOutputOlderThanTheSinksTransactionTimeoutFailsTheJob() {
        StreamEnvironment env = env("carried", Duration.ofMillis(10));
        env.getCheckpointConfig().setTolerableFailures(Integer.MAX_VALUE);
        CommittingCollectSink<Long> sink = new CommittingCollectSink<>();
        // every checkpoint is declined (a state value cannot be written), so the sink's output is carried on and on
        keepStateValue(env, 10_000_000, 2, false).sinkTo(new ExpiringSink<>(sink, Duration.ofMillis(300))).uid("expiring");
        JobClient client = env.executeAsync("carried");
        try {
            assertThatThrownBy(() -> client.result().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("output of sink 'expiring'")
                    .hasMessageContaining("past the sink's transaction timeout of 300 ms");
            assertThat(sink.committed()).as("nothing was committed").isEmpty();
        } finally {
            sink.clear();
        }
    }

    private StreamEnvironment env(String name, Duration interval) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2).enableCheckpointing(interval)
                .setRestartStrategy(RestartStrategy.none());
        env.getCheckpointConfig().setDirectory(dir.resolve(name).toString());
        return env;
    }

    /** A bounded keyed job whose state keeps a {@link StateValue} for every key until the end. */
    private static io.runnel.api.DataStream<Long> keepStateValue(StreamEnvironment env, long count, int perMilli, boolean hang) {
        return env.fromSource(new SequenceSource(count, 2, perMilli), WatermarkStrategy.forMonotonousTimestamps(), "numbers")
                .keyBy(v -> v % 3).process(new KeepValue(hang));
    }

    /** Keeps a state value per key, set once; passes records on. */
    static final class KeepValue extends KeyedProcessFunction<Long, Long, Long> {
        private final boolean hang;
        private transient ValueState<StateValue> state;

        KeepValue(boolean hang) {
            this.hang = hang;
        }

        @Override
        public void open(RuntimeContext ctx) {
            state = ctx.getState(new ValueStateDescriptor<>("kept", null));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<Long> out) throws Exception {
            if (state.value() == null) state.update(new StateValue(hang));
            out.collect(v);
        }
    }

    /** A state value whose snapshot write fails, or hangs (until interrupted); a class, as records ignore writeObject. */
    static final class StateValue implements Serializable {
        private final boolean hang;

        StateValue(boolean hang) {
            this.hang = hang;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            if (!hang) throw new NotSerializableException("injected: cannot write this state");
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** A two-phase-commit sink whose prepared output expires after {@code timeout}. */
    record ExpiringSink<T>(CommittingCollectSink<T> inner, Duration timeout) implements TwoPhaseCommitSink<T, CommittingCollectSink.Batch> {
        @Override
        public CommittingSinkWriter<T, CommittingCollectSink.Batch> createWriter(SinkContext context) {
            return inner.createWriter(context);
        }

        @Override
        public Committer<CommittingCollectSink.Batch> createCommitter() {
            return inner.createCommitter();
        }

        @Override
        public Optional<Duration> transactionTimeout() {
            return Optional.of(timeout);
        }
    }
}
