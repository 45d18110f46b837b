package io.runnel.connectors.file;

import io.runnel.api.connector.Committer;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Publishes pending parts by an atomic rename to their visible name, then fsyncs the folders.
 * Idempotent, as a re-commit after a restore needs: a part whose pending file is gone but whose
 * committed file exists was committed before. Holds no state, so any instance (another thread,
 * another process after a crash) commits any writer's parts.
 */
final class PartCommitter implements Committer<PendingPart> {
    @Override
    public void commit(Collection<PendingPart> parts) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        for (PendingPart part : parts) {
            if (commitOne(part)) folders.add(part.committed().getParent());
        }
        for (Path folder : folders) Fsync.directory(folder);
    }

    /** True if this call renamed the part; false if an earlier commit did. */
    private static boolean commitOne(PendingPart part) throws IOException {
        Path pending = part.pending();
        Path committed = part.committed();
        boolean pendingExists = Files.exists(pending);
        boolean committedExists = Files.exists(committed);
        if (!pendingExists && committedExists) return false;
        if (!pendingExists) {
            throw new NoSuchFileException(committed.toString(), null, "cannot commit part file: neither it nor its pending file "
                    + pending.getFileName() + " exists (deleted, or the output folder was cleaned or moved?)");
        }
        if (committedExists) {
            // Linux's rename would silently replace it; committed output is never overwritten.
            throw new FileAlreadyExistsException(committed.toString(), pending.toString(),
                    "cannot commit part file: a different file already has its name");
        }
        Files.move(pending, committed, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Deletes pending parts whose checkpoint will never complete; committed ones are left alone. */
    @Override
    public void abort(Collection<PendingPart> parts) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        for (PendingPart part : parts) {
            if (Files.deleteIfExists(part.pending())) folders.add(part.pending().getParent());
        }
        for (Path folder : folders) Fsync.directory(folder);
    }
}
