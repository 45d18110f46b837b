package io.runnel.sql.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The endpoint against psql (Debian's postgresql-client): a pipeline built and queried from the command line. */
class PsqlTest {
    private static PgCatalog catalog;
    private static PgServer server;

    record Result(int exit, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(new File("/usr/bin/psql").canExecute(), "psql is not installed (apt-get install postgresql-client)");
        catalog = new PgCatalog(SqlEnvironment.create(StreamEnvironment.create()), () -> StreamEnvironment.create().setParallelism(2));
        server = PgServer.start(catalog, PgConfig.loopback(0).withPassword("pw"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            catalog.close();
        }
    }

    static Result psql(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(server.port()), "-U", "runnel",
                "-d", "runnel", "-v", "ON_ERROR_STOP=1"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PGPASSWORD", "pw");
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("psql ends").isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Test
    void aPipelineBuiltAndQueriedFromPsql() throws Exception {
        Result created = psql("-c", "CREATE TABLE bids (auction BIGINT, price BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5000',"
                + " 'fields.auction.min' = '1', 'fields.auction.max' = '4', 'fields.price.min' = '1', 'fields.price.max' = '9')",
                "-c", "CREATE MATERIALIZED VIEW top_bids AS SELECT auction, MAX(price) AS best, COUNT(*) AS bids FROM bids GROUP BY auction");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("CREATE TABLE", "CREATE MATERIALIZED VIEW");
        long deadline = System.nanoTime() + 20_000_000_000L;
        String rows = "";
        while (System.nanoTime() < deadline) {
            Result r = psql("-A", "-t", "-F", ",", "-c", "SELECT auction, best FROM top_bids ORDER BY auction");
            assertThat(r.exit()).as(r.err()).isZero();
            rows = r.out();
            if (rows.equals("1,9\n2,9\n3,9\n4,9")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(rows).isEqualTo("1,9\n2,9\n3,9\n4,9");
        // aligned output with headers, a filter with a join against the view itself, and an aggregate
        Result table = psql("-c", "SELECT a.auction, a.bids >= b.bids AS same FROM top_bids a JOIN top_bids b ON a.auction = b.auction WHERE a.auction = 2");
        assertThat(table.out()).contains("auction | same", "(1 row)").contains(" t");
        // what is there, through the SQL standard's information schema
        assertThat(psql("-A", "-t", "-c", "SELECT table_name, table_type FROM information_schema.tables WHERE table_name IN ('bids', 'top_bids') ORDER BY table_name").out())
                .isEqualTo("bids|BASE TABLE\ntop_bids|VIEW");
        assertThat(psql("-A", "-t", "-c", "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'top_bids'"
                + " ORDER BY ordinal_position").out()).isEqualTo("auction|bigint\nbest|bigint\nbids|bigint");
        // unnamed columns are named as PostgreSQL names them
        assertThat(psql("-c", "SELECT COUNT(*), MAX(best), auction + 1 FROM top_bids GROUP BY auction + 1 LIMIT 1").out())
                .contains("count | max | ?column?");
    }

    @Test
    void aSubscriptionStreamsTheViewsChangesUntilCtrlC() throws Exception {
        psql("-c", "CREATE TABLE clicks (page INT) WITH ('connector' = 'datagen', 'rows-per-second' = '200',"
                + " 'fields.page.min' = '1', 'fields.page.max' = '3')",
                "-c", "CREATE MATERIALIZED VIEW page_clicks AS SELECT page, COUNT(*) AS n FROM clicks GROUP BY page");
        ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(server.port()), "-U", "runnel",
                "-d", "runnel", "-c", "COPY (SUBSCRIBE TO page_clicks) TO STDOUT");
        pb.environment().put("PGPASSWORD", "pw");
        Process p = pb.start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String[]> lines = new ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (lines.size() < 30 && System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            lines.add(line.split("\t"));
        }
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor(); // psql's Ctrl-C: a cancel request
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(30);
        assertThat(err).contains("canceling statement due to user request");
        // version, diff, page, n; each page's rows net out to its current count: a +1 for each row, a -1 when replaced
        java.util.Map<String, Long> standing = new java.util.HashMap<>();
        long lastVersion = 0;
        for (String[] l : lines) {
            assertThat(l).hasSize(4);
            long version = Long.parseLong(l[0]);
            assertThat(version).isGreaterThanOrEqualTo(lastVersion);
            lastVersion = version;
            standing.merge(l[2] + "/" + l[3], Long.parseLong(l[1]), Long::sum);
        }
        assertThat(standing.values()).allMatch(n -> n == 0 || n == 1);
        assertThat(standing.values().stream().filter(n -> n == 1).count()).as("one standing row per page").isBetween(1L, 3L);
        psql("-c", "DROP MATERIALIZED VIEW page_clicks");
    }

    @Test
    void errorsReachPsqlWithTheirReason() throws Exception {
        Result r = psql("-c", "SELECT * FROM no_such_view");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("ERROR:", "no_such_view", "materialized views");
        Result bad = psql("-c", "CREATE TABLE t (a INT) WITH (");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("ERROR:", "line 1");
    }

    @Test
    void theWrongPasswordIsRefused() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-h", "127.0.0.1", "-p", String.valueOf(server.port()), "-U", "runnel", "-d", "runnel",
                "-w", "-c", "SELECT 1");
        pb.environment().put("PGPASSWORD", "nope");
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("password authentication failed");
    }
}
