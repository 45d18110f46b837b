package io.runnel.connectors.file;

import static io.runnel.connectors.ReaderResume.allUninterrupted;
import static io.runnel.connectors.ReaderResume.rescaled;
import static io.runnel.connectors.ReaderResume.uninterrupted;
import static io.runnel.connectors.ReaderResume.withRestores;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restored reader continues at the recorded byte position with exactly the remaining lines,
 * over multi-byte UTF-8, CRLF, empty lines and a last line without a newline.
 */
class FileSourceResumeTest {
    @TempDir
    Path dir;
    final List<String> all = new ArrayList<>();
    FileSource<String> source;

    @BeforeEach
    void writeFiles() throws Exception {
        for (int f = 0; f < 5; f++) {
            StringBuilder text = new StringBuilder();
            int lines = 200 + 173 * f; // some files end within the first batch, some later
            for (int i = 0; i < lines; i++) {
                String line = i % 17 == 0 ? "" : "f" + f + "-" + i + "-äöü€𝄞".repeat(i % 4);
                all.add(line);
                text.append(line).append(i % 5 == 0 ? "\r\n" : "\n");
            }
            if (f % 2 == 1) {
                all.add("f" + f + "-last-without-newline");
                text.append("f").append(f).append("-last-without-newline");
            }
            Files.writeString(dir.resolve("file-" + f), text, StandardCharsets.UTF_8);
        }
        source = FileSource.forLines(dir);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aRestoredReaderContinuesRecordForRecord(int pollsPerAttempt) throws Exception {
        List<String> expected = uninterrupted(source, 0, 1);
        assertThat(expected).hasSize(all.size());
        assertThat(expected).containsExactlyElementsOf(all.stream().map(line -> line + "@" + Long.MIN_VALUE).toList());
        assertThat(withRestores(source, source.createSplits(1), 0, 1, pollsPerAttempt)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "4"})
    void aRestoreWithAnotherParallelismYieldsEveryLineOnce(int newParallelism) throws Exception {
        List<String> expected = allUninterrupted(source, 3);
        assertThat(expected).hasSize(all.size());
        assertThat(rescaled(source, new int[] {1, 0, 2}, newParallelism)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rescaled(source, new int[] {3, 5, 1}, newParallelism)).containsExactlyInAnyOrderElementsOf(expected);
    }
}
