package io.runnel.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segment: a {@code .log} file of record batches starting at {@link #baseOffset()}, with its
 * sparse offset and time indexes. Appends are serialised by the owning {@link PartitionLog};
 * reads are lock-free and see only bytes whose size was published after they were written.
 */
final class LogSegment implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LogSegment.class);

    private final Path dir;
    private final long baseOffset;
    private final LogConfig config;
    private final FileChannel channel;
    private final OffsetIndex offsetIndex;
    private final TimeIndex timeIndex;
    private final long createdMs;
    private volatile int size;
    private volatile long nextOffset;
    private volatile long maxTimestamp = -1;
    private long offsetOfMaxTimestamp;
    private int bytesSinceIndexEntry;

    private LogSegment(Path dir, long baseOffset, LogConfig config, long createdMs) throws IOException {
        this.dir = dir;
        this.baseOffset = baseOffset;
        this.config = config;
        this.createdMs = createdMs;
        this.channel = FileChannel.open(SegmentFiles.log(dir, baseOffset), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        long fileSize = channel.size();
        if (fileSize > Integer.MAX_VALUE) {
            throw new LogException(SegmentFiles.log(dir, baseOffset) + ": segment of " + fileSize
                    + " bytes is larger than 2 GiB");
        }
        this.size = (int) fileSize;
        this.nextOffset = baseOffset;
        this.offsetOfMaxTimestamp = baseOffset;
        int maxEntries = config.maxIndexBytes() / OffsetIndexDescriptor.ENTRY_SIZE;
        this.offsetIndex = OffsetIndex.load(SegmentFiles.index(dir, baseOffset), baseOffset, maxEntries, fileSize);
        this.timeIndex = TimeIndex.load(SegmentFiles.timeIndex(dir, baseOffset), baseOffset,
                config.maxIndexBytes() / TimeIndexDescriptor.ENTRY_SIZE, Long.MAX_VALUE);
    }

    /** Creates a new empty segment (or reuses empty files left by a crash). */
    static LogSegment create(Path dir, long baseOffset, LogConfig config, long nowMs) throws IOException {
        LogSegment segment = new LogSegment(dir, baseOffset, config, nowMs);
        AtomicFiles.fsyncDirectory(dir); // the new files' directory entries survive a power loss
        if (segment.size > 0) {
            segment.recover();
        }
        return segment;
    }

    /**
     * Opens an existing segment. With {@code recover}, every batch is validated and the file is
     * truncated at the first torn or corrupt one; indexes are rebuilt. Without it, indexes are
     * trusted if they pass their checks and rebuilt otherwise.
     */
    static LogSegment open(Path dir, long baseOffset, LogConfig config, long nowMs, boolean recover)
            throws IOException {
        LogSegment segment = new LogSegment(dir, baseOffset, config, nowMs);
        if (recover || segment.offsetIndex.needsRebuild || segment.timeIndex.needsRebuild) {
            segment.recover();
        } else {
            segment.loadTail();
        }
        return segment;
    }

    long baseOffset() {
        return baseOffset;
    }

    int size() {
        return size;
    }

    /** One past the last offset in this segment ({@link #baseOffset()} when empty). */
    long nextOffset() {
        return nextOffset;
    }

    long maxTimestamp() {
        return maxTimestamp;
    }

    long createdMs() {
        return createdMs;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Whether a batch of {@code batchSize} bytes ending at {@code lastOffset} must go to a new segment. */
    boolean shouldRoll(int batchSize, long lastOffset, long nowMs) {
        if (size == 0) {
            return false;
        }
        return (long) size + batchSize > config.segmentBytes()
                || nowMs - createdMs >= config.segmentMs()
                || offsetIndex.isFull() || timeIndex.isFull()
                || lastOffset - baseOffset > Integer.MAX_VALUE;
    }

    /**
     * Appends one batch whose header already carries its assigned offsets. {@code batch} is read
     * from its position to its limit.
     */
    void append(ByteBuffer batch, long batchBaseOffset, long lastOffset, long batchMaxTimestamp) throws IOException {
        int position = size;
        int length = batch.remaining();
        long at = position;
        while (batch.hasRemaining()) {
            at += channel.write(batch, at);
        }
        indexBatch(position, length, batchBaseOffset, batchMaxTimestamp);
        nextOffset = lastOffset + 1;
        size = position + length; // publish last: readers never see a half-written batch
    }

    private void indexBatch(int position, int length, long batchBaseOffset, long batchMaxTimestamp)
            throws IOException {
        if (batchMaxTimestamp > maxTimestamp) {
            maxTimestamp = batchMaxTimestamp;
            offsetOfMaxTimestamp = batchBaseOffset;
        }
        if (bytesSinceIndexEntry >= config.indexIntervalBytes()) {
            offsetIndex.append(batchBaseOffset, position);
            timeIndex.maybeAppend(maxTimestamp, offsetOfMaxTimestamp);
            bytesSinceIndexEntry = 0;
        }
        bytesSinceIndexEntry += length;
    }

    /** A batch-boundary offset at or before byte {@code position} (from the sparse index). */
    long offsetAtOrBeforePosition(int position) {
        return baseOffset + offsetIndex.floorRelativeOffsetByPosition(position);
    }

    /**
     * Reads from the batch containing {@code offset}, or returns null if no batch here reaches it.
     * Batches whose base offset is at or above {@code maxOffset} are left out (an empty slice if
     * the first one is).
     */
    LogSlice read(long offset, int maxBytes, long maxOffset) throws IOException {
        int end = size;
        int pos = offsetIndex.floorPosition(offset);
        ByteBuffer header = ByteBuffer.allocate(BatchDescriptor.HEADER_SIZE);
        while (pos < end) {
            readHeader(header, pos);
            int batchSize = BatchDescriptor.totalSize(header, 0);
            if (BatchDescriptor.lastOffset(header, 0) >= offset) {
                long first = BatchDescriptor.baseOffset(header, 0);
                if (first >= maxOffset) {
                    return LogSlice.empty(offset);
                }
                int length = Math.min(end - pos, Math.max(maxBytes, batchSize));
                if (maxOffset < nextOffset) {
                    length = cutBefore(header, pos, length, maxOffset);
                }
                return new LogSlice(channel, pos, length, first);
            }
            pos += batchSize;
        }
        return null;
    }

    /** Shortens a slice so it ends before the first batch at or above {@code maxOffset}. */
    private int cutBefore(ByteBuffer header, int start, int length, long maxOffset) throws IOException {
        int pos = start;
        while (pos < start + length && pos + BatchDescriptor.HEADER_SIZE <= size) {
            readHeader(header, pos);
            if (BatchDescriptor.baseOffset(header, 0) >= maxOffset) {
                return pos - start;
            }
            pos += BatchDescriptor.totalSize(header, 0);
        }
        return length;
    }

    /** Visits the header of every batch whose last offset is at least {@code fromOffset}. */
    void forEachBatchHeader(long fromOffset, java.util.function.Consumer<ByteBuffer> visitor) throws IOException {
        int end = size;
        int pos = offsetIndex.floorPosition(fromOffset);
        ByteBuffer header = ByteBuffer.allocate(BatchDescriptor.HEADER_SIZE);
        while (pos + BatchDescriptor.HEADER_SIZE <= end) {
            readHeader(header, pos);
            if (BatchDescriptor.lastOffset(header, 0) >= fromOffset) {
                visitor.accept(header.asReadOnlyBuffer());
            }
            pos += BatchDescriptor.totalSize(header, 0);
        }
    }

    /** The first batch whose max timestamp is at least {@code timestamp}, as a one-batch slice, or null. */
    LogSlice findByTimestamp(long timestamp) throws IOException {
        if (maxTimestamp < timestamp) {
            return null;
        }
        int end = size;
        int pos = offsetIndex.floorPosition(timeIndex.scanStart(timestamp));
        ByteBuffer header = ByteBuffer.allocate(BatchDescriptor.HEADER_SIZE);
        while (pos < end) {
            readHeader(header, pos);
            int batchSize = BatchDescriptor.totalSize(header, 0);
            if (BatchDescriptor.maxTimestamp(header, 0) >= timestamp) {
                return new LogSlice(channel, pos, batchSize, BatchDescriptor.baseOffset(header, 0));
            }
            pos += batchSize;
        }
        return null;
    }

    private void readHeader(ByteBuffer header, int pos) throws IOException {
        header.clear();
        while (header.hasRemaining()) {
            if (channel.read(header, pos + header.position()) < 0) {
                throw new LogException(SegmentFiles.log(dir, baseOffset) + ": unexpected end of file at " + pos);
            }
        }
    }

    /** Rebuilds offsets, timestamps and indexes by scanning headers after the last index entry. */
    private void loadTail() throws IOException {
        int pos = offsetIndex.floorPosition(Long.MAX_VALUE);
        ByteBuffer header = ByteBuffer.allocate(BatchDescriptor.HEADER_SIZE);
        maxTimestamp = -1;
        while (pos + BatchDescriptor.HEADER_SIZE <= size) {
            readHeader(header, pos);
            long ts = BatchDescriptor.maxTimestamp(header, 0);
            if (ts > maxTimestamp) {
                maxTimestamp = ts;
                offsetOfMaxTimestamp = BatchDescriptor.baseOffset(header, 0);
            }
            nextOffset = BatchDescriptor.lastOffset(header, 0) + 1;
            pos += BatchDescriptor.totalSize(header, 0);
        }
        long indexedMax = timeIndex.lastTimestamp();
        if (indexedMax > maxTimestamp) {
            maxTimestamp = indexedMax;
            offsetOfMaxTimestamp = timeIndex.lastOffset();
        }
    }

    /**
     * Validates every batch (framing, magic, CRC-32C, increasing offsets), truncates the file at the
     * first bad one with a WARN naming file and position, and rebuilds both indexes.
     */
    void recover() throws IOException {
        offsetIndex.clear();
        timeIndex.clear();
        bytesSinceIndexEntry = 0;
        maxTimestamp = -1;
        nextOffset = baseOffset;
        long fileSize = channel.size();
        int pos = 0;
        ByteBuffer buf = ByteBuffer.allocate(BatchDescriptor.HEADER_SIZE);
        Path file = SegmentFiles.log(dir, baseOffset);
        while (pos < fileSize) {
            try {
                buf = readBatch(buf, pos, fileSize, file);
                int batchSize = BatchDescriptor.validate(buf, 0, file + " at position " + pos);
                long batchBase = BatchDescriptor.baseOffset(buf, 0);
                if (batchBase < nextOffset) {
                    throw new InvalidBatchException(file + " at position " + pos + ": base offset " + batchBase
                            + " is below the expected " + nextOffset);
                }
                indexBatch(pos, batchSize, batchBase, BatchDescriptor.maxTimestamp(buf, 0));
                nextOffset = BatchDescriptor.lastOffset(buf, 0) + 1;
                pos += batchSize;
            } catch (InvalidBatchException e) {
                LOG.warn("Truncating {} at position {} (offset {}), dropping {} bytes: {}", file, pos, nextOffset,
                        fileSize - pos, e.getMessage());
                break;
            }
        }
        if (pos < fileSize) {
            channel.truncate(pos);
            channel.force(true);
        }
        size = pos;
    }

    /** Reads the whole batch at {@code pos} into a buffer (grown as needed), limit set to its end. */
    private ByteBuffer readBatch(ByteBuffer buf, int pos, long fileSize, Path file) throws IOException {
        int headerBytes = (int) Math.min(BatchDescriptor.HEADER_SIZE, fileSize - pos);
        buf.clear().limit(headerBytes);
        while (buf.hasRemaining() && channel.read(buf, pos + buf.position()) >= 0) {
            // fill header
        }
        if (headerBytes < BatchDescriptor.HEADER_SIZE) {
            throw new InvalidBatchException(file + " at position " + pos + ": torn batch header (" + headerBytes
                    + " bytes)");
        }
        long total = (long) BatchDescriptor.LOG_OVERHEAD + buf.getInt(BatchDescriptor.LENGTH_OFFSET);
        if (total < BatchDescriptor.HEADER_SIZE || total > fileSize - pos) {
            throw new InvalidBatchException(file + " at position " + pos + ": batch length " + total
                    + " does not fit the " + (fileSize - pos) + " bytes left");
        }
        if (buf.capacity() < total) {
            ByteBuffer bigger = ByteBuffer.allocate((int) total);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        buf.limit((int) total);
        while (buf.hasRemaining() && channel.read(buf, pos + buf.position()) >= 0) {
            // fill batch
        }
        buf.flip();
        return buf;
    }

    /**
     * Reads file bytes from {@code position} into {@code dst} until it is full or the published size
     * is reached (for the log cleaner, which reads closed segments sequentially).
     *
     * @return the number of bytes read
     */
    int readAt(ByteBuffer dst, int position) throws IOException {
        int want = Math.min(dst.remaining(), Math.max(0, size - position));
        ByteBuffer view = dst.duplicate();
        view.limit(dst.position() + want);
        int read = 0;
        while (view.hasRemaining()) {
            int n = channel.read(view, (long) position + read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        dst.position(view.position());
        return read;
    }

    /** Called when this segment stops being the active one: final time index entry, then fsync. */
    void onRoll() throws IOException {
        if (maxTimestamp >= 0) {
            timeIndex.maybeAppend(maxTimestamp, offsetOfMaxTimestamp);
        }
        flush();
    }

    void flush() throws IOException {
        channel.force(false);
        offsetIndex.flush();
        timeIndex.flush();
    }

    @Override
    public void close() throws IOException {
        try (channel; offsetIndex; timeIndex) {
            // closes all three
        }
    }

    /** Closes and deletes the segment's three files. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(SegmentFiles.log(dir, baseOffset));
        Files.deleteIfExists(SegmentFiles.index(dir, baseOffset));
        Files.deleteIfExists(SegmentFiles.timeIndex(dir, baseOffset));
    }

    @Override
    public String toString() {
        return SegmentFiles.log(dir, baseOffset).toString();
    }
}
