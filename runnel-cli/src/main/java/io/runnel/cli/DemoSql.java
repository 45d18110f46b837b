package io.runnel.cli;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.live.AdHocColumn;
import io.runnel.sql.live.AdHocRows;
import io.runnel.sql.live.AdHocSession;
import io.runnel.sql.live.LiveView;
import io.runnel.sql.pg.PgCatalog;
import io.runnel.sql.pg.PgConfig;
import io.runnel.sql.pg.PgServer;
import io.runnel.sql.script.SqlScriptRunner;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code runnel demo --sql}: the bundled script's materialized views over generated Nexmark bids, served on the
 * PostgreSQL endpoint, with a line each second read from the views themselves, as a psql user would read them.
 */
final class DemoSql {
    private DemoSql() {}

    static int run(int seconds, long rate, int parallelism, int port, PrintStream out) throws Exception {
        String script;
        try (InputStream in = DemoSql.class.getResourceAsStream("demo.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${RATE}", String.valueOf(rate));
        }
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        SqlEnvironment sql = SqlEnvironment.create(env);
        new SqlScriptRunner(sql, new PrintStream(PrintStream.nullOutputStream()), q -> { }).run("demo.sql", script);
        JobClient job = env.executeAsync("demo-sql");
        sql.liveViews().all().forEach(v -> v.attach(job, false));
        PgCatalog catalog = new PgCatalog(sql, () -> StreamEnvironment.create().setParallelism(parallelism));
        try (PgServer server = PgServer.start(catalog, PgConfig.loopback(port)); AdHocSession views = new AdHocSession(sql.liveViews())) {
            out.printf("runnel demo --sql: live views over %,d Nexmark events/s, parallelism %d; %s%n", rate, parallelism,
                    seconds > 0 ? "for " + seconds + " s" : "Ctrl-C stops");
            out.printf("  views: %s%n", String.join(", ", sql.liveViews().all().stream().map(LiveView::name).sorted().toList()));
            out.printf("  query them while they update:%n    psql -h 127.0.0.1 -p %d -U runnel runnel -c "
                    + "\"SELECT * FROM auction_bids ORDER BY bids DESC LIMIT 5\"%n", server.port());
            Thread hook = new Thread(() -> {
                server.close();
                catalog.close();
                job.cancel();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            long start = System.nanoTime();
            while (seconds <= 0 || System.nanoTime() - start < seconds * 1_000_000_000L) {
                Thread.sleep(1000);
                if (job.result().isDone()) {
                    job.result().get(); // a failed job ends the demo with its error
                }
                List<Object> top = first(views, "SELECT SUM(bids), COUNT(*), MAX(bids) FROM auction_bids");
                List<Object> window = first(views, "SELECT window_start, bids FROM bids_per_window ORDER BY window_start DESC LIMIT 1");
                out.printf("  [%5.1f s] %,12d bids in auction_bids over %,d auctions (busiest %,d bids); last closed window: %s%n",
                        (System.nanoTime() - start) / 1e9, number(top, 0), number(top, 1), number(top, 2),
                        window.isEmpty() ? "none yet" : String.valueOf(window.get(0)).replace('T', ' ') + " with " + String.format("%,d", number(window, 1)) + " bids");
            }
            Runtime.getRuntime().removeShutdownHook(hook);
        } finally {
            catalog.close();
            job.cancel();
        }
        out.println("runnel demo --sql: done");
        return 0;
    }

    private static long number(List<Object> row, int i) {
        return row.size() > i && row.get(i) instanceof Number n ? n.longValue() : 0;
    }

    private static List<Object> first(AdHocSession s, String query) throws Exception {
        List<Object> row = new ArrayList<>();
        s.query(query, List.of(), new AdHocRows() {
            @Override
            public void columns(List<AdHocColumn> columns) {}

            @Override
            public boolean row(Object[] values) {
                row.addAll(java.util.Arrays.asList(values));
                return false;
            }
        });
        return row;
    }
}
