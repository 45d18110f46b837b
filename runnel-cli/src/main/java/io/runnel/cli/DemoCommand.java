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

    @Option(names = "--seconds", description = "how long to run (default: 12; with --sql until Ctrl-C)")
    Integer seconds;

    @Option(names = "--sql", description = "live SQL views instead: materialized views over the generated bids, served to psql and JDBC clients")
    boolean sql;

    @Option(names = "--pg-port", defaultValue = "5433", description = "with --sql: the PostgreSQL endpoint's port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int pgPort;

    @Option(names = "--rate", description = "events per second (default: 100000 through the log, 500000 without)")
    Long rate;

    @Option(names = "--log", defaultValue = "none",
            description = "none: the job reads the generator directly; embedded: events go through an embedded "
                    + "Kafka-protocol broker (producer -> topic as JSON -> job), slower (default: ${DEFAULT-VALUE})")
    String log;

    @Option(names = "--parallelism", defaultValue = "2", description = "parallel instances per operator (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        if (!log.equals("embedded") && !log.equals("none")) throw new IllegalArgumentException("--log must be embedded or none, got '" + log + "'");
        if (sql) {
            if (log.equals("embedded")) throw new IllegalArgumentException("--sql reads the generator; --log embedded is for the DataStream demo");
            return DemoSql.run(seconds == null ? 0 : seconds, rate != null ? rate : 200_000, parallelism, pgPort, System.out);
        }
        int seconds = this.seconds == null ? 12 : this.seconds;
        boolean viaLog = log.equals("embedded");
        long r = rate != null ? rate : viaLog ? 100_000 : 500_000;
        try (DemoLog demoLog = viaLog ? new DemoLog(r * seconds, r) : null) {
            return run(demoLog, r, seconds);
        }
    }

    private int run(DemoLog demoLog, long r, int seconds) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        DataStream<Event> events = (demoLog != null
                ? env.fromSource(demoLog.source(), WatermarkStrategy.<Event>forMonotonousTimestamps(), "nexmark-topic")
                : env.fromSource(new NexmarkSource(r * seconds, r), WatermarkStrategy.<Event>forMonotonousTimestamps(), "nexmark"))
                .map(DemoCommand::count).name("count-events");
        NexmarkQueries.q5(events).sinkTo(new HotItemPrinter()).name("print-hot-items");
        System.out.printf("runnel demo: Nexmark hot items (bids per auction, sliding 10 s windows every 2 s of event time)%n"
                + "             %,d events/s for %d s, parallelism %d, %s; Ctrl-C stops%n", r, seconds, parallelism,
                demoLog != null ? "through an embedded Kafka-protocol broker at " + demoLog.bootstrap() + " (topic " + DemoLog.TOPIC + ")"
                        : "straight from the generator");
        long start = System.nanoTime();
        JobClient client = env.executeAsync("demo-hot-items");
        if (demoLog != null) demoLog.start();
        Thread hook = new Thread(() -> {
            client.cancel();
            try {
                client.result().handle((x, e) -> null).get();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        long last = 0;
        long caughtUpAt = 0;
        while (!client.result().isDone()) {
            Thread.sleep(100);
            long now = System.nanoTime();
            if (now - last >= 1_000_000_000L) {
                last = now;
                double s = (now - start) / 1e9;
                long n = EVENTS.sum();
                System.out.printf("  [%5.1f s] %,12d events  %,10.0f events/s  %,d results%n", s, n, n / s, ROWS.sum());
            }
            // through the log the topic never ends: stop once every produced event was read
            if (demoLog != null && demoLog.producerDone() && EVENTS.sum() >= demoLog.produced.get()) {
                if (caughtUpAt == 0) caughtUpAt = now;
                if (now - caughtUpAt > 1_000_000_000L) client.cancel();
            }
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        try {
            client.result().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof CancellationException) || demoLog == null || caughtUpAt == 0) {
                if (e.getCause() instanceof CancellationException) return 130;
                throw e;
            }
        }
        System.out.printf("runnel demo: done, %,d events, %,d results in %.1f s%n", EVENTS.sum(), ROWS.sum(), (System.nanoTime() - start) / 1e9);
        return 0;
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
