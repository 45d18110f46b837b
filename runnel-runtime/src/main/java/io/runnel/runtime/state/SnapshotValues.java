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

    /** Writes {@code v} tagged: raw for the common types, else Java serialization (tag OBJECT). */
    public static void write(ObjectOutput out, Object v) throws IOException {
        if (!encode(new StreamOutput(out), v)) {
            out.writeByte(OBJECT);
            out.writeObject(v);
        }
    }

    public static Object read(ObjectInput in) throws IOException, ClassNotFoundException {
        byte tag = in.readByte();
        return tag == OBJECT ? in.readObject() : decode(tag, new StreamInput(in));
    }

    /**
     * Writes {@code v} tagged if it is one of the common types; returns false, having written
     * nothing, for a value that needs Java serialization.
     */
    public static boolean encode(SnapshotValueOutput out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v.getClass() == Long.class) {
            out.writeByte(LONG);
            out.writeLong((Long) v);
        } else if (v.getClass() == Integer.class) {
            out.writeByte(INT);
            out.writeInt((Integer) v);
        } else if (v.getClass() == String.class && out.takes((String) v)) {
            out.writeByte(STRING);
            out.writeString((String) v);
        } else if (v.getClass() == Double.class) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToLongBits((Double) v));
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

    /** Reads one value written by {@link #encode}. */
    public static Object decode(SnapshotValueInput in) throws IOException {
        return decode(in.readByte(), in);
    }

    private static Object decode(byte tag, SnapshotValueInput in) throws IOException {
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
                throw new IOException("corrupt snapshot: unknown value tag " + tag);
        }
    }

    /** An object stream as a value output; strings in modified UTF-8, which caps their length. */
    private record StreamOutput(ObjectOutput out) implements SnapshotValueOutput {
        @Override
        public void writeByte(int b) throws IOException {
            out.writeByte(b);
        }

        @Override
        public void writeInt(int v) throws IOException {
            out.writeInt(v);
        }

        @Override
        public void writeLong(long v) throws IOException {
            out.writeLong(v);
        }

        @Override
        public void writeString(String s) throws IOException {
            out.writeUTF(s);
        }

        @Override
        public boolean takes(String s) {
            return s.length() < 16_000; // writeUTF takes at most 65,535 bytes: 16,000 chars of up to 4 bytes
        }
    }

    /** An object stream as a value input. */
    private record StreamInput(ObjectInput in) implements SnapshotValueInput {
        @Override
        public byte readByte() throws IOException {
            return in.readByte();
        }

        @Override
        public int readInt() throws IOException {
            return in.readInt();
        }

        @Override
        public long readLong() throws IOException {
            return in.readLong();
        }

        @Override
        public String readString() throws IOException {
            return in.readUTF();
        }
    }
}
