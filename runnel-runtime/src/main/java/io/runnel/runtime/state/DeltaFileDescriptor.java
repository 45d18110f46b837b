package io.runnel.runtime.state;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared file one heap backend instance writes per incremental checkpoint: the segments of
 * every (state, key group) written in full (a base) or as a delta at that checkpoint, then an index.
 *
 * <pre>
 *  file     := segment* index trailer
 *  segment  := format(1) payload              (see SegmentCodec: removed keys, then put entries)
 *  index    := tables(4) name(UTF)*tables
 *              count(4) { table(4) keyGroup(4) kind(1) offset(8) length(4) entries(4) }*count
 *  trailer  := indexOffset(8) magic(4)
 * </pre>
 *
 * {@code kind} is {@link #BASE} (all entries of the group) or {@link #DELTA} (changes on top of
 * the group's earlier segments); {@code entries} counts puts plus removals. Big-endian throughout.
 */
final class DeltaFileDescriptor {
    static final byte BASE = 1, DELTA = 2;
    static final int MAGIC = 0x52484431; // "RHD1"
    static final int TRAILER = 12;

    private DeltaFileDescriptor() {}

    /** Where one segment lies. */
    record Segment(String table, int keyGroup, byte kind, long offset, int length, int entries) {
        boolean base() {
            return kind == BASE;
        }
    }

    /** Writes the index and trailer for {@code segments}, which start at 0 and end at {@code indexOffset}. */
    static void writeIndex(DataOutputStream out, List<Segment> segments, long indexOffset) throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Segment s : segments) if (ids.putIfAbsent(s.table(), names.size()) == null) names.add(s.table());
        out.writeInt(names.size());
        for (String n : names) out.writeUTF(n);
        out.writeInt(segments.size());
        for (Segment s : segments) {
            out.writeInt(ids.get(s.table()));
            out.writeInt(s.keyGroup());
            out.writeByte(s.kind());
            out.writeLong(s.offset());
            out.writeInt(s.length());
            out.writeInt(s.entries());
        }
        out.writeLong(indexOffset);
        out.writeInt(MAGIC);
    }

    /** The index of {@code file}: table name -> key group -> segment. */
    static Map<String, Map<Integer, Segment>> readIndex(RandomAccessFile f, Path file) throws IOException {
        long len = f.length();
        if (len < TRAILER) throw new IOException("corrupt snapshot file " + file + ": " + len + " bytes");
        f.seek(len - TRAILER);
        long indexOffset = f.readLong();
        if (f.readInt() != MAGIC || indexOffset < 0 || indexOffset > len - TRAILER) {
            throw new IOException("corrupt snapshot file " + file + ": bad trailer");
        }
        byte[] b = new byte[(int) (len - TRAILER - indexOffset)];
        f.seek(indexOffset);
        f.readFully(b);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
        String[] names = new String[in.readInt()];
        for (int i = 0; i < names.length; i++) names[i] = in.readUTF();
        int n = in.readInt();
        Map<String, Map<Integer, Segment>> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int t = in.readInt();
            if (t < 0 || t >= names.length) throw new IOException("corrupt snapshot file " + file + ": table " + t);
            Segment s = new Segment(names[t], in.readInt(), in.readByte(), in.readLong(), in.readInt(), in.readInt());
            if (s.offset() < 0 || s.length() < 0 || s.offset() + s.length() > indexOffset) {
                throw new IOException("corrupt snapshot file " + file + ": segment " + s + " outside the data");
            }
            index.computeIfAbsent(s.table(), x -> new HashMap<>()).put(s.keyGroup(), s);
        }
        return index;
    }

    static byte[] readSegment(RandomAccessFile f, Segment s) throws IOException {
        byte[] b = new byte[s.length()];
        f.seek(s.offset());
        f.readFully(b);
        return b;
    }
}
