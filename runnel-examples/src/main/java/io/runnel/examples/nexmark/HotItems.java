package io.runnel.examples.nexmark;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.SlidingEventTimeWindows;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import io.runnel.connectors.nexmark.Bid;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.NexmarkSource;
import java.time.Duration;

/**
 * Nexmark q5, "hot items": every 2 seconds of event time, the auction that received the most bids
 * in the last 10 seconds. Two stages: a sliding window counts bids per auction (incrementally,
 * one counter per slice); a tumbling window keyed by window end picks the maximum.
 *
 * <p>Run: {@code HotItems [events]} (default 2,000,000); prints one line per window.
 */
public final class HotItems {
    private HotItems() {}

    /** The hottest auction of one window. */
    public record Hot(long windowEnd, long auction, long bids) implements java.io.Serializable {}

    public static DataStream<Hot> build(StreamEnvironment env, long events) {
        DataStream<Event> source = env.fromSource(new NexmarkSource(events, 0), WatermarkStrategy.forMonotonousTimestamps(), "nexmark");
        return source
                .flatMap((Event e, Collector<Bid> out) -> {
                    if (e.isBid()) out.collect(e.bid());
                }).name("bids")
                .keyBy(b -> b.auction)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
                .aggregate(new CountBids(), new ProcessWindowFunction<Long, Hot, Long, TimeWindow>() {
                    @Override
                    public void process(Long auction, Context ctx, Iterable<Long> counts, Collector<Hot> out) {
                        out.collect(new Hot(ctx.window().end(), auction, counts.iterator().next()));
                    }
                }).name("bids-per-auction")
                .keyBy(Hot::windowEnd)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(2)))
                .reduce((a, b) -> a.bids() >= b.bids() ? a : b).name("hottest");
    }

    /** Counts elements. */
    static final class CountBids implements AggregateFunction<Bid, long[], Long> {
        public long[] createAccumulator() {
            return new long[1];
        }

        public long[] add(Bid b, long[] acc) {
            acc[0]++;
            return acc;
        }

        public Long getResult(long[] acc) {
            return acc[0];
        }

        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        StreamEnvironment env = StreamEnvironment.create();
        build(env, events).print();
        env.execute("hot-items");
    }
}
