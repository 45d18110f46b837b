package io.runnel.runtime.state;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * Writes the keys and values of heap snapshots: a tag byte and the raw value for the common types
 * (boxed numbers, strings, long arrays), Java serialization for the rest. Java serialization of a
 * boxed Long costs a class reference and a handle per value; this is several times faster.
 */
public final class SnapshotValues {
    private static final byte OBJECT = 0, NULL = 1, LONG = 2, INT = 3, STRING = 4, DOUBLE = 5, LONGS = 6, BOOLEAN = 7;

    private SnapshotValues() {}

    public static void write(ObjectOutput out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v.getClass() == Long.class) {
            out.writeByte(LONG);
            out.writeLong((Long) v);
        } else if (v.getClass() == Integer.class) {
            out.writeByte(INT);
            out.writeInt((Integer) v);
        } else if (v.getClass() == String.class && ((String) v).length() < 16_000) {
            out.writeByte(STRING);
            out.writeUTF((String) v);
        } else if (v.getClass() == Double.class) {
            out.writeByte(DOUBLE);
            out.writeDouble((Double) v);
        } else if (v.getClass() == Boolean.class) {
            out.writeByte(BOOLEAN);
            out.writeBoolean((Boolean) v);
        } else if (v instanceof long[] a) {
            out.writeByte(LONGS);
            out.writeInt(a.length);
            for (long x : a) out.writeLong(x);
        } else {
            out.writeByte(OBJECT);
            out.writeObject(v);
        }
    }

    public static Object read(ObjectInput in) throws IOException, ClassNotFoundException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case LONG:
                return in.readLong();
            case INT:
                return in.readInt();
            case STRING:
                return in.readUTF();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case LONGS: {
                long[] a = new long[in.readInt()];
                for (int i = 0; i < a.length; i++) a[i] = in.readLong();
                return a;
            }
            case OBJECT:
                return in.readObject();
            default:
                throw new IOException("corrupt snapshot: unknown value tag " + tag);
        }
    }

    /**
     * Encodes {@code v} into {@code out} with the same tags as {@link #write}; returns false, having
     * written nothing, for a value that needs Java serialization.
     */
    public static boolean encode(SnapshotBytesOut out, Object v) {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v.getClass() == Long.class) {
            out.writeByte(LONG);
            out.writeLong((Long) v);
        } else if (v.getClass() == Integer.class) {
            out.writeByte(INT);
            out.writeInt((Integer) v);
        } else if (v.getClass() == String.class) {
            out.writeByte(STRING);
            out.writeString((String) v);
        } else if (v.getClass() == Double.class) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits((Double) v));
        } else if (v.getClass() == Boolean.class) {
            out.writeByte(BOOLEAN);
            out.writeByte((Boolean) v ? 1 : 0);
        } else if (v instanceof long[] a) {
            out.writeByte(LONGS);
            out.writeInt(a.length);
            for (long x : a) out.writeLong(x);
        } else {
            return false;
        }
        return true;
    }

    /** Decodes one value written by {@link #encode}. */
    public static Object decode(SnapshotBytesIn in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case LONG:
                return in.readLong();
            case INT:
                return in.readInt();
            case STRING:
                return in.readString();
            case DOUBLE:
                return Double.longBitsToDouble(in.readLong());
            case BOOLEAN:
                return in.readByte() != 0;
            case LONGS: {
                int n = in.readInt();
                if (n < 0) throw new IOException("corrupt snapshot: negative array length " + n);
                long[] a = new long[n];
                for (int i = 0; i < n; i++) a[i] = in.readLong();
                return a;
            }
            default:
                throw new IOException("corrupt snapshot: unknown encoded value tag " + tag);
        }
    }
}
