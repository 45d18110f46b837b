package io.runnel.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The sparse time index of one segment ({@link TimeIndexDescriptor}): entries in memory (bounded by
 * {@code maxEntries}), written through to the file. Appends are serialised by the owning segment.
 */
final class TimeIndex implements Closeable {
    private final long baseOffset;
    private final int maxEntries;
    private final FileChannel channel;
    private final ByteBuffer entry = ByteBuffer.allocate(TimeIndexDescriptor.ENTRY_SIZE);
    private volatile long[] timestamps = new long[16];
    private volatile int[] relOffsets = new int[16];
    private volatile int count;
    boolean needsRebuild;

    private TimeIndex(Path path, long baseOffset, int maxEntries) throws IOException {
        this.baseOffset = baseOffset;
        this.maxEntries = maxEntries;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** Opens and loads the index; if it is inconsistent it is emptied and {@link #needsRebuild} set. */
    static TimeIndex load(Path path, long baseOffset, int maxEntries, long nextOffset) throws IOException {
        TimeIndex index = new TimeIndex(path, baseOffset, maxEntries);
        if (!index.readEntries(nextOffset)) {
            index.clear();
            index.needsRebuild = true;
        }
        return index;
    }

    private boolean readEntries(long nextOffset) throws IOException {
        long size = channel.size();
        if (size % TimeIndexDescriptor.ENTRY_SIZE != 0 || size / TimeIndexDescriptor.ENTRY_SIZE > maxEntries) {
            return false;
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // read until full
        }
        int n = (int) (size / TimeIndexDescriptor.ENTRY_SIZE);
        long[] ts = new long[Math.max(16, n)];
        int[] rel = new int[Math.max(16, n)];
        for (int i = 0; i < n; i++) {
            ts[i] = all.getLong(i * TimeIndexDescriptor.ENTRY_SIZE + TimeIndexDescriptor.TIMESTAMP_OFFSET);
            rel[i] = all.getInt(i * TimeIndexDescriptor.ENTRY_SIZE + TimeIndexDescriptor.RELATIVE_OFFSET_OFFSET);
            boolean ordered = i == 0 ? rel[i] >= 0 : ts[i] > ts[i - 1] && rel[i] > rel[i - 1];
            if (!ordered || baseOffset + rel[i] >= nextOffset) {
                return false;
            }
        }
        timestamps = ts;
        relOffsets = rel;
        count = n;
        return true;
    }

    void clear() throws IOException {
        channel.truncate(0);
        count = 0;
    }

    boolean isFull() {
        return count >= maxEntries;
    }

    /** Records that the segment's largest timestamp reached {@code timestamp} at batch {@code offset}. */
    void maybeAppend(long timestamp, long offset) throws IOException {
        int n = count;
        int rel = Math.toIntExact(offset - baseOffset);
        if (n >= maxEntries || (n > 0 && (timestamp <= timestamps[n - 1] || rel <= relOffsets[n - 1]))) {
            return;
        }
        entry.clear();
        entry.putLong(timestamp).putInt(rel).flip();
        long at = (long) n * TimeIndexDescriptor.ENTRY_SIZE;
        while (entry.hasRemaining()) {
            at += channel.write(entry, at);
        }
        if (n == timestamps.length) {
            int newLength = Math.min(maxEntries, n * 2);
            relOffsets = Arrays.copyOf(relOffsets, newLength);
            timestamps = Arrays.copyOf(timestamps, newLength);
        }
        timestamps[n] = timestamp;
        relOffsets[n] = rel;
        count = n + 1;
    }

    /**
     * An offset from which a forward scan finds the first batch with max timestamp at least
     * {@code timestamp}: the batch of the last entry whose timestamp is below it (every batch
     * before that one is below it too), or the segment base.
     */
    long scanStart(long timestamp) {
        int n = count;
        long[] ts = timestamps;
        int[] rel = relOffsets;
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] < timestamp) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? baseOffset : baseOffset + rel[found];
    }

    /** The largest timestamp recorded, or -1. */
    long lastTimestamp() {
        int n = count;
        return n == 0 ? -1 : timestamps[n - 1];
    }

    /** The offset of the batch of the last entry, or the segment base. */
    long lastOffset() {
        int n = count;
        return n == 0 ? baseOffset : baseOffset + relOffsets[n - 1];
    }

    void flush() throws IOException {
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
