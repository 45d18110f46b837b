package io.runnel.testing;

import io.runnel.api.DataStream;
import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointingMode;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.state.CheckpointedFunction;
import io.runnel.api.state.FunctionInitializationContext;
import io.runnel.api.state.FunctionSnapshotContext;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.SlidingEventTimeWindows;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A test job with keyed state, timers and windows over {@link SequenceSource}, whose output goes
 * through two-phase-commit sinks; run with or without injected failures.
 */
final class ExactlyOnceJobs implements Serializable {
    /** Failures to inject: at a record (0 = none), at a prepare (0 = none), in the first n commits. */
    record Failures(long atRecord, int atPrepare, int commits) implements Serializable {
        static final Failures NONE = new Failures(0, 0, 0);
    }

    /** Sorted committed output of the three sinks, and the client of the run. */
    record Outcome(List<String> timers, List<String> windows, List<String> operatorState, JobClient client) {}

    static Outcome run(int parallelism, String backend, long count, Failures f, Path dir, Duration interval) throws Exception {
        Job job = start(parallelism, backend, count, 20, f, dir, interval, null);
        try {
            job.client.await(Duration.ofMinutes(2));
            return job.outcome();
        } finally {
            job.clear();
        }
    }

    /** A running test job and its sinks. */
    static final class Job {
        final CommittingCollectSink<String> timers = new CommittingCollectSink<>();
        final CommittingCollectSink<String> windows = new CommittingCollectSink<>();
        final CommittingCollectSink<String> operatorState = new CommittingCollectSink<>();
        JobClient client;

        Outcome outcome() {
            return new Outcome(sorted(timers.committed()), sorted(windows.committed()), sorted(operatorState.committed()), client);
        }

        void clear() {
            timers.clear();
            windows.clear();
            operatorState.clear();
        }
    }

    /** Starts the job: {@code perMilli} records per millisecond per source reader; {@code restoreFrom} may be null. */
    static Job start(int parallelism, String backend, long count, int perMilli, Failures f, Path dir, Duration interval,
                     String restoreFrom) {
        return start(parallelism, backend, count, perMilli, f, dir, interval, restoreFrom, null);
    }

    static Job start(int parallelism, String backend, long count, int perMilli, Failures f, Path dir, Duration interval,
                     String restoreFrom, Duration timeout) {
        return start(new Job(), parallelism, backend, "aligned", count, perMilli, f, dir, interval, restoreFrom, timeout);
    }

    /**
     * Starts the job into {@code job}'s sinks (a job restored from an earlier run's checkpoint
     * commits into the same sinks); {@code checkpoints} is "aligned", "unaligned" or "at-least-once".
     */
    static Job start(Job job, int parallelism, String backend, String checkpoints, long count, int perMilli, Failures f, Path dir,
                     Duration interval, String restoreFrom, Duration timeout) {
        if (f.atPrepare() > 0) job.timers.failPrepareAt(f.atPrepare());
        if (f.commits() > 0) job.windows.failCommits(f.commits());
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setStateBackend(backend)
                .enableCheckpointing(interval)
                .setRestartStrategy(RestartStrategy.fixedDelay(10, Duration.ofMillis(5)));
        // the first checkpoint after a whole interval too: a test giving an hour means "none but savepoints"
        env.getCheckpointConfig().setDirectory(dir.toString()).setFirstDelay(interval)
                .enableUnalignedCheckpoints(checkpoints.equals("unaligned"))
                .setMode(checkpoints.equals("at-least-once") ? CheckpointingMode.AT_LEAST_ONCE : CheckpointingMode.EXACTLY_ONCE);
        if (timeout != null) env.getCheckpointConfig().setTimeout(timeout).setTolerableFailures(Integer.MAX_VALUE);
        if (restoreFrom != null) env.restoreFrom(restoreFrom);
        DataStream<Long> numbers = env.fromSource(new SequenceSource(count, 4, perMilli), WatermarkStrategy.forMonotonousTimestamps(), "numbers");
        if (f.atRecord() > 0) numbers = numbers.map(new FailOnce<>(f.atRecord())).name("fail-once");
        numbers.keyBy(v -> v % 13 * 1_000_000 + v / 50).process(new CountPerBucket()).name("count-per-bucket").uid("count-per-bucket")
                .sinkTo(job.timers).uid("timers-sink");
        numbers.keyBy(v -> v % 7).window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).reduce(Long::sum).uid("tumbling")
                .map(v -> "tumbling " + v).uid("tumbling-format").sinkTo(job.windows).uid("windows-sink");
        numbers.keyBy(v -> v % 5).window(SlidingEventTimeWindows.of(Duration.ofMillis(200), Duration.ofMillis(50)))
                .aggregate(new Sum()).uid("sliding").map(v -> "sliding " + v).uid("sliding-format").sinkTo(job.windows).uid("windows-sink-2");
        // a third of the records, to keep the job's cost near what it was without this part
        numbers.filter(v -> v % 3 == 0).uid("thirds").keyBy(v -> v % 11).connect(numbers.filter(v -> v % 97 == 0).uid("rules").broadcast(RULES))
                .process(new CountWithRules()).uid("count-with-rules").sinkTo(job.operatorState).uid("operator-state-sink");
        // interval join: keyed state (lists per timestamp) and cleanup timers on either backend
        numbers.filter(v -> v % 3 == 0).uid("join-left").keyBy(v -> v % 17)
                .intervalJoin(numbers.filter(v -> v % 5 == 0).uid("join-right").keyBy(v -> v % 17))
                .between(Duration.ofMillis(-20), Duration.ofMillis(20)).process(new JoinPairs()).uid("interval-join")
                .sinkTo(job.windows).uid("windows-sink-3");
        job.client = env.executeAsync("exactly-once-" + parallelism);
        return job;
    }

    /** Committed output equal record for record; on a difference, says which records are missing or extra. */
    static void assertSame(Outcome actual, Outcome expected) {
        diff("timers", actual.timers(), expected.timers());
        diff("windows", actual.windows(), expected.windows());
        diff("operator and broadcast state", actual.operatorState(), expected.operatorState());
    }

    private static void diff(String what, List<String> actual, List<String> expected) {
        if (actual.equals(expected)) return;
        List<String> missing = new ArrayList<>(expected);
        for (String a : actual) missing.remove(a);
        List<String> extra = new ArrayList<>(actual);
        for (String e : expected) extra.remove(e);
        throw new AssertionError(what + ": " + actual.size() + " records, expected " + expected.size() + "; missing "
                + missing.subList(0, Math.min(10, missing.size())) + (missing.size() > 10 ? " (+" + (missing.size() - 10) + ")" : "")
                + "; extra " + extra.subList(0, Math.min(10, extra.size())) + (extra.size() > 10 ? " (+" + (extra.size() - 10) + ")" : ""));
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        Collections.sort(out);
        return out;
    }

    /** Per (key, 50 ms bucket): a count in value state; a timer at the end of the bucket emits and clears it. */
    static final class CountPerBucket extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(new ValueStateDescriptor<>("count", 0L));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) throws Exception {
            count.update(count.value() + 1);
            ctx.timerService().registerEventTimeTimer(v - v % 50 + 49);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect("key " + ctx.getCurrentKey() + " bucket " + ts + " count " + count.value());
            count.clear();
        }
    }

    static final MapStateDescriptor<Long, Boolean> RULES = new MapStateDescriptor<>("rules");

    /**
     * Keyed state, broadcast state and operator state in one operator (to keep the job's cost):
     * counts per key and, at the final watermark, reports each count with the number of broadcast
     * rules it knows, so every instance must hold all rules, also after a restore at another
     * parallelism. It also holds every fifth record back in a split list of operator state and
     * emits those in batches of 8 (the rest at the final watermark): each comes out exactly once
     * only if the lists survive failures and are split over new instances without loss or
     * duplication. Each instance also keeps the rules it has seen in a union list: restored, every
     * instance must get all earlier instances' lists (a split would leave some rules out). With 11
     * keys, every instance at parallelism 1 to 4 owns a key, so has a timer to flush.
     */
    static final class CountWithRules extends KeyedBroadcastProcessFunction<Long, Long, Long, String> implements CheckpointedFunction {
        private final List<Long> held = new ArrayList<>();
        private final java.util.Set<Long> rulesSeen = new java.util.HashSet<>();
        private transient ListState<Long> heldState;
        private transient ListState<Long> rulesSeenState;
        private transient ValueState<Long> count;

        @Override
        public void initializeState(FunctionInitializationContext ctx) {
            heldState = ctx.getOperatorStateStore().getListState(new ListStateDescriptor<>("held"));
            held.clear();
            for (Long v : heldState.get()) held.add(v);
            rulesSeenState = ctx.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("rules-seen"));
            rulesSeen.clear();
            for (Long r : rulesSeenState.get()) rulesSeen.add(r);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext ctx) {
            heldState.update(held);
            rulesSeenState.update(new ArrayList<>(rulesSeen));
        }

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(new ValueStateDescriptor<>("count", 0L));
        }

        @Override
        public void processElement(Long v, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            count.update(count.value() + 1);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            if (v % 5 == 0) {
                held.add(v);
                if (held.size() >= 8) release(out);
            }
        }

        @Override
        public void processBroadcastElement(Long rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule, true);
            rulesSeen.add(rule);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
            int rules = 0;
            for (var e : ctx.getBroadcastState(RULES).immutableEntries()) rules++;
            out.collect("key " + ctx.getCurrentKey() + " count " + count.value() + " rules " + rules + " union " + rulesSeen.size());
            release(out);
        }

        private void release(Collector<String> out) {
            for (Long v : held) out.collect("held " + v);
            held.clear();
        }
    }

    /** Names each joined pair. */
    static final class JoinPairs extends io.runnel.api.functions.ProcessJoinFunction<Long, Long, String> {
        @Override
        public void processElement(Long left, Long right, Context ctx, Collector<String> out) {
            out.collect("join " + left + " " + right);
        }
    }

    /** Sum through a mutable accumulator, so copy-on-write snapshots must copy it. */
    static final class Sum implements io.runnel.api.functions.AggregateFunction<Long, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Long v, long[] acc) {
            acc[0] += v;
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }
}
