/** Keyed state kept in RocksDB, with incremental checkpoints of its SST files. */
package io.runnel.state.rocksdb;
