package io.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.connectors.datagen.DataGeneratorSource;
import io.runnel.connectors.file.FileSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet of docs/examples.md, compiled and run: keep the two in step. */
class QuickStartTest {
    @TempDir
    Path dir;

    @Test
    void docSnippetRuns() throws Exception {
        Path out = dir.resolve("window-stats");
        // --- snippet start
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        DataStream<Reading> readings = env.fromSource(
                DataGeneratorSource.bounded(Reading::generated, 1_000),   // one reading per 10 ms of event time
                StreamingStats.watermarks(Duration.ZERO), "readings");
        StreamingStats.Pipelines stats = StreamingStats.build(readings, Duration.ofSeconds(1));
        stats.windows().sinkTo(FileSink.forJsonLines(out)).setParallelism(1);
        env.execute("window stats to files");
        // --- snippet end
        List<Path> parts; // committed parts only: names starting with '.' are in progress
        try (Stream<Path> files = Files.list(out)) {
            parts = files.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
        assertThat(parts).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).startsWith("part-0-"));
        List<String> lines = Files.readAllLines(parts.get(0));
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("{\"start\":0,\"end\":1000,\"stats\":{\"count\":100,");
    }
}
