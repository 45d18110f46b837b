package io.runnel.bench.nexmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.api.JobResult;
import io.runnel.api.StreamEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times one Nexmark query: events per second from the first event the source emits to the end of
 * the job (JVM start and job set-up not counted, as the Flink anchor measures), peak heap and RSS.
 */
public final class NexmarkBenchmark {
    private NexmarkBenchmark() {}

    /** Runs the query and returns its figures, the contract of {@code runnel bench}. */
    public static Map<String, Object> run(String query, long events, int parallelism) throws Exception {
        return run(query, events, parallelism, env -> {});
    }

    /** As {@link #run(String, long, int)}, with the environment configured (checkpoints, state backend) first. */
    public static Map<String, Object> run(String query, long events, int parallelism,
                                          java.util.function.Consumer<StreamEnvironment> configure) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        configure.accept(env);
        NexmarkJob.build(env, query, events, 0, NexmarkJob.discarding());
        return measure(env, "bench-nexmark-" + query, query, events, parallelism);
    }

    /** Runs the job built on {@code env} and returns the figures of {@code runnel bench nexmark}. */
    public static Map<String, Object> measure(StreamEnvironment env, String jobName, String query, long events, int parallelism)
            throws Exception {
        io.runnel.api.JobClient client = env.executeAsync(jobName);
        JobResult r = client.await(java.time.Duration.ofDays(1));
        double seconds = r.processingSeconds();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "nexmark");
        out.put("query", query);
        out.put("parallelism", parallelism);
        out.put("events", events);
        out.put("seconds", round(seconds, 3));
        out.put("events_per_second", Math.round(events / seconds));
        out.put("out_records", r.sinkRecords());
        out.put("peak_heap_mb", round(peakHeapBytes() / 1048576.0, 1));
        out.put("peak_rss_mb", round(peakRssKb() / 1024.0, 1));
        java.util.List<io.runnel.api.checkpoint.CheckpointStats> done = client.checkpoints().stream()
                .filter(c -> c.status() == io.runnel.api.checkpoint.CheckpointStats.Status.COMPLETED).toList();
        if (env.getCheckpointConfig().enabled()) {
            out.put("state_backend", env.stateBackend());
            out.put("checkpoints", done.size());
            out.put("checkpoint_ms_median", done.isEmpty() ? 0 : done.stream().mapToLong(c -> c.durationMillis()).sorted().toArray()[done.size() / 2]);
            // each one's duration and alignment (the last is the final checkpoint a bounded job waits for)
            out.put("checkpoint_ms", done.stream().map(c -> c.durationMillis() + "/" + c.alignmentMillis()).toList());
            out.put("checkpoint_full_bytes_max", done.stream().mapToLong(c -> c.fullBytes()).max().orElse(0));
            out.put("checkpoint_incremental_bytes_median", done.isEmpty() ? 0 : done.stream().mapToLong(c -> c.incrementalBytes()).sorted().toArray()[done.size() / 2]);
        }
        return out;
    }

    public static String toJson(Map<String, Object> figures) throws Exception {
        return new ObjectMapper().writeValueAsString(figures);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** VmHWM from /proc (Linux); 0 elsewhere. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
