package io.runnel.sql.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output modes in SQL: an {@code 'output-mode'} on a sink table, with the job's checkpoints as triggers. */
class SqlOutputModeTest {
    private static SqlEnvironment events(StreamEnvironment env) {
        SqlEnvironment sql = SqlEnvironment.create(env);
        List<Row> input = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            input.add(Row.insert((long) i, "k" + (i % 3)));
        }
        sql.executeSql("CREATE TABLE events (id BIGINT, k STRING) WITH ('connector' = 'paced', 'data-id' = '" + PacedConnector.register(input) + "')");
        return sql;
    }

    @Test
    void aPrintTableInCompleteModePrintsTheWholeResultAtEachCheckpoint() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        SqlEnvironment sql = events(env);
        sql.executeSql("SET 'execution.checkpointing.interval' = '50 ms'");
        sql.executeSql("CREATE TABLE totals (k STRING, n BIGINT) WITH ('connector' = 'print', 'output-mode' = 'complete')");
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            sql.executeSql("INSERT INTO totals SELECT k, COUNT(*) FROM events GROUP BY k");
        } finally {
            System.setOut(stdout);
        }
        env.execute("complete mode in SQL");
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Batch: 0", "Batch: 1", "| k|   n|");
        String last = out.substring(out.lastIndexOf("Batch: "));
        assertThat(last).contains("|k0|1000|", "|k1|1000|", "|k2|1000|");
    }

    @Test
    void modesSparkRefusesAreRefusedInSqlToo() {
        SqlEnvironment sql = events(StreamEnvironment.create());
        sql.executeSql("CREATE TABLE appended (k STRING, n BIGINT) WITH ('connector' = 'print', 'output-mode' = 'append')");
        assertThatThrownBy(() -> sql.executeSql("INSERT INTO appended SELECT k, COUNT(*) FROM events GROUP BY k"))
                .hasMessageContaining("Append output mode not supported when there are streaming aggregations");
        sql.executeSql("CREATE TABLE files (k STRING, n BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/never',"
                + " 'format' = 'json', 'output-mode' = 'complete')");
        assertThatThrownBy(() -> sql.executeSql("INSERT INTO files SELECT k, COUNT(*) FROM events GROUP BY k"))
                .hasMessageContaining("Data source filesystem does not support Complete output mode");
        sql.executeSql("CREATE TABLE rows_out (id BIGINT, k STRING) WITH ('connector' = 'blackhole', 'output-mode' = 'complete')");
        assertThatThrownBy(() -> sql.executeSql("INSERT INTO rows_out SELECT id, k FROM events"))
                .hasMessage("Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets");
    }
}
