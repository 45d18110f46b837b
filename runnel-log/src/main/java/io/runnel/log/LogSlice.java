package io.runnel.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A byte range of a segment file holding whole record batches, except that the last batch may be
 * cut short by the read's size limit (as Kafka fetches do; clients drop a partial last batch).
 * Usable for zero-copy transfer ({@code FileChannel.transferTo}, Netty's {@code DefaultFileRegion})
 * or copied with {@link #readFully()}. The channel stays owned by the log; if the segment is
 * deleted by retention meanwhile the read fails with an I/O error and should be retried.
 *
 * @param channel   the segment's {@code .log} channel
 * @param position  byte position of the first batch
 * @param length    bytes in the slice (0 for an empty read)
 * @param firstOffset base offset of the first batch, or the requested offset if empty
 */
public record LogSlice(FileChannel channel, long position, int length, long firstOffset) {

    public static LogSlice empty(long offset) {
        return new LogSlice(null, 0, 0, offset);
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** Copies the slice into a new heap buffer, ready to read. */
    public ByteBuffer readFully() {
        ByteBuffer buf = ByteBuffer.allocate(length);
        try {
            while (buf.hasRemaining()) {
                int n = channel.read(buf, position + buf.position());
                if (n < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + length + " bytes at " + position, e);
        }
        buf.flip();
        return buf;
    }
}
