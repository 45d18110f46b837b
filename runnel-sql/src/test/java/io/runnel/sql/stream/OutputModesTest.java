package io.runnel.sql.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.StreamWriter;
import io.runnel.sql.data.Row;
import io.runnel.sql.oracle.CalciteBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.calcite.rel.type.RelDataType;
import org.junit.jupiter.api.Test;

/**
 * Output modes against Spark's documented semantics: under a micro-batch trigger, the rows each batch brings equal
 * what the batch result of the input read so far says they must be (Calcite's executor computes it): in complete
 * mode that whole result, in update mode the rows of it that changed since the previous trigger, in append mode the
 * new rows (and, for a window aggregation, only final rows, each once).
 */
class OutputModesTest {
    private static final int ROWS = 3000;
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01

    private final List<Row> input = new ArrayList<>();
    private String dataId;
    private SqlEnvironment sql;

    OutputModesTest() {
        for (int i = 0; i < ROWS; i++) {
            input.add(Row.insert((long) i, "k" + (i * 7 % 5), (long) (i % 13) + 1, T0 + i * 10L)); // 10 ms apart: 30 s of event time
        }
    }

    private void tables() {
        sql = SqlEnvironment.create(StreamEnvironment.create().setParallelism(2));
        dataId = PacedConnector.register(input);
        sql.executeSql("CREATE TABLE events (id BIGINT, k STRING, v BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
                + " WITH ('connector' = 'paced', 'data-id' = '" + dataId + "')");
    }

    /** The batches a micro-batch query writes, by batch id. */
    private Map<Long, List<List<Object>>> run(String query, OutputMode mode) throws Exception {
        Map<Long, List<List<Object>>> batches = new ConcurrentSkipListMap<>();
        StreamingQuery q = StreamWriter.of(sql, query).outputMode(mode).trigger(Trigger.processingTime(Duration.ofMillis(50)))
                .foreachBatch((b, id) -> batches.put(id, b.rows().stream().map(r -> Arrays.asList(r.clone())).toList())).start();
        assertThat(q.awaitTermination(60_000)).isTrue();
        assertThat(q.lastProgress()).isNotNull();
        assertThat(q.recentProgress()).hasSize(Math.min(batches.size(), 100));
        if (batches.size() <= 100) {
            assertThat(q.recentProgress().stream().mapToLong(QueryProgress::numInputRows).sum()).as("rows the source read").isEqualTo(ROWS);
            assertThat(q.recentProgress().stream().mapToLong(QueryProgress::numOutputRows).sum())
                    .isEqualTo(batches.values().stream().mapToLong(List::size).sum());
        }
        assertThat(q.status().message()).isEqualTo("Finished");
        return batches;
    }

    /** The rows read before each trigger: the barriers' prefixes, then the whole input for the final trigger. */
    private List<Long> prefixes(int batches) {
        List<Long> p = new ArrayList<>(PacedConnector.PREFIXES.get(dataId));
        while (p.size() < batches) {
            p.add((long) ROWS);
        }
        return p.subList(0, batches);
    }

    @Test
    void completeModeWritesTheWholeResultAtEachTrigger() throws Exception {
        tables();
        String query = "SELECT k, COUNT(*) AS n, SUM(v) AS total FROM events GROUP BY k";
        Map<Long, List<List<Object>>> batches = run(query, OutputMode.COMPLETE);
        assertThat(batches.size()).as("several triggers").isGreaterThan(2);
        List<Long> prefixes = prefixes(batches.size());
        int i = 0;
        for (var e : batches.entrySet()) {
            assertThat(e.getKey()).isEqualTo(i);
            assertThat(e.getValue()).as("batch %d after %d rows", i, prefixes.get(i))
                    .containsExactlyInAnyOrderElementsOf(oracle(query, prefixes.get(i)));
            i++;
        }
    }

    @Test
    void updateModeWritesTheRowsThatChangedSinceTheLastTrigger() throws Exception {
        tables();
        // buckets of ids: a trigger changes only the buckets of the rows it read, so "changed" is not "all"
        String query = "SELECT id / 200 AS bucket, COUNT(*) AS n FROM events WHERE v > 3 GROUP BY id / 200";
        Map<Long, List<List<Object>>> batches = run(query, OutputMode.UPDATE);
        List<Long> prefixes = prefixes(batches.size());
        List<List<Object>> before = List.of();
        int i = 0;
        int nonEmpty = 0;
        for (List<List<Object>> rows : batches.values()) {
            List<List<Object>> now = oracle(query, prefixes.get(i));
            List<List<Object>> changed = new ArrayList<>(now);
            changed.removeAll(before);
            assertThat(rows).as("batch %d", i).containsExactlyInAnyOrderElementsOf(changed);
            nonEmpty += rows.isEmpty() ? 0 : 1;
            before = now;
            i++;
        }
        assertThat(nonEmpty).isGreaterThan(2);
    }

    @Test
    void appendModeWritesEachNewRowOnce() throws Exception {
        tables();
        String query = "SELECT id, k, v * 2 AS doubled FROM events WHERE v <> 4";
        Map<Long, List<List<Object>>> batches = run(query, OutputMode.APPEND);
        List<Long> prefixes = prefixes(batches.size());
        List<List<Object>> before = List.of();
        int i = 0;
        for (List<List<Object>> rows : batches.values()) {
            List<List<Object>> now = oracle(query, prefixes.get(i));
            List<List<Object>> added = new ArrayList<>(now.subList(0, now.size()));
            added.removeAll(before);
            assertThat(rows).as("batch %d", i).containsExactlyInAnyOrderElementsOf(added);
            before = now;
            i++;
        }
    }

    @Test
    void appendModeOnAWindowAggregationWritesOnlyFinalRowsEachOnce() throws Exception {
        tables();
        String query = "SELECT k, window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '5' SECOND))"
                + " GROUP BY k, window_start, window_end";
        Map<Long, List<List<Object>>> batches = run(query, OutputMode.APPEND);
        List<List<Object>> finalResult = oracle(query, ROWS);
        List<List<Object>> all = new ArrayList<>();
        List<Long> prefixes = prefixes(batches.size());
        int i = 0;
        int nonEmpty = 0;
        for (List<List<Object>> rows : batches.values()) {
            List<List<Object>> now = oracle(query, prefixes.get(i));
            assertThat(now).as("batch %d's rows stood in the result then", i).containsAll(rows);
            assertThat(finalResult).as("and never changed after").containsAll(rows);
            all.addAll(rows);
            nonEmpty += rows.isEmpty() ? 0 : 1;
            i++;
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(finalResult);
        assertThat(nonEmpty).as("windows closed over several triggers").isGreaterThan(1);
    }

    @Test
    void combinationsSparkRefusesAreRefusedWithItsReason() {
        tables();
        assertThatThrownBy(() -> StreamWriter.of(sql, "SELECT k, COUNT(*) FROM events GROUP BY k").outputMode("append").start())
                .hasMessageStartingWith("Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark");
        assertThatThrownBy(() -> StreamWriter.of(sql, "SELECT k, v FROM events").outputMode("complete").start())
                .hasMessage("Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets");
        assertThatThrownBy(() -> StreamWriter.of(sql, "SELECT k, COUNT(*) FROM events GROUP BY k").outputMode("update").format("memory")
                .queryName("m").start()).hasMessageStartingWith("Data source memory does not support Update output mode");
        assertThatThrownBy(() -> StreamWriter.of(sql, "SELECT k, COUNT(*) FROM events GROUP BY k").outputMode("complete")
                .trigger(Trigger.continuous()).start()).hasMessageContaining("continuous trigger");
        assertThatThrownBy(() -> StreamWriter.of(sql, "SELECT k FROM events").format("memory").start())
                .hasMessage("queryName must be specified for memory sink");
        assertThatThrownBy(() -> OutputMode.of("replace")).hasMessageContaining("append, update or complete");
        sql.executeSql("CREATE TABLE endless (a INT) WITH ('connector' = 'datagen')");
        assertThatThrownBy(() -> StreamWriter.of(sql, "SELECT a FROM endless").trigger(Trigger.availableNow()).start())
                .hasMessageContaining("never ends");
    }

    /** Calcite's batch result of {@code query} over the first {@code prefix} input rows, each row as a list. */
    private List<List<Object>> oracle(String query, long prefix) throws Exception {
        RelDataType rowType = sql.planQuery("SELECT id, k, v, ts FROM events").rowType();
        List<Object[]> rows = input.subList(0, (int) prefix).stream().map(Row::fields).toList();
        List<List<Object>> out = new ArrayList<>();
        for (Row r : CalciteBatch.run(Map.of("events", new CalciteBatch.Table(rowType, rows)), query)) {
            out.add(new ArrayList<>(Arrays.asList(r.fields())));
        }
        return out;
    }
}
