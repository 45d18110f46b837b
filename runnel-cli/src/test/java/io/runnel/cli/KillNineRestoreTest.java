package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Nexmark job in its own JVM, killed with kill -9 at random moments and started again with
 * --restore latest, ends with exactly the committed output of an uninterrupted run.
 */
class KillNineRestoreTest {
    private static final String EVENTS = "600000";
    private static final String RATE = "150000";

    @TempDir
    Path dir;

    @Test
    void killedAndRestoredRunsCommitTheUninterruptedOutput() throws Exception {
        for (String query : List.of("q5", "q8")) {
            Path clean = dir.resolve(query + "-clean");
            Process p = start(query, clean, dir.resolve(query + "-clean-ck"), "2", false);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            List<String> expected = committedRows(clean);
            assertThat(expected).isNotEmpty();

            Path out = dir.resolve(query + "-killed");
            Path ck = dir.resolve(query + "-killed-ck");
            Random random = new Random(query.hashCode());
            int kills = 0;
            for (int i = 0; i < 3; i++) {
                Process victim = start(query, out, ck, i % 2 == 0 ? "2" : "1", true);
                long wait = 1500 + random.nextInt(2500);
                if (victim.waitFor(wait, TimeUnit.MILLISECONDS)) break; // finished before the kill
                victim.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
                victim.waitFor(30, TimeUnit.SECONDS);
                kills++;
            }
            Process last = start(query, out, ck, "2", true);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).isZero();
            assertThat(kills).as("the job was killed at least once").isPositive();
            assertThat(committedRows(out)).as(query + " after %d kills", kills).isEqualTo(expected);
        }
    }

    private Process start(String query, Path out, Path ck, String parallelism, boolean restore) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.runnel.cli.RunnelCommand", "run", "nexmark", "--query", query, "--events", EVENTS, "--events-per-second", RATE,
                "--parallelism", parallelism, "--output", out.toString(), "--checkpoint-dir", ck.toString(), "--checkpoint-interval", "300ms"));
        if (restore) cmd.addAll(List.of("--restore", "latest"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(query + "-log.txt").toFile()).start();
    }

    /** Every row of every committed (non-hidden) part file, sorted. */
    private static List<String> committedRows(Path out) throws IOException {
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) rows.addAll(Files.readAllLines(f));
        }
        Collections.sort(rows);
        return rows;
    }
}
