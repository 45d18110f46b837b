package io.runnel.bench.nexmark;

import io.runnel.api.DataStream;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.windowing.ProcessAllWindowFunction;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.SlidingEventTimeWindows;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import io.runnel.connectors.nexmark.Auction;
import io.runnel.connectors.nexmark.Bid;
import io.runnel.connectors.nexmark.CountRow;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.Person;
import io.runnel.connectors.nexmark.Q1Row;
import io.runnel.connectors.nexmark.Q2Row;
import io.runnel.connectors.nexmark.Q5Row;
import io.runnel.connectors.nexmark.Q7Row;
import io.runnel.connectors.nexmark.Q8Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds each benchmark query on a stream of timestamped, watermarked Nexmark events. */
public final class NexmarkQueries {
    public static final Set<String> NAMES = new java.util.TreeSet<>(java.util.List.of("q0", "q1", "q2", "q5", "q7", "q8", "count"));
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final Duration Q5_SLIDE = Duration.ofSeconds(2);

    private NexmarkQueries() {}

    public static DataStream<?> build(String query, DataStream<Event> events) {
        return switch (query) {
            case "q0" -> events;
            case "q1" -> q1(events);
            case "q2" -> q2(events);
            case "q5" -> q5(events);
            case "q7" -> q7(events);
            case "q8" -> q8(events);
            case "count" -> count(events);
            default -> throw new IllegalArgumentException("unknown Nexmark query '" + query + "'; known: " + NAMES);
        };
    }

    /** Currency conversion of every bid. */
    public static DataStream<Q1Row> q1(DataStream<Event> events) {
        return events.flatMap((Event e, Collector<Q1Row> out) -> {
            if (e.isBid()) out.collect(Q1Row.of(e.bid()));
        }).name("q1-to-euro");
    }

    /** Bids on every 123rd auction. */
    public static DataStream<Q2Row> q2(DataStream<Event> events) {
        return events.flatMap((Event e, Collector<Q2Row> out) -> {
            if (e.isBid() && e.bid().auction % 123 == 0) out.collect(new Q2Row(e.bid().auction, e.bid().price));
        }).name("q2-select");
    }

    public static DataStream<Bid> bids(DataStream<Event> events) {
        return events.flatMap((Event e, Collector<Bid> out) -> {
            if (e.isBid()) out.collect(e.bid());
        }).name("bids");
    }

    /** Hot items: bids per auction per sliding window, then the auction(s) with the most. */
    public static DataStream<Q5Row> q5(DataStream<Event> events) {
        return bids(events)
                .keyBy(b -> b.auction)
                .window(SlidingEventTimeWindows.of(WINDOW, Q5_SLIDE))
                .aggregate(new CountBids(), new EmitAuctionCount()).name("q5-count-per-auction")
                .keyBy(r -> r.windowEnd)
                .window(TumblingEventTimeWindows.of(Q5_SLIDE))
                .process(new MaxCount()).name("q5-max-per-window");
    }

    /** Highest bid(s) per tumbling window over all bids. */
    public static DataStream<Q7Row> q7(DataStream<Event> events) {
        return bids(events)
                .windowAll(TumblingEventTimeWindows.of(WINDOW))
                .aggregate(new MaxBids(), new EmitMaxBids()).name("q7-max-bid");
    }

    /** New users: persons joined with the auctions they opened in the same tumbling window. */
    public static DataStream<Q8Row> q8(DataStream<Event> events) {
        DataStream<Person> persons = events.flatMap((Event e, Collector<Person> out) -> {
            if (e.isPerson()) out.collect(e.person());
        }).name("persons");
        DataStream<Auction> auctions = events.flatMap((Event e, Collector<Auction> out) -> {
            if (e.isAuction()) out.collect(e.auction());
        }).name("auctions");
        long size = WINDOW.toMillis();
        return persons.join(auctions).where(p -> p.id).equalTo(a -> a.seller)
                .window(TumblingEventTimeWindows.of(WINDOW))
                .apply((Person p, Auction a) -> {
                    long start = TimeWindow.startOf(p.dateTime, 0, size);
                    return Q8Row.of(start, start + size, p, a);
                });
    }

    /** Running count of bids per auction. */
    public static DataStream<CountRow> count(DataStream<Event> events) {
        return bids(events).keyBy(b -> b.auction).process(new RunningCount()).name("count-per-auction");
    }

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

    static final class EmitAuctionCount extends ProcessWindowFunction<Long, Q5Row, Long, TimeWindow> {
        public void process(Long auction, Context ctx, Iterable<Long> counts, Collector<Q5Row> out) {
            for (Long c : counts) out.collect(new Q5Row(ctx.window().start(), ctx.window().end(), auction, c));
        }
    }

    static final class MaxCount extends ProcessWindowFunction<Q5Row, Q5Row, Long, TimeWindow> {
        public void process(Long windowEnd, Context ctx, Iterable<Q5Row> rows, Collector<Q5Row> out) {
            long max = -1;
            List<Q5Row> best = new ArrayList<>();
            for (Q5Row r : rows) {
                if (r.count > max) {
                    max = r.count;
                    best.clear();
                }
                if (r.count == max) best.add(r);
            }
            for (Q5Row r : best) out.collect(r);
        }
    }

    /** The bids tied at the highest price seen. */
    static final class MaxBidsAcc implements java.io.Serializable {
        long price = Long.MIN_VALUE;
        final List<Bid> bids = new ArrayList<>(1);

        void offer(Bid b) {
            if (b.price > price) {
                price = b.price;
                bids.clear();
            }
            if (b.price == price) bids.add(b);
        }
    }

    static final class MaxBids implements AggregateFunction<Bid, MaxBidsAcc, MaxBidsAcc> {
        public MaxBidsAcc createAccumulator() {
            return new MaxBidsAcc();
        }

        public MaxBidsAcc add(Bid b, MaxBidsAcc acc) {
            acc.offer(b);
            return acc;
        }

        public MaxBidsAcc getResult(MaxBidsAcc acc) {
            return acc;
        }

        public MaxBidsAcc merge(MaxBidsAcc a, MaxBidsAcc b) {
            for (Bid x : b.bids) a.offer(x);
            return a;
        }
    }

    static final class EmitMaxBids extends ProcessAllWindowFunction<MaxBidsAcc, Q7Row, TimeWindow> {
        public void process(Context ctx, Iterable<MaxBidsAcc> accs, Collector<Q7Row> out) {
            for (MaxBidsAcc acc : accs) for (Bid b : acc.bids) out.collect(Q7Row.of(ctx.window().start(), ctx.window().end(), b));
        }
    }

    static final class RunningCount extends KeyedProcessFunction<Long, Bid, CountRow> {
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(new ValueStateDescriptor<>("count"));
        }

        @Override
        public void processElement(Bid b, Context ctx, Collector<CountRow> out) {
            Long c = count.value();
            long n = c == null ? 1 : c + 1;
            count.update(n);
            out.collect(new CountRow(b.auction, n));
        }
    }
}
