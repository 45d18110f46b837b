/**
 * Compact, deterministic bytes for state keys and values: a one-byte type tag, fixed-width
 * primitives, length-prefixed strings and arrays, Java serialization as the fallback. Every
 * encoding is self-delimiting, so a serialized key is never a prefix of another key's bytes.
 */
package io.runnel.state.rocksdb.serial;
