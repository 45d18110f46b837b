package io.runnel.state.rocksdb.snapshot;

import io.runnel.runtime.state.SharedStateHandle;
import io.runnel.runtime.state.StateSize;
import java.io.Serializable;
import java.util.List;

/**
 * What one RocksDB backend wrote for a checkpoint: the files of a RocksDB database holding key
 * groups {@code [firstKeyGroup, endKeyGroup)}, with their sizes. Stored in the checkpoint's
 * metadata; paths are relative to the checkpoint's directory, so a self-contained snapshot (a
 * savepoint) can be moved and still restored.
 */
public record RocksDBSnapshotHandle(long checkpointId, int firstKeyGroup, int endKeyGroup, List<SnapshotFile> files,
                                    long fullBytes, long incrementalBytes)
        implements Serializable, SharedStateHandle, StateSize {
    private static final long serialVersionUID = 1L;

    public RocksDBSnapshotHandle {
        files = List.copyOf(files);
    }

    @Override
    public List<String> sharedFiles() {
        return files.stream().filter(SnapshotFile::shared).map(SnapshotFile::sharedName).toList();
    }

    /** Whether this snapshot holds any of the key groups {@code [first, end)}. */
    public boolean overlaps(int first, int end) {
        return firstKeyGroup < end && first < endKeyGroup;
    }

    @Override
    public String toString() {
        return "RocksDB snapshot of checkpoint " + checkpointId + ", key groups " + firstKeyGroup + ".." + (endKeyGroup - 1)
                + " (" + files.size() + " files, " + fullBytes + " bytes, " + incrementalBytes + " new)";
    }
}
