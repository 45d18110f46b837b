package io.runnel.state.rocksdb.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Brings a snapshot's files back into a local directory, under their RocksDB names, for opening. */
public final class SnapshotReader {
    private SnapshotReader() {}

    /**
     * Links (or copies) every file of {@code handle} from checkpoint directory {@code baseDir}
     * into the new directory {@code into}.
     */
    public static void materialize(RocksDBSnapshotHandle handle, Path baseDir, Path into) throws IOException {
        Files.createDirectories(into);
        for (SnapshotFile f : handle.files()) {
            Path src = baseDir.resolve(f.path()).normalize();
            try {
                FileOps.linkOrCopy(src, into.resolve(f.localName()));
            } catch (NoSuchFileException e) {
                throw new IOException("RocksDB snapshot file is missing: " + src + " (" + handle + ")", e);
            }
            long size = Files.size(src);
            if (size != f.bytes()) {
                throw new IOException("RocksDB snapshot file " + src + " has " + size + " bytes, the checkpoint recorded "
                        + f.bytes() + " (corrupt or overwritten; " + handle + ")");
            }
        }
    }
}
