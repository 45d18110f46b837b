package io.runnel.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.LoggerFactory;

/**
 * An exclusive OS lock on {@code <dataDir>/.lock}, held while a {@link LogManager} has the
 * directory open, so two processes (or two managers in one JVM) never write the same log.
 */
final class DirectoryLock {
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dataDir) throws IOException {
        Path file = dataDir.resolve(".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw new LogException("data directory " + dataDir + " is in use by another process (" + file + ")");
            }
            return new DirectoryLock(ch, lock);
        } catch (OverlappingFileLockException e) {
            ch.close();
            throw new LogException("data directory " + dataDir + " is already open in this process");
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LoggerFactory.getLogger(DirectoryLock.class).warn("Could not release {}", channel, e);
        }
    }
}
