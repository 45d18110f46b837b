package io.runnel.state.rocksdb.snapshot;

import io.runnel.runtime.state.SnapshotTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes local RocksDB checkpoints (directories of hard links) out to checkpoint storage, one
 * per backend instance.
 *
 * <p>Incremental: an SST file that the latest completed checkpoint already uploaded is referred
 * to by its shared name, not copied again; a new SST file is copied into the shared directory
 * under a name unique across operator instances and checkpoints (file prefix + random id +
 * local name). The small files that describe the database (MANIFEST, CURRENT, OPTIONS) change
 * every time and go into the checkpoint's own directory. A savepoint (no shared directory)
 * copies everything into its own directory.
 */
public final class SnapshotWriter {
    private static final String SST = ".sst";

    private final int firstKeyGroup;
    private final int endKeyGroup;
    private final UploadLedger ledger = new UploadLedger();

    public SnapshotWriter(int firstKeyGroup, int endKeyGroup) {
        this.firstKeyGroup = firstKeyGroup;
        this.endKeyGroup = endKeyGroup;
    }

    /** Writes {@code localCheckpoint} for {@code target}, then deletes the local directory. */
    public RocksDBSnapshotHandle write(Path localCheckpoint, SnapshotTarget target) throws IOException {
        try {
            return copy(localCheckpoint, target);
        } finally {
            FileOps.deleteRecursively(localCheckpoint);
        }
    }

    /** Checkpoint {@code checkpointId} completed: its shared files may be reused from now on. */
    public void completed(long checkpointId) {
        ledger.completed(checkpointId);
    }

    private RocksDBSnapshotHandle copy(Path local, SnapshotTarget target) throws IOException {
        Files.createDirectories(target.dir());
        boolean incremental = !target.selfContained();
        if (incremental) Files.createDirectories(target.sharedDir());
        String prefix = safePrefix(target.filePrefix());
        String uploadId = UUID.randomUUID().toString();
        Map<String, String> reusable = incremental ? ledger.confirmed() : Map.of();
        Map<String, String> sstToShared = new HashMap<>();
        List<SnapshotFile> files = new ArrayList<>();
        long full = 0, written = 0;
        for (Path f : listFiles(local)) {
            String name = f.getFileName().toString();
            long size = Files.size(f);
            full += size;
            if (incremental && name.endsWith(SST)) {
                String shared = reusable.get(name);
                if (shared == null) {
                    shared = prefix + "-" + uploadId + "-" + name;
                    FileOps.copyDurably(f, target.sharedDir().resolve(shared));
                    written += size;
                }
                sstToShared.put(name, shared);
                files.add(new SnapshotFile(name, relative(target.dir(), target.sharedDir().resolve(shared)), shared, size));
            } else {
                String own = prefix + "-" + name;
                FileOps.copyDurably(f, target.dir().resolve(own));
                written += size;
                files.add(new SnapshotFile(name, own, null, size));
            }
        }
        if (incremental) ledger.written(target.checkpointId(), sstToShared);
        return new RocksDBSnapshotHandle(target.checkpointId(), firstKeyGroup, endKeyGroup, files, full, written);
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("local RocksDB checkpoint is missing: " + dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Forward slashes, so handles written on one OS resolve on another. */
    private static String relative(Path from, Path to) {
        return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static String safePrefix(String prefix) {
        return prefix == null || prefix.isEmpty() ? "rocksdb" : prefix.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
