package io.runnel.state.rocksdb;

import org.rocksdb.RocksDB;

/** Loads RocksDB's native library once per JVM, on first use of a RocksDB backend. */
final class NativeLibrary {
    private static volatile boolean loaded;

    private NativeLibrary() {}

    static void ensureLoaded() {
        if (loaded) return;
        synchronized (NativeLibrary.class) {
            if (!loaded) {
                RocksDB.loadLibrary();
                loaded = true;
            }
        }
    }
}
