package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code runnel sql -f} runs a script; {@code runnel run nexmark --sql} writes a query's final table as JSON lines. */
@Timeout(120)
class SqlCommandsTest {
    private static int runnel(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new RunnelCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("runnel: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Test
    void aScriptRunsAndABadOneNamesItsLine(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job.sql");
        Files.writeString(job, """
                CREATE TABLE bid WITH ('connector' = 'nexmark', 'table' = 'bid', 'events' = '20000');
                CREATE TABLE sink_t (auction BIGINT, n BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO sink_t SELECT auction, COUNT(*) FROM bid GROUP BY auction;
                """);
        assertThat(runnel(new StringWriter(), "sql", "-f", job.toString())).isZero();
        Path bad = dir.resolve("bad.sql");
        Files.writeString(bad, "CREATE TABLE bid WITH ('connector' = 'nexmark', 'table' = 'bid');\n\nSELECT nope FROM bid;\n");
        StringWriter err = new StringWriter();
        assertThat(runnel(err, "sql", "-f", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bad.sql, statement at line 3", "Column 'nope' not found");
    }

    @Test
    void anUpdatingNexmarkQueryIsWrittenAsItsFinalTable(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path q = dir.resolve("per_bidder.sql");
        Files.writeString(q, "SELECT bidder, COUNT(*) AS bids, MAX(price) AS top FROM bid GROUP BY bidder");
        assertThat(runnel(new StringWriter(), "run", "nexmark", "--sql", q.toString(), "--events", "20000",
                "--parallelism", "2", "--output", out.toString())).isZero();
        List<String> lines;
        try (Stream<Path> files = Files.list(out)) {
            lines = files.filter(p -> !p.getFileName().toString().startsWith(".")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(lines).isNotEmpty().allMatch(l -> l.matches("\\{\"bidder\":\\d+,\"bids\":\\d+,\"top\":\\d+}"));
        assertThat(lines.stream().map(l -> l.substring(0, l.indexOf(','))).distinct().count()).isEqualTo(lines.size());
    }
}
