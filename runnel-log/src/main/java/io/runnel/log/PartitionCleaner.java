package io.runnel.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cleaning round of one partition, Kafka's algorithm: the cleanable section is the closed
 * segments below the first uncleanable offset (the active segment, the last stable offset, or the
 * first segment younger than {@code min.compaction.lag.ms}); it is cleaned when its dirty part
 * (past the cleaner checkpoint) is more than {@code min.cleanable.dirty.ratio} of it, or when dirty
 * records are older than {@code max.compaction.lag.ms}. The dirty part's keys go into the
 * {@link OffsetMap} (up to where it fills), then every segment from the log start up to there is
 * rewritten, in groups no larger than {@code segment.bytes}, and swapped in ({@link SegmentSwap}).
 */
final class PartitionCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionCleaner.class);

    private final long mapBytes;
    private final double loadFactor;
    private OffsetMap map; // allocated at the first cleaning: most brokers never need its memory
    private final SegmentRewriter rewriter;
    private final CleanerHooks hooks;
    private final SegmentSwap.StepHook stepHook;
    private final ByteBuffer readBuf;

    PartitionCleaner(long mapBytes, double loadFactor, int ioBufferSize, CleanerHooks hooks,
                     SegmentSwap.StepHook stepHook) {
        this.mapBytes = mapBytes;
        this.loadFactor = loadFactor;
        this.rewriter = new SegmentRewriter(ioBufferSize);
        this.hooks = hooks;
        this.stepHook = stepHook;
        this.readBuf = ByteBuffer.allocate(ioBufferSize);
    }

    /** The outcome of one round: the new first dirty offset, and the segments replaced (to close later). */
    record Result(long firstDirty, List<LogSegment> replaced) {
    }

    /** Cleans {@code log} if it needs it; null if it did not. */
    Result clean(PartitionLog log, CompactionConfig cc, long checkpoint, long nowMs) throws IOException {
        List<LogSegment> segments = log.segmentList();
        LogSegment active = log.activeSegment();
        long logStart = log.logStartOffset();
        long firstDirty = checkpoint < logStart || checkpoint > active.nextOffset() ? logStart : checkpoint;
        long end = firstUncleanableSegmentBase(segments, active, firstDirty,
                Math.min(active.baseOffset(), hooks.lastStableOffset(log)), cc, nowMs);
        if (!needsCleaning(segments, firstDirty, end, cc, nowMs)) {
            return null;
        }
        if (map == null) {
            map = new OffsetMap(mapBytes, loadFactor);
        }
        TransactionScan txns = TransactionScan.of(segments);
        long mapEnd = buildOffsetMap(segments, firstDirty, end, txns);
        if (mapEnd <= firstDirty) {
            LOG.warn("Cannot clean {}: log.cleaner.dedupe.buffer.size holds {} keys, fewer than one batch at offset {}",
                    log, map.capacity(), firstDirty);
            return null;
        }
        CleaningFilter filter = new CleaningFilter(nowMs, cc.deleteRetentionMs(), map, mapEnd, txns);
        List<LogSegment> replaced = new ArrayList<>();
        for (List<LogSegment> group : groups(segments, mapEnd, log.config().segmentBytes())) {
            if (!cleanGroup(log, group, filter, nowMs)) { // the log changed under us: try again next round
                return replaced.isEmpty() ? null : new Result(firstDirty, replaced);
            }
            replaced.addAll(group);
        }
        LOG.info("Cleaned {} up to offset {} ({} keys in the offset map)", log, mapEnd, map.size());
        return new Result(mapEnd, replaced);
    }

    private boolean cleanGroup(PartitionLog log, List<LogSegment> group, CleaningFilter filter, long nowMs)
            throws IOException {
        Path cleaned = SegmentSwap.cleaned(log.dir(), group.get(0).baseOffset());
        try {
            rewriter.rewrite(group, filter, cleaned, Math.max(log.config().maxBatchBytes(), 1));
            stepHook.after("cleaned-written");
            long[] removedMarkers = filter.drainRemovedAbortMarkers();
            if (removedMarkers.length > 0) {
                hooks.abortMarkersRemoved(log, removedMarkers);
            }
            return SegmentSwap.swapIn(log, group, cleaned, nowMs, stepHook);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(cleaned);
            throw e;
        }
    }

    /**
     * The base of the first segment that may not be cleaned: the one holding {@code bound} (the
     * active segment's base or the last stable offset), or an earlier dirty one younger than the
     * minimum compaction lag.
     */
    private static long firstUncleanableSegmentBase(List<LogSegment> segments, LogSegment active, long firstDirty,
                                                    long bound, CompactionConfig cc, long nowMs) {
        for (LogSegment s : segments) {
            if (s == active || s.nextOffset() > bound) {
                return s.baseOffset();
            }
            boolean dirty = s.nextOffset() > firstDirty;
            if (dirty && cc.minCompactionLagMs() > 0 && s.maxTimestamp() > nowMs - cc.minCompactionLagMs()) {
                return s.baseOffset();
            }
        }
        return active.baseOffset();
    }

    private static boolean needsCleaning(List<LogSegment> segments, long firstDirty, long end, CompactionConfig cc,
                                         long nowMs) {
        long clean = 0;
        long dirty = 0;
        long firstDirtyTimestamp = -1;
        for (LogSegment s : segments) {
            if (s.baseOffset() >= end) {
                break;
            }
            if (s.nextOffset() <= firstDirty) {
                clean += s.size();
            } else {
                dirty += s.size();
                if (firstDirtyTimestamp < 0) {
                    firstDirtyTimestamp = s.maxTimestamp();
                }
            }
        }
        if (dirty == 0) {
            return false;
        }
        boolean overdue = firstDirtyTimestamp >= 0 && cc.maxCompactionLagMs() < Long.MAX_VALUE
                && nowMs - firstDirtyTimestamp > cc.maxCompactionLagMs();
        return overdue || (double) dirty / (clean + dirty) > cc.minCleanableDirtyRatio(); // strictly, as Kafka
    }

    /**
     * Puts the latest offset of every key in [firstDirty, end) into the map, skipping control
     * batches and aborted data, and stops before the first batch that might not fit.
     *
     * @return the offset up to which the map is complete
     */
    private long buildOffsetMap(List<LogSegment> segments, long firstDirty, long end, TransactionScan txns)
            throws IOException {
        map.clear();
        for (LogSegment s : segments) {
            if (s.baseOffset() >= end) {
                break;
            }
            if (s.nextOffset() <= firstDirty) {
                continue;
            }
            long stoppedAt = mapSegment(s, firstDirty, txns);
            if (stoppedAt >= 0) {
                return stoppedAt;
            }
        }
        return end;
    }

    /** Maps one segment's keys; returns the offset where the map filled, or -1 if all of it fit. */
    private long mapSegment(LogSegment s, long firstDirty, TransactionScan txns) throws IOException {
        int pos = 0;
        int size = s.size();
        ByteBuffer buf = readBuf;
        while (pos < size) {
            buf.clear();
            s.readAt(buf, pos);
            buf.flip();
            int consumed = 0;
            for (RecordBatch batch : MemoryRecords.readableRecords(buf).batches()) {
                if (batch.lastOffset() >= firstDirty && !batch.isControlBatch()
                        && !(batch.isTransactional() && txns.isAborted(batch.producerId(), batch.baseOffset()))) {
                    if (map.wouldOverflow(batch.countOrNull() == null ? Integer.MAX_VALUE : batch.countOrNull())) {
                        return Math.max(batch.baseOffset(), firstDirty);
                    }
                    for (Record r : batch) {
                        if (r.offset() >= firstDirty && r.hasKey()) {
                            map.put(r.key(), r.offset());
                        }
                    }
                }
                consumed += batch.sizeInBytes();
            }
            if (consumed == 0) {
                buf = ByteBuffer.allocate(Math.max(buf.capacity() * 2, BatchDescriptor.totalSize(buf, 0)));
                continue; // a batch larger than the buffer
            }
            pos += consumed;
        }
        return -1;
    }

    /** Segments from the log start below {@code mapEnd}, grouped so each group fits {@code segment.bytes}. */
    private static List<List<LogSegment>> groups(List<LogSegment> segments, long mapEnd, int segmentBytes) {
        List<List<LogSegment>> groups = new ArrayList<>();
        List<LogSegment> current = new ArrayList<>();
        long bytes = 0;
        for (LogSegment s : segments) {
            if (s.baseOffset() >= mapEnd) {
                break;
            }
            boolean fits = current.isEmpty() || (bytes + s.size() <= segmentBytes
                    && s.nextOffset() - 1 - current.get(0).baseOffset() <= Integer.MAX_VALUE);
            if (!fits) {
                groups.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(s);
            bytes += s.size();
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }
}
