package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.JobResult;
import io.runnel.api.OutputTag;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BasicJobTest implements java.io.Serializable {
    static List<Integer> numbers(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    /** Running count per key with keyed ValueState. */
    static final class RunningCount extends KeyedProcessFunction<Integer, Integer, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(new ValueStateDescriptor<>("count", 0L));
        }

        @Override
        public void processElement(Integer value, Context ctx, Collector<String> out) {
            long n = count.value() + 1;
            count.update(n);
            out.collect(ctx.getCurrentKey() + ":" + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void statelessChainGivesTheSameResultAtEveryParallelism(int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        CollectSink<Integer> sink = new CollectSink<>();
        env.fromCollection(numbers(10_000)).rebalance()
                .map(x -> x * 2).filter(x -> x % 3 != 0)
                .flatMap((Integer x, Collector<Integer> out) -> { out.collect(x); out.collect(-x); })
                .sinkTo(sink);
        JobResult r = env.execute("stateless");
        List<Integer> expected = new ArrayList<>();
        for (int x = 0; x < 10_000; x++) if ((x * 2) % 3 != 0) { expected.add(x * 2); expected.add(-x * 2); }
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.sinkRecords()).isEqualTo(expected.size());
        assertThat(r.sourceRecords()).isEqualTo(10_000);
        sink.clear();
    }

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @CsvSource({"1, heap", "2, heap", "4, heap", "1, rocksdb", "2, rocksdb"})
    void keyedStateCountsPerKeyAtEveryParallelism(int parallelism, String backend) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setStateBackend(backend);
        CollectSink<String> sink = new CollectSink<>();
        env.fromCollection(numbers(5_000)).keyBy(x -> x % 7).process(new RunningCount()).sinkTo(sink);
        env.execute("counts");
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            int key = k;
            long count = IntStream.range(0, 5_000).filter(x -> x % 7 == key).count();
            for (long i = 1; i <= count; i++) expected.add(k + ":" + i);
        }
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
        sink.clear();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void unionSideOutputsAndBroadcast(int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        OutputTag<String> odd = new OutputTag<>("odd");
        CollectSink<Integer> evens = new CollectSink<>();
        CollectSink<String> odds = new CollectSink<>();
        CollectSink<String> tagged = new CollectSink<>();
        DataStream<Integer> a = env.fromCollection(numbers(100));
        DataStream<Integer> b = env.fromCollection(numbers(100)).map(x -> x + 1000);
        DataStream<Integer> split = a.union(b).process(new ProcessFunction<Integer, Integer>() {
            @Override
            public void processElement(Integer v, Context ctx, Collector<Integer> out) {
                if (v % 2 == 0) out.collect(v);
                else ctx.output(odd, "odd-" + v);
            }
        });
        split.sinkTo(evens);
        split.getSideOutput(odd).sinkTo(odds);
        DataStream<String> rules = env.fromElements("x");
        split.connectBroadcast(rules).process(new BroadcastProcessFunction<Integer, String, String>() {
            private String prefix = "?";

            @Override
            public void processElement(Integer v, Context ctx, Collector<String> out) {
                if (v == 0) out.collect("zero");
            }

            @Override
            public void processBroadcastElement(String rule, Context ctx, Collector<String> out) {
                prefix = rule;
                out.collect("rule:" + rule);
            }
        }).sinkTo(tagged);
        env.execute("union-side");
        assertThat(evens.results()).hasSize(100).allMatch(v -> v % 2 == 0);
        assertThat(odds.results()).hasSize(100).allMatch(s -> s.startsWith("odd-"));
        assertThat(tagged.results()).filteredOn(s -> s.startsWith("rule:")).hasSize(parallelism);
        assertThat(tagged.results()).filteredOn(s -> s.equals("zero")).hasSize(1);
    }

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @CsvSource({"1, heap", "2, heap", "1, rocksdb", "2, rocksdb"})
    void keyedConnectSharesStatePerKey(int parallelism, String backend) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setStateBackend(backend);
        CollectSink<String> sink = new CollectSink<>();
        DataStream<String> names = env.fromElements("1=one", "2=two", "3=three");
        DataStream<Integer> ids = env.fromElements(1, 2, 3, 4);
        names.connect(ids).keyBy(s -> Integer.parseInt(s.split("=")[0]), i -> i)
                .process(new CoProcessFunction<String, Integer, String>() {
                    private transient ValueState<String> name;
                    private transient ValueState<Integer> waiting;

                    @Override
                    public void open(RuntimeContext ctx) {
                        name = ctx.getState(new ValueStateDescriptor<>("name"));
                        waiting = ctx.getState(new ValueStateDescriptor<>("waiting"));
                    }

                    @Override
                    public void processElement1(String s, Context ctx, Collector<String> out) {
                        name.update(s.split("=")[1]);
                        if (waiting.value() != null) out.collect(waiting.value() + "->" + name.value());
                    }

                    @Override
                    public void processElement2(Integer i, Context ctx, Collector<String> out) {
                        if (name.value() != null) out.collect(i + "->" + name.value());
                        else waiting.update(i);
                    }
                }).sinkTo(sink);
        env.execute("connect");
        assertThat(sink.results()).containsExactlyInAnyOrder("1->one", "2->two", "3->three");
    }
}
