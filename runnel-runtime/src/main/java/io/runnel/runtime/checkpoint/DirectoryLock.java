package io.runnel.runtime.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a checkpoint directory ({@code <dir>/.lock}), held for a job's life: two
 * jobs writing one directory would delete each other's checkpoints. The operating system releases
 * it when the process dies, so a killed job leaves nothing to clean up.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir} for job {@code jobName}; fails, naming the directory, when another job holds it. */
    static DirectoryLock acquire(Path dir, String jobName) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another job in this JVM
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot lock checkpoint directory " + dir + " (" + file + "): " + e.getMessage(), e);
        }
        if (lock == null) {
            ch.close();
            throw new IllegalStateException("job '" + jobName + "' cannot use checkpoint directory " + dir
                    + ": another running job holds its lock (" + file + "). Give each job its own directory"
                    + " (CheckpointConfig.setDirectory, --checkpoint-dir) or a different name");
        }
        return new DirectoryLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
