/**
 * Keyed state kept in RocksDB, with incremental checkpoints of its SST files.
 *
 * <p>{@link io.runnel.state.rocksdb.RocksDBKeyedStateBackend} keeps one column family per state
 * name; keys start with their key group so a range of groups is one contiguous scan (see
 * {@link io.runnel.state.rocksdb.StateBytesDescriptor}). Timers are not here: they stay on the
 * heap, and the runtime snapshots them itself. Found by the runtime as the backend named
 * {@code "rocksdb"} through {@link io.runnel.state.rocksdb.RocksDBStateBackendFactory}.
 */
package io.runnel.state.rocksdb;
