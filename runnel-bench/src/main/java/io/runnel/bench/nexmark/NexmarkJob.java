package io.runnel.bench.nexmark;

import io.runnel.api.DataStream;
import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.Sink;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.connectors.file.FileSink;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.NexmarkSource;
import java.nio.file.Path;

/** A Nexmark query as a job: the generator source (event time = dateTime, in order) into the query into a sink. */
public final class NexmarkJob {
    private NexmarkJob() {}

    /** Builds the job on {@code env}; {@code sink} receives the query's rows. */
    public static void build(StreamEnvironment env, String query, long events, long eventsPerSecond, Sink<?> sink) {
        build(env, query, events, eventsPerSecond, sink, s -> s);
    }

    /** As above, with {@code tap} applied to the events before the query (a benchmark's failure injection). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void build(StreamEnvironment env, String query, long events, long eventsPerSecond, Sink<?> sink,
                             java.util.function.UnaryOperator<DataStream<Event>> tap) {
        if (!NexmarkQueries.NAMES.contains(query)) {
            throw new IllegalArgumentException("unknown Nexmark query '" + query + "'; known: " + NexmarkQueries.NAMES);
        }
        DataStream<Event> source = env.fromSource(new NexmarkSource(events, eventsPerSecond),
                WatermarkStrategy.forMonotonousTimestamps(), "nexmark");
        DataStream out = NexmarkQueries.build(query, tap.apply(source));
        out.sinkTo((Sink) sink).name("sink");
    }

    /**
     * Runs the query and writes its rows as JSON lines into {@code dir}, exactly once: committed
     * parts are {@code part-<subtask>-<checkpoint>-<writerId>.jsonl}, hidden ones (leading
     * {@code .}) are not output. Returns the client.
     */
    public static JobClient runToFiles(String query, long events, int parallelism, Path dir) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        build(env, query, events, 0, jsonRowFiles(dir));
        return env.executeAsync("nexmark-" + query);
    }

    /** The exactly-once file sink of Nexmark rows as JSON lines. */
    public static <T> FileSink<T> jsonRowFiles(Path dir) {
        return new FileSink<>(dir, new JsonRowFormatter<T>()).withPartSuffix(".jsonl");
    }

    /** A sink that drops every record; the job result counts them. */
    public static <T> Sink<T> discarding() {
        return new DiscardingSink<>();
    }

    private static final class DiscardingSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public io.runnel.api.connector.SinkWriter<T> createWriter(io.runnel.api.connector.SinkContext context) {
            return (record, ts) -> {};
        }
    }
}
