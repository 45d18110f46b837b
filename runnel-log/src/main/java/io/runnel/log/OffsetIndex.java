package io.runnel.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The sparse offset index of one segment ({@link OffsetIndexDescriptor}). Entries live in memory
 * (at most {@code maxEntries}, so the arrays are bounded) and are written through to the file.
 * Not thread-safe for writers; the owning segment serialises appends.
 */
final class OffsetIndex implements Closeable {
    private final Path path;
    private final long baseOffset;
    private final int maxEntries;
    private final FileChannel channel;
    private final ByteBuffer entry = ByteBuffer.allocate(OffsetIndexDescriptor.ENTRY_SIZE);
    private volatile int[] relOffsets = new int[16];
    private volatile int[] positions = new int[16];
    private volatile int count;

    private OffsetIndex(Path path, long baseOffset, int maxEntries) throws IOException {
        this.path = path;
        this.baseOffset = baseOffset;
        this.maxEntries = maxEntries;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /**
     * Opens the index at {@code path}, loading its entries if they are consistent with a log of
     * {@code logSize} bytes; otherwise the file is emptied and {@link #needsRebuild} is true.
     */
    static OffsetIndex load(Path path, long baseOffset, int maxEntries, long logSize) throws IOException {
        OffsetIndex index = new OffsetIndex(path, baseOffset, maxEntries);
        if (!index.readEntries(logSize)) {
            index.clear();
            index.needsRebuild = true;
        }
        return index;
    }

    boolean needsRebuild;

    private boolean readEntries(long logSize) throws IOException {
        long size = channel.size();
        if (size % OffsetIndexDescriptor.ENTRY_SIZE != 0 || size / OffsetIndexDescriptor.ENTRY_SIZE > maxEntries) {
            return false;
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // read until full
        }
        all.flip();
        int n = (int) (size / OffsetIndexDescriptor.ENTRY_SIZE);
        int[] rel = new int[Math.max(16, n)];
        int[] pos = new int[Math.max(16, n)];
        for (int i = 0; i < n; i++) {
            rel[i] = all.getInt(i * OffsetIndexDescriptor.ENTRY_SIZE + OffsetIndexDescriptor.RELATIVE_OFFSET_OFFSET);
            pos[i] = all.getInt(i * OffsetIndexDescriptor.ENTRY_SIZE + OffsetIndexDescriptor.POSITION_OFFSET);
            boolean ordered = i == 0 ? rel[i] >= 0 && pos[i] >= 0 : rel[i] > rel[i - 1] && pos[i] > pos[i - 1];
            if (!ordered || pos[i] >= logSize) {
                return false;
            }
        }
        relOffsets = rel;
        positions = pos;
        count = n;
        return n > 0 || logSize == 0;
    }

    /** Drops every entry, in memory and on disk. */
    void clear() throws IOException {
        channel.truncate(0);
        count = 0;
    }

    boolean isFull() {
        return count >= maxEntries;
    }

    int entries() {
        return count;
    }

    /** Adds an entry for the batch with base {@code offset} at byte {@code position}, if it moves forward. */
    void append(long offset, int position) throws IOException {
        int rel = Math.toIntExact(offset - baseOffset);
        int n = count;
        if (n >= maxEntries || (n > 0 && (rel <= relOffsets[n - 1] || position <= positions[n - 1]))) {
            return;
        }
        entry.clear();
        entry.putInt(rel).putInt(position).flip();
        long at = (long) n * OffsetIndexDescriptor.ENTRY_SIZE;
        while (entry.hasRemaining()) {
            at += channel.write(entry, at);
        }
        if (n == relOffsets.length) {
            int newLength = Math.min(maxEntries, n * 2);
            positions = Arrays.copyOf(positions, newLength);
            relOffsets = Arrays.copyOf(relOffsets, newLength);
        }
        // Publish the arrays before the count so lock-free readers never see an unset slot.
        relOffsets[n] = rel;
        positions[n] = position;
        count = n + 1;
    }

    /** Byte position of the last indexed batch whose base offset is at most {@code offset}, or 0. */
    int floorPosition(long offset) {
        int n = count;
        int[] rel = relOffsets;
        int[] pos = positions;
        long target = offset - baseOffset;
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (rel[mid] <= target) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? 0 : pos[found];
    }

    /** Relative offset of the last entry at or below byte {@code position}, or 0 (the segment start). */
    int floorRelativeOffsetByPosition(int position) {
        int n = count;
        int[] rel = relOffsets;
        int[] pos = positions;
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pos[mid] <= position) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? 0 : rel[found];
    }

    void flush() throws IOException {
        channel.force(true);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
