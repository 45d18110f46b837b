package io.runnel.bench.state;

import io.runnel.api.JobClient;
import io.runnel.api.JobResult;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.bench.nexmark.NexmarkJob;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Checkpoints under backpressure: a Nexmark query whose sink takes at most a given number of
 * records per second per subtask, so every queue in front of it is full; {@code hops} rebalancing
 * stages in front of the query add queues that an aligned barrier must wait behind. Aligned barriers wait
 * behind those queues; unaligned ones overtake them and store what they overtook. The figures are
 * the checkpoints' durations and sizes.
 */
public final class BackpressureBenchmark {
    private BackpressureBenchmark() {}

    public static Map<String, Object> run(String query, long events, int parallelism, long sinkRate, int hops,
                                          Consumer<StreamEnvironment> configure)
            throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        configure.accept(env);
        if (!env.getCheckpointConfig().enabled()) env.enableCheckpointing(Duration.ofSeconds(1));
        if (env.getCheckpointConfig().directory() == null) {
            env.getCheckpointConfig().setDirectory(Files.createTempDirectory("runnel-backpressure").toString());
        }
        NexmarkJob.build(env, query, events, 0, new ThrottledSink<>(sinkRate), s -> {
            for (int i = 0; i < hops; i++) s = s.rebalance().map(e -> e).name("hop-" + (i + 1));
            return s;
        });
        JobClient client = env.executeAsync("bench-backpressure-" + query);
        JobResult r = client.await(Duration.ofDays(1));
        List<CheckpointStats> done = client.checkpoints().stream()
                .filter(c -> c.status() == CheckpointStats.Status.COMPLETED && !c.savepoint()).toList();
        long[] durations = done.stream().mapToLong(CheckpointStats::durationMillis).sorted().toArray();
        long[] sizes = done.stream().mapToLong(CheckpointStats::fullBytes).sorted().toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "backpressure");
        out.put("query", query);
        out.put("parallelism", parallelism);
        out.put("unaligned", env.getCheckpointConfig().unalignedEnabled());
        out.put("aligned_timeout_ms", env.getCheckpointConfig().alignedCheckpointTimeoutMillis());
        out.put("sink_rate", sinkRate);
        out.put("hops", hops);
        out.put("events", events);
        double seconds = r.processingSeconds();
        out.put("seconds", seconds);
        out.put("events_per_second", Math.round(events / seconds));
        out.put("checkpoints", done.size());
        out.put("checkpoint_ms_median", median(durations));
        out.put("checkpoint_ms_max", durations.length == 0 ? -1 : durations[durations.length - 1]);
        out.put("checkpoint_bytes_median", median(sizes));
        out.put("checkpoint_ms_each", done.stream().map(c -> c.durationMillis() + "/" + c.alignmentMillis()).toList().toString());
        out.put("peak_heap_mb", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20));
        return out;
    }

    private static long median(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length / 2];
    }

    /** Discards records, at most {@code rate} per second per subtask. */
    static final class ThrottledSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;
        private final long rate;

        ThrottledSink(long rate) {
            this.rate = rate;
        }

        @Override
        public SinkWriter<T> createWriter(SinkContext context) {
            return new SinkWriter<>() {
                private long start;
                private long n;

                @Override
                public void write(T record, long timestamp) {
                    if (start == 0) start = System.nanoTime();
                    if (++n % 256 != 0) return;
                    long due = start + n * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                }
            };
        }
    }
}
