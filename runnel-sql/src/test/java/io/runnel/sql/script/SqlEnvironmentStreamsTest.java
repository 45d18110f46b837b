package io.runnel.sql.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.planner.SqlPlanningException;
import io.runnel.testing.CollectSink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streams become tables and queries become streams on one job, as Flink's fromDataStream / toDataStream. */
@Timeout(60)
class SqlEnvironmentStreamsTest {
    @Test
    void aStreamIsATableWithAWatermarkAndAWindowQueryIsAStream() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        SqlEnvironment sql = SqlEnvironment.create(env);
        DataStream<Row> clicks = env.fromCollection(List.of(Row.insert("a", 1_000L), Row.insert("b", 2_000L),
                Row.insert("a", 9_000L), Row.insert("a", 11_000L)));
        sql.fromDataStream("clicks", clicks, "page STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND");
        CollectSink<Row> sink = new CollectSink<>();
        sql.toDataStream("SELECT page, window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts),"
                + " INTERVAL '10' SECOND)) GROUP BY page, window_start, window_end").sinkTo(sink);
        env.execute("streams");
        assertThat(sink.results()).containsExactlyInAnyOrder(Row.insert("a", 0L, 2L), Row.insert("b", 0L, 1L),
                Row.insert("a", 10_000L, 1L));
        sink.clear();
    }

    @Test
    void toDataStreamRejectsAnUpdatingQueryButAChangelogStreamTakesIt() {
        StreamEnvironment env = StreamEnvironment.create();
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.fromDataStream("clicks", env.fromCollection(List.of(Row.insert("a"))), "page STRING");
        assertThatThrownBy(() -> sql.toDataStream("SELECT page, COUNT(*) FROM clicks GROUP BY page"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("GroupAggregate")
                .hasMessageContaining("toChangelogStream");
        assertThat(sql.toChangelogStream("SELECT page, COUNT(*) FROM clicks GROUP BY page")).isNotNull();
    }
}
