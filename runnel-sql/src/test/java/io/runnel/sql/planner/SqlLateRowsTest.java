package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.JobResult;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.testing.CollectSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row behind the watermark is not dropped silently: it is counted (the job's "late rows dropped" sink) or, with
 * {@code table.exec.late-rows.sink}, written to a table naming the operator, the row and its time.
 */
@Timeout(60)
class SqlLateRowsTest {
    private static final long T0 = 1_767_225_600_000L;
    private static final int LATE_ID = 9999;

    /** 600 rows 100 ms apart, then one at the first row's time: by then the watermark is far past it. */
    private static SqlTestKit kit() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rows.add(Row.insert(i, T0 + i * 100L));
        }
        rows.add(Row.insert(LATE_ID, T0));
        return new SqlTestKit().table("events", "id INT, ts TIMESTAMP(3)", "ts", "ts - INTERVAL '1' SECOND", rows);
    }

    private static StreamEnvironment env() {
        // a watermark after every poll of the source (256 rows), so the last row arrives behind it
        return StreamEnvironment.create().setParallelism(1).setAutoWatermarkInterval(Duration.ZERO);
    }

    @Test
    void lateRowsAreCountedWhenNoTableTakesThem() throws Exception {
        StreamEnvironment env = env();
        CollectSink<Row> sink = new CollectSink<>();
        kit().sqlEnvironment(env).sqlQuery("SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE events,"
                + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end").sinkTo(sink);
        JobResult result = env.execute("late");
        assertThat(sink.results()).extracting(r -> r.field(1)).containsOnly(100L);
        sink.clear();
        assertThat(io.runnel.sql.exec.late.LateRowCounter.dropped(result)).isEqualTo(1);
        assertThat(io.runnel.sql.exec.late.LateRowCounter.resultRows(result)).isEqualTo(6);
    }

    @Test
    void lateRowsGoToTheTableTheOptionNames(@TempDir Path dir) throws Exception {
        StreamEnvironment env = env();
        SqlEnvironment sql = kit().sqlEnvironment(env);
        sql.executeSql("CREATE TABLE late_rows (operator STRING, `row` STRING, rowtime TIMESTAMP(3)) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + dir + "', 'format' = 'json')");
        sql.executeSql("SET 'table.exec.late-rows.sink' = 'late_rows'");
        CollectSink<Row> sink = new CollectSink<>();
        sql.sqlQuery("SELECT window_start, SUM(id) AS s FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end").sinkTo(sink);
        sql.sqlQuery("SELECT id, COUNT(*) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n"
                + " FROM events").sinkTo(sink);
        env.execute("late");
        sink.clear();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        assertThat(lines).hasSize(2);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("WindowAggregate").contains("{\\\"id\\\":" + LATE_ID + "}")
                .contains("\"rowtime\":\"2026-01-01 00:00:00"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("OverAggregate").contains("\\\"id\\\":" + LATE_ID)
                .contains("\"rowtime\":\"2026-01-01 00:00:00"));
    }

    @Test
    void aLateRowsTableMustHaveTheirShape() {
        SqlEnvironment sql = kit().sqlEnvironment(env());
        sql.executeSql("CREATE TABLE wrong (a STRING) WITH ('connector' = 'blackhole')");
        sql.executeSql("SET 'table.exec.late-rows.sink' = 'wrong'");
        assertThatThrownBy(() -> sql.sqlQuery("SELECT id, COUNT(*) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND"
                + " CURRENT ROW) FROM events")).isInstanceOf(SqlPlanningException.class)
                .hasMessageContaining("(operator STRING, row STRING, rowtime TIMESTAMP(3))");
        sql.executeSql("SET 'table.exec.late-rows.sink' = 'missing'");
        assertThatThrownBy(() -> sql.sqlQuery("SELECT id, COUNT(*) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND"
                + " CURRENT ROW) FROM events")).hasMessageContaining("'table.exec.late-rows.sink' = 'missing': no such table");
    }
}
