package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.JobClient;
import io.runnel.api.JobStatus;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.connector.SourceSplit;
import io.runnel.api.time.WatermarkStrategy;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureAndBackpressureTest implements Serializable {
    static final AtomicLong EMITTED = new AtomicLong();
    static final AtomicLong WRITTEN = new AtomicLong();
    static final AtomicLong MAX_IN_FLIGHT = new AtomicLong();

    @Test
    void anExceptionInAUserFunctionFailsTheJobWithOperatorAndSubtask() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        env.fromCollection(BasicJobTest.numbers(1000)).rebalance()
                .map(x -> {
                    if (x == 500) throw new IllegalArgumentException("bad record 500");
                    return x;
                }).name("parse")
                .sinkTo(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("failing"))
                .hasMessageContaining("operator 'parse")
                .hasMessageContaining("subtask ")
                .hasMessageContaining("/2)")
                .hasRootCauseMessage("bad record 500");
        awaitNoWorkers();
        assertThat(workerThreads()).isEmpty();
    }

    @Test
    void cancelStopsAnUnboundedJobAndEveryThreadEnds() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        env.fromSource(new EndlessSource(), WatermarkStrategy.noWatermarks(), "endless").map(x -> x + 1).sinkTo(new CollectSinkDiscard());
        JobClient client = env.executeAsync("endless");
        Thread.sleep(200);
        assertThat(client.status()).isEqualTo(JobStatus.RUNNING);
        client.cancel();
        assertThatThrownBy(() -> client.await(Duration.ofSeconds(10))).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(client.status()).isEqualTo(JobStatus.CANCELED);
        awaitNoWorkers();
        assertThat(workerThreads()).isEmpty();
    }

    @Test
    void aSlowSinkBackpressuresTheSourceAndInFlightRecordsStayBounded() throws Exception {
        EMITTED.set(0);
        WRITTEN.set(0);
        MAX_IN_FLIGHT.set(0);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        env.fromSource(new EndlessSource(), WatermarkStrategy.noWatermarks(), "endless")
                .rebalance().map(x -> x).sinkTo(new SlowSink());
        JobClient client = env.executeAsync("backpressure");
        Thread.sleep(1500);
        client.cancel();
        try {
            client.await(Duration.ofSeconds(10));
        } catch (Exception expected) {
            // cancelled
        }
        // Without backpressure the source would have emitted millions by now. Bound: channels
        // (2x2 x 16 batches x 512) plus one open batch per channel plus one poll's overshoot.
        long bound = 4L * (16 + 2) * 512 + 4 * 512;
        assertThat(WRITTEN.get()).isPositive();
        assertThat(MAX_IN_FLIGHT.get()).isLessThanOrEqualTo(bound);
    }

    /** Worker threads exit right after completing the job's result; give them a moment. */
    static void awaitNoWorkers() throws InterruptedException {
        for (int i = 0; i < 100 && !workerThreads().isEmpty(); i++) Thread.sleep(20);
    }

    static List<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("runnel-worker") && t.isAlive()).toList();
    }

    /** Emits increasing longs forever, 256 per poll. */
    static final class EndlessSource implements Source<Long, SourceSplit> {
        public Boundedness boundedness() {
            return Boundedness.CONTINUOUS_UNBOUNDED;
        }

        public List<SourceSplit> createSplits(int parallelism) {
            return List.of(() -> "endless");
        }

        public SourceReader<Long, SourceSplit> createReader(SourceReaderContext context) {
            return new SourceReader<>() {
                long next;
                boolean assigned;

                public void addSplits(List<SourceSplit> splits) {
                    assigned |= !splits.isEmpty();
                }

                public InputStatus pollNext(ReaderOutput<Long> out) {
                    if (!assigned) return InputStatus.END_OF_INPUT;
                    for (int i = 0; i < 256; i++) out.collect(next++);
                    long emitted = EMITTED.addAndGet(256);
                    MAX_IN_FLIGHT.accumulateAndGet(emitted - WRITTEN.get(), Math::max);
                    return InputStatus.MORE_AVAILABLE;
                }

                public List<SourceSplit> snapshotState(long checkpointId) {
                    return List.of();
                }
            };
        }
    }

    /** Takes 1 ms per 100 records. */
    static final class SlowSink implements Sink<Long> {
        public SinkWriter<Long> createWriter(SinkContext context) {
            return (record, ts) -> {
                if (WRITTEN.incrementAndGet() % 100 == 0) Thread.sleep(1);
            };
        }
    }

    /** Drops everything. */
    static final class CollectSinkDiscard implements Sink<Long> {
        public SinkWriter<Long> createWriter(SinkContext context) {
            return (record, ts) -> {};
        }
    }
}
