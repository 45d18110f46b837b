package io.runnel.state.rocksdb.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** File copies that are durable (fsynced), hard links with a copy fallback, recursive delete. */
public final class FileOps {
    private FileOps() {}

    /** Copies {@code src} to a new file {@code dst} and forces it to disk before returning. */
    static void copyDurably(Path src, Path dst) throws IOException {
        try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(dst, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            for (long done = 0; done < size; ) done += in.transferTo(done, size - done, out);
            out.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("snapshot file already exists, refusing to overwrite: " + dst, e);
        }
    }

    /** Makes {@code src} available as {@code dst}: a hard link when the file system allows, else a copy. */
    static void linkOrCopy(Path src, Path dst) throws IOException {
        if (!Files.isRegularFile(src)) throw new NoSuchFileException(src.toString(), null, "snapshot file is missing");
        try {
            Files.createLink(dst, src);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(src, dst);
        }
    }

    /** Deletes {@code dir} and everything under it; a missing directory is fine. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
