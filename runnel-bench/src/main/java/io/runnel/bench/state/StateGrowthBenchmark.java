package io.runnel.bench.state;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.bench.nexmark.NexmarkJob;
import io.runnel.connectors.datagen.DataGeneratorSource;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checkpoint size and duration as keyed state grows: {@code keys} distinct keys, each written once
 * with a value of {@code valueBytes} bytes (and a tenth of them rewritten), checkpointed every
 * interval. Prints one line per checkpoint: full and incremental bytes, duration.
 */
public final class StateGrowthBenchmark {
    private StateGrowthBenchmark() {}

    /** Keeps one value per key; every tenth record rewrites an old key, so checkpoints see updates too. */
    static final class Store extends KeyedProcessFunction<Long, Long, Long> {
        private final int valueBytes;
        private transient ValueState<byte[]> value;

        Store(int valueBytes) {
            this.valueBytes = valueBytes;
        }

        @Override
        public void open(RuntimeContext ctx) {
            value = ctx.getState(new ValueStateDescriptor<>("value"));
        }

        @Override
        public void processElement(Long key, Context ctx, Collector<Long> out) throws Exception {
            byte[] v = new byte[valueBytes];
            long x = key * 0x9E3779B97F4A7C15L;
            for (int i = 0; i < v.length; i++, x = x * 6364136223846793005L + 1442695040888963407L) v[i] = (byte) (x >>> 56);
            value.update(v);
        }
    }

    public static Map<String, Object> run(long keys, int valueBytes, int parallelism, Consumer<StreamEnvironment> configure,
                                          Consumer<CheckpointStats> onCheckpoint) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        configure.accept(env);
        if (!env.getCheckpointConfig().enabled()) throw new IllegalArgumentException("the state-growth benchmark needs --checkpoint-interval");
        DataGeneratorSource<Long> source = DataGeneratorSource.bounded(i -> i % 10 == 9 ? i / 2 : i, keys);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "keys").keyBy(k -> k).process(new Store(valueBytes)).name("store")
                .sinkTo(NexmarkJob.discarding());
        long start = System.nanoTime();
        JobClient client = env.executeAsync("bench-state-growth");
        Set<Long> seen = new HashSet<>();
        while (!client.result().isDone()) {
            report(client, seen, onCheckpoint);
            Thread.sleep(100);
        }
        client.await(Duration.ofDays(1));
        report(client, seen, onCheckpoint);
        List<CheckpointStats> done = client.checkpoints().stream().filter(c -> c.status() == CheckpointStats.Status.COMPLETED).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "state-growth");
        out.put("state_backend", env.stateBackend());
        out.put("keys", keys);
        out.put("value_bytes", valueBytes);
        out.put("seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        out.put("checkpoints", done.size());
        out.put("full_bytes_last", done.isEmpty() ? 0 : done.get(done.size() - 1).fullBytes());
        out.put("incremental_bytes_median", done.isEmpty() ? 0 : done.stream().mapToLong(CheckpointStats::incrementalBytes).sorted().toArray()[done.size() / 2]);
        out.put("duration_ms_median", done.isEmpty() ? 0 : done.stream().mapToLong(CheckpointStats::durationMillis).sorted().toArray()[done.size() / 2]);
        out.put("duration_ms_max", done.stream().mapToLong(CheckpointStats::durationMillis).max().orElse(0));
        return out;
    }

    private static void report(JobClient client, Set<Long> seen, Consumer<CheckpointStats> onCheckpoint) {
        for (CheckpointStats s : client.checkpoints()) {
            if (s.status() == CheckpointStats.Status.COMPLETED && seen.add(s.id())) {
                onCheckpoint.accept(s);
            }
        }
    }
}
