package io.runnel.state.rocksdb.snapshot;

import java.io.Serializable;

/**
 * One file of a RocksDB snapshot. {@code localName} is its name in the RocksDB directory (the
 * MANIFEST refers to SST files by it); {@code path} is where it was stored, relative to the
 * checkpoint directory ("../shared/..." for shared files); {@code sharedName} is its name in the
 * shared directory, or null for a file private to this checkpoint.
 */
public record SnapshotFile(String localName, String path, String sharedName, long bytes) implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean shared() {
        return sharedName != null;
    }
}
