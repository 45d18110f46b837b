package io.runnel.sql;

import io.runnel.sql.stream.BatchFunction;
import io.runnel.sql.stream.OutputMode;
import io.runnel.sql.stream.StreamingQuery;
import io.runnel.sql.stream.Trigger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
        return QueryStarter.start(this);
    }
}
