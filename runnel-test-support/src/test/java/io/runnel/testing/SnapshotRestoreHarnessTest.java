package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.DataStream;
import io.runnel.runtime.state.KeyGroups;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every state type and timers survive a snapshot and restore, on both backends, at the same
 * parallelism and rescaled from 2 to 1 and to 4: the restored operators go on exactly as the
 * original would have.
 */
class SnapshotRestoreHarnessTest implements Serializable {
    private static final int MAX_P = 128;

    /** Uses value, list, map, reducing, aggregating (with TTL) state and an event-time timer per key. */
    static final class AllStates extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Long> value;
        private transient ListState<String> list;
        private transient MapState<String, Long> map;
        private transient ReducingState<Long> reducing;
        private transient AggregatingState<Long, Double> average;
        private transient ValueState<String> expiring;

        @Override
        public void open(RuntimeContext ctx) {
            value = ctx.getState(new ValueStateDescriptor<>("value", 0L));
            list = ctx.getListState(new ListStateDescriptor<>("list"));
            map = ctx.getMapState(new MapStateDescriptor<>("map"));
            reducing = ctx.getReducingState(new ReducingStateDescriptor<>("reducing", Long::sum));
            average = ctx.getAggregatingState(new AggregatingStateDescriptor<>("average", new Average()));
            ValueStateDescriptor<String> d = new ValueStateDescriptor<>("expiring");
            d.enableTimeToLive(StateTtlConfig.of(Duration.ofMillis(100)));
            expiring = ctx.getState(d);
        }

        @Override
        public void processElement(String in, Context ctx, Collector<String> out) throws Exception {
            String[] kv = in.split(":");
            long n = Long.parseLong(kv[1]);
            value.update(value.value() + 1);
            list.add(kv[1]);
            map.put("m" + (n % 3), n);
            reducing.add(n);
            average.add(n);
            String before = expiring.value();
            expiring.update(kv[1]);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
            List<String> l = new ArrayList<>();
            list.get().forEach(l::add);
            List<String> m = new ArrayList<>();
            map.entries().forEach(e -> m.add(e.getKey() + "=" + e.getValue()));
            Collections.sort(m);
            out.collect(kv[0] + " value=" + value.value() + " list=" + l + " map=" + m + " sum=" + reducing.get()
                    + " avg=" + average.get() + " expiring-before=" + before);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + " timer " + ts + " value=" + value.value());
        }
    }

    static final class Average implements AggregateFunction<Long, long[], Double> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long v, long[] acc) {
            acc[0] += v;
            acc[1]++;
            return acc;
        }

        @Override
        public Double getResult(long[] acc) {
            return acc[1] == 0 ? null : (double) acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }

    private static final Function<DataStream<String>, DataStream<String>> PIPELINE =
            s -> s.keyBy(v -> v.split(":")[0]).process(new AllStates());

    private static List<String> input(int from, int to) {
        List<String> in = new ArrayList<>();
        for (int i = from; i < to; i++) in.add("k" + (i % 37) + ":" + i);
        return in;
    }

    /** Feeds records (routed to the harness owning their key) at time = index, then a watermark; returns sorted output. */
    private static List<String> feed(List<OperatorHarness<String, String>> subtasks, List<String> records, int firstTime,
                                     long processingTime, long watermark) throws Exception {
        int p = subtasks.size();
        for (OperatorHarness<String, String> h : subtasks) {
            h.clearOutput();
            h.setProcessingTime(processingTime);
        }
        int t = firstTime;
        for (String r : records) {
            subtasks.get(KeyGroups.subtaskOfKey(r.split(":")[0], MAX_P, p)).processElement(r, t++);
        }
        List<String> out = new ArrayList<>();
        for (OperatorHarness<String, String> h : subtasks) {
            h.processWatermark(watermark);
            out.addAll(h.output());
        }
        Collections.sort(out);
        return out;
    }

    private static List<OperatorHarness<String, String>> open(int p, String backend) throws Exception {
        List<OperatorHarness<String, String>> hs = new ArrayList<>();
        for (int i = 0; i < p; i++) hs.add(OperatorHarness.of(PIPELINE, i, p, backend));
        return hs;
    }

    private static List<OperatorHarness<String, String>> restore(int p, String backend, List<OperatorHarness.Snapshot> from) throws Exception {
        List<OperatorHarness<String, String>> hs = new ArrayList<>();
        for (int i = 0; i < p; i++) hs.add(OperatorHarness.restore(PIPELINE, i, p, backend, from));
        return hs;
    }

    private static void close(List<OperatorHarness<String, String>> hs) throws Exception {
        for (OperatorHarness<String, String> h : hs) h.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void everyStateTypeAndTimersRoundTripAndRescale(String backend) throws Exception {
        List<OperatorHarness<String, String>> original = open(2, backend);
        feed(original, input(0, 400), 0, 0, 150);
        List<OperatorHarness.Snapshot> snaps = new ArrayList<>();
        for (OperatorHarness<String, String> h : original) snaps.add(h.snapshot(1));
        // what the original does next: more records, some TTL values expire (processing time moves on), timers fire
        List<String> expected = feed(original, input(400, 700), 400, 150, 1000);
        assertThat(expected).anyMatch(s -> s.contains(" timer ")).anyMatch(s -> s.contains("expiring-before=null"));
        close(original);
        for (int p : new int[] {2, 1, 4}) {
            List<OperatorHarness<String, String>> restored = restore(p, backend, snaps);
            assertThat(feed(restored, input(400, 700), 400, 150, 1000)).as("restored at parallelism %d", p).isEqualTo(expected);
            close(restored);
        }
    }
}
