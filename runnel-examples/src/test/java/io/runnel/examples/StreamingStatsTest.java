package io.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.connectors.datagen.DataGeneratorSource;
import io.runnel.testing.CollectSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingStatsTest {
    static final Duration WINDOW = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    /** The oracle for windows: group by window start, then sort each group. */
    static List<WindowStats> expectedWindows(List<Reading> readings) {
        Map<Long, List<Long>> byStart = new TreeMap<>();
        for (Reading r : readings) byStart.computeIfAbsent(Math.floorDiv(r.timestamp(), 1000) * 1000, k -> new ArrayList<>()).add(r.value());
        List<WindowStats> out = new ArrayList<>();
        byStart.forEach((start, values) -> out.add(new WindowStats(start, start + 1000, RunningStatsTest.bySorting(values))));
        return out;
    }

    @Test
    void overallStatsFollowEveryValueAndWindowsAreExact() throws Exception {
        List<String> lines = List.of("0,5", "250,1", "999,9", "1000,2", "1500,7", "3100,4");
        Path file = Files.write(dir.resolve("readings.csv"), lines);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        DataStream<Reading> readings = env.fromSource(
                StreamingStats.source(new ExampleArgs(new String[] {"--file", file.toString()}, "")), StreamingStats.watermarks(Duration.ZERO), "in");
        CollectSink<Stats> overall = new CollectSink<>();
        CollectSink<WindowStats> windows = new CollectSink<>();
        StreamingStats.Pipelines p = StreamingStats.build(readings, WINDOW);
        p.overall().sinkTo(overall);
        p.windows().sinkTo(windows);
        env.execute("stats");

        assertThat(overall.results()).containsExactly(
                new Stats(1, 5, 5, 5, 5.0, 5.0),
                new Stats(2, 6, 1, 5, 3.0, 3.0),
                new Stats(3, 15, 1, 9, 5.0, 5.0),
                new Stats(4, 17, 1, 9, 4.25, 3.5),
                new Stats(5, 24, 1, 9, 4.8, 5.0),
                new Stats(6, 28, 1, 9, 28 / 6.0, 4.5));
        assertThat(windows.results()).containsExactly(
                new WindowStats(0, 1000, new Stats(3, 15, 1, 9, 5.0, 5.0)),
                new WindowStats(1000, 2000, new Stats(2, 9, 2, 7, 4.5, 4.5)),
                new WindowStats(3000, 4000, new Stats(1, 4, 4, 4, 4.0, 4.0)));
        overall.clear();
        windows.clear();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void generatedReadingsGiveTheSortingOracleResultsAtAnyParallelism(int parallelism) throws Exception {
        int n = 5_000;
        List<Reading> all = LongStream.range(0, n).mapToObj(Reading::generated).collect(Collectors.toList());
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        DataStream<Reading> readings = env.fromSource(DataGeneratorSource.bounded(Reading::generated, n),
                StreamingStats.watermarks(Duration.ZERO), "generated");
        CollectSink<Stats> overall = new CollectSink<>();
        CollectSink<WindowStats> windows = new CollectSink<>();
        StreamingStats.Pipelines p = StreamingStats.build(readings, WINDOW);
        p.overall().sinkTo(overall);
        p.windows().sinkTo(windows);
        env.execute("stats");

        // Parallel readers interleave, so only the last overall result is fixed: it covers every value.
        assertThat(overall.results()).hasSize(n);
        assertThat(overall.results().stream().max(Comparator.comparingLong(Stats::count)).orElseThrow())
                .isEqualTo(RunningStatsTest.bySorting(all.stream().map(Reading::value).collect(Collectors.toList())));
        assertThat(windows.results()).containsExactlyInAnyOrderElementsOf(expectedWindows(all));
        overall.clear();
        windows.clear();
    }
}
