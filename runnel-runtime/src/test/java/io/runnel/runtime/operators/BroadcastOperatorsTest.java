package io.runnel.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Broadcast state: written by the broadcast side, read-only on the other, checkpointed, restored from instance 0's copy. */
class BroadcastOperatorsTest {
    static final MapStateDescriptor<String, Integer> RULES = new MapStateDescriptor<>("rules");

    /** Broadcast "name=value" sets a rule; an element "name" emits its rule; "write" tries to write on the wrong side. */
    static final class Rules extends BroadcastProcessFunction<String, String, String> {
        @Override
        public void processElement(String v, Context ctx, Collector<String> out) {
            if (v.equals("write")) ctx.getBroadcastState(RULES).put("x", 1);
            else if (v.equals("undeclared")) ctx.getBroadcastState(new MapStateDescriptor<String, String>("other"));
            else out.collect(v + "->" + ctx.getBroadcastState(RULES).get(v));
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) {
            String[] kv = rule.split("=");
            ctx.getBroadcastState(RULES).put(kv[0], Integer.parseInt(kv[1]));
        }
    }

    static final class Capture implements Output<String> {
        final List<String> out = new ArrayList<>();

        @Override
        public void collect(String record, long timestamp) {
            out.add(record);
        }

        @Override
        public <X> void collect(OutputTag<X> tag, X record, long timestamp) {}

        @Override
        public void emitWatermark(long watermark) {}

        @Override
        public void emitIdle(boolean idle) {}

        @SuppressWarnings({"unchecked", "rawtypes"})
        Output<Void> asVoid() {
            return (Output) this;
        }
    }

    private static BroadcastProcessOperator<String, String, String> rules(int subtask, int parallelism, OperatorRestore restore, Capture out)
            throws Exception {
        BroadcastProcessOperator<String, String, String> op = new BroadcastProcessOperator<>(new Rules(), List.of(RULES));
        op.setup(new OperatorContext("rules-op", subtask, parallelism, 128, () -> 0L, false), out);
        if (restore != null) op.restoreState(restore);
        op.open();
        return op;
    }

    /** The parts of a snapshot as a checkpoint file holds them: serialized and read back. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> roundTrip(StreamOperator<?> op) throws Exception {
        OperatorSnapshot s = new OperatorSnapshot(1, false);
        op.snapshotState(s);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(new java.util.LinkedHashMap<>(s.parts()));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Map<String, Object>) in.readObject();
        }
    }

    @Test
    void theBroadcastSideWritesTheOtherReadsAndWritesThereFail() throws Exception {
        Capture out = new Capture();
        BroadcastProcessOperator<String, String, String> op = rules(0, 1, null, out);
        op.processElement2("a=1", 0);
        op.processElement1("a", 0);
        op.processElement1("b", 0);
        assertThat(out.out).containsExactly("a->1", "b->null");
        assertThatThrownBy(() -> op.processElement1("write", 0)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("broadcast state 'rules' is read-only in processElement");
        assertThatThrownBy(() -> op.processElement1("undeclared", 0)).hasMessageContaining("'other'").hasMessageContaining("not declared");
    }

    @Test
    void everyNewInstanceRestoresInstanceZerosCopy() throws Exception {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int subtask = 1; subtask >= 0; subtask--) { // instance 1 first: the order of files must not matter
            BroadcastProcessOperator<String, String, String> op = rules(subtask, 2, null, new Capture());
            op.processElement2("a=1", 0);
            op.processElement2("b=2", 0);
            if (subtask == 1) op.processElement2("a=99", 0); // copies differ only if a user broke the contract
            parts.add(roundTrip(op));
        }
        for (int subtask = 0; subtask < 3; subtask++) {
            Capture out = new Capture();
            BroadcastProcessOperator<String, String, String> restored = rules(subtask, 3, new OperatorRestore(Path.of("."), parts), out);
            restored.processElement1("a", 0);
            restored.processElement1("b", 0);
            assertThat(out.out).as("instance %d of 3", subtask).containsExactly("a->1", "b->2");
        }
    }

    /** Counts per key; a broadcast "report" lists every key's count and clears key "b"; a timer reads the rules. */
    static final class CountsAndRules extends KeyedBroadcastProcessFunction<String, String, String, String> {
        static final ValueStateDescriptor<Integer> COUNT = new ValueStateDescriptor<>("count");
        private transient ValueState<Integer> count;

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(COUNT);
        }

        @Override
        public void processElement(String key, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            ctx.timerService().registerEventTimeTimer(100);
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            if (rule.equals("report")) {
                Map<String, Integer> seen = new TreeMap<>();
                ctx.applyToKeyedState(COUNT, (key, state) -> {
                    seen.put(key, state.value());
                    if (key.equals("b")) state.clear();
                });
                out.collect("counts " + seen);
            } else {
                ctx.getBroadcastState(RULES).put(rule, rule.length());
            }
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " at " + ts + " count " + count.value() + " rules " + ctx.getBroadcastState(RULES).get("r1"));
        }
    }

    @Test
    void theApiNamesMisuse() {
        io.runnel.api.StreamEnvironment env = io.runnel.api.StreamEnvironment.create();
        io.runnel.api.DataStream<String> s = env.fromElements("a");
        assertThatThrownBy(() -> s.broadcast(RULES, new MapStateDescriptor<String, Integer>("rules")))
                .hasMessageContaining("broadcast state 'rules' is declared twice");
        s.broadcast(); // the plain broadcast partitioning stays
        assertThatThrownBy(() -> s.connect(s.broadcast(RULES)).process(new CountsAndRules()))
                .hasMessageContaining("needs a keyed stream");
    }

    @Test
    void keyedBroadcastVisitsEveryKeysStateAndTimersReadBroadcastState() throws Exception {
        Capture out = new Capture();
        KeyedBroadcastProcessOperator<String, String, String, String> op =
                new KeyedBroadcastProcessOperator<>(new CountsAndRules(), k -> k, List.of(RULES));
        op.setup(new OperatorContext("counts", 0, 1, 128, () -> 0L, true), out);
        op.open();
        for (String k : List.of("a", "b", "a", "c")) op.processElement1(k, 10);
        op.processElement2("r1", 11);
        op.processElement2("report", 12);
        op.processElement2("report", 13);
        assertThat(out.out).containsExactly("counts {a=2, b=1, c=1}", "counts {a=2, c=1}");
        out.out.clear();
        op.processWatermark(100);
        assertThat(out.out).containsExactlyInAnyOrder("a at 100 count 2 rules 2", "b at 100 count null rules 2", "c at 100 count 1 rules 2");
    }
}
