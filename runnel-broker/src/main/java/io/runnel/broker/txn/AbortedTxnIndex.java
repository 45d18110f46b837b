package io.runnel.broker.txn;

import io.runnel.log.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The aborted transactions of one partition ({@link AbortedTxnIndexDescriptor}), kept in memory and
 * appended to the file. Read-committed fetches return the ones overlapping what they read, so the
 * client can drop aborted records. Guarded by the partition's lock.
 */
final class AbortedTxnIndex {
    /** One aborted transaction. */
    record Entry(long producerId, long firstOffset, long lastOffset) {
    }

    /** Entries past which an add first drops those below the log start (so memory follows retention). */
    private static final int PRUNE_THRESHOLD = 1024;
    private final Path file;
    private final java.util.function.LongSupplier logStartOffset;
    private final List<Entry> entries = new ArrayList<>();
    private int pruneAt = PRUNE_THRESHOLD;

    AbortedTxnIndex(Path partitionDir, java.util.function.LongSupplier logStartOffset) {
        this.file = partitionDir.resolve(AbortedTxnIndexDescriptor.FILE_NAME);
        this.logStartOffset = logStartOffset;
        try {
            load(logStartOffset.getAsLong());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private void load(long logStartOffset) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file));
        int n = all.capacity() / AbortedTxnIndexDescriptor.ENTRY_SIZE;
        boolean dropped = all.capacity() % AbortedTxnIndexDescriptor.ENTRY_SIZE != 0;
        for (int i = 0; i < n; i++) {
            int at = i * AbortedTxnIndexDescriptor.ENTRY_SIZE;
            Entry e = new Entry(all.getLong(at + AbortedTxnIndexDescriptor.PRODUCER_ID_OFFSET),
                    all.getLong(at + AbortedTxnIndexDescriptor.FIRST_OFFSET_OFFSET),
                    all.getLong(at + AbortedTxnIndexDescriptor.LAST_OFFSET_OFFSET));
            if (e.lastOffset() >= logStartOffset) {
                entries.add(e);
            } else {
                dropped = true;
            }
        }
        if (dropped) {
            AtomicFiles.write(file, encode(entries));
        }
    }

    private static byte[] encode(List<Entry> list) {
        ByteBuffer b = ByteBuffer.allocate(list.size() * AbortedTxnIndexDescriptor.ENTRY_SIZE);
        for (Entry e : list) {
            b.putLong(e.producerId()).putLong(e.firstOffset()).putLong(e.lastOffset());
        }
        return b.array();
    }

    void add(Entry e) {
        if (entries.size() >= pruneAt) {
            long start = logStartOffset.getAsLong();
            if (entries.removeIf(x -> x.lastOffset() < start)) {
                try {
                    AtomicFiles.write(file, encode(entries));
                } catch (IOException ex) {
                    throw new UncheckedIOException("rewriting " + file, ex);
                }
            }
            pruneAt = Math.max(PRUNE_THRESHOLD, 2 * entries.size());
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(encode(List.of(e)));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(false);
        } catch (IOException ex) {
            throw new UncheckedIOException("appending to " + file, ex);
        }
        entries.add(e);
    }

    /** Replaces the entries with ones rebuilt from the log, rewriting the file if they differ. */
    void replaceWith(List<Entry> rebuilt) {
        if (rebuilt.equals(entries)) {
            return;
        }
        try {
            AtomicFiles.write(file, encode(rebuilt));
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting " + file, e);
        }
        entries.clear();
        entries.addAll(rebuilt);
    }

    /** Removes the entries whose abort marker is at one of {@code markerOffsets}, rewriting the file atomically. */
    void removeByMarkerOffsets(long[] markerOffsets) {
        java.util.Set<Long> doomed = new java.util.HashSet<>();
        for (long o : markerOffsets) {
            doomed.add(o);
        }
        if (entries.removeIf(e -> doomed.contains(e.lastOffset()))) {
            try {
                AtomicFiles.write(file, encode(entries));
            } catch (IOException ex) {
                throw new UncheckedIOException("rewriting " + file, ex);
            }
        }
    }

    /** Aborted transactions that end at or after {@code from} and start before {@code upTo}. */
    List<Entry> overlapping(long from, long upTo) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.lastOffset() >= from && e.firstOffset() < upTo) {
                out.add(e);
            }
        }
        return out;
    }
}
