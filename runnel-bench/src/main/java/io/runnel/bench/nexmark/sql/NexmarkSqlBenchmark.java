package io.runnel.bench.nexmark.sql;

import io.runnel.api.StreamEnvironment;
import io.runnel.bench.nexmark.NexmarkBenchmark;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code runnel bench nexmark --sql}: a Nexmark SQL script measured as the DataStream queries are (events/s from the
 * first event to the end of the job, peak heap and RSS). Its INSERTs write their tables (Nexmark's blackhole sinks);
 * its SELECTs go to a discarding sink.
 */
public final class NexmarkSqlBenchmark {
    private NexmarkSqlBenchmark() {}

    public static Map<String, Object> run(String sqlFile, long events, int parallelism, Consumer<StreamEnvironment> configure,
                                          PrintStream messages) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        configure.accept(env);
        String name = queryName(sqlFile);
        NexmarkSqlJob.build(env, sqlFile, NexmarkSqlJob.load(sqlFile), events, 0, false, messages, NexmarkSqlJob.discarding());
        Map<String, Object> figures = NexmarkBenchmark.measure(env, "bench-nexmark-sql-" + name, name, events, env.parallelism());
        figures.put("api", "sql");
        return figures;
    }

    /** {@code q5} for {@code q5} or {@code path/q5.sql}. */
    public static String queryName(String sqlFile) {
        String base = java.nio.file.Path.of(sqlFile).getFileName().toString();
        return base.endsWith(".sql") ? base.substring(0, base.length() - 4) : base;
    }
}
