package io.runnel.bench.state;

import io.runnel.api.JobClient;
import io.runnel.api.JobResult;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.bench.nexmark.NexmarkJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Recovery time: a Nexmark query with checkpoints fails once at a chosen event; the figure is the
 * time from the failure to the first event read again by the restarted job (restart delay zero,
 * so it measures tear-down, restore and start-up).
 */
public final class RecoveryBenchmark {
    private RecoveryBenchmark() {}

    public static Map<String, Object> run(String query, long events, int parallelism, long failAt, Consumer<StreamEnvironment> configure)
            throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        configure.accept(env);
        if (!env.getCheckpointConfig().enabled()) env.enableCheckpointing(Duration.ofSeconds(1));
        if (env.getCheckpointConfig().directory() == null) env.getCheckpointConfig().setDirectory(Files.createTempDirectory("runnel-recovery").toString());
        env.setRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ZERO));
        NexmarkJob.build(env, query, events, 0, NexmarkJob.discarding(), s -> s.map(new FailOnceAt<>(failAt)).name("fail-once"));
        JobClient client = env.executeAsync("bench-recovery-" + query);
        JobResult r = client.await(Duration.ofDays(1));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "recovery");
        out.put("query", query);
        out.put("parallelism", parallelism);
        out.put("events", events);
        out.put("fail_at", failAt);
        out.put("restarts", client.restarts());
        List<Long> rec = client.recoveryMillis();
        out.put("recovery_ms", rec.isEmpty() ? -1 : rec.get(0));
        List<CheckpointStats> done = client.checkpoints().stream().filter(c -> c.status() == CheckpointStats.Status.COMPLETED).toList();
        out.put("checkpoints", done.size());
        out.put("state_bytes_max", done.stream().mapToLong(CheckpointStats::fullBytes).max().orElse(0));
        out.put("out_records", r.sinkRecords());
        return out;
    }
}
