package io.runnel.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.utils.internals.BufferSupplier;

/**
 * Rewrites a group of closed segments into one file through a {@link CleaningFilter}, using
 * kafka-clients' {@link MemoryRecords#filterTo} (which re-encodes a batch only when it loses
 * records, keeps every retained record's offset, and writes delete horizons). Reads and writes
 * through two reused buffers of {@code log.cleaner.io.buffer.size}, each grown for a batch larger
 * than it. Not thread-safe: one per cleaner thread.
 */
final class SegmentRewriter {
    private final BufferSupplier decompression = BufferSupplier.create();
    private ByteBuffer readBuf;
    private ByteBuffer writeBuf;

    SegmentRewriter(int ioBufferSize) {
        this.readBuf = ByteBuffer.allocate(ioBufferSize);
        this.writeBuf = ByteBuffer.allocate(ioBufferSize);
    }

    /** Writes the retained batches of {@code group}, in order, to {@code file} (replaced), then fsyncs it. */
    long rewrite(List<LogSegment> group, CleaningFilter filter, Path file, int maxBatchBytes) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long written = 0;
            for (LogSegment segment : group) {
                written = copy(segment, filter, out, written, maxBatchBytes);
            }
            out.force(true);
            return written;
        }
    }

    private long copy(LogSegment segment, CleaningFilter filter, FileChannel out, long outPos, int maxBatchBytes)
            throws IOException {
        int end = segment.size();
        int pos = 0;
        while (pos < end) {
            readBuf.clear();
            segment.readAt(readBuf, pos);
            readBuf.flip();
            int complete = completeBatches(readBuf);
            if (complete == 0) {
                growReadBuffer(segment, pos);
                continue;
            }
            ByteBuffer in = readBuf.slice(0, complete);
            while (in.hasRemaining()) {
                writeBuf.clear();
                MemoryRecords.FilterResult r = MemoryRecords.readableRecords(in.slice())
                        .filterTo(filter, writeBuf, decompression, maxBatchBytes);
                ByteBuffer output = r.outputBuffer();
                output.flip();
                while (output.hasRemaining()) {
                    outPos += out.write(output, outPos);
                }
                writeBuf = output; // grown by filterTo if a batch did not fit
                in.position(in.position() + r.bytesRead());
            }
            pos += complete;
        }
        return outPos;
    }

    /** Bytes of the whole batches at the start of {@code buf}. */
    private static int completeBatches(ByteBuffer buf) {
        int pos = 0;
        while (pos + BatchDescriptor.LOG_OVERHEAD <= buf.limit()) {
            int size = BatchDescriptor.totalSize(buf, pos);
            if (pos + size > buf.limit()) {
                break;
            }
            pos += size;
        }
        return pos;
    }

    private void growReadBuffer(LogSegment segment, int pos) {
        if (readBuf.limit() < BatchDescriptor.LOG_OVERHEAD) {
            throw new LogException(segment + ": torn batch at position " + pos + " of a closed segment");
        }
        int size = BatchDescriptor.totalSize(readBuf, 0);
        if (size <= readBuf.capacity() || size > segment.size() - pos) {
            throw new LogException(segment + ": batch at position " + pos + " claims " + size
                    + " bytes, beyond the segment end");
        }
        readBuf = ByteBuffer.allocate(size);
    }
}
