package io.runnel.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The partition's leader epochs and the offset where each began, kept in
 * {@code leader-epoch-checkpoint} in Kafka's format (a version line {@code 0}, a count line, then
 * one {@code epoch startOffset} line per entry). Every batch appended is stamped with the latest
 * epoch in its {@code partitionLeaderEpoch} header field, so consumers can detect log truncation
 * (KIP-320) with OffsetForLeaderEpoch.
 *
 * <p>Immutable once the partition is open: a new epoch begins only when the partition is opened
 * ({@link #nextEpoch}), which on one node is the only leadership change there is.
 */
public final class LeaderEpochCache {
    /** Kafka's UNDEFINED_EPOCH and UNDEFINED_EPOCH_OFFSET. */
    public static final int UNDEFINED_EPOCH = -1;
    public static final long UNDEFINED_OFFSET = -1;
    static final String FILE_NAME = "leader-epoch-checkpoint";

    /** One epoch and the first offset written in it. */
    public record Entry(int epoch, long startOffset) {
    }

    /** An answer of {@link #endOffsetFor}: the epoch found (at most the one asked) and where it ended. */
    public record EpochEndOffset(int epoch, long endOffset) {
    }

    private final List<Entry> entries;

    private LeaderEpochCache(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads the checkpoint in {@code dir}; empty if there is none. */
    static LeaderEpochCache read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new LeaderEpochCache(List.of());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        try {
            if (lines.size() < 2 || !lines.get(0).trim().equals("0")) {
                throw new IOException(file + ": not a version 0 leader epoch checkpoint");
            }
            int count = Integer.parseInt(lines.get(1).trim());
            for (int i = 0; i < count; i++) {
                String[] parts = lines.get(2 + i).trim().split("\\s+");
                entries.add(new Entry(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": malformed leader epoch checkpoint (" + e + ")", e);
        }
        return new LeaderEpochCache(entries);
    }

    /**
     * The cache after this broker takes the lead at {@code logEndOffset}: the next epoch (0 for a
     * partition that has none) starting there. Entries at or after that offset are dropped (the
     * log may have been cut back by recovery), and so are entries wholly below {@code logStartOffset},
     * so the file stays as long as the number of epochs still in the log.
     */
    LeaderEpochCache nextEpoch(long logStartOffset, long logEndOffset) {
        int epoch = entries.isEmpty() ? 0 : latestEpoch() + 1;
        List<Entry> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            long nextStart = i + 1 < entries.size() ? entries.get(i + 1).startOffset() : logEndOffset;
            if (e.startOffset() >= logEndOffset || nextStart <= logStartOffset) {
                continue;
            }
            kept.add(new Entry(e.epoch(), Math.max(e.startOffset(), logStartOffset)));
        }
        kept.add(new Entry(epoch, logEndOffset));
        return new LeaderEpochCache(kept);
    }

    void write(Path dir) throws IOException {
        StringBuilder text = new StringBuilder("0\n").append(entries.size()).append('\n');
        for (Entry e : entries) {
            text.append(e.epoch()).append(' ').append(e.startOffset()).append('\n');
        }
        AtomicFiles.write(dir.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The current epoch, or {@link #UNDEFINED_EPOCH} if there is none. */
    public int latestEpoch() {
        return entries.isEmpty() ? UNDEFINED_EPOCH : entries.get(entries.size() - 1).epoch();
    }

    /**
     * Kafka's answer to OffsetForLeaderEpoch: for the current epoch, the log end offset; for an
     * older one, the start offset of the first larger epoch, paired with the largest epoch at most
     * {@code requested}; undefined for an epoch above the current one or {@link #UNDEFINED_EPOCH}.
     */
    public EpochEndOffset endOffsetFor(int requested, long logEndOffset) {
        if (requested == UNDEFINED_EPOCH || entries.isEmpty()) {
            return new EpochEndOffset(UNDEFINED_EPOCH, UNDEFINED_OFFSET);
        }
        if (requested == latestEpoch()) {
            return new EpochEndOffset(requested, logEndOffset);
        }
        Entry floor = null;
        for (Entry e : entries) {
            if (e.epoch() > requested) {
                return new EpochEndOffset(floor == null ? requested : floor.epoch(), e.startOffset());
            }
            floor = e;
        }
        return new EpochEndOffset(UNDEFINED_EPOCH, UNDEFINED_OFFSET);
    }

    /** The epoch in which {@code offset} was written, or {@link #UNDEFINED_EPOCH} if before every entry. */
    public int epochAt(long offset) {
        int epoch = UNDEFINED_EPOCH;
        for (Entry e : entries) {
            if (e.startOffset() > offset) {
                break;
            }
            epoch = e.epoch();
        }
        return epoch;
    }
}
