package io.runnel.bench.nexmark.sql;

import io.runnel.api.StreamEnvironment;
import io.runnel.connectors.file.FileSink;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.planner.PlannedQuery;
import io.runnel.sql.result.FinalTableSink;
import io.runnel.sql.result.RowJsonFormatter;
import io.runnel.sql.script.SqlScriptRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A Nexmark SQL script on a job: the tables {@code bid}, {@code person} and {@code auction} (the nexmark connector,
 * {@code events} events at {@code eventsPerSecond}, 0 for as fast as possible) are there before its first statement;
 * its SELECTs, and with {@code insertsAsResults} its INSERTs' queries, go to {@code results}.
 */
public final class NexmarkSqlJob {
    private NexmarkSqlJob() {}

    /** The script: a file's text, or for {@code q0} ... {@code q22} the bundled query of that name. */
    public static String load(String fileOrQuery) {
        Path file = Path.of(fileOrQuery);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
            if (fileOrQuery.matches("q\\d+")) {
                try (InputStream in = NexmarkSqlJob.class.getResourceAsStream(fileOrQuery + ".sql")) {
                    if (in != null) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
                throw new IllegalArgumentException("--sql " + fileOrQuery + ": no bundled Nexmark query of that name (q0 ... q22)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--sql " + fileOrQuery + ": cannot read it: " + e, e);
        }
        throw new IllegalArgumentException("--sql " + fileOrQuery + ": no such file (or give a bundled query, q0 ... q22)");
    }

    /** Registers the Nexmark tables, then runs the script's statements; returns the SQL environment. */
    public static SqlEnvironment build(StreamEnvironment env, String name, String script, long events, long eventsPerSecond,
                                       boolean insertsAsResults, PrintStream messages, Consumer<PlannedQuery> results) {
        SqlEnvironment sql = SqlEnvironment.create(env);
        for (String table : new String[] {"person", "auction", "bid"}) {
            sql.executeSql("CREATE TABLE " + table + " WITH ('connector' = 'nexmark', 'table' = '" + table + "', 'events' = '"
                    + events + "', 'events-per-second' = '" + eventsPerSecond + "')");
        }
        new SqlScriptRunner(sql, messages, results).insertsAsQueries(insertsAsResults).run(name, SideInput.substitute(script));
        return sql;
    }

    /**
     * Writes a result into {@code dir} as JSON lines: an insert-only result as it comes (exactly-once part files at
     * the job's parallelism), an updating one as the table it leaves when the input ends.
     */
    public static Consumer<PlannedQuery> jsonFiles(Path dir) {
        return q -> {
            RowJsonFormatter json = new RowJsonFormatter(q.rowType());
            if (q.mode().insertOnly()) {
                q.stream().sinkTo(new FileSink<>(dir, json).withPartSuffix(".jsonl")).name("result[" + dir + "]");
            } else {
                q.stream().sinkTo(new FinalTableSink(dir, json)).name("final table[" + dir + "]").setParallelism(1);
            }
        };
    }

    /** Drops every row (the job result counts them). */
    public static Consumer<PlannedQuery> discarding() {
        return q -> q.stream().sinkTo(io.runnel.bench.nexmark.NexmarkJob.discarding()).name("discard");
    }
}
