package io.runnel.sql.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.JobResult;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The print sink shows a changelog as Flink prints it; blackhole takes every change and keeps nothing. */
@Timeout(60)
class PrintAndBlackholeTest {
    private static SqlEnvironment withClicks(StreamEnvironment env) {
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.fromDataStream("clicks", env.fromCollection(List.of(Row.insert("a", 1_000L), Row.insert("b", 2_000L),
                Row.insert("a", 3_000L))), "page STRING, ts TIMESTAMP(3)");
        return sql;
    }

    @Test
    void printShowsTheChangelogWithItsIdentifier() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StreamEnvironment env = StreamEnvironment.create();
            SqlEnvironment sql = withClicks(env);
            sql.executeSql("CREATE TABLE out_t (page STRING, n BIGINT, last_ts TIMESTAMP(3))"
                    + " WITH ('connector' = 'print', 'print-identifier' = 'counts')");
            sql.executeSql("INSERT INTO out_t SELECT page, COUNT(*), MAX(ts) FROM clicks GROUP BY page");
            env.execute("print");
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactlyInAnyOrder(
                "counts> +I[a, 1, 1970-01-01T00:00:01]", "counts> +I[b, 1, 1970-01-01T00:00:02]",
                "counts> -U[a, 1, 1970-01-01T00:00:01]", "counts> +U[a, 2, 1970-01-01T00:00:03]");
        assertThat(lines.indexOf("counts> -U[a, 1, 1970-01-01T00:00:01]"))
                .isLessThan(lines.indexOf("counts> +U[a, 2, 1970-01-01T00:00:03]"));
    }

    @Test
    void blackholeTakesUpdates() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        SqlEnvironment sql = withClicks(env);
        sql.executeSql("CREATE TABLE sink_t (page STRING, n BIGINT) WITH ('connector' = 'blackhole')");
        sql.executeSql("INSERT INTO sink_t SELECT page, COUNT(*) FROM clicks GROUP BY page");
        JobResult r = env.execute("blackhole");
        assertThat(r.sinkRecords()).isEqualTo(4);
    }
}
