package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ReducingState;
import io.runnel.api.state.ReducingStateDescriptor;
import io.runnel.api.state.AggregatingState;
import io.runnel.api.state.AggregatingStateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.windowing.SlidingEventTimeWindows;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import io.runnel.api.windowing.TumblingProcessingTimeWindows;
import java.io.Serializable;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every keyed operator the harness drives, on both state backends: they must behave the same. */
class OperatorHarnessTest implements Serializable {

    /** Emits "key:count" on each element and "key:timer@t" when the event-time timer (ts + 10) fires. */
    static final class CountWithTimer extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(new ValueStateDescriptor<>("count", 0));
        }

        @Override
        public void processElement(String v, Context ctx, Collector<String> out) {
            count.update(count.value() + 1);
            out.collect(v + ":" + count.value());
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
            ctx.timerService().registerProcessingTimeTimer(100);
        }

        @Override
        public void onTimer(long t, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + ":" + ctx.timeDomain() + "@" + t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void keyedProcessFunctionStateAndTimers(String backend) throws Exception {
        OperatorHarness<String, String> h = OperatorHarness.of(s -> s.keyBy(v -> v).process(new CountWithTimer()), backend);
        h.processElement("a", 1);
        h.processElement("a", 5);
        h.processElement("b", 3);
        assertThat(h.output()).containsExactly("a:1", "a:2", "b:1");
        assertThat(h.stateSize("count")).isEqualTo(2);
        assertThat(h.eventTimers()).hasSize(3);
        assertThat(h.processingTimers()).hasSize(2); // deduplicated per key
        h.clearOutput();
        h.processWatermark(13);
        assertThat(h.output()).containsExactly("a:EVENT_TIME@11", "b:EVENT_TIME@13");
        assertThat(h.watermarks()).containsExactly(13L);
        h.clearOutput();
        h.setProcessingTime(100);
        assertThat(h.output()).containsExactlyInAnyOrder("a:PROCESSING_TIME@100", "b:PROCESSING_TIME@100");
        h.clearOutput();
        h.processWatermark(20);
        assertThat(h.output()).containsExactly("a:EVENT_TIME@15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void keyedReduceEmitsEachKeysRunningValue(String backend) throws Exception {
        try (OperatorHarness<Integer, Integer> h = OperatorHarness.of(s -> s.keyBy(v -> v % 2).reduce(Integer::sum), backend)) {
            h.processElements(1, 2, 3, 4, 5);
            assertThat(h.output()).containsExactly(1, 2, 4, 6, 9);
            assertThat(h.stateSize("reduce")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void lateDataGoesToTheSideOutputAndAllowedLatenessFiresAgain(String backend) throws Exception {
        OutputTag<Integer> late = new OutputTag<>("late");
        OperatorHarness<Integer, Integer> h = OperatorHarness.of(s -> s.keyBy(v -> 0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5)).sideOutputLateData(late)
                .reduce(Integer::sum), backend);
        h.processElement(1, 1);
        h.processElement(2, 2);
        h.processWatermark(9);
        assertThat(h.output()).containsExactly(3);
        h.processElement(4, 3); // late but within lateness: fires again with the update
        assertThat(h.output()).containsExactly(3, 7);
        h.processWatermark(14);
        h.processElement(8, 4); // beyond lateness
        assertThat(h.sideOutput(late)).containsExactly(8);
        assertThat(h.output()).containsExactly(3, 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void slidingWindowSharesSlicesAndEmitsEachWindow(String backend) throws Exception {
        OperatorHarness<Integer, Integer> h = OperatorHarness.of(s -> s.keyBy(v -> 0)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(4), Duration.ofMillis(2))).reduce(Integer::sum), backend);
        h.processElement(1, 0);
        h.processElement(10, 2);
        h.processElement(100, 5);
        h.endInput();
        // windows [-2,2):1 [0,4):11 [2,6):110 [4,8):100
        assertThat(h.outputWithTimestamps()).extracting(OperatorHarness.Record::value).containsExactly(1, 11, 110, 100);
        assertThat(h.outputWithTimestamps()).extracting(OperatorHarness.Record::timestamp).containsExactly(1L, 3L, 5L, 7L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void countWindowsFireEveryNElements(String backend) throws Exception {
        OperatorHarness<Integer, Integer> h = OperatorHarness.of(s -> s.keyBy(v -> v % 2).countWindow(2).reduce(Integer::sum), backend);
        h.processElements(1, 2, 3, 4, 5);
        assertThat(h.output()).containsExactly(4, 6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void processingTimeWindowsFireOnTheClock(String backend) throws Exception {
        OperatorHarness<Integer, Integer> h = OperatorHarness.of(s -> s.keyBy(v -> 0)
                .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(100))).reduce(Integer::sum), backend);
        h.setProcessingTime(10);
        h.processElements(1, 2);
        h.setProcessingTime(98);
        assertThat(h.output()).isEmpty();
        h.setProcessingTime(99); // the window's max timestamp, as Flink's processing-time trigger
        assertThat(h.output()).containsExactly(3);
    }

    /** Exercises every state kind and a TTL. */
    static final class AllStates extends KeyedProcessFunction<Integer, Integer, String> {
        private transient ListState<Integer> list;
        private transient MapState<Integer, Integer> map;
        private transient ReducingState<Integer> max;
        private transient AggregatingState<Integer, Double> avg;
        private transient ValueState<Integer> ttl;

        @Override
        public void open(RuntimeContext ctx) {
            list = ctx.getListState(new ListStateDescriptor<>("list"));
            map = ctx.getMapState(new MapStateDescriptor<>("map"));
            max = ctx.getReducingState(new ReducingStateDescriptor<>("max", Math::max));
            avg = ctx.getAggregatingState(new AggregatingStateDescriptor<>("avg", new Avg()));
            ValueStateDescriptor<Integer> d = new ValueStateDescriptor<>("ttl");
            d.enableTimeToLive(StateTtlConfig.of(Duration.ofMillis(50)));
            ttl = ctx.getState(d);
        }

        @Override
        public void processElement(Integer v, Context ctx, Collector<String> out) {
            Integer seen = ttl.value();
            ttl.update(v);
            list.add(v);
            map.put(v, map.contains(v) ? map.get(v) + 1 : 1);
            max.add(v);
            avg.add(v);
            out.collect(list.get() + " " + map.get(v) + " " + max.get() + " " + avg.get() + " " + seen);
        }
    }

    static final class Avg implements AggregateFunction<Integer, long[], Double> {
        public long[] createAccumulator() {
            return new long[2];
        }

        public long[] add(Integer v, long[] a) {
            a[0] += v;
            a[1]++;
            return a;
        }

        public Double getResult(long[] a) {
            return (double) a[0] / a[1];
        }

        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void everyStateKindAndTtl(String backend) throws Exception {
        OperatorHarness<Integer, String> h = OperatorHarness.of(s -> s.keyBy(v -> 0).process(new AllStates()), backend);
        h.setProcessingTime(0);
        h.processElements(4, 2);
        h.setProcessingTime(60);
        h.processElements(4);
        assertThat(h.output()).containsExactly("[4] 1 4 4.0 null", "[4, 2] 1 4 3.0 4", "[4, 2, 4] 2 4 3.3333333333333335 null");
    }
}
