package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.windowing.GlobalWindow;
import io.runnel.api.windowing.GlobalWindows;
import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.TriggerResult;
import io.runnel.runtime.windowing.WindowOperator;
import java.io.Serializable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Windows that never end (count windows, global windows) must not keep an entry per key once
 * their contents are purged and their trigger holds no state: keys come and go, state must not
 * grow with every key ever seen.
 */
class WindowStateCleanupTest implements Serializable {
    private static long windowEntries(OperatorHarness<?, ?> h) {
        return h.operators().stream().filter(o -> o instanceof WindowOperator).mapToLong(o -> ((WindowOperator) o).stateEntryCount()).sum();
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void countWindowsLeaveNoEntryAfterTheyFireAndPurge(String backend) throws Exception {
        try (OperatorHarness<Integer, Integer> h = OperatorHarness.of(s -> s.keyBy(v -> v % 1000).countWindow(3).reduce(Integer::sum), 0, 1, backend)) {
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < 200; k++) h.processElement(k, 0);
            }
            assertThat(h.output()).hasSize(200);
            assertThat(windowEntries(h)).isZero();
            h.processElement(7, 0);
            assertThat(windowEntries(h)).isEqualTo(2); // a half-full window holds its contents and its count
        }
    }

    /** Fires and purges on every second element, and asks for a timer it answers with FIRE. */
    static final class PairsThenTimer extends Trigger<Object, GlobalWindow> {
        private final io.runnel.api.state.ValueStateDescriptor<Long> seen = new io.runnel.api.state.ValueStateDescriptor<>("seen", 0L);

        @Override
        public TriggerResult onElement(Object e, long ts, GlobalWindow w, TriggerContext ctx) {
            var s = ctx.getState(seen);
            if (s.value() == 1) {
                s.clear();
                ctx.registerEventTimeTimer(100);
                return TriggerResult.FIRE_AND_PURGE;
            }
            s.update(1L);
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow w, TriggerContext ctx) {
            return TriggerResult.FIRE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow w, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow w, TriggerContext ctx) {
            ctx.getState(seen).clear();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void globalWindowsDropPurgedEntriesAndStillCallTheTriggerOnItsTimers(String backend) throws Exception {
        try (OperatorHarness<Integer, Integer> h = OperatorHarness.of(s -> s.keyBy(v -> v % 100).window(GlobalWindows.create())
                .trigger(new PairsThenTimer()).reduce(Integer::sum), 0, 1, backend)) {
            for (int k = 0; k < 100; k++) h.processElement(k, 0);
            for (int k = 0; k < 100; k++) h.processElement(k + 100, 0);
            assertThat(h.output()).hasSize(100);
            assertThat(windowEntries(h)).isZero();
            h.processElement(5, 0);
            h.processWatermark(100); // the timers fire: only key 5 has contents to emit again
            assertThat(h.output()).hasSize(101).endsWith(5);
        }
    }
}
