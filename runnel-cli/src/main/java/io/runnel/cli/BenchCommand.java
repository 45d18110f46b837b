package io.runnel.cli;

import io.runnel.bench.nexmark.NexmarkBenchmark;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runnel bench}: benchmarks that print one JSON line of figures last. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark; the last line printed is one JSON object of figures.",
        subcommands = {BenchCommand.Nexmark.class, BenchCommand.Log.class, BenchCommand.Recovery.class, BenchCommand.StateGrowth.class,
                BenchCommand.Backpressure.class, BenchCommand.ViewLookups.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** {@code runnel bench nexmark}. */
    @Command(name = "nexmark", mixinStandardHelpOptions = true,
            description = "A Nexmark query over the generator, to a discarding sink: the DataStream version (--query) or SQL (--sql).")
    static final class Nexmark implements Callable<Integer> {
        @Option(names = "--query", description = "the DataStream version of q0, q1, q2, q5, q7, q8 or count")
        String query;

        @Option(names = "--sql", description = "a SQL script over the tables bid, person and auction, or a bundled query q0 ... q22")
        String sql;

        @picocli.CommandLine.Mixin
        NexmarkSizeOptions size = new NexmarkSizeOptions();

        @picocli.CommandLine.Mixin
        CheckpointOptions checkpoints = new CheckpointOptions();

        @Override
        public Integer call() throws Exception {
            if ((query == null) == (sql == null)) {
                throw new IllegalArgumentException("give exactly one of --query (a DataStream query) and --sql (a SQL script)");
            }
            Map<String, Object> figures = sql != null
                    ? io.runnel.bench.nexmark.sql.NexmarkSqlBenchmark.run(sql, size.events, size.parallelism, checkpoints::apply, System.err)
                    : NexmarkBenchmark.run(query, size.events, size.parallelism, checkpoints::apply);
            System.out.println(NexmarkBenchmark.toJson(figures));
            return 0;
        }
    }

    /** {@code runnel bench recovery}. */
    @Command(name = "recovery", mixinStandardHelpOptions = true,
            description = "Time from a failure to the first event read again: a Nexmark query with checkpoints fails once at --fail-at.")
    static final class Recovery implements Callable<Integer> {
        @Option(names = "--query", defaultValue = "q7", description = "q0, q1, q2, q5, q7, q8 or count (default: ${DEFAULT-VALUE})")
        String query;

        @Option(names = "--fail-at", defaultValue = "5000000", description = "the event at which the job fails once (default: ${DEFAULT-VALUE})")
        long failAt;

        @picocli.CommandLine.Mixin
        NexmarkSizeOptions size = new NexmarkSizeOptions();

        @picocli.CommandLine.Mixin
        CheckpointOptions checkpoints = new CheckpointOptions();

        @Override
        public Integer call() throws Exception {
            System.out.println(NexmarkBenchmark.toJson(io.runnel.bench.state.RecoveryBenchmark.run(query, size.events, size.parallelism, failAt, checkpoints::apply)));
            return 0;
        }
    }

    /** {@code runnel bench backpressure}. */
    @Command(name = "backpressure", mixinStandardHelpOptions = true,
            description = "Checkpoint duration and size under backpressure: a Nexmark query into a sink throttled to --sink-rate records/s per subtask.")
    static final class Backpressure implements Callable<Integer> {
        @Option(names = "--query", defaultValue = "count", description = "q0, q1, q2, q5, q7, q8 or count (default: ${DEFAULT-VALUE})")
        String query;

        @Option(names = "--sink-rate", defaultValue = "50000", description = "records/s each sink subtask takes (default: ${DEFAULT-VALUE})")
        long sinkRate;

        @Option(names = "--hops", defaultValue = "2", description = "rebalancing stages before the query, each a queue to wait behind (default: ${DEFAULT-VALUE})")
        int hops;

        @picocli.CommandLine.Mixin
        NexmarkSizeOptions size = new NexmarkSizeOptions();

        @picocli.CommandLine.Mixin
        CheckpointOptions checkpoints = new CheckpointOptions();

        @Override
        public Integer call() throws Exception {
            System.out.println(NexmarkBenchmark.toJson(io.runnel.bench.state.BackpressureBenchmark.run(query, size.events, size.parallelism,
                    sinkRate, hops, checkpoints::apply)));
            return 0;
        }
    }

    /** {@code runnel bench state-growth}. */
    @Command(name = "state-growth", mixinStandardHelpOptions = true,
            description = "Checkpoint size and duration as keyed state grows (one line per checkpoint, then the summary).")
    static final class StateGrowth implements Callable<Integer> {
        @Option(names = "--keys", defaultValue = "10000000", description = "distinct keys (default: ${DEFAULT-VALUE})")
        long keys;

        @Option(names = "--value-bytes", defaultValue = "100", description = "bytes per value (default: ${DEFAULT-VALUE})")
        int valueBytes;

        @Option(names = "--parallelism", defaultValue = "1", description = "parallel instances per operator (default: ${DEFAULT-VALUE})")
        int parallelism;

        @picocli.CommandLine.Mixin
        CheckpointOptions checkpoints = new CheckpointOptions();

        @Override
        public Integer call() throws Exception {
            Map<String, Object> figures = io.runnel.bench.state.StateGrowthBenchmark.run(keys, valueBytes, parallelism, checkpoints::apply,
                    s -> System.out.printf("checkpoint %d: %.1f MB full, %.1f MB new, %d ms%n", s.id(), s.fullBytes() / 1e6,
                            s.incrementalBytes() / 1e6, s.durationMillis()));
            System.out.println(NexmarkBenchmark.toJson(figures));
            return 0;
        }
    }

    /** {@code runnel bench view-lookups}. */
    @Command(name = "view-lookups", mixinStandardHelpOptions = true,
            description = "Point lookups over the PostgreSQL endpoint on a live view of Nexmark bids, and the update throughput they cost.")
    static final class ViewLookups implements Callable<Integer> {
        @Option(names = "--events-per-second", defaultValue = "1000000", description = "Nexmark events per second (default: ${DEFAULT-VALUE})")
        long rate;

        @Option(names = "--parallelism", defaultValue = "2", description = "parallel instances per operator (default: ${DEFAULT-VALUE})")
        int parallelism;

        @Option(names = "--seconds", defaultValue = "10", description = "length of each quiet and each querying period (default: ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--rounds", defaultValue = "3", description = "quiet/querying pairs; figures are medians (default: ${DEFAULT-VALUE})")
        int rounds;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> figures = io.runnel.bench.live.ViewLookupBenchmark.run(
                    new io.runnel.bench.live.ViewLookupBenchmark.Options(rate, parallelism, seconds, rounds, 5));
            System.out.println(NexmarkBenchmark.toJson(figures));
            return 0;
        }
    }

    /** {@code runnel bench log}. */
    @Command(name = "log", mixinStandardHelpOptions = true,
            description = "Producer and consumer throughput and end-to-end latency through the Kafka protocol, with the official client.")
    static final class Log implements Callable<Integer> {
        @Option(names = "--bootstrap", description = "a broker to measure (Runnel's or Apache Kafka); default: an embedded Runnel broker")
        String bootstrap;

        @Option(names = "--records", defaultValue = "1000000", description = "records to produce and consume (default: ${DEFAULT-VALUE})")
        long records;

        @Option(names = "--record-bytes", defaultValue = "100", description = "value size (default: ${DEFAULT-VALUE})")
        int recordBytes;

        @Option(names = "--acks", defaultValue = "all", description = "0, 1 or all (default: ${DEFAULT-VALUE})")
        String acks;

        @Option(names = "--partitions", defaultValue = "4", description = "partitions of the topic (default: ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--latency-rate", defaultValue = "10000", description = "records/s for the latency run (default: ${DEFAULT-VALUE})")
        int latencyRate;

        @Option(names = "--latency-seconds", defaultValue = "5", description = "length of the latency run, 0 to skip (default: ${DEFAULT-VALUE})")
        int latencySeconds;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> figures = io.runnel.bench.log.LogBenchmark.run(new io.runnel.bench.log.LogBenchmark.Options(
                    bootstrap, records, recordBytes, acks, partitions, latencyRate, latencySeconds));
            System.out.println(NexmarkBenchmark.toJson(figures));
            return 0;
        }
    }
}
