package io.runnel.sql.frame;

import static io.runnel.sql.frame.functions.col;
import static io.runnel.sql.frame.functions.count;
import static io.runnel.sql.frame.functions.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.live.AdHocSession;
import io.runnel.sql.stream.StreamingQuery;
import io.runnel.sql.stream.Trigger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A frame handed to writeStream runs as the SQL planner's query: a windowed count into a memory table. */
@Timeout(120)
class FrameWriteStreamTest {
    @TempDir
    Path dir;

    @Test
    void aWindowedFrameWrittenInAppendModeFillsAMemoryTable() throws Exception {
        FrameTestKit kit = new FrameTestKit(dir);
        StreamingSession s = StreamingSession.create(StreamEnvironment.create().setParallelism(2));
        StreamingQuery q = kit.orders(s).groupBy(window(col("ts"), "4 seconds"), col("product")).agg(count("*").as("n"))
                .writeStream().outputMode("append").format("memory").queryName("frame_counts").trigger(Trigger.availableNow()).start();
        assertThat(q.awaitTermination(60_000)).isTrue();
        try (AdHocSession adHoc = new AdHocSession(s.sqlEnvironment().liveViews())) {
            // the 10 orders, in the 8 (window, product) rows of FrameStreamingTest's tumbling window
            assertThat(io.runnel.sql.oracle.AdHocResults.single(adHoc, "SELECT SUM(n) FROM frame_counts")).isEqualTo(10);
            assertThat(io.runnel.sql.oracle.AdHocResults.single(adHoc, "SELECT COUNT(*) FROM frame_counts")).isEqualTo(8);
        }
    }
}
