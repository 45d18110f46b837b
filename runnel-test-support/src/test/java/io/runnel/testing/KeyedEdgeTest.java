package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A keyed edge extracts each record's key once: the sender's key and key group reach the operator. */
class KeyedEdgeTest implements java.io.Serializable {
    /** Counts calls across the copies the runtime makes of it. */
    static final AtomicLong CALLS = new AtomicLong();

    static final class CountingKey implements KeySelector<Integer, Integer> {
        @Override
        public Integer getKey(Integer value) {
            CALLS.incrementAndGet();
            return value % 97;
        }
    }

    static final class Count extends KeyedProcessFunction<Integer, Integer, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(new ValueStateDescriptor<>("count", 0L));
        }

        @Override
        public void processElement(Integer value, Context ctx, Collector<Long> out) {
            long n = count.value() + 1;
            count.update(n);
            if (n == 100) out.collect((long) ctx.getCurrentKey());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void theKeySelectorRunsOncePerRecordAndHop(int parallelism) throws Exception {
        CALLS.set(0);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setWorkerThreads(2);
        CollectSink<Long> sink = new CollectSink<>();
        env.fromCollection(BasicJobTest.numbers(9700)).keyBy(new CountingKey()).process(new Count()).sinkTo(sink);
        env.execute("keyed-edge");
        assertThat(sink.results()).hasSize(97).doesNotHaveDuplicates();
        assertThat(CALLS.get()).isEqualTo(9700);
        sink.clear();
    }
}
