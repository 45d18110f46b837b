package io.runnel.bench.live;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.live.AdHocColumn;
import io.runnel.sql.live.AdHocRows;
import io.runnel.sql.live.AdHocSession;
import io.runnel.sql.pg.PgCatalog;
import io.runnel.sql.pg.PgConfig;
import io.runnel.sql.pg.PgServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Point lookups on a live view under an update load: a Nexmark job at a set rate keeps a view of bids per auction;
 * the PostgreSQL JDBC driver looks auctions up over loopback. Quiet and querying periods alternate; each measures
 * the events the view took in, and the querying ones the lookups' latencies. The figures are medians over rounds.
 */
public final class ViewLookupBenchmark {
    public record Options(long eventsPerSecond, int parallelism, int seconds, int rounds, int warmupSeconds) {}

    private ViewLookupBenchmark() {}

    public static Map<String, Object> run(Options o) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(o.parallelism());
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.executeSql("CREATE TABLE bid WITH ('connector' = 'nexmark', 'table' = 'bid', 'events-per-second' = '" + o.eventsPerSecond() + "')");
        sql.executeSql("CREATE MATERIALIZED VIEW per_auction AS SELECT auction, COUNT(*) AS bids, MAX(price) AS best FROM bid GROUP BY auction");
        JobClient job = env.executeAsync("view lookups");
        PgCatalog catalog = new PgCatalog(sql, StreamEnvironment::create);
        try (PgServer server = PgServer.start(catalog, PgConfig.loopback(0));
             AdHocSession counter = new AdHocSession(sql.liveViews());
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/runnel", "runnel", "");
             PreparedStatement lookup = c.prepareStatement("SELECT bids, best FROM per_auction WHERE auction = ?")) {
            Thread.sleep(o.warmupSeconds() * 1000L);
            lookups(lookup, counter, o.warmupSeconds() * 1000L); // warms the lookup path too
            List<Double> quiet = new ArrayList<>();
            List<Double> busy = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> p999 = new ArrayList<>();
            List<Double> qps = new ArrayList<>();
            for (int r = 0; r < o.rounds(); r++) {
                long b0 = bids(counter);
                long t0 = System.nanoTime();
                Thread.sleep(o.seconds() * 1000L);
                quiet.add((bids(counter) - b0) * 1e9 / (System.nanoTime() - t0));
                long b1 = bids(counter);
                long t1 = System.nanoTime();
                long[] lat = lookups(lookup, counter, o.seconds() * 1000L);
                double s = (System.nanoTime() - t1) / 1e9;
                busy.add((bids(counter) - b1) / s);
                Arrays.sort(lat);
                p50.add(lat[lat.length / 2] / 1000.0);
                p99.add(lat[(int) (lat.length * 0.99)] / 1000.0);
                p999.add(lat[(int) (lat.length * 0.999)] / 1000.0);
                qps.add(lat.length / s);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("benchmark", "view-lookups");
            figures.put("events_per_second_target", o.eventsPerSecond());
            figures.put("parallelism", o.parallelism());
            figures.put("rounds", o.rounds());
            figures.put("round_seconds", o.seconds());
            figures.put("bids_per_second_quiet", Math.round(median(quiet)));
            figures.put("bids_per_second_querying", Math.round(median(busy)));
            figures.put("update_throughput_kept", Math.round(median(busy) / median(quiet) * 1000) / 1000.0);
            figures.put("lookups_per_second", Math.round(median(qps)));
            figures.put("lookup_p50_us", Math.round(median(p50)));
            figures.put("lookup_p99_us", Math.round(median(p99)));
            figures.put("lookup_p999_us", Math.round(median(p999)));
            figures.put("view_rows", rows(counter));
            return figures;
        } finally {
            catalog.close();
            job.cancel();
        }
    }

    /** Looks up random recent auctions back to back for {@code millis}; each lookup's latency in nanoseconds. */
    private static long[] lookups(PreparedStatement lookup, AdHocSession counter, long millis) throws Exception {
        long maxAuction = maxAuction(counter);
        long[] lat = new long[1 << 16];
        int n = 0;
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            long auction = 1000 + ThreadLocalRandom.current().nextLong(Math.max(1, maxAuction - 1000));
            long t = System.nanoTime();
            lookup.setLong(1, auction);
            try (ResultSet rs = lookup.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
            if (n == lat.length) {
                lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = System.nanoTime() - t;
        }
        return Arrays.copyOf(lat, n);
    }

    private static long bids(AdHocSession s) throws Exception {
        return value(s, "SELECT COALESCE(SUM(bids), 0) FROM per_auction");
    }

    private static long rows(AdHocSession s) throws Exception {
        return value(s, "SELECT COUNT(*) FROM per_auction");
    }

    private static long maxAuction(AdHocSession s) throws Exception {
        return value(s, "SELECT COALESCE(MAX(auction), 2000) FROM per_auction");
    }

    private static long value(AdHocSession s, String sql) throws Exception {
        long[] v = new long[1];
        s.query(sql, List.of(), new AdHocRows() {
            @Override
            public void columns(List<AdHocColumn> columns) {}

            @Override
            public boolean row(Object[] values) {
                v[0] = ((Number) values[0]).longValue();
                return true;
            }
        });
        return v[0];
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
