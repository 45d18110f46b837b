package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.KeyedStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.ProcessJoinFunction;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JoinsAndIdlenessTest implements Serializable {
    record Click(String user, long ts) implements Serializable {}

    record Buy(String user, long ts) implements Serializable {}

    static final long[] CLICK_TS = {0, 10, 20, 30, 100};
    static final long[] BUY_TS = {5, 12, 50, 101, 250};

    private static DataStream<Click> clicks(StreamEnvironment env) {
        List<Click> cs = new ArrayList<>();
        for (long t : CLICK_TS) cs.add(new Click(t % 20 == 0 ? "a" : "b", t));
        return env.fromSource(new ScriptedSource<>(cs, CLICK_TS), WatermarkStrategy.forMonotonousTimestamps(), "clicks");
    }

    private static DataStream<Buy> buys(StreamEnvironment env) {
        List<Buy> bs = new ArrayList<>();
        for (long t : BUY_TS) bs.add(new Buy(t == 12 || t == 50 ? "b" : "a", t));
        return env.fromSource(new ScriptedSource<>(bs, BUY_TS), WatermarkStrategy.forMonotonousTimestamps(), "buys");
    }

    /** Brute force: pairs with equal user and click.ts + lower <= buy.ts <= click.ts + upper. */
    static List<String> expectedIntervalJoin(long lower, long upper) {
        List<String> out = new ArrayList<>();
        for (long c : CLICK_TS) {
            for (long b : BUY_TS) {
                String cu = c % 20 == 0 ? "a" : "b";
                String bu = b == 12 || b == 50 ? "b" : "a";
                if (cu.equals(bu) && b >= c + lower && b <= c + upper) out.add(cu + ":" + c + "->" + b);
            }
        }
        return out;
    }

    /** Each parallelism on both state backends: the join buffers its sides in keyed map state. */
    @ParameterizedTest(name = "parallelism {0}, {1}")
    @CsvSource({"1, heap", "2, heap", "1, rocksdb", "2, rocksdb"})
    void intervalJoinMatchesBruteForce(int parallelism, String backend) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setStateBackend(backend);
        KeyedStream<Click, String> c = clicks(env).keyBy(Click::user);
        KeyedStream<Buy, String> b = buys(env).keyBy(Buy::user);
        CollectSink<String> sink = new CollectSink<>();
        c.intervalJoin(b).between(Duration.ofMillis(-5), Duration.ofMillis(40))
                .process(new ProcessJoinFunction<Click, Buy, String>() {
                    @Override
                    public void processElement(Click l, Buy r, Context ctx, Collector<String> out) {
                        out.collect(l.user() + ":" + l.ts() + "->" + r.ts());
                    }
                }).sinkTo(sink);
        env.execute("interval-join");
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expectedIntervalJoin(-5, 40));
        sink.clear();
    }

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @CsvSource({"1, heap", "3, heap", "1, rocksdb", "3, rocksdb"})
    void windowJoinPairsEqualKeysInTheSameWindow(int parallelism, String backend) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setStateBackend(backend);
        CollectSink<String> sink = new CollectSink<>();
        clicks(env).join(buys(env)).where(Click::user).equalTo(Buy::user)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(25)))
                .apply((Click cl, Buy bu) -> cl.user() + ":" + cl.ts() + "+" + bu.ts())
                .sinkTo(sink);
        env.execute("window-join");
        List<String> expected = new ArrayList<>();
        for (long ct : CLICK_TS) {
            for (long bt : BUY_TS) {
                String cu = ct % 20 == 0 ? "a" : "b";
                String bu = bt == 12 || bt == 50 ? "b" : "a";
                if (cu.equals(bu) && ct / 25 == bt / 25) expected.add(cu + ":" + ct + "+" + bt);
            }
        }
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
        sink.clear();
    }
}
