package io.runnel.state.rocksdb;

import io.runnel.state.rocksdb.serial.ByteIn;
import io.runnel.state.rocksdb.serial.ByteOut;

/**
 * How state is laid out in RocksDB. One column family per state name (UTF-8 of the name).
 *
 * <pre>
 * key (value, list, reducing, aggregating state):
 *   0      2
 *   +------+---------------------+
 *   | kg   | serialized key ...  |      kg = absolute key group, uint16 big-endian
 *   +------+---------------------+
 *
 * key of one map entry:   | kg | serialized key | serialized user key |
 * key of namespaced (window) state:  | kg | serialized key | namespace ({@link NamespaceBytes}) |
 *   value = | serialized value |   (no TTL)
 *
 * key of a timer (column family "_timers/event" or "_timers/processing"), value empty:
 *   | kg | time int64, sign bit flipped | serialized key | namespace ({@link NamespaceBytes}) |
 *   so a key group's timers are in time order (unsigned byte order)
 *
 * value (value, reducing, aggregating, map entry):
 *   | stamp int64 (only with TTL) | serialized value |
 *
 * list value: elements concatenated, each
 *   | stamp int64 (only with TTL) | length int32 | serialized element |
 * </pre>
 * Serialized keys are self-delimiting ({@link io.runnel.state.rocksdb.serial.CompactSerializer}),
 * so the keys of one key group, and the entries of one map, are each a contiguous range, and
 * list elements can be appended by concatenation (RocksDB's string-append merge with an empty
 * delimiter). The stamp is the processing time of the last write (or read), as on the heap: a
 * list's elements and a map's entries each have their own and expire on their own.
 */
final class StateBytesDescriptor {
    static final int KEY_GROUP_BYTES = 2;
    static final int STAMP_BYTES = 8;
    static final int ELEMENT_LENGTH_BYTES = 4;
    /** Key groups are written as an unsigned 16-bit number. */
    static final int MAX_KEY_GROUPS = 1 << 16;

    private StateBytesDescriptor() {}

    /** The smallest key of key group {@code kg}: the lower bound of a scan over groups from {@code kg}. */
    static byte[] keyGroupPrefix(int kg) {
        return new byte[] {(byte) (kg >>> 8), (byte) kg};
    }

    static int keyGroupOf(byte[] key) {
        return ((key[0] & 0xFF) << 8) | (key[1] & 0xFF);
    }

    static void writeKeyGroup(int kg, ByteOut out) {
        out.writeShort(kg);
    }

    static long stampAt(byte[] value, int offset) {
        return ByteIn.getLong(value, offset);
    }
}
