package io.runnel.sql;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.live.LiveView;
import io.runnel.sql.planner.OutputModeRules;
import io.runnel.sql.planner.PlannedQuery;
import io.runnel.sql.planner.PlannerOptions;
import io.runnel.sql.stream.BatchFunction;
import io.runnel.sql.stream.BatchTarget;
import io.runnel.sql.stream.OutputMode;
import io.runnel.sql.stream.StreamOutputs;
import io.runnel.sql.stream.StreamingQuery;
import io.runnel.sql.stream.Trigger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Spark's {@code writeStream} for a query of the SQL planner: where its result goes ({@code format}: {@code console},
 * {@code memory} (a table named by {@code queryName} that ad-hoc queries and the PostgreSQL endpoint read), or
 * {@link #foreachBatch}), in which output mode, at which trigger; {@link #start()} runs it as its own job.
 * Combinations Spark refuses are refused with Spark's reason.
 */
public final class StreamWriter {
    final SqlEnvironment sql;
    final String query;
    OutputMode mode = OutputMode.APPEND;
    Trigger trigger;
    String format = "console";
    String queryName;
    String checkpointLocation;
    BatchFunction foreachBatch;
    final Map<String, String> options = new LinkedHashMap<>();

    private StreamWriter(SqlEnvironment sql, String query) {
        this.sql = sql;
        this.query = query;
    }

    /** Writes the result of {@code query} (a SELECT over {@code sql}'s catalog). */
    public static StreamWriter of(SqlEnvironment sql, String query) {
        return new StreamWriter(Objects.requireNonNull(sql), Objects.requireNonNull(query));
    }

    public StreamWriter outputMode(OutputMode mode) {
        this.mode = Objects.requireNonNull(mode);
        return this;
    }

    public StreamWriter outputMode(String mode) {
        return outputMode(OutputMode.of(mode));
    }

    public StreamWriter trigger(Trigger trigger) {
        this.trigger = Objects.requireNonNull(trigger);
        return this;
    }

    /** {@code console} (the default) or {@code memory}. */
    public StreamWriter format(String format) {
        this.format = Objects.requireNonNull(format).toLowerCase(java.util.Locale.ROOT);
        return this;
    }

    /** Sink options: console's {@code numRows} and {@code truncate}. */
    public StreamWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** The query's name: the memory sink's table, and the name the query reports. */
    public StreamWriter queryName(String name) {
        this.queryName = name;
        return this;
    }

    /** Where the query's checkpoints go, so a query started again with the same location goes on from its last one. */
    public StreamWriter checkpointLocation(String dir) {
        this.checkpointLocation = dir;
        return this;
    }

    /** Hands each trigger's rows to {@code f} instead of a format. */
    public StreamWriter foreachBatch(BatchFunction f) {
        this.foreachBatch = Objects.requireNonNull(f);
        this.format = "foreachbatch";
        return this;
    }

    /** Runs the query as its own job and returns its handle. */
    public StreamingQuery start() throws Exception {
        return startQuery(this);
    }

    // Planning and starting: first the checks Spark makes (UnsupportedOperationChecker's rules for output modes,
    // and which sinks take which modes and triggers); then the trigger: micro-batches are checkpoints every
    // interval, availableNow and once bound every source at the data there is now.

    /** The micro-batch interval when no trigger is given and the mode or sink needs batches, and for availableNow. */
    static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofSeconds(1);

    private static StreamingQuery startQuery(StreamWriter w) throws Exception {
        String id = UUID.randomUUID().toString();
        Trigger trigger = trigger(w);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(w.sql.streamEnvironment().parallelism());
        SqlEnvironment job = w.sql.newJob(env);
        boolean bounded = trigger instanceof Trigger.AvailableNow || trigger instanceof Trigger.Once;
        PlannedQuery q = job.planQuery(w.query, bounded ? Map.of(PlannerOptions.AVAILABLE_NOW, "true") : Map.of());
        checkMode(w, q);
        if (trigger instanceof Trigger.ProcessingTime p) {
            env.enableCheckpointing(p.interval());
            env.getCheckpointConfig().setFirstDelay(p.interval());
        } else if (trigger instanceof Trigger.AvailableNow) {
            env.enableCheckpointing(DEFAULT_BATCH_INTERVAL);
            env.getCheckpointConfig().setFirstDelay(DEFAULT_BATCH_INTERVAL);
        }
        if (w.checkpointLocation != null) {
            env.getCheckpointConfig().setDirectory(w.checkpointLocation);
            if (hasCheckpoint(w.checkpointLocation)) {
                env.restoreFrom("latest");
            }
        }
        LiveView memory = null;
        if (w.format.equals("memory")) {
            memory = w.sql.liveViews().create(w.queryName, q.rowType(), new int[0]);
        }
        BatchTarget target = switch (w.format) {
            case "console" -> StreamOutputs.console(System.out, q.rowType().getFieldNames(), intOption(w, "numRows", 20),
                    !"false".equalsIgnoreCase(w.options.getOrDefault("truncate", "true")));
            case "memory" -> StreamOutputs.memory(memory.table(), w.mode);
            case "foreachbatch" -> StreamOutputs.foreachBatch(w.foreachBatch);
            default -> throw new IllegalArgumentException("unknown format '" + w.format + "' for writeStream: use console, memory or foreachBatch");
        };
        StreamOutputs.register(id, target);
        int[] key = q.mode().insertOnly() ? new int[0] : q.mode().upsertKey();
        q.stream().sinkTo(StreamOutputs.sink(id, w.mode, key, trigger instanceof Trigger.Continuous, q.rowType().getFieldNames()))
                .name("writeStream " + w.format + " (" + w.mode.name().toLowerCase() + ")").uid("write-stream").setParallelism(1);
        String jobName = w.queryName != null ? w.queryName : "streaming-query-" + id.substring(0, 8);
        JobClient client;
        try {
            client = env.executeAsync(jobName);
        } catch (RuntimeException e) {
            StreamOutputs.forget(id);
            throw e;
        }
        if (memory != null) {
            memory.attach(client, true);
        }
        return StreamOutputs.handle(id, w.queryName, client);
    }

    private static boolean hasCheckpoint(String dir) throws java.io.IOException {
        java.nio.file.Path p = java.nio.file.Path.of(dir);
        if (!java.nio.file.Files.isDirectory(p)) {
            return false;
        }
        try (var s = java.nio.file.Files.list(p)) {
            return s.anyMatch(c -> c.getFileName().toString().startsWith("chk-") && java.nio.file.Files.exists(c.resolve("_metadata")));
        }
    }

    /** The trigger given, or the default: continuous for rows that can go one by one, micro-batches otherwise. */
    private static Trigger trigger(StreamWriter w) {
        boolean batchesOnly = w.mode == OutputMode.COMPLETE || w.format.equals("foreachbatch");
        if (w.trigger == null) {
            return batchesOnly ? Trigger.processingTime(DEFAULT_BATCH_INTERVAL) : Trigger.continuous();
        }
        if (w.trigger instanceof Trigger.Continuous && batchesOnly) {
            throw new IllegalArgumentException(w.mode == OutputMode.COMPLETE
                    ? "Complete output mode writes the whole result table at each trigger; the continuous trigger writes rows as they come."
                    + " Use a processing-time, availableNow or once trigger"
                    : "foreachBatch is not supported with the continuous trigger: it is given batches; use a processing-time trigger");
        }
        return w.trigger;
    }

    /** Spark's rules, with Spark's words where it has them. */
    private static void checkMode(StreamWriter w, PlannedQuery q) {
        OutputModeRules.check(w.mode, w.sql.aggregates(w.query), q.mode().isUpdating() ? q.updatingOperator() : null);
        if (w.mode == OutputMode.UPDATE && w.format.equals("memory")) {
            throw new IllegalArgumentException("Data source memory does not support Update output mode (use append or complete)");
        }
        if (w.format.equals("memory") && (w.queryName == null || w.queryName.isBlank())) {
            throw new IllegalArgumentException("queryName must be specified for memory sink");
        }
    }

    private static int intOption(StreamWriter w, String key, int dflt) {
        String v = w.options.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' = '" + v + "': expected a whole number");
        }
    }
}
