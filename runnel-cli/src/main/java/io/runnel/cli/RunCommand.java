package io.runnel.cli;

import io.runnel.api.JobClient;
import io.runnel.api.JobResult;
import io.runnel.api.StreamEnvironment;
import io.runnel.bench.nexmark.NexmarkJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runnel run}: runs a built-in job to completion. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a built-in job.", subcommands = {RunCommand.Nexmark.class})
public final class RunCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code runnel run nexmark}. */
    @Command(name = "nexmark", mixinStandardHelpOptions = true,
            description = "Run a Nexmark query and write its rows as JSON lines into --output (files starting with '.' are not output).")
    static final class Nexmark implements Callable<Integer> {
        @Option(names = "--query", description = "the DataStream version of q0, q1, q2, q5, q7, q8 or count")
        String query;

        @Option(names = "--sql", description = "a SQL script over the tables bid, person and auction, or a bundled query q0 ... q22;"
                + " its SELECT (or its INSERT's query) is the result")
        String sql;

        @Option(names = "--events", required = true, description = "events to generate")
        long events;

        @Option(names = "--parallelism", defaultValue = "1", description = "parallel instances per operator (default: ${DEFAULT-VALUE})")
        int parallelism;

        @Option(names = "--output", required = true, description = "directory for the result files")
        Path output;

        @Option(names = "--events-per-second", defaultValue = "0", description = "generator rate, 0 for as fast as possible (default: ${DEFAULT-VALUE})")
        long eventsPerSecond;

        @picocli.CommandLine.Mixin
        CheckpointOptions checkpoints = new CheckpointOptions();

        @Override
        public Integer call() throws Exception {
            try {
                Files.createDirectories(output);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot create the output directory " + output + ": " + e, e);
            }
            if ((query == null) == (sql == null)) {
                throw new IllegalArgumentException("give exactly one of --query (a DataStream query) and --sql (a SQL script)");
            }
            StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
            checkpoints.apply(env);
            String name = query;
            if (sql != null) {
                name = io.runnel.bench.nexmark.sql.NexmarkSqlBenchmark.queryName(sql);
                io.runnel.bench.nexmark.sql.NexmarkSqlJob.build(env, sql, io.runnel.bench.nexmark.sql.NexmarkSqlJob.load(sql), events,
                        eventsPerSecond, true, System.err, io.runnel.bench.nexmark.sql.NexmarkSqlJob.jsonFiles(output));
            } else {
                NexmarkJob.build(env, query, events, eventsPerSecond, NexmarkJob.jsonRowFiles(output));
            }
            JobClient client = env.executeAsync("nexmark-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(client::cancel));
            if (checkpoints.checkpointDir != null) SavepointControl.watch(checkpoints.checkpointDir, client);
            CheckpointPrinter printer = checkpoints.enabled() ? CheckpointPrinter.start(client) : null;
            JobResult r = client.await(Duration.ofDays(1));
            if (printer != null) printer.printNew();
            System.err.printf("runnel: %s over %,d events: %,d rows in %s (%.2f s%s)%n", name, events, io.runnel.sql.exec.late.LateRowCounter.resultRows(r), output,
                    r.durationMillis() / 1000.0, client.restarts() > 0 ? ", " + client.restarts() + " restarts" : "");
            return 0;
        }
    }
}
