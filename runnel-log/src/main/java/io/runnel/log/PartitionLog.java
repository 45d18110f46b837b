package io.runnel.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition: a directory of segments. Appends, rolls, retention and flushes are serialised on
 * this object's monitor; reads are lock-free over the concurrent segment map.
 */
public final class PartitionLog implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionLog.class);

    private final Path dir;
    private final String topic;
    private final int partition;
    private final LongSupplier clock;
    private volatile LogConfig config;
    private final ConcurrentSkipListMap<Long, LogSegment> segments = new ConcurrentSkipListMap<>();
    private volatile LogSegment active;
    private volatile long logStartOffset;
    private volatile LeaderEpochCache epochs;
    private boolean dirty;
    private long lastFlushMs;
    private boolean closed;

    private PartitionLog(Path dir, String topic, int partition, LogConfig config, LongSupplier clock) {
        this.dir = dir;
        this.topic = topic;
        this.partition = partition;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens (creating if needed) the partition in {@code dir}. The newest segment is recovered:
     * every batch validated, the file truncated at the first torn or corrupt one.
     */
    public static PartitionLog open(Path dir, String topic, int partition, LogConfig config, LongSupplier clock) {
        PartitionLog log = new PartitionLog(dir, topic, partition, config, clock);
        try {
            Files.createDirectories(dir);
            log.loadSegments();
        } catch (IOException e) {
            log.closeQuietly();
            throw new UncheckedIOException("opening partition " + topic + "-" + partition + " in " + dir, e);
        }
        return log;
    }

    private void loadSegments() throws IOException {
        SegmentSwap.recoverDirectory(dir); // finish or discard a cleaning interrupted by a crash
        List<Long> bases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                long base = SegmentFiles.parseBaseOffset(f.getFileName().toString());
                if (base >= 0) {
                    bases.add(base);
                }
            });
        }
        bases.sort(null);
        long now = clock.getAsLong();
        for (int i = 0; i < bases.size(); i++) {
            boolean newest = i == bases.size() - 1;
            LogSegment segment = LogSegment.open(dir, bases.get(i), config, now, newest);
            segments.put(segment.baseOffset(), segment);
        }
        if (segments.isEmpty()) {
            LogSegment first = LogSegment.create(dir, 0, config, now);
            segments.put(0L, first);
        }
        active = segments.lastEntry().getValue();
        logStartOffset = Math.min(Math.max(segments.firstKey(), readLogStartCheckpoint()), active.nextOffset());
        epochs = LeaderEpochCache.read(dir).nextEpoch(logStartOffset, active.nextOffset());
        epochs.write(dir);
    }

    /**
     * The leader epochs of this partition. Each open begins a new epoch at the log end (0 for a new
     * partition): on one node a restart is the only leadership change, and data acknowledged but not
     * flushed before a crash may be gone, which consumers detect by the epoch change.
     */
    public LeaderEpochCache leaderEpochs() {
        return epochs;
    }

    /** The current leader epoch, stamped into every appended batch. */
    public int leaderEpoch() {
        return epochs.latestEpoch();
    }

    /** The file recording a log start offset moved by {@link #deleteRecordsBefore}. */
    private Path logStartCheckpoint() {
        return dir.resolve("log-start-offset");
    }

    private long readLogStartCheckpoint() throws IOException {
        Path file = logStartCheckpoint();
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring {}: '{}' is not an offset", file, text);
            return 0;
        }
    }

    /**
     * Makes records below {@code offset} unreadable (DeleteRecords): the log start offset moves there,
     * durably, and segments wholly below it are deleted.
     *
     * @return the new log start offset
     * @throws OffsetOutOfRangeException if {@code offset} is above the log end
     */
    public synchronized long deleteRecordsBefore(long offset) {
        ensureOpen();
        long end = logEndOffset();
        if (offset > end || offset < 0) {
            throw new OffsetOutOfRangeException("cannot delete records of " + topic + "-" + partition + " before "
                    + offset + ": the log ends at " + end);
        }
        if (offset <= logStartOffset) {
            return logStartOffset;
        }
        try {
            AtomicFiles.write(logStartCheckpoint(), Long.toString(offset).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            logStartOffset = offset;
            if (active.nextOffset() <= offset && !active.isEmpty()) {
                roll(active.nextOffset());
            }
            deleteSegmentsBefore(offset);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting records of " + topic + "-" + partition, e);
        }
        return logStartOffset;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public Path dir() {
        return dir;
    }

    public LogConfig config() {
        return config;
    }

    /** Applies new settings to future appends, rolls and retention checks. */
    public void updateConfig(LogConfig newConfig) {
        this.config = newConfig;
    }

    public long logStartOffset() {
        return logStartOffset;
    }

    /** The offset the next appended record gets; also the high watermark on a single node. */
    public long logEndOffset() {
        return active.nextOffset();
    }

    public long sizeInBytes() {
        long total = 0;
        for (LogSegment s : segments.values()) {
            total += s.size();
        }
        return total;
    }

    public int segmentCount() {
        return segments.size();
    }

    /**
     * Validates and appends the v2 record batches in {@code batches} (position to limit), writing
     * consecutive offsets starting at the log end into each batch's {@code baseOffset} field and
     * the current leader epoch into its {@code partitionLeaderEpoch}. The
     * whole buffer is checked before anything is written, so a bad batch leaves the log untouched.
     *
     * @throws InvalidBatchException  if a batch is malformed (nothing written)
     * @throws BatchTooLargeException if a batch exceeds {@code message.max.bytes} (nothing written)
     */
    public synchronized AppendResult append(ByteBuffer batches) {
        ensureOpen();
        ByteBuffer buf = batches.slice();
        String where = "append to " + topic + "-" + partition;
        int count = validateAll(buf, where);
        if (count == 0) {
            throw new InvalidBatchException(where + ": no record batch in the request");
        }
        long first = active.nextOffset();
        try {
            int pos = 0;
            while (pos < buf.limit()) {
                pos += appendOne(buf, pos);
            }
            dirty = true;
            if (config.fsyncPolicy() == FsyncPolicy.EVERY_BATCH) {
                flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(where + " failed in " + active, e);
        }
        return new AppendResult(first, active.nextOffset() - 1, logStartOffset);
    }

    private int validateAll(ByteBuffer buf, String where) {
        int pos = 0;
        int count = 0;
        while (pos < buf.limit()) {
            int size = BatchDescriptor.validate(buf, pos, where + ", batch " + count);
            if (size > config.maxBatchBytes()) {
                throw new BatchTooLargeException(where + ", batch " + count + ": " + size
                        + " bytes exceeds message.max.bytes=" + config.maxBatchBytes());
            }
            pos += size;
            count++;
        }
        return count;
    }

    private int appendOne(ByteBuffer buf, int pos) throws IOException {
        int size = BatchDescriptor.totalSize(buf, pos);
        long base = active.nextOffset();
        long last = base + buf.getInt(pos + BatchDescriptor.LAST_OFFSET_DELTA_OFFSET);
        long now = clock.getAsLong();
        if (active.shouldRoll(size, last, now)) {
            roll(base);
        }
        buf.putLong(pos + BatchDescriptor.BASE_OFFSET_OFFSET, base);
        buf.putInt(pos + BatchDescriptor.PARTITION_LEADER_EPOCH_OFFSET, epochs.latestEpoch()); // not CRC-covered
        ByteBuffer one = buf.duplicate();
        one.limit(pos + size).position(pos);
        active.append(one, base, last, BatchDescriptor.maxTimestamp(buf, pos));
        return size;
    }

    private void roll(long newBase) throws IOException {
        LogSegment old = active;
        old.onRoll();
        LogSegment next = LogSegment.create(dir, newBase, config, clock.getAsLong());
        segments.put(newBase, next);
        active = next;
        LOG.debug("Rolled {}-{} to a new segment at offset {}", topic, partition, newBase);
    }

    /** Rolls to a new active segment if the current one is non-empty; used before compaction-by-rewrite. */
    public synchronized void roll() {
        ensureOpen();
        if (!active.isEmpty()) {
            try {
                roll(active.nextOffset());
            } catch (IOException e) {
                throw new UncheckedIOException("rolling " + topic + "-" + partition, e);
            }
        }
    }

    /**
     * Reads from the batch containing {@code offset}: at least that whole batch, then further bytes
     * of the same segment up to {@code maxBytes}. Empty at the log end.
     *
     * @throws OffsetOutOfRangeException if {@code offset} is below the log start or above the end
     */
    public LogSlice read(long offset, int maxBytes) {
        return read(offset, maxBytes, Long.MAX_VALUE);
    }

    /**
     * As {@link #read(long, int)}, but without batches whose base offset is at or above
     * {@code maxOffset} (used to stop read-committed fetches at the last stable offset).
     */
    public LogSlice read(long offset, int maxBytes, long maxOffset) {
        long end = logEndOffset();
        if (offset < logStartOffset || offset > end) {
            throw new OffsetOutOfRangeException("offset " + offset + " is out of range for " + topic + "-"
                    + partition + " [" + logStartOffset + ", " + end + "]");
        }
        if (offset == end) {
            return LogSlice.empty(offset);
        }
        Map.Entry<Long, LogSegment> entry = segments.floorEntry(offset);
        try {
            while (entry != null) {
                LogSlice slice = entry.getValue().read(offset, maxBytes, maxOffset);
                if (slice != null) {
                    return slice;
                }
                entry = segments.higherEntry(entry.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + topic + "-" + partition + " at offset " + offset, e);
        }
        return LogSlice.empty(offset);
    }

    /** The first batch whose max timestamp is at least {@code timestamp}, or null if none. */
    public LogSlice findByTimestamp(long timestamp) {
        try {
            for (LogSegment segment : segments.values()) {
                LogSlice slice = segment.findByTimestamp(timestamp);
                if (slice != null) {
                    return slice;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("timestamp lookup in " + topic + "-" + partition, e);
        }
        return null;
    }

    /**
     * An offset where reading the last roughly {@code tailBytes} of the active segment can start
     * (a batch boundary, at or before that point); used to rebuild state from recent batches.
     */
    public long tailStartOffset(long tailBytes) {
        LogSegment segment = active;
        long position = Math.max(0, segment.size() - tailBytes);
        return Math.max(logStartOffset, segment.offsetAtOrBeforePosition((int) position));
    }

    /**
     * Reads only batch headers (the first {@link BatchDescriptor#HEADER_SIZE} bytes of each batch,
     * no records) from {@code fromOffset} to the log end, in offset order. The buffer passed to the
     * visitor is valid only during the call; read it with the {@link BatchDescriptor} accessors at
     * position 0.
     */
    public void forEachBatchHeader(long fromOffset, java.util.function.Consumer<ByteBuffer> visitor) {
        try {
            Map.Entry<Long, LogSegment> entry = segments.floorEntry(Math.max(fromOffset, logStartOffset));
            if (entry == null) {
                entry = segments.firstEntry();
            }
            while (entry != null) {
                entry.getValue().forEachBatchHeader(fromOffset, visitor);
                entry = segments.higherEntry(entry.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("scanning " + topic + "-" + partition + " from offset " + fromOffset, e);
        }
    }

    /** The largest batch max timestamp in the partition, or -1 if it has none. */
    public long maxTimestamp() {
        long max = -1;
        for (LogSegment s : segments.values()) {
            max = Math.max(max, s.maxTimestamp());
        }
        return max;
    }

    /** The segments in offset order, the active one last (for the log cleaner). */
    List<LogSegment> segmentList() {
        return new ArrayList<>(segments.values());
    }

    LogSegment activeSegment() {
        return active;
    }

    /** Whether every segment of {@code group} is still part of this log (retention may have deleted some). */
    synchronized boolean holdsAll(List<LogSegment> group) {
        for (LogSegment s : group) {
            if (segments.get(s.baseOffset()) != s || s == active) {
                return false;
            }
        }
        return !closed;
    }

    /**
     * Puts a cleaned segment in place of {@code group} (whose files the caller has already replaced);
     * the caller holds this log's monitor. Readers see either the old segments or the new one for
     * every offset: the new one is published before the others are removed.
     */
    void replaceSegments(List<LogSegment> group, LogSegment cleaned) {
        segments.put(cleaned.baseOffset(), cleaned);
        for (LogSegment s : group) {
            if (s.baseOffset() != cleaned.baseOffset()) {
                segments.remove(s.baseOffset(), s);
            }
        }
    }

    /**
     * Rolls the active segment if it is older than {@code segment.ms}, so its records become
     * cleanable; used instead of {@link #applyRetention()} for topics without the delete policy.
     */
    public synchronized void rollIfDue() {
        if (closed || active.isEmpty() || clock.getAsLong() - active.createdMs() < config.segmentMs()) {
            return;
        }
        try {
            roll(active.nextOffset());
        } catch (IOException e) {
            throw new UncheckedIOException("rolling " + topic + "-" + partition, e);
        }
    }

    /** For {@link FsyncPolicy#INTERVAL}: flushes if dirty and the last flush is older than the interval. */
    public synchronized void flushIfDue(long nowMs) {
        if (config.fsyncPolicy() == FsyncPolicy.INTERVAL && nowMs - lastFlushMs >= config.flushIntervalMs()) {
            flush();
        }
    }

    /** Forces appended bytes to disk if anything was appended since the last flush. */
    public synchronized void flush() {
        if (!dirty || closed) {
            return;
        }
        try {
            active.flush();
            dirty = false;
            lastFlushMs = clock.getAsLong();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing " + topic + "-" + partition, e);
        }
    }

    /**
     * Deletes closed segments past retention (time, then size); the active segment is kept. Also
     * rolls the active segment if it is older than {@code log.roll.ms}, so idle data can expire.
     *
     * @return the number of segments deleted
     */
    public synchronized int applyRetention() {
        if (closed) {
            return 0;
        }
        long now = clock.getAsLong();
        int deleted = 0;
        try {
            if (!active.isEmpty() && now - active.createdMs() >= config.segmentMs()) {
                roll(active.nextOffset());
            }
            long total = sizeInBytes();
            for (LogSegment s : new ArrayList<>(segments.values())) {
                if (s == active) {
                    break;
                }
                boolean expired = config.retentionMs() >= 0 && (s.maxTimestamp() >= 0
                        && now - s.maxTimestamp() > config.retentionMs() || s.isEmpty()); // empty: left by compaction
                boolean oversize = config.retentionBytes() >= 0 && total - s.size() >= config.retentionBytes();
                if (!expired && !oversize) {
                    break;
                }
                total -= s.size();
                deleteSegment(s);
                deleted++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("applying retention to " + topic + "-" + partition, e);
        }
        return deleted;
    }

    /** Deletes every closed segment that lies wholly below {@code offset}. */
    public synchronized int deleteSegmentsBefore(long offset) {
        int deleted = 0;
        try {
            for (LogSegment s : new ArrayList<>(segments.values())) {
                if (s == active || s.nextOffset() > offset) {
                    break;
                }
                deleteSegment(s);
                deleted++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting segments of " + topic + "-" + partition, e);
        }
        return deleted;
    }

    private void deleteSegment(LogSegment s) throws IOException {
        segments.remove(s.baseOffset());
        logStartOffset = Math.max(logStartOffset, segments.firstKey());
        s.delete();
        LOG.info("Deleted segment {} ({} bytes); log start offset of {}-{} is now {}", s, s.size(), topic,
                partition, logStartOffset);
    }

    private void ensureOpen() {
        if (closed) {
            throw new LogException("partition " + topic + "-" + partition + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            active.onRoll();
        } catch (IOException e) {
            LOG.warn("Could not flush {} on close", active, e);
        }
        closed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        for (LogSegment s : segments.values()) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.warn("Could not close {}", s, e);
            }
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
