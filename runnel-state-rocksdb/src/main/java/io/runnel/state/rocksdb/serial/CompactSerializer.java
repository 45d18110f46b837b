package io.runnel.state.rocksdb.serial;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.charset.StandardCharsets;

/**
 * Serializes state keys and values. Common types take a fast path; anything else falls back to
 * Java serialization. Equal keys give equal bytes (doubles and floats are written with their
 * canonical NaN), which is what point lookups by key need.
 *
 * <pre>
 *   null            : [0]
 *   String          : [1][varint utf-8 length][utf-8 bytes]
 *   Integer         : [2][int32]        Long      : [3][int64]
 *   Double          : [4][int64 bits]   Float     : [5][int32 bits]
 *   Boolean         : [6][0|1]          Short     : [7][int16]
 *   Byte            : [8][int8]         Character : [9][uint16]
 *   byte[]          : [10][varint length][bytes]
 *   long[]          : [11][varint length][int64 * length]
 *   other           : [12][int32 length][java serialization stream]
 * </pre>
 * All integers are big-endian. Each form is self-delimiting, so concatenated encodings (key then
 * user key) decode unambiguously and one key's bytes are never a prefix of another's.
 */
public final class CompactSerializer {
    private static final int NULL = 0, STRING = 1, INT = 2, LONG = 3, DOUBLE = 4, FLOAT = 5, BOOLEAN = 6,
            SHORT = 7, BYTE = 8, CHAR = 9, BYTES = 10, LONGS = 11, JAVA = 12;

    private CompactSerializer() {}

    public static void write(Object o, ByteOut out) {
        if (o == null) out.writeByte(NULL);
        else if (o instanceof String s) writeString(s, out);
        else if (o instanceof Integer i) { out.writeByte(INT); out.writeInt(i); }
        else if (o instanceof Long l) { out.writeByte(LONG); out.writeLong(l); }
        else if (o instanceof Double d) { out.writeByte(DOUBLE); out.writeLong(Double.doubleToLongBits(d)); }
        else if (o instanceof Float f) { out.writeByte(FLOAT); out.writeInt(Float.floatToIntBits(f)); }
        else if (o instanceof Boolean b) { out.writeByte(BOOLEAN); out.writeByte(b ? 1 : 0); }
        else if (o instanceof Short s) { out.writeByte(SHORT); out.writeShort(s); }
        else if (o instanceof Byte b) { out.writeByte(BYTE); out.writeByte(b); }
        else if (o instanceof Character c) { out.writeByte(CHAR); out.writeShort(c); }
        else if (o instanceof byte[] b) { out.writeByte(BYTES); out.writeVarInt(b.length); out.writeBytes(b, 0, b.length); }
        else if (o instanceof long[] a) writeLongs(a, out);
        else writeJava(o, out);
    }

    public static Object read(ByteIn in) {
        int tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case STRING: return readString(in);
            case INT: return in.readInt();
            case LONG: return in.readLong();
            case DOUBLE: return Double.longBitsToDouble(in.readLong());
            case FLOAT: return Float.intBitsToFloat(in.readInt());
            case BOOLEAN: return in.readByte() != 0;
            case SHORT: return (short) in.readShort();
            case BYTE: return (byte) in.readByte();
            case CHAR: return (char) in.readShort();
            case BYTES: return readBytes(in);
            case LONGS: return readLongs(in);
            case JAVA: return readJava(in);
            default: throw new IllegalStateException("corrupt state bytes: unknown type tag " + tag + " at offset " + (in.position() - 1));
        }
    }

    /** ASCII strings (the common case) are written char by char without an intermediate array. */
    private static void writeString(String s, ByteOut out) {
        out.writeByte(STRING);
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) ascii = s.charAt(i) < 0x80;
        if (ascii) {
            out.writeVarInt(n);
            for (int i = 0; i < n; i++) out.writeByte(s.charAt(i));
        } else {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeVarInt(utf8.length);
            out.writeBytes(utf8, 0, utf8.length);
        }
    }

    private static String readString(ByteIn in) {
        int len = in.readVarInt();
        int at = in.skip(len);
        return new String(in.array(), at, len, StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(ByteIn in) {
        int len = in.readVarInt();
        byte[] b = new byte[len];
        System.arraycopy(in.array(), in.skip(len), b, 0, len);
        return b;
    }

    private static void writeLongs(long[] a, ByteOut out) {
        out.writeByte(LONGS);
        out.writeVarInt(a.length);
        for (long v : a) out.writeLong(v);
    }

    private static long[] readLongs(ByteIn in) {
        long[] a = new long[in.readVarInt()];
        for (int i = 0; i < a.length; i++) a[i] = in.readLong();
        return a;
    }

    private static void writeJava(Object o, ByteOut out) {
        out.writeByte(JAVA);
        int lengthAt = out.skip(4);
        try (ObjectOutputStream oos = new ObjectOutputStream(out.asStream())) {
            oos.writeObject(o);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("cannot store " + o.getClass().getName()
                    + " in RocksDB state: it is not Serializable (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IllegalStateException("serializing " + o.getClass().getName() + " for RocksDB state failed", e);
        }
        out.setInt(lengthAt, out.length() - lengthAt - 4);
    }

    private static Object readJava(ByteIn in) {
        int len = in.readInt();
        int at = in.skip(len);
        try (ObjectInputStream ois = new ContextObjectInputStream(new ByteArrayInputStream(in.array(), at, len))) {
            return ois.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("corrupt or incompatible state value (Java serialization, " + len + " bytes): " + e, e);
        }
    }

    /** Resolves classes through the context class loader, where user classes of a job live. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            if (cl == null) return super.resolveClass(desc);
            try {
                return Class.forName(desc.getName(), false, cl);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
