package io.runnel.bench.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Flink SQL anchor's Nexmark queries (shared/anchors/flink-sql/sql, copied into the test resources) run here over
 * the same events give the rows Flink SQL 2.3 gives: each result's row count and digest (see {@link ResultDigest})
 * equal those of the anchor's oracle file, recorded in {@code flink-sql-oracle.txt} with how it was made.
 */
@Timeout(300)
class NexmarkSqlMatchesFlinkTest {
    /** The anchor queries the planner runs so far; the others of the oracle file are not yet plannable. */
    static final java.util.Set<String> RUNS = java.util.Set.of("q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "q9", "q11", "q18_tiebreak");

    record Expected(String query, long events, int parallelism, long rows, String sha256) {
        @Override
        public String toString() {
            return query;
        }
    }

    static Stream<Expected> expected() throws IOException {
        List<Expected> out = new ArrayList<>();
        try (InputStream in = NexmarkSqlMatchesFlinkTest.class.getResourceAsStream("/flink-sql-oracle.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (RUNS.contains(f[0])) {
                    out.add(new Expected(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]), f[4]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void givesTheRowsFlinkSqlGives(Expected e, @TempDir Path dir) throws Exception {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/flink-sql-anchor/" + e.query() + ".sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StreamEnvironment env = StreamEnvironment.create().setParallelism(e.parallelism());
        Path out = dir.resolve("out");
        NexmarkSqlJob.build(env, e.query() + ".sql", script, e.events(), 0, true,
                new PrintStream(java.io.OutputStream.nullOutputStream()), NexmarkSqlJob.jsonFiles(out));
        env.execute("flink-sql-" + e.query());
        ResultDigest.Digest ours = ResultDigest.of(out);
        if (ours.rows() != e.rows() || !ours.sha256().equals(e.sha256())) {
            Path keep = Path.of("target", "nexmark-sql-" + e.query() + ".jsonl");
            Files.write(keep, ResultDigest.lines(out));
            assertThat(ours).as("%s over %d events (our normalized rows are in %s)", e.query(), e.events(), keep.toAbsolutePath())
                    .isEqualTo(new ResultDigest.Digest(e.rows(), e.sha256()));
        }
    }
}
