package io.runnel.connectors.file;

import io.runnel.api.connector.Committer;
import io.runnel.api.connector.CommittingSinkWriter;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.TwoPhaseCommitSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes records as UTF-8 lines into a folder, exactly once: each writer fills a hidden part file,
 * closes and fsyncs it at a checkpoint barrier, and the part becomes visible (atomic rename) only
 * when that checkpoint completes. Only visible files are output; the hidden ones (leading
 * {@code .}) are work in progress, and a crashed attempt leaves only hidden files behind. Names
 * and states are in {@link PartFileNames}.
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.forLines(Path.of("out/")));
 * stream.sinkTo(FileSink.forJsonLines(Path.of("out/")).withPartSuffix(".jsonl"));
 * }</pre>
 */
public final class FileSink<T> implements TwoPhaseCommitSink<T, PendingPart> {
    private static final long serialVersionUID = 1L;
    private final String folder; // a String: Path is not Serializable
    private final LineFormatter<T> formatter;
    private final String suffix;

    public FileSink(Path folder, LineFormatter<T> formatter) {
        this(folder.toAbsolutePath().toString(), formatter, "");
    }

    private FileSink(String folder, LineFormatter<T> formatter, String suffix) {
        this.folder = folder;
        this.formatter = Objects.requireNonNull(formatter, "formatter");
        this.suffix = suffix;
    }

    /** Each record's {@code toString()} as a line. */
    public static <T> FileSink<T> forLines(Path folder) {
        return new FileSink<>(folder, String::valueOf);
    }

    /** Each record as one line of JSON (Jackson). */
    public static <T> FileSink<T> forJsonLines(Path folder) {
        return new FileSink<>(folder, Json.formatter());
    }

    /** Appends {@code suffix} (e.g. {@code ".jsonl"}) to every committed part's name. */
    public FileSink<T> withPartSuffix(String suffix) {
        if (suffix.contains("/") || suffix.contains("\\")) {
            throw new IllegalArgumentException("a part suffix must not contain a path separator: '" + suffix + "'");
        }
        return new FileSink<>(folder, formatter, suffix);
    }

    @Override
    public CommittingSinkWriter<T, PendingPart> createWriter(SinkContext context) throws Exception {
        Path dir = Path.of(folder);
        Files.createDirectories(dir);
        return new FileSinkWriter<>(dir, context.subtaskIndex(), suffix, formatter);
    }

    @Override
    public Committer<PendingPart> createCommitter() {
        return new PartCommitter();
    }
}
