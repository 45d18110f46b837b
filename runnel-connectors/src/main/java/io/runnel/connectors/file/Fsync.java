package io.runnel.connectors.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a directory's entries durable: a rename or a new file survives a power loss only once its
 * directory is fsynced, not just the file.
 */
final class Fsync {
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private Fsync() {}

    static void directory(Path dir) throws IOException {
        if (WINDOWS) return; // cannot open a directory there; NTFS journals renames itself
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new IOException("cannot fsync the folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
