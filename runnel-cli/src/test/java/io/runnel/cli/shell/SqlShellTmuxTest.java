package io.runnel.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real shell in its own JVM on a pseudo-terminal that tmux provides, typed into with send-keys and read with
 * capture-pane, as a person would use it: a live GROUP BY table that grows, Ctrl-C back to the prompt, a bounded
 * query's final rows, QUIT. Skipped where tmux is not installed. tmux runs on a socket of its own, so a user's tmux
 * sessions are not touched.
 */
@Timeout(120)
class SqlShellTmuxTest {
    private static final Pattern RECEIVED = Pattern.compile("running · ([\\d,]+) rows received");
    private final String socket = "runnel-shell-test-" + ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @AfterEach
    void killServer() throws Exception {
        tmux("kill-server");
    }

    @Test
    void aLiveQueryGrowsStopsOnCtrlCAndABoundedOneLeavesItsRows() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed");
        Path history = dir.resolve("history");
        Path script = dir.resolve("shell.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "exec '" + java + "' -Xmx512m -cp '" + System.getProperty("java.class.path")
                + "' io.runnel.cli.RunnelCommand sql --history-file '" + history + "' 2>'" + dir.resolve("stderr") + "'\n");
        assertThat(tmux("-f", "/dev/null", "new-session", "-d", "-s", "shell", "-x", "150", "-y", "45", "bash " + script).exitCode)
                .isZero();
        await("the prompt", s -> s.contains("runnel>"));

        type("CREATE TABLE bid WITH ('connector' = 'nexmark', 'table' = 'bid', 'events-per-second' = '3000');");
        await("the table created", s -> s.contains("created table bid"));

        type("SELECT auction, COUNT(*) AS n");
        type("FROM bid GROUP BY auction;"); // two lines: the first only opens the statement
        String first = await("the live table", s -> s.contains("| auction | n") && RECEIVED.matcher(s).find() && received(s) > 0);
        Thread.sleep(1500);
        String second = await("more rows", s -> RECEIVED.matcher(s).find() && received(s) > received(first));
        assertThat(second).containsPattern("\\| \\d+ +\\| \\d+ +\\|").containsPattern("[\\d,]+ rows/s");

        keys("C-c");
        String stopped = await("the prompt after Ctrl-C", s -> s.contains("stopped ·") && lastLine(s).startsWith("runnel>"));
        assertThat(stopped).doesNotContain("running ·");

        type("CREATE TABLE few WITH ('connector' = 'nexmark', 'table' = 'bid', 'events' = '3000');");
        type("SELECT auction, COUNT(*) AS n FROM few WHERE auction < 1003 GROUP BY auction;");
        String done = await("the bounded query's end", s -> s.contains("finished ·") && lastLine(s).startsWith("runnel>"));
        assertThat(done).contains("3 rows").containsPattern("\\| 1000 +\\| \\d+ +\\|").containsPattern("\\| 1001 +\\| \\d+ +\\|")
                .containsPattern("\\| 1002 +\\| \\d+ +\\|");

        type("SELECT nope FROM few;");
        await("the error, and the shell goes on", s -> s.contains("[ERROR]") && s.contains("Column 'nope' not found")
                && lastLine(s).startsWith("runnel>"));

        type("QUIT;");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (tmux("has-session", "-t", "shell").exitCode == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(tmux("has-session", "-t", "shell").exitCode).as("the shell left on QUIT").isNotZero();
        assertThat(Files.readString(history)).contains("SELECT auction, COUNT(*) AS n", "QUIT;");
    }

    /** Types {@code text} and Enter; a space keeps a trailing {@code ;} from being read as tmux's command separator. */
    private void type(String text) throws Exception {
        assertThat(tmux("send-keys", "-t", "shell", "-l", text + " ").exitCode).isZero();
        keys("Enter");
    }

    private void keys(String key) throws Exception {
        assertThat(tmux("send-keys", "-t", "shell", key).exitCode).isZero();
    }

    /** The screen once {@code ready} holds for it; fails with the screen and the shell's stderr after 30 s. */
    private String await(String what, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", "shell").out;
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        Path err = dir.resolve("stderr");
        throw new AssertionError("waited 30 s for " + what + "; the screen:\n" + screen
                + "\nstderr:\n" + (Files.exists(err) ? Files.readString(err) : ""));
    }

    private static long received(String screen) {
        Matcher m = RECEIVED.matcher(screen);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1).replace(",", ""));
        }
        return last;
    }

    private static String lastLine(String screen) {
        String[] lines = screen.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static boolean tmuxInstalled() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private record Result(int exitCode, String out) {}

    private Result tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out);
        }
        return new Result(p.exitValue(), out);
    }
}
