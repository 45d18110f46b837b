package io.runnel.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.connectors.nexmark.JsonRow;
import io.runnel.testing.CollectSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The queries over the first 1,000,000 generated events give the Flink anchor oracle's row counts
 * (RESULTS.md), the same rows at parallelism 1 and 2, and for q5/q7 exactly the anchor's rows;
 * the windowed queries give the same rows with RocksDB state (windows and timers in RocksDB).
 */
class NexmarkQueriesTest {
    static final long EVENTS = 1_000_000;

    static List<String> run(String query, int parallelism) throws Exception {
        return run(query, parallelism, "heap");
    }

    static List<String> run(String query, int parallelism, String backend) throws Exception {
        return run(query, parallelism, backend, EVENTS);
    }

    static List<String> run(String query, int parallelism, String backend, long events) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setStateBackend(backend);
        CollectSink<Object> sink = new CollectSink<>();
        NexmarkJob.build(env, query, events, 0, sink);
        env.execute(query);
        List<String> lines = new ArrayList<>();
        for (Object r : sink.results()) lines.add(((JsonRow) r).toJson());
        sink.clear();
        Collections.sort(lines);
        return lines;
    }

    @ParameterizedTest
    @CsvSource({"q1,920000", "q2,6766", "q5,12", "q7,2", "q8,59636", "count,920000"})
    void rowCountsMatchTheOracleAndParallelismDoesNotChangeRows(String query, int rows) throws Exception {
        List<String> p1 = run(query, 1);
        assertThat(p1).hasSize(rows);
        assertThat(run(query, 2)).isEqualTo(p1);
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void q7AndQ5RowsAreTheAnchors(int parallelism) throws Exception {
        assertThat(run("q7", parallelism)).containsExactly(
                "{\"windowStart\":1767225600000,\"windowEnd\":1767225610000,\"auction\":17833,\"bidder\":6296,\"price\":99996557,\"dateTime\":1767225607813}",
                "{\"windowStart\":1767225610000,\"windowEnd\":1767225620000,\"auction\":53700,\"bidder\":18501,\"price\":99998253,\"dateTime\":1767225613788}");
        List<String> q5 = run("q5", parallelism);
        assertThat(q5).contains(
                "{\"windowStart\":1767225602000,\"windowEnd\":1767225612000,\"auction\":18300,\"count\":840}",
                "{\"windowStart\":1767225602000,\"windowEnd\":1767225612000,\"auction\":33300,\"count\":840}",
                "{\"windowStart\":1767225596000,\"windowEnd\":1767225606000,\"auction\":6200,\"count\":814}");
    }

    /** Fewer events: every window access is a RocksDB read and write, far slower than the heap. */
    @ParameterizedTest
    @CsvSource({"q5", "q7", "q8"})
    void windowedQueriesGiveTheSameRowsOnRocksDB(String query) throws Exception {
        List<String> heap = run(query, 1, "heap", 150_000);
        assertThat(heap).isNotEmpty();
        assertThat(run(query, 2, "rocksdb", 150_000)).isEqualTo(heap);
    }
}
