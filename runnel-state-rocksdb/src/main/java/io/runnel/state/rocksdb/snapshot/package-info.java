/**
 * The files of RocksDB snapshots: writing a local RocksDB checkpoint out to checkpoint storage
 * (incrementally, SST files shared between checkpoints) and bringing a snapshot's files back to
 * a local directory for restore. Knows files and names only, not RocksDB.
 */
package io.runnel.state.rocksdb.snapshot;
