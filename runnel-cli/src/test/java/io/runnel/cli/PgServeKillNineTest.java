package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runnel sql --pg-port} in its own JVM, serving a materialized view over Nexmark bids: killed with kill -9
 * after a checkpoint and started again with --restore latest, the view goes on from the checkpoint and ends holding
 * every bid exactly once.
 */
class PgServeKillNineTest {
    private static final int EVENTS = 300_000; // 46 of every 50 Nexmark events are bids
    private static final Pattern SERVING = Pattern.compile("serving PostgreSQL on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void aKilledServerRestoresItsViewFromTheLastCheckpoint() throws Exception {
        Path script = dir.resolve("view.sql");
        Files.writeString(script, "CREATE TABLE bid WITH ('connector' = 'nexmark', 'table' = 'bid', 'events' = '" + EVENTS + "',"
                + " 'events-per-second' = '25000');\n"
                + "CREATE MATERIALIZED VIEW per_auction AS SELECT auction, COUNT(*) AS bids FROM bid GROUP BY auction;\n");
        Path ck = dir.resolve("ck");
        Path log = dir.resolve("first.log");
        Process first = start(script, ck, log, false);
        try {
            int port = port(first, log);
            long before;
            try (Connection c = connect(port); Statement st = c.createStatement()) {
                before = waitFor(st, v -> v > 0);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!hasCheckpoint(ck) && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(hasCheckpoint(ck)).as("a checkpoint completed").isTrue();
            assertThat(before).isLessThan(EVENTS * 46L / 50);
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hooks
            first.waitFor(30, TimeUnit.SECONDS);
        }
        Path log2 = dir.resolve("second.log");
        Process second = start(script, ck, log2, true);
        try {
            int port = port(second, log2);
            assertThat(Files.readString(log2)).contains("restores from");
            try (Connection c = connect(port); Statement st = c.createStatement()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(log2).contains("ended") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(Files.readString(log2)).contains("ended; its views stay served");
                assertThat(sum(st)).as("every bid counted once").isEqualTo(EVENTS * 46L / 50);
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static boolean hasCheckpoint(Path ck) throws IOException {
        if (!Files.isDirectory(ck)) {
            return false;
        }
        try (Stream<Path> s = Files.list(ck)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")));
        }
    }

    private static long sum(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(bids), 0) FROM per_auction")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long waitFor(Statement st, java.util.function.LongPredicate ok) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long v = sum(st);
        while (!ok.test(v) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            v = sum(st);
        }
        return v;
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/runnel", "runnel", "");
    }

    private static int port(Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server did not start:\n" + Files.readString(log));
    }

    private static Process start(Path script, Path ck, Path log, boolean restore) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.runnel.cli.RunnelCommand", "sql", "--pg-port", "0", "-f", script.toString(), "--parallelism", "2",
                "--checkpoint-dir", ck.toString(), "--checkpoint-interval", "300ms"));
        if (restore) {
            cmd.addAll(List.of("--restore", "latest"));
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
