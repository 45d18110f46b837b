package io.runnel.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.connector.InputStatus;
import io.runnel.testing.CollectingReaderOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceReaderTest {
    @TempDir
    Path dir;

    @Test
    void snapshotRecordsTheBytePositionAndResumesExactly() throws Exception {
        List<String> input = IntStream.range(0, 600).mapToObj(i -> "zeile-" + i + "-äöü").collect(Collectors.toList());
        Path file = Files.write(dir.resolve("f"), input, StandardCharsets.UTF_8);
        FileSource<String> source = FileSource.forLines(file);
        FileSourceReader<String> first = new FileSourceReader<>(line -> line);
        first.addSplits(source.createSplits(1));
        CollectingReaderOutput<String> out = new CollectingReaderOutput<>();
        assertThat(first.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        List<FileSplit> snapshot = first.snapshotState(1);
        first.close();

        long bytes = input.subList(0, FileSourceReader.BATCH).stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
        assertThat(snapshot).containsExactly(new FileSplit(file.toAbsolutePath().toString(), bytes, FileSourceReader.BATCH + 1));

        FileSourceReader<String> restored = new FileSourceReader<>(line -> line);
        restored.addSplits(snapshot);
        while (restored.pollNext(out) != InputStatus.END_OF_INPUT) { }
        restored.close();
        assertThat(out.records).containsExactlyElementsOf(input);
        assertThat(restored.snapshotState(2)).isEmpty();
    }
}
