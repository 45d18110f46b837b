package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.runtime.checkpoint.CheckpointStorage;
import io.runnel.runtime.checkpoint.InFlightData;
import io.runnel.runtime.checkpoint.Restore;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unaligned checkpoints end to end, under backpressure from a slow stage: the committed output of a
 * run with an injected failure, and of a run cut after a checkpoint that stored in-flight records
 * and restored at another parallelism, is exactly the failure-free output.
 */
class UnalignedCheckpointTest implements Serializable {
    private static final int KEYS = 11;

    @TempDir
    Path dir;

    /** Counts per key; emits "key count" for every record. */
    static final class RunningCount extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(new ValueStateDescriptor<>("count", 0L));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) throws Exception {
            long n = count.value() + 1;
            count.update(n);
            out.collect(ctx.getCurrentKey() + " " + n);
        }
    }

    /** Sleeps a millisecond every {@code every} records: the backpressure that fills the queues. */
    static final class Slow implements MapFunction<String, String> {
        private final int every;
        private int seen;

        Slow(int every) {
            this.every = every;
        }

        @Override
        public String map(String v) throws Exception {
            if (every > 0 && ++seen % every == 0) Thread.sleep(1);
            return v;
        }
    }

    private JobClient start(CommittingCollectSink<String> sink, int parallelism, long count, long failAt, int slowEvery,
                            Duration alignedTimeout, String restoreFrom) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setWorkerThreads(2)
                .enableCheckpointing(Duration.ofMillis(30))
                .setRestartStrategy(RestartStrategy.fixedDelay(5, Duration.ofMillis(5)));
        env.getCheckpointConfig().setDirectory(dir.resolve("ck").toString()).enableUnalignedCheckpoints(true)
                .setAlignedCheckpointTimeout(alignedTimeout);
        if (restoreFrom != null) env.restoreFrom(restoreFrom);
        var numbers = env.fromSource(new SequenceSource(count, 4, 1000), WatermarkStrategy.forMonotonousTimestamps(), "numbers");
        if (failAt > 0) numbers = numbers.map(new FailOnce<>(failAt)).name("fail-once");
        numbers.keyBy(v -> v % KEYS).process(new RunningCount()).uid("count")
                .rebalance().map(new Slow(slowEvery)).uid("slow").sinkTo(sink).uid("sink");
        return env.executeAsync("unaligned");
    }

    private static List<String> expected(long count) {
        List<String> out = new ArrayList<>();
        for (long k = 0; k < KEYS; k++) {
            long n = (count - k + KEYS - 1) / KEYS;
            for (long i = 1; i <= n; i++) out.add(k + " " + i);
        }
        Collections.sort(out);
        return out;
    }

    private static void assertSame(List<String> actual, List<String> expected) {
        List<String> a = sorted(actual);
        if (a.equals(expected)) return;
        List<String> missing = new ArrayList<>(expected);
        for (String x : a) missing.remove(x);
        List<String> extra = new ArrayList<>(a);
        for (String x : expected) extra.remove(x);
        throw new AssertionError(a.size() + " records, expected " + expected.size() + "; missing " + missing.size() + " "
                + missing.subList(0, Math.min(10, missing.size())) + "; extra " + extra.size() + " " + extra.subList(0, Math.min(10, extra.size())));
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        Collections.sort(out);
        return out;
    }

    @Test
    void aFailureUnderBackpressureLosesAndRepeatsNothing() throws Exception {
        long count = 30_000;
        CommittingCollectSink<String> sink = new CommittingCollectSink<>();
        try {
            JobClient client = start(sink, 2, count, 12_000, 40, Duration.ZERO, null);
            client.await(Duration.ofMinutes(2));
            assertThat(client.restarts()).isEqualTo(1);
            assertSame(sink.committed(), expected(count));
        } finally {
            sink.clear();
        }
    }

    @Test
    void alignedCheckpointsThatTimeOutTurnUnalignedAndStayExact() throws Exception {
        long count = 20_000;
        CommittingCollectSink<String> sink = new CommittingCollectSink<>();
        try {
            JobClient client = start(sink, 2, count, 9_000, 40, Duration.ofMillis(5), null);
            client.await(Duration.ofMinutes(2));
            assertSame(sink.committed(), expected(count));
        } finally {
            sink.clear();
        }
    }

    @Test
    void aCheckpointWithInFlightRecordsRestoresAtAnotherParallelism() throws Exception {
        long count = 40_000;
        CommittingCollectSink<String> sink = new CommittingCollectSink<>();
        try {
            JobClient first = start(sink, 2, count, 0, 10, Duration.ZERO, null);
            long inFlight = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (inFlight == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                inFlight = inFlightRecordsOfLatest();
            }
            first.cancel();
            try {
                first.await(Duration.ofSeconds(30));
            } catch (CancellationException expected) {
                // cut mid-stream
            }
            assertThat(inFlight).as("a checkpoint stored records in flight").isPositive();
            assertThat(first.checkpoints()).anyMatch(c -> c.status() == CheckpointStats.Status.COMPLETED);
            assertThat(sink.committed().size()).as("the run was cut mid-stream").isLessThan((int) count);
            for (int p : new int[] {3}) {
                JobClient restored = start(sink, p, count, 0, 0, Duration.ZERO, "latest");
                restored.await(Duration.ofMinutes(1));
            }
            assertSame(sink.committed(), expected(count));
        } finally {
            sink.clear();
        }
    }

    /** In-flight records stored in the newest completed checkpoint of the job's directory, or 0. */
    private long inFlightRecordsOfLatest() {
        try {
            CheckpointStorage storage = new CheckpointStorage(dir.resolve("ck"));
            Path latest = storage.resolveRestore("latest");
            if (latest == null) return 0;
            Restore r = new Restore(CheckpointStorage.readMetadata(latest), latest);
            long n = 0;
            for (String op : List.of("count", "slow", "sink")) {
                var of = r.of(op);
                if (of == null) continue;
                for (InFlightData d : of.<InFlightData>all(InFlightData.PART)) n += d.records();
            }
            return n;
        } catch (Exception e) {
            return 0; // a checkpoint being replaced while read
        }
    }
}
