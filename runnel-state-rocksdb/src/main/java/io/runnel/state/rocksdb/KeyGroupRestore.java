package io.runnel.state.rocksdb;

import io.runnel.state.rocksdb.snapshot.FileOps;
import io.runnel.state.rocksdb.snapshot.RocksDBSnapshotHandle;
import io.runnel.state.rocksdb.snapshot.SnapshotReader;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Restores this instance's key groups from the snapshots of every subtask of an earlier run, at
 * any parallelism. Each overlapping snapshot is linked into a temporary directory, opened
 * read-only, and the keys of the shared key-group range (one contiguous range per column
 * family, keys start with their group) are written into the live database in batches.
 */
final class KeyGroupRestore {
    private static final long BATCH_BYTES = 4 << 20;

    private final StateDatabase live;
    private final int firstKeyGroup;
    private final int endKeyGroup;
    private final Path scratchDir;

    KeyGroupRestore(StateDatabase live, int firstKeyGroup, int endKeyGroup, Path scratchDir) {
        this.live = live;
        this.firstKeyGroup = firstKeyGroup;
        this.endKeyGroup = endKeyGroup;
        this.scratchDir = scratchDir;
    }

    void restore(Path baseDir, List<Serializable> handles) throws Exception {
        int n = 0;
        for (Serializable h : handles) {
            if (!(h instanceof RocksDBSnapshotHandle handle)) {
                throw new IllegalArgumentException("cannot restore RocksDB state from " + (h == null ? "null" : h.getClass().getName())
                        + " in " + baseDir + ": the checkpoint was written by another state backend");
            }
            if (handle.overlaps(firstKeyGroup, endKeyGroup)) restoreOne(baseDir, handle, scratchDir.resolve("restore-" + n++));
        }
    }

    private void restoreOne(Path baseDir, RocksDBSnapshotHandle handle, Path copy) throws Exception {
        try {
            SnapshotReader.materialize(handle, baseDir, copy);
            int from = Math.max(firstKeyGroup, handle.firstKeyGroup());
            int to = Math.min(endKeyGroup, handle.endKeyGroup());
            try (StateDatabase source = StateDatabase.openReadOnly(copy)) {
                for (Map.Entry<String, ColumnFamilyHandle> f : source.stateFamilies().entrySet()) {
                    copyRange(source, f.getValue(), live.family(f.getKey()), from, to);
                }
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot restore RocksDB state of key groups " + firstKeyGroup + ".." + (endKeyGroup - 1)
                    + " from " + handle + " in " + baseDir + ": " + e.getMessage(), e);
        } finally {
            FileOps.deleteRecursively(copy);
        }
    }

    /** Copies the keys of groups {@code [from, to)} of one column family. */
    private void copyRange(StateDatabase source, ColumnFamilyHandle src, ColumnFamilyHandle dst, int from, int to) throws RocksDBException {
        try (RocksIterator it = source.db().newIterator(src, source.readOptions()); WriteBatch batch = new WriteBatch()) {
            for (it.seek(StateBytesDescriptor.keyGroupPrefix(from)); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (StateBytesDescriptor.keyGroupOf(key) >= to) break;
                batch.put(dst, key, it.value());
                if (batch.getDataSize() >= BATCH_BYTES) {
                    live.db().write(live.writeOptions(), batch);
                    batch.clear();
                }
            }
            it.status(); // an I/O error ends the scan early: fail rather than restore part of the state
            if (batch.count() > 0) live.db().write(live.writeOptions(), batch);
        }
    }
}
