package io.runnel.examples;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.Source;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.ProcessAllWindowFunction;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import io.runnel.connectors.datagen.DataGeneratorSource;
import io.runnel.connectors.file.FileSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Continuous statistics of a stream of integers: count, sum, min, max, mean and exact median,
 * overall (updated with every value) and per tumbling event-time window.
 *
 * <pre>
 * StreamingStats --file PATH [--window-ms 1000]                 (lines 'timestampMillis,value')
 * StreamingStats --generate COUNT [--rate PER_SECOND] [--window-ms 1000]
 * </pre>
 */
public final class StreamingStats {
    static final String USAGE = "StreamingStats --file PATH | --generate COUNT [--rate PER_SECOND]  [--window-ms MILLIS]";

    private StreamingStats() {}

    /** The two result streams of {@link #build}. */
    public record Pipelines(DataStream<Stats> overall, DataStream<WindowStats> windows) {}

    public static void main(String[] args) throws Exception {
        ExampleArgs a = new ExampleArgs(args, USAGE);
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Reading> readings = env.fromSource(source(a), watermarks(Duration.ZERO), "readings");
        Pipelines p = build(readings, Duration.ofMillis(a.getLong("window-ms", 1000)));
        // One printer each, so the lines of a stream appear in the order they were produced.
        p.overall().print("overall").setParallelism(1);
        p.windows().print("window").setParallelism(1);
        env.execute("streaming stats");
    }

    /** Event time from each reading, allowing readings up to {@code maxOutOfOrderness} late. */
    public static WatermarkStrategy<Reading> watermarks(Duration maxOutOfOrderness) {
        return WatermarkStrategy.<Reading>forBoundedOutOfOrderness(maxOutOfOrderness).withTimestampAssigner((r, previous) -> r.timestamp());
    }

    /** The pipeline, on readings that already carry event time and watermarks. */
    public static Pipelines build(DataStream<Reading> readings, Duration window) {
        DataStream<Stats> overall = readings.keyBy(r -> 0).process(new OverallStats()).name("overall stats");
        DataStream<WindowStats> windows = readings.windowAll(TumblingEventTimeWindows.of(window)).process(new StatsPerWindow())
                .name("window stats");
        return new Pipelines(overall, windows);
    }

    static Source<Reading, ?> source(ExampleArgs a) {
        if (a.has("file")) return new FileSource<>(Path.of(a.get("file")), line -> line.isBlank() ? null : Reading.parse(line));
        if (a.has("generate")) {
            DataGeneratorSource<Reading> gen = DataGeneratorSource.bounded(Reading::generated, a.getLong("generate", 0));
            return a.has("rate") ? gen.withRateLimit(a.getLong("rate", 0)) : gen;
        }
        throw new IllegalArgumentException("no input given\nusage: " + USAGE);
    }

    /**
     * Everything under one key, so one instance sees the whole stream in order, with the
     * statistics in keyed state (checkpointed with the job).
     */
    static final class OverallStats extends KeyedProcessFunction<Integer, Reading, Stats> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<RunningStats> stats;

        @Override
        public void open(RuntimeContext ctx) {
            stats = ctx.getState(new ValueStateDescriptor<>("stats"));
        }

        @Override
        public void processElement(Reading r, Context ctx, Collector<Stats> out) throws Exception {
            RunningStats s = stats.value();
            if (s == null) s = new RunningStats();
            s.add(r.value());
            stats.update(s);
            out.collect(s.snapshot());
        }
    }

    /** Computes a window's statistics from its elements when the watermark passes its end. */
    static final class StatsPerWindow extends ProcessAllWindowFunction<Reading, WindowStats, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Context ctx, Iterable<Reading> elements, Collector<WindowStats> out) {
            RunningStats s = new RunningStats();
            for (Reading r : elements) s.add(r.value());
            out.collect(new WindowStats(ctx.window().start(), ctx.window().end(), s.snapshot()));
        }
    }
}
