package io.runnel.connectors.file;

import io.runnel.api.connector.CommittingSinkWriter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;

/**
 * Writes one subtask's lines to a hidden in-progress part, opened at the first record (no empty
 * files). At a checkpoint barrier the part is closed, fsynced and renamed to a hidden pending
 * name, which the {@link PartCommitter} renames to its visible name once the checkpoint completes.
 * Names are in {@link PartFileNames}.
 */
final class FileSinkWriter<T> implements CommittingSinkWriter<T, PendingPart> {
    private final Path folder;
    private final int subtask;
    private final String writerId = PartFileNames.newWriterId();
    private final String suffix;
    private final LineFormatter<T> formatter;
    private long partsOpened;
    private InProgressPart part;

    FileSinkWriter(Path folder, int subtask, String suffix, LineFormatter<T> formatter) {
        this.folder = folder;
        this.subtask = subtask;
        this.suffix = suffix;
        this.formatter = formatter;
    }

    @Override
    public void write(T record, long timestamp) throws Exception {
        String line = formatter.format(record);
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a record's line contains a line break, which would split it in two in the part files of subtask "
                    + subtask + " in " + folder + ": " + record);
        }
        if (part == null) part = new InProgressPart(folder.resolve(PartFileNames.inProgress(subtask, writerId, partsOpened++)));
        part.writeLine(line);
    }

    @Override
    public Collection<PendingPart> prepareCommit(long checkpointId) throws IOException {
        if (part == null) return List.of(); // nothing written since the last barrier: no empty part
        Path pending = folder.resolve(PartFileNames.pending(subtask, checkpointId, writerId, suffix));
        Path committed = folder.resolve(PartFileNames.committed(subtask, checkpointId, writerId, suffix));
        if (Files.exists(pending) || Files.exists(committed)) {
            throw new FileAlreadyExistsException(pending.toString(), null, "checkpoint " + checkpointId + " was already prepared by this writer");
        }
        part.closeDurably();
        Path written = part.path();
        part = null;
        Files.move(written, pending, StandardCopyOption.ATOMIC_MOVE);
        Fsync.directory(folder); // the checkpoint will point at the pending name: it must survive a crash
        return List.of(new PendingPart(pending.toString(), committed.toString()));
    }

    /** Makes what was written so far reach the file; it becomes visible only when committed. */
    @Override
    public void flush(boolean endOfInput) throws Exception {
        if (part != null) part.flush();
    }

    /** Without a prepare (a failure, a cancel): the unprepared part is dropped; sources replay it. */
    @Override
    public void close() throws IOException {
        if (part != null) part.discard();
        part = null;
    }
}
