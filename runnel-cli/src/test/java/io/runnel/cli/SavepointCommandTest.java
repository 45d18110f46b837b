package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code runnel savepoint} asks a job running in another process for a savepoint; the job, killed
 * afterwards, restored from the savepoint at another parallelism, commits the uninterrupted output.
 */
class SavepointCommandTest {
    @TempDir
    Path dir;

    private Process run(Path out, Path ck, String parallelism, String restore) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.runnel.cli.RunnelCommand", "run", "nexmark", "--query", "q5", "--events", "600000", "--events-per-second", "100000",
                "--parallelism", parallelism, "--output", out.toString(), "--checkpoint-dir", ck.toString(), "--checkpoint-interval", "1h"));
        if (restore != null) cmd.addAll(List.of("--restore", restore));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log-" + System.nanoTime()).toFile()).start();
    }

    @Test
    void savepointFromTheCommandLineRestoresAtAnotherParallelism() throws Exception {
        Process clean = run(dir.resolve("clean"), dir.resolve("ck-clean"), "2", null);
        assertThat(clean.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> expected = rows(dir.resolve("clean"));

        Path ck = dir.resolve("ck");
        Process job = run(dir.resolve("out"), ck, "2", null);
        Thread.sleep(2500);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(printed, true));
            code = new CommandLine(new RunnelCommand()).execute("savepoint", "--checkpoint-dir", ck.toString(), "--target", dir.resolve("sp").toString());
        } finally {
            System.setOut(old);
        }
        job.destroyForcibly();
        job.waitFor(30, TimeUnit.SECONDS);
        assertThat(code).isZero();
        Path savepoint = Path.of(printed.toString().trim());
        assertThat(savepoint.resolve("_metadata")).exists();

        Process restored = run(dir.resolve("out"), dir.resolve("ck-restored"), "1", savepoint.toString());
        assertThat(restored.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restored.exitValue()).isZero();
        assertThat(rows(dir.resolve("out"))).isEqualTo(expected);
    }

    private static List<String> rows(Path out) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) rows.addAll(Files.readAllLines(f));
        }
        Collections.sort(rows);
        return rows;
    }
}
