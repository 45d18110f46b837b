package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State TTL through a running operator, on both backends, with the harness's processing clock:
 * list elements and map entries expire one by one, expired keys disappear without being read,
 * and a snapshot taken after expiry does not bring them back.
 */
class StateTtlHarnessTest implements Serializable {
    /** "key:word" adds the word to the key's list and counts it in the key's map; "key?" reads both. */
    static final class Words extends KeyedProcessFunction<String, String, String> {
        private transient ListState<String> words;
        private transient MapState<String, Integer> counts;

        @Override
        public void open(RuntimeContext ctx) {
            StateTtlConfig ttl = StateTtlConfig.of(Duration.ofMillis(100)).cleanupIncrementally(5, true).cleanupFullSnapshot();
            ListStateDescriptor<String> l = new ListStateDescriptor<>("words");
            l.enableTimeToLive(ttl);
            MapStateDescriptor<String, Integer> m = new MapStateDescriptor<>("counts");
            m.enableTimeToLive(ttl);
            words = ctx.getListState(l);
            counts = ctx.getMapState(m);
        }

        @Override
        public void processElement(String v, Context ctx, Collector<String> out) {
            if (v.endsWith("?")) {
                List<String> keys = new java.util.ArrayList<>();
                counts.keys().forEach(keys::add);
                keys.sort(null);
                out.collect(words.get() + " " + keys);
                return;
            }
            String word = v.substring(v.indexOf(':') + 1);
            words.add(word);
            Integer c = counts.get(word);
            counts.put(word, c == null ? 1 : c + 1);
        }
    }

    private static OperatorHarness<String, String> harness(String backend) throws Exception {
        return OperatorHarness.of(s -> s.keyBy(v -> v.substring(0, 1)).process(new Words()), backend);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void elementsExpireOneByOneAndExpiredKeysGoWithoutBeingRead(String backend) throws Exception {
        try (OperatorHarness<String, String> h = harness(backend)) {
            h.setProcessingTime(0);
            h.processElements("a:x", "b:x", "c:x");
            h.setProcessingTime(70);
            h.processElements("a:y");
            h.setProcessingTime(120); // x expired, y lives until 170
            h.processElements("a?");
            assertThat(h.output()).containsExactly("[y] [y]");
            assertThat(h.stateSize("words")).isGreaterThan(1);
            for (int i = 0; i < 200; i++) h.processElements("z:" + i % 3); // unrelated keys only
            assertThat(h.stateSize("words")).as("b and c expired and were cleaned up unread").isEqualTo(2);
            assertThat(h.stateSize("counts")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void aLaterCheckpointOnTopOfAnEarlierOneLeavesExpiredValuesOutToo(String backend) throws Exception {
        OperatorHarness.Snapshot snap;
        try (OperatorHarness<String, String> h = harness(backend)) {
            h.setProcessingTime(0);
            h.processElements("a:x", "b:x", "c:x");
            h.snapshot(1); // b and c unchanged after this: an incremental checkpoint 2 must not keep them
            h.setProcessingTime(70);
            h.processElements("a:y");
            h.setProcessingTime(120);
            snap = h.snapshot(2);
        }
        try (OperatorHarness<String, String> r = OperatorHarness.restore(
                s -> s.keyBy(v -> v.substring(0, 1)).process(new Words()), 0, 1, backend, List.of(snap))) {
            assertThat(r.stateSize("words")).isEqualTo(1);
            assertThat(r.stateSize("counts")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void aSnapshotAfterExpiryDoesNotBringExpiredValuesBack(String backend) throws Exception {
        OperatorHarness.Snapshot snap;
        try (OperatorHarness<String, String> h = harness(backend)) {
            h.setProcessingTime(0);
            h.processElements("a:x", "b:x", "c:x");
            h.setProcessingTime(70);
            h.processElements("a:y");
            h.setProcessingTime(120);
            snap = h.snapshot(1);
        }
        try (OperatorHarness<String, String> r = OperatorHarness.restore(
                s -> s.keyBy(v -> v.substring(0, 1)).process(new Words()), 0, 1, backend, List.of(snap))) {
            assertThat(r.stateSize("words")).isEqualTo(1);
            assertThat(r.stateSize("counts")).isEqualTo(1);
            r.setProcessingTime(0); // x would be live again at 0 had the snapshot kept it
            r.processElements("a?", "b?");
            assertThat(r.output()).containsExactly("[y] [y]", "[] []");
        }
    }
}
