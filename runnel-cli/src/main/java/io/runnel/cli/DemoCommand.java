package io.runnel.cli;

import io.runnel.api.DataStream;
import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkWriter;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.bench.nexmark.NexmarkQueries;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.NexmarkSource;
import io.runnel.connectors.nexmark.Q5Row;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code runnel demo}: hot items (Nexmark q5) live over generated auction data: every 2 s of event
 * time, the auction with the most bids in the last 10 s, plus a progress line each second.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A live job over generated Nexmark data: the hottest auction per sliding window, with progress.")
public final class DemoCommand implements Callable<Integer> {
    static final LongAdder EVENTS = new LongAdder();
    static final LongAdder ROWS = new LongAdder();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @Option(names = "--seconds", defaultValue = "12", description = "how long to run (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--rate", defaultValue = "500000", description = "events per second (default: ${DEFAULT-VALUE})")
    long rate;

    @Option(names = "--parallelism", defaultValue = "2", description = "parallel instances per operator (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        DataStream<Event> events = env.fromSource(new NexmarkSource(rate * seconds, rate), WatermarkStrategy.forMonotonousTimestamps(), "nexmark")
                .map(DemoCommand::count).name("count-events");
        NexmarkQueries.q5(events).sinkTo(new HotItemPrinter()).name("print-hot-items");
        System.out.printf("runnel demo: Nexmark hot items (bids per auction, sliding 10 s windows every 2 s of event time)%n"
                + "             %,d events/s for %d s, parallelism %d; Ctrl-C stops%n", rate, seconds, parallelism);
        long start = System.nanoTime();
        JobClient client = env.executeAsync("demo-hot-items");
        Thread hook = new Thread(() -> {
            client.cancel();
            try {
                client.result().handle((r, e) -> null).get();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        long last = 0;
        while (!client.result().isDone()) {
            Thread.sleep(100);
            long now = System.nanoTime();
            if (now - last >= 1_000_000_000L) {
                last = now;
                double s = (now - start) / 1e9;
                long n = EVENTS.sum();
                System.out.printf("  [%5.1f s] %,12d events  %,10.0f events/s  %,d results%n", s, n, n / s, ROWS.sum());
            }
        }
        try {
            client.result().get();
            Runtime.getRuntime().removeShutdownHook(hook);
            System.out.printf("runnel demo: done, %,d events, %,d results in %.1f s%n", EVENTS.sum(), ROWS.sum(), (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof CancellationException) return 130;
            throw e;
        }
    }

    private static Event count(Event e) {
        EVENTS.increment();
        return e;
    }

    /** Prints each window's hot auction. */
    static final class HotItemPrinter implements Sink<Q5Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Q5Row> createWriter(io.runnel.api.connector.SinkContext context) {
            return (r, ts) -> {
                ROWS.increment();
                System.out.printf("hot item  [%s - %s)  auction %d  %,d bids%n", TIME.format(Instant.ofEpochMilli(r.windowStart)),
                        TIME.format(Instant.ofEpochMilli(r.windowEnd)), r.auction, r.count);
            };
        }
    }
}
