package io.runnel.sql.stream;

import io.runnel.api.JobClient;
import io.runnel.api.connector.Sink;
import io.runnel.sql.data.Row;
import io.runnel.sql.live.ViewTable;
import java.io.PrintStream;
import java.util.List;

/**
 * How a streaming query's output is put together: its target (console, memory table, foreachBatch) registered under
 * the query's id, the sink that writes the result in its output mode at each trigger, and the query's handle.
 */
public final class StreamOutputs {
    private StreamOutputs() {}

    public static BatchTarget console(PrintStream out, List<String> columns, int numRows, boolean truncate) {
        return new ConsoleTarget(out, columns, numRows, truncate);
    }

    public static BatchTarget memory(ViewTable table, OutputMode mode) {
        return new MemoryTarget(table, mode);
    }

    public static BatchTarget foreachBatch(BatchFunction f) {
        return new ForeachBatchTarget(f);
    }

    /** Makes {@code target} the output of query {@code id} in this process. */
    public static void register(String id, BatchTarget target) {
        QueryRuntime.register(id, target);
    }

    public static void forget(String id) {
        QueryRuntime.forget(id);
    }

    /**
     * The sink of query {@code id} (registered first): the result in {@code mode}, folded by {@code key} (the
     * query's upsert key; empty: rows are a multiset), per checkpoint barrier, or row by row when {@code continuous}.
     */
    public static Sink<Row> sink(String id, OutputMode mode, int[] key, boolean continuous, List<String> columns) {
        return new TriggeredSink(id, mode, key, continuous, columns);
    }

    /** The handle of query {@code id} running as {@code job}; the registration goes when the job ends. */
    public static StreamingQuery handle(String id, String name, JobClient job) {
        return new RunningQuery(id, name, job, QueryRuntime.of(id), () -> QueryRuntime.forget(id));
    }
}
