package io.runnel.sql.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.functions.MapFunction;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.planner.PlannedQuery;
import io.runnel.sql.result.FinalTableSink;
import io.runnel.sql.result.RowJsonFormatter;
import io.runnel.testing.FailOnce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A SQL job fails once mid-input and restarts from its last checkpoint: the final table it writes equals the one
 * computed directly from the input (its keyed state and the folded result restored, the rest replayed).
 */
@Timeout(120)
class SqlRecoveryTest {
    static final int ROWS = 4000;

    static List<Row> input() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Row.insert("k" + (i % 7), (long) (i % 13), i * 10L));
        }
        return rows;
    }

    /** A short sleep every few rows, so checkpoints complete before the failure. */
    static final class Throttle implements MapFunction<Row, Row> {
        private int n;

        @Override
        public Row map(Row row) throws Exception {
            if (++n % 40 == 0) {
                Thread.sleep(1);
            }
            return row;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aGroupByRestoredFromACheckpointEndsAtTheDirectResult(int parallelism, @TempDir Path dir) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).enableCheckpointing(Duration.ofMillis(30))
                .setRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ofMillis(10)));
        env.getCheckpointConfig().setDirectory(dir.resolve("checkpoints").toString());
        DataStream<Row> rows = env.fromCollection(input()).map(new Throttle()).map(new FailOnce<>(ROWS / 2));
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.fromDataStream("t", rows, "k STRING, v BIGINT, ts BIGINT");
        PlannedQuery q = sql.planQuery("SELECT k, COUNT(*) AS n, SUM(v) AS s, MAX(ts) AS hi FROM t GROUP BY k");
        Path out = dir.resolve("out");
        q.stream().sinkTo(new FinalTableSink(out, new RowJsonFormatter(q.rowType()))).setParallelism(1);
        JobClient client = env.executeAsync("sql-recovery");
        client.await(Duration.ofMinutes(2));
        assertThat(client.restarts()).isEqualTo(1);

        Map<String, long[]> expected = new TreeMap<>();
        for (Row r : input()) {
            long[] a = expected.computeIfAbsent((String) r.field(0), k -> new long[3]);
            a[0]++;
            a[1] += (Long) r.field(1);
            a[2] = Math.max(a[2], (Long) r.field(2));
        }
        List<String> lines = new ArrayList<>();
        expected.forEach((k, a) -> lines.add("{\"k\":\"" + k + "\",\"n\":" + a[0] + ",\"s\":" + a[1] + ",\"hi\":" + a[2] + "}"));
        assertThat(Files.readAllLines(out.resolve("part-0.jsonl"))).containsExactlyInAnyOrderElementsOf(lines);
    }
}
