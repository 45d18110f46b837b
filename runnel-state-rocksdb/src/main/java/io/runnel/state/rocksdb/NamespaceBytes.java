package io.runnel.state.rocksdb;

import io.runnel.api.windowing.GlobalWindow;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.runtime.state.VoidNamespace;
import io.runnel.state.rocksdb.serial.ByteIn;
import io.runnel.state.rocksdb.serial.ByteOut;
import io.runnel.state.rocksdb.serial.CompactSerializer;

/**
 * Encodes the namespace that follows the key in namespaced state (layout in
 * {@link StateBytesDescriptor}): the namespaces window operators use in a few bytes, anything
 * else through {@link CompactSerializer}. Self-delimiting, and equal namespaces give equal bytes.
 *
 * <pre>
 *   time window : [1][start int64][end int64]
 *   slice end   : [2][int64]                   (a Long)
 *   global      : [3]
 *   void        : [4]
 *   other       : [0][compact serialized]
 * </pre>
 */
final class NamespaceBytes {
    private static final int OTHER = 0, TIME_WINDOW = 1, LONG = 2, GLOBAL = 3, VOID = 4;

    private NamespaceBytes() {}

    static void write(Object ns, ByteOut out) {
        if (ns instanceof TimeWindow w) {
            out.writeByte(TIME_WINDOW);
            out.writeLong(w.start());
            out.writeLong(w.end());
        } else if (ns instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (ns instanceof GlobalWindow) {
            out.writeByte(GLOBAL);
        } else if (ns == VoidNamespace.INSTANCE) {
            out.writeByte(VOID);
        } else {
            out.writeByte(OTHER);
            CompactSerializer.write(ns, out);
        }
    }

    static Object read(ByteIn in) {
        int tag = in.readByte();
        return switch (tag) {
            case TIME_WINDOW -> new TimeWindow(in.readLong(), in.readLong());
            case LONG -> in.readLong();
            case GLOBAL -> GlobalWindow.INSTANCE;
            case VOID -> VoidNamespace.INSTANCE;
            case OTHER -> CompactSerializer.read(in);
            default -> throw new IllegalStateException("corrupt namespaced state key: unknown namespace tag " + tag);
        };
    }
}
