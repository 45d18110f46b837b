package io.runnel.cli;

import io.runnel.bench.nexmark.NexmarkBenchmark;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runnel bench}: benchmarks that print one JSON line of figures last. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark; the last line printed is one JSON object of figures.",
        subcommands = {BenchCommand.Nexmark.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code runnel bench nexmark}. */
    @Command(name = "nexmark", mixinStandardHelpOptions = true,
            description = "The DataStream version of a Nexmark query over the generator, to a discarding sink.")
    static final class Nexmark implements Callable<Integer> {
        @Option(names = "--query", required = true, description = "q0, q1, q2, q5, q7, q8 or count")
        String query;

        @Option(names = "--events", defaultValue = "10000000", description = "events to generate (default: ${DEFAULT-VALUE})")
        long events;

        @Option(names = "--parallelism", defaultValue = "1", description = "parallel instances per operator (default: ${DEFAULT-VALUE})")
        int parallelism;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> figures = NexmarkBenchmark.run(query, events, parallelism);
            System.out.println(NexmarkBenchmark.toJson(figures));
            return 0;
        }
    }
}
