package io.runnel.connectors.file;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes records as UTF-8 lines into a folder, one part file per subtask
 * ({@code part-<subtask>-<n>}), visible only once complete at end of input. At-least-once for now;
 * see {@link PartFileNames} for how the exactly-once version will commit.
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.forLines(Path.of("out/")));
 * }</pre>
 */
public final class FileSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final String folder;
    private final LineFormatter<T> formatter;

    public FileSink(Path folder, LineFormatter<T> formatter) {
        this.folder = folder.toAbsolutePath().toString();
        this.formatter = Objects.requireNonNull(formatter, "formatter");
    }

    /** Each record's {@code toString()} as a line. */
    public static <T> FileSink<T> forLines(Path folder) {
        return new FileSink<>(folder, String::valueOf);
    }

    /** Each record as one line of JSON (Jackson). */
    public static <T> FileSink<T> forJsonLines(Path folder) {
        return new FileSink<>(folder, Json.formatter());
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) throws Exception {
        Path dir = Path.of(folder);
        Files.createDirectories(dir);
        return new FileSinkWriter<>(dir, context.subtaskIndex(), formatter);
    }
}
