package io.runnel.bench.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.api.StreamEnvironment;
import io.runnel.connectors.nexmark.Auction;
import io.runnel.connectors.nexmark.Bid;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.NexmarkGenerator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nexmark q6 (the average selling price of each seller's last 10 closed auctions), which Flink SQL cannot run: its
 * OVER aggregation reads the updating Top-1 of the winning bids. The table our changelog leaves equals the answer
 * computed here directly from the generated events. Ties are broken in the query (a winning bid's earliest time, an
 * auction's id) so the answer is one whatever order rows arrive in.
 */
@Timeout(300)
class NexmarkSqlQ6Test {
    private static final long EVENTS = 20_000;
    private static final String Q6 = """
            CREATE TABLE nexmark_q6 (seller BIGINT, avg_price BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO nexmark_q6
            SELECT Q.seller, AVG(Q.price) OVER
                (PARTITION BY Q.seller ORDER BY Q.`dateTime`, Q.id ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) AS avg_price
            FROM (
                SELECT * FROM (
                    SELECT *, ROW_NUMBER() OVER (PARTITION BY id, seller ORDER BY price DESC, `dateTime`) AS rownum
                    FROM (SELECT A.id, A.seller, B.price, B.`dateTime`
                        FROM auction AS A, bid AS B
                        WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires))
                WHERE rownum <= 1
            ) AS Q;
            """;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lastTenClosedAuctionsPerSellerAsComputedFromTheEvents(int parallelism, @TempDir Path dir) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        Path out = dir.resolve("out");
        NexmarkSqlJob.build(env, "q6.sql", Q6, EVENTS, 0, true, new PrintStream(java.io.OutputStream.nullOutputStream()),
                NexmarkSqlJob.jsonFiles(out));
        env.execute("q6");
        List<String> ours = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    JsonNode row = json.readTree(line);
                    ours.add(row.get("seller").asLong() + " " + row.get("avg_price").asLong());
                }
            }
        }
        List<String> expected = expected();
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(ours).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Per auction its winning bid (highest price, earliest among equals); per seller the running average. */
    private static List<String> expected() {
        NexmarkGenerator generator = new NexmarkGenerator();
        List<Auction> auctions = new ArrayList<>();
        List<Bid> bids = new ArrayList<>();
        for (long i = 0; i < EVENTS; i++) {
            Event e = generator.event(i);
            if (e.isAuction()) {
                auctions.add(e.auction().copy());
            } else if (e.isBid()) {
                bids.add(e.bid().copy());
            }
        }
        Map<Long, Auction> byId = new HashMap<>();
        auctions.forEach(a -> byId.put(a.id, a));
        Map<Long, Bid> winner = new HashMap<>();
        for (Bid b : bids) {
            Auction a = byId.get(b.auction);
            if (a == null || b.dateTime < a.dateTime || b.dateTime > a.expires) {
                continue;
            }
            Bid w = winner.get(a.id);
            if (w == null || b.price > w.price || (b.price == w.price && b.dateTime < w.dateTime)) {
                winner.put(a.id, b);
            }
        }
        Map<Long, List<long[]>> bySeller = new HashMap<>(); // {dateTime, id, price}
        winner.forEach((id, b) -> bySeller.computeIfAbsent(byId.get(id).seller, s -> new ArrayList<>())
                .add(new long[] {b.dateTime, id, b.price}));
        List<String> out = new ArrayList<>();
        bySeller.forEach((seller, rows) -> {
            rows.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
            for (int i = 0; i < rows.size(); i++) {
                long sum = 0;
                int from = Math.max(0, i - 10);
                for (int j = from; j <= i; j++) {
                    sum += rows.get(j)[2];
                }
                out.add(seller + " " + sum / (i - from + 1));
            }
        });
        return out;
    }
}
