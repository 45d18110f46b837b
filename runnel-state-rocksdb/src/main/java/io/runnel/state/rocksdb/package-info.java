/**
 * Keyed state kept in RocksDB, with incremental checkpoints of its SST files.
 *
 * <p>{@link io.runnel.state.rocksdb.RocksDBKeyedStateBackend} keeps one column family per state
 * name; keys start with their key group so a range of groups is one contiguous scan (see
 * {@link io.runnel.state.rocksdb.StateBytesDescriptor}). Window state adds the window after the
 * key; timers are a column family ordered by key group and time, with a small heap cache of each
 * group's earliest. Found by the runtime as the backend named
 * {@code "rocksdb"} through {@link io.runnel.state.rocksdb.RocksDBStateBackendFactory}.
 */
package io.runnel.state.rocksdb;
