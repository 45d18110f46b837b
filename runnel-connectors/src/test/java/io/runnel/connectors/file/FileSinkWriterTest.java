package io.runnel.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkWriterTest {
    @TempDir
    Path dir;

    static SinkContext subtask(int index) {
        return new SinkContext() {
            @Override
            public int subtaskIndex() {
                return index;
            }

            @Override
            public int parallelism() {
                return 4;
            }
        };
    }

    List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void partFileStaysHiddenUntilEndOfInput() throws Exception {
        SinkWriter<String> writer = FileSink.<String>forLines(dir).createWriter(subtask(3));
        assertThat(names()).isEmpty(); // nothing until the first record
        writer.write("a", Long.MIN_VALUE);
        writer.flush(false);
        assertThat(names()).containsExactly(".part-3-0.inprogress");
        assertThat(FileSource.files(dir)).isEmpty(); // a FileSource over the folder sees nothing yet
        writer.write("b", Long.MIN_VALUE);
        writer.flush(true);
        writer.close();
        assertThat(names()).containsExactly("part-3-0");
        assertThat(Files.readAllLines(dir.resolve("part-3-0"))).containsExactly("a", "b");
    }

    @Test
    void aWriterClosedBeforeEndOfInputPublishesNothing() throws Exception {
        SinkWriter<String> writer = FileSink.<String>forLines(dir).createWriter(subtask(0));
        writer.write("partial", Long.MIN_VALUE);
        writer.close(); // as after a failure
        assertThat(names()).containsExactly(".part-0-0.inprogress");
    }

    @Test
    void aLineBreakInsideARecordIsRefused() throws Exception {
        SinkWriter<String> writer = FileSink.<String>forLines(dir).createWriter(subtask(1));
        assertThatThrownBy(() -> writer.write("two\nlines", Long.MIN_VALUE))
                .hasMessageContaining("line break").hasMessageContaining("part-1-0");
        writer.close();
    }
}
