package io.runnel.connectors.file;

import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads the lines of a file, or of every regular file directly in a folder (names starting with
 * {@code .} or {@code _} are skipped: in-progress or metadata files), as UTF-8. One split per
 * file, in name order; bounded.
 *
 * <pre>{@code
 * env.fromSource(FileSource.forLines(Path.of("in.txt")), WatermarkStrategy.noWatermarks(), "lines");
 * env.fromSource(FileSource.forJsonLines(Path.of("bids/"), Bid.class), WatermarkStrategy.noWatermarks(), "bids");
 * }</pre>
 */
public final class FileSource<T> implements Source<T, FileSplit> {
    private static final long serialVersionUID = 1L;
    private final String path; // a String: Path is not Serializable
    private final LineParser<T> parser;

    public FileSource(Path path, LineParser<T> parser) {
        this.path = path.toAbsolutePath().toString();
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** Each line as a String, without its terminator. */
    public static FileSource<String> forLines(Path path) {
        return new FileSource<>(path, line -> line);
    }

    /** Each non-blank line parsed as JSON into {@code type}; a malformed line fails the job. */
    public static <T> FileSource<T> forJsonLines(Path path, Class<T> type) {
        return new FileSource<>(path, Json.parser(type));
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    /** Deterministic (sorted by name): every subtask computes the same list and takes its share. */
    @Override
    public List<FileSplit> createSplits(int parallelism) throws IOException {
        List<FileSplit> splits = new ArrayList<>();
        for (Path file : files(Path.of(path))) splits.add(new FileSplit(file.toString(), 0, 1));
        return splits;
    }

    /** The files a path names: the file itself, or a folder's visible files (not starting . or _) in name order. */
    public static List<Path> files(Path path) throws IOException {
        if (Files.isRegularFile(path)) return List.of(path);
        if (!Files.isDirectory(path)) throw new NoSuchFileException(path.toString(), null, "no such file or folder to read");
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(Files::isRegularFile).filter(FileSource::visible).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean visible(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("_");
    }

    @Override
    public SourceReader<T, FileSplit> createReader(SourceReaderContext context) {
        return new FileSourceReader<>(parser);
    }
}
