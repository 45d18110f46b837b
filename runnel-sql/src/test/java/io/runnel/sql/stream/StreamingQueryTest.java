package io.runnel.sql.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.StreamWriter;
import io.runnel.sql.data.Row;
import io.runnel.sql.live.AdHocSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query handle and the sinks: memory tables read ad hoc, the console's format, a checkpoint location resumed. */
class StreamingQueryTest {
    @TempDir
    Path dir;

    private static SqlEnvironment events(int rows) {
        SqlEnvironment sql = SqlEnvironment.create(StreamEnvironment.create().setParallelism(2));
        List<Row> input = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            input.add(Row.insert((long) i, "k" + (i % 4)));
        }
        sql.executeSql("CREATE TABLE events (id BIGINT, k STRING) WITH ('connector' = 'paced', 'data-id' = '"
                + PacedConnector.register(input) + "')");
        return sql;
    }

    @Test
    void aMemorySinkIsATableAdHocQueriesRead() throws Exception {
        SqlEnvironment sql = events(2000);
        StreamingQuery complete = StreamWriter.of(sql, "SELECT k, COUNT(*) AS n FROM events GROUP BY k").outputMode("complete")
                .format("memory").queryName("counts").trigger(Trigger.processingTime("50 ms")).start();
        StreamingQuery append = StreamWriter.of(sql, "SELECT id FROM events WHERE k = 'k1'").format("memory").queryName("k1_ids")
                .trigger(Trigger.availableNow()).start();
        StreamingQuery continuous = StreamWriter.of(sql, "SELECT id FROM events WHERE k = 'k2'").format("memory").queryName("k2_ids").start();
        assertThat(complete.awaitTermination(60_000) && append.awaitTermination(60_000) && continuous.awaitTermination(60_000)).isTrue();
        try (AdHocSession s = new AdHocSession(sql.liveViews())) {
            assertThat(io.runnel.sql.oracle.AdHocResults.single(s, "SELECT SUM(n) FROM counts")).isEqualTo(2000);
            assertThat(io.runnel.sql.oracle.AdHocResults.single(s, "SELECT COUNT(*) FROM counts")).as("complete mode replaces the table").isEqualTo(4);
            assertThat(io.runnel.sql.oracle.AdHocResults.single(s, "SELECT COUNT(*) FROM k1_ids")).isEqualTo(500);
            assertThat(io.runnel.sql.oracle.AdHocResults.single(s, "SELECT COUNT(*) FROM k2_ids")).isEqualTo(500);
        }
        assertThat(complete.lastProgress().numOutputRows()).isEqualTo(4);
        assertThat(complete.lastProgress().batchId()).isPositive();
        assertThat(complete.recentProgress().stream().mapToLong(QueryProgress::numInputRows).sum()).as("rows the source read").isEqualTo(2000);
    }

    @Test
    void aQueryStartedAgainAtItsCheckpointLocationGoesOn() throws Exception {
        SqlEnvironment sql = SqlEnvironment.create(StreamEnvironment.create());
        sql.executeSql("CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000000')");
        String location = dir.resolve("ck").toString();
        Map<Long, long[]> first = new ConcurrentSkipListMap<>();
        StreamingQuery q = StreamWriter.of(sql, "SELECT COUNT(*) AS n, MAX(id) AS top FROM gen").outputMode("complete")
                .trigger(Trigger.processingTime("100 ms")).checkpointLocation(location)
                .foreachBatch((b, id) -> first.put(id, new long[] {(Long) b.rows().get(0)[0], (Long) b.rows().get(0)[1]})).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (first.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        q.stop();
        assertThat(q.isActive()).isFalse();
        assertThat(q.status().message()).isEqualTo("Stopped");
        assertThat(q.exception()).isEmpty();
        long lastId = ((ConcurrentSkipListMap<Long, long[]>) first).lastKey();

        Map<Long, long[]> second = new ConcurrentSkipListMap<>();
        StreamingQuery again = StreamWriter.of(sql, "SELECT COUNT(*) AS n, MAX(id) AS top FROM gen").outputMode("complete")
                .trigger(Trigger.processingTime("100 ms")).checkpointLocation(location)
                .foreachBatch((b, id) -> second.put(id, new long[] {(Long) b.rows().get(0)[0], (Long) b.rows().get(0)[1]})).start();
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (second.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        again.stop();
        long firstAgain = ((ConcurrentSkipListMap<Long, long[]>) second).firstKey();
        // batch ids go on from the last completed checkpoint (a batch after it comes again under its id, as in Spark)
        assertThat(firstAgain).isBetween(2L, lastId + 1);
        long[] resumed = second.get(firstAgain);
        assertThat(resumed[0]).as("the count goes on from the checkpoint, not from zero").isGreaterThan(first.get(1L)[0]);
        assertThat(resumed[0]).as("no id counted twice: the sequence goes on from the checkpoint too").isLessThanOrEqualTo(resumed[1]);
    }

    @Test
    void theConsoleSinkPrintsBatchesAsSparkDoes() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ConsoleTarget console = new ConsoleTarget(new PrintStream(buf, true, StandardCharsets.UTF_8), List.of("word", "count"), 2, true);
        console.batch(new Batch(List.of("word", "count"), List.of(new Object[] {"apache", 3L}, new Object[] {"a-rather-long-word-indeed", 12L},
                new Object[] {"spark", 1L})), 7);
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("""
                -------------------------------------------
                Batch: 7
                -------------------------------------------
                +--------------------+-----+
                |                word|count|
                +--------------------+-----+
                |              apache|    3|
                |a-rather-long-wor...|   12|
                +--------------------+-----+
                only showing top 2 rows

                """);
    }
}
