package io.runnel.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.testing.CollectSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConnectorTest {
    /** A JSON-lines row; public with a no-arg constructor for Jackson. */
    public static final class Reading implements java.io.Serializable {
        public String sensor;
        public int value;

        public Reading() {}

        Reading(String sensor, int value) {
            this.sensor = sensor;
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reading r && r.sensor.equals(sensor) && r.value == value;
        }

        @Override
        public int hashCode() {
            return sensor.hashCode() * 31 + value;
        }

        @Override
        public String toString() {
            return sensor + "=" + value;
        }
    }

    @TempDir
    Path dir;

    static List<String> lines(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i + " ünïcødé").collect(Collectors.toList());
    }

    static <T> List<T> read(FileSource<T> source, int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        CollectSink<T> sink = new CollectSink<>();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "files").sinkTo(sink);
        env.execute("read");
        List<T> result = sink.results();
        sink.clear();
        return result;
    }

    @Test
    void linesRoundTripThroughSinkAndSource() throws Exception {
        List<String> input = lines("line-", 1_000);
        Path in = Files.write(dir.resolve("in.txt"), input, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        env.fromSource(FileSource.forLines(in), WatermarkStrategy.noWatermarks(), "in").rebalance().sinkTo(FileSink.forLines(out));
        env.execute("copy");

        // One committed part per subtask (end of input), no hidden leftovers.
        assertThat(PartFolder.names(out)).hasSize(2).anyMatch(n -> n.startsWith("part-0-")).anyMatch(n -> n.startsWith("part-1-"));
        assertThat(read(FileSource.forLines(out), 2)).containsExactlyInAnyOrderElementsOf(input);
    }

    @Test
    void readsEveryVisibleFileOfAFolderAndSkipsHiddenOnes() throws Exception {
        Files.write(dir.resolve("a"), lines("a", 3));
        Files.write(dir.resolve("b.txt"), List.of("last line without newline"));
        Files.writeString(dir.resolve("c"), "x\r\ny", StandardCharsets.UTF_8);
        Files.write(dir.resolve(".part-0-0.inprogress"), List.of("hidden"));
        Files.write(dir.resolve("_SUCCESS"), List.of("meta"));
        Files.createDirectory(dir.resolve("sub"));
        List<String> expected = new ArrayList<>(lines("a", 3));
        expected.addAll(List.of("last line without newline", "x", "y"));
        assertThat(read(FileSource.forLines(dir), 1)).containsExactlyElementsOf(expected);
    }

    @Test
    void parallelismTwoReadsThreeFilesExactlyOnce() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String f : List.of("f1", "f2", "f3")) {
            Files.write(dir.resolve(f), lines(f + "-", 700));
            expected.addAll(lines(f + "-", 700));
        }
        assertThat(read(FileSource.forLines(dir), 2)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void jsonLinesRoundTrip() throws Exception {
        Path out = dir.resolve("json");
        List<Reading> input = IntStream.range(0, 50).mapToObj(i -> new Reading("s" + (i % 3), i)).collect(Collectors.toList());
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        env.fromCollection(input).sinkTo(FileSink.forJsonLines(out));
        env.execute("write json");
        assertThat(PartFolder.output(out).get(0)).isEqualTo("{\"sensor\":\"s0\",\"value\":0}");
        assertThat(read(FileSource.forJsonLines(out, Reading.class), 2)).containsExactlyElementsOf(input);
    }

    @Test
    void malformedJsonFailsTheJobNamingFileLineAndContent() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, List.of("{\"sensor\":\"a\",\"value\":1}", "", "{\"sensor\":\"b\",\"value\":2}", "{\"sensor\": oops}"));
        assertThatThrownBy(() -> read(FileSource.forJsonLines(file, Reading.class), 1))
                .satisfies(e -> assertThat(messages(e)).contains("line 4 of " + file).contains("{\"sensor\": oops}")
                        .contains("Unrecognized token 'oops'").contains("at column "));
    }

    @Test
    void invalidUtf8FailsTheJobNamingFileAndLine() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> read(FileSource.forLines(file), 1))
                .satisfies(e -> assertThat(messages(e)).contains("line 2 of " + file + " is not valid UTF-8"));
    }

    @Test
    void anEmptyFolderIsAnEmptyInput() throws Exception {
        assertThat(read(FileSource.forLines(dir), 2)).isEmpty();
    }

    @Test
    void missingPathIsNamed() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> read(FileSource.forLines(missing), 1)).satisfies(e -> assertThat(messages(e)).contains(missing.toString()));
    }

    @Test
    void secondRunIntoTheSameFolderDoesNotOverwrite() throws Exception {
        Path out = dir.resolve("out");
        for (String word : List.of("first", "second")) {
            StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
            env.fromElements(word).sinkTo(FileSink.forLines(out));
            env.execute("write");
        }
        assertThat(PartFolder.names(out)).hasSize(2); // each run's part has its own writer id
        assertThat(PartFolder.output(out)).containsExactlyInAnyOrder("first", "second");
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append('\n');
        return all.toString();
    }
}
