package io.runnel.connectors.file;

import io.runnel.api.connector.SinkWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes one subtask's lines to a hidden in-progress part file, opened at the first record (no
 * empty files), and renames it to its final name at end of input. A job that fails leaves only
 * the hidden file behind.
 */
final class FileSinkWriter<T> implements SinkWriter<T> {
    private final Path folder;
    private final int subtask;
    private final LineFormatter<T> formatter;
    private long partNumber;
    private BufferedWriter out;
    private Path inProgress;

    FileSinkWriter(Path folder, int subtask, LineFormatter<T> formatter) {
        this.folder = folder;
        this.subtask = subtask;
        this.formatter = formatter;
    }

    @Override
    public void write(T record, long timestamp) throws Exception {
        String line = formatter.format(record);
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a record's line contains a line break, which would split it in "
                    + folder.resolve(PartFileNames.finished(subtask, partNumber)) + ": " + record);
        }
        if (out == null) open();
        out.write(line);
        out.write('\n');
    }

    private void open() throws IOException {
        // Skip numbers used by earlier runs into the same folder rather than overwrite their output.
        while (Files.exists(folder.resolve(PartFileNames.finished(subtask, partNumber)))) partNumber++;
        inProgress = folder.resolve(PartFileNames.inProgress(subtask, partNumber));
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(inProgress,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), StandardCharsets.UTF_8));
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (out == null) return;
        out.flush();
        if (endOfInput) finish();
    }

    private void finish() throws IOException {
        out.close();
        out = null;
        Path done = folder.resolve(PartFileNames.finished(subtask, partNumber));
        Files.move(inProgress, done, StandardCopyOption.ATOMIC_MOVE);
        partNumber++;
    }

    @Override
    public void close() throws IOException {
        // Not at end of input (a failure or a cancel): keep the part hidden; never publish it half done.
        if (out != null) out.close();
        out = null;
    }
}
