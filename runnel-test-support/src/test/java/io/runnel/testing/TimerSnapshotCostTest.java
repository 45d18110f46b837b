package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import io.runnel.runtime.operators.StreamOperator;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The synchronous part of a checkpoint must not copy the timers: with 100 times more timers, a
 * keyed operator's snapshot on the task's thread allocates no more (measured in bytes the thread
 * allocates, not in time). Timers live in the keyed state backend, frozen per key group.
 */
class TimerSnapshotCostTest implements Serializable {
    /** One event-time timer per element, so timers grow with the input. */
    static final class TimerPerElement extends KeyedProcessFunction<Integer, Integer, Integer> {
        @Override
        public void processElement(Integer v, Context ctx, Collector<Integer> out) {
            ctx.timerService().registerEventTimeTimer(1_000_000L + v);
        }
    }

    private static long allocatedBySnapshot(StreamOperator<?> op, long id) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        op.snapshotState(new OperatorSnapshot(id, false)); // the synchronous part only: nothing is written
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void theSynchronousSnapshotDoesNotCopyTimers() throws Exception {
        try (OperatorHarness<Integer, Integer> h = OperatorHarness.of(s -> s.keyBy(v -> v % 5000).process(new TimerPerElement()))) {
            StreamOperator<?> op = h.operators().get(0);
            for (int i = 0; i < 1_000; i++) h.processElement(i, 0);
            for (int warm = 0; warm < 5; warm++) allocatedBySnapshot(op, warm);
            long few = allocatedBySnapshot(op, 10);
            for (int i = 1_000; i < 100_000; i++) h.processElement(i, 0);
            assertThat(h.eventTimers()).hasSize(100_000);
            allocatedBySnapshot(op, 11);
            long many = allocatedBySnapshot(op, 12);
            // a copy of 100 000 timer references alone is 400 KB
            assertThat(many).as("bytes allocated by the synchronous snapshot with 100k timers (1k timers: %d)", few)
                    .isLessThan(few + 64 * 1024);
        }
    }
}
