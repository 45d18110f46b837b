package io.runnel.cli;

import io.runnel.api.JobClient;
import io.runnel.api.JobResult;
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
        @Option(names = "--query", required = true, description = "q0, q1, q2, q5, q7, q8 or count")
        String query;

        @Option(names = "--events", required = true, description = "events to generate")
        long events;

        @Option(names = "--parallelism", defaultValue = "1", description = "parallel instances per operator (default: ${DEFAULT-VALUE})")
        int parallelism;

        @Option(names = "--output", required = true, description = "directory for the result files")
        Path output;

        @Override
        public Integer call() throws Exception {
            try {
                Files.createDirectories(output);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot create the output directory " + output + ": " + e, e);
            }
            JobClient client = NexmarkJob.runToFiles(query, events, parallelism, output);
            Runtime.getRuntime().addShutdownHook(new Thread(client::cancel));
            JobResult r = client.await(Duration.ofDays(1));
            System.err.printf("runnel: %s over %,d events: %,d rows in %s (%.2f s)%n", query, events, r.sinkRecords(), output, r.durationMillis() / 1000.0);
            return 0;
        }
    }
}
