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
 * --restore latest at another parallelism each time (2, then 4, then 1: the checkpoint's key
 * groups and source splits are redistributed; at 4 some source subtasks have no split), ends with
 * exactly the committed output of an uninterrupted run.
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
            for (String parallelism : List.of("2", "4")) {
                Process victim = start(query, out, ck, parallelism, true);
                // killed at a random moment after its first checkpoint; at 4, a run restored from 2
                // splits has source subtasks without one, and its checkpoints must go on all the same
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (victim.isAlive() && !Files.readString(log(query)).contains("COMPLETED") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (victim.waitFor(random.nextInt(1500), TimeUnit.MILLISECONDS)) break; // finished before the kill
                assertThat(Files.readString(log(query))).as(query + " at parallelism " + parallelism + " checkpoints").contains("COMPLETED");
                victim.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
                victim.waitFor(30, TimeUnit.SECONDS);
                kills++;
            }
            Process last = start(query, out, ck, "1", true);
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
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(query).toFile()).start();
    }

    /** The output of the latest process started for {@code query}. */
    private Path log(String query) {
        return dir.resolve(query + "-log.txt");
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
